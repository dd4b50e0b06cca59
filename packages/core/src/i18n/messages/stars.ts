// The stars messages in English and Chinese. One module per group, so a
// widget's bundle carries only the wording it shows (bundlers split by module).
import type { MessagesOf } from './messages-of.ts';

export const enStars = {
  'stars.label': {
    one: '{rating} out of 5, {count} review',
    other: '{rating} out of 5, {count} reviews',
  },
  'stars.none': 'No reviews yet',
} as const;

export const zhCNStars = {
  'stars.label': { other: '{rating} 星（满分 5 星），{count} 条评价' },
  'stars.none': '暂无评价',
} satisfies MessagesOf<typeof enStars>;
