// The testimonials messages in English and Chinese. One module per group, so a
// widget's bundle carries only the wording it shows (bundlers split by module).
import type { MessagesOf } from './messages-of.ts';

export const enTestimonials = {
  'testimonials.title': 'What our customers say',
  'testimonials.source.review': 'From a review',
  'testimonials.source.survey': 'From a survey',
  'testimonials.source.social': 'From social media',
  'testimonials.empty': 'No testimonials yet.',
  'testimonials.featured': 'Featured',
} as const;

export const zhCNTestimonials = {
  'testimonials.title': '听听顾客怎么说',
  'testimonials.source.review': '来自评价',
  'testimonials.source.survey': '来自问卷',
  'testimonials.source.social': '来自社交媒体',
  'testimonials.empty': '暂无客户推荐。',
  'testimonials.featured': '精选',
} satisfies MessagesOf<typeof enTestimonials>;
