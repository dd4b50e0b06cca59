// The summary messages in English and Chinese. One module per group, so a
// widget's bundle carries only the wording it shows (bundlers split by module).
import type { MessagesOf } from './messages-of.ts';

export const enSummary = {
  'summary.basedOn': { one: 'Based on {count} review', other: 'Based on {count} reviews' },
  'summary.recommend': '{percent} would recommend',
  'summary.title': 'Rating summary',
  'summary.barDetail': { one: 'review ({percent})', other: 'reviews ({percent})' },
  'summary.filterBy': 'Show {stars}-star reviews',
  'aspect.quality': 'Quality',
  'aspect.value': 'Value',
  'aspect.service': 'Service',
  'aspect.delivery': 'Delivery',
  'aspect.experience': 'Experience',
  'aspect.brand': 'Brand',
} as const;

export const zhCNSummary = {
  'summary.basedOn': { other: '基于 {count} 条评价' },
  'summary.recommend': '{percent} 的买家推荐',
  'summary.title': '评分概览',
  'summary.barDetail': { other: '条评价（{percent}）' },
  'summary.filterBy': '查看 {stars} 星评价',
  'aspect.quality': '质量',
  'aspect.value': '性价比',
  'aspect.service': '服务',
  'aspect.delivery': '物流',
  'aspect.experience': '体验',
  'aspect.brand': '品牌',
} satisfies MessagesOf<typeof enSummary>;
