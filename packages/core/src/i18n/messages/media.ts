// The media messages in English and Chinese. One module per group, so a
// widget's bundle carries only the wording it shows (bundlers split by module).
import type { MessagesOf } from './messages-of.ts';

export const enMedia = {
  'media.open': 'Open photo {index} of {total}',
  'media.close': 'Close',
  'media.next': 'Next photo',
  'media.previous': 'Previous photo',
  'media.byAuthor': 'Photo by {name}',
  'media.title': 'Customer photos',
  'media.lightbox': 'Photo {index} of {total}',
  'media.empty': 'No customer photos yet.',
  'media.fromReview': 'From a {rating}-star review by {name}',
  'media.loadMore': 'Show more photos',
} as const;

export const zhCNMedia = {
  'media.open': '打开第 {index} 张图片，共 {total} 张',
  'media.close': '关闭',
  'media.next': '下一张',
  'media.previous': '上一张',
  'media.byAuthor': '{name} 上传的图片',
  'media.title': '买家秀',
  'media.lightbox': '第 {index} 张，共 {total} 张',
  'media.empty': '还没有买家上传图片。',
  'media.fromReview': '来自 {name} 的 {rating} 星评价',
  'media.loadMore': '查看更多图片',
} satisfies MessagesOf<typeof enMedia>;
