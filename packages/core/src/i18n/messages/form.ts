// The form messages in English and Chinese. One module per group, so a
// widget's bundle carries only the wording it shows (bundlers split by module).
import type { MessagesOf } from './messages-of.ts';

export const enForm = {
  'form.title': 'Write a review',
  'form.rating': 'Your rating',
  'form.ratingValue': { one: '{count} star', other: '{count} stars' },
  'form.reviewTitle': 'Title (optional)',
  'form.body': 'Your review',
  'form.name': 'Name shown with your review',
  'form.email': 'Email (never shown)',
  'form.recommend': 'Would you recommend this product?',
  'form.photos': 'Add photos',
  'form.submit': 'Submit review',
  'form.submitting': 'Sending…',
  'form.thanks': 'Thank you! Your review is published.',
  'form.pending': 'Thank you! Your review will appear once it has been checked.',
  'form.retry': 'Try again',
  'form.draftKept': 'Your review is kept here; nothing was lost.',
} as const;

export const zhCNForm = {
  'form.title': '写评价',
  'form.rating': '您的评分',
  'form.ratingValue': { other: '{count} 星' },
  'form.reviewTitle': '标题（选填）',
  'form.body': '评价内容',
  'form.name': '显示的昵称',
  'form.email': '邮箱（不会公开）',
  'form.recommend': '您会向朋友推荐这件商品吗？',
  'form.photos': '添加图片',
  'form.submit': '提交评价',
  'form.submitting': '提交中…',
  'form.thanks': '感谢您的评价，已发布！',
  'form.pending': '感谢您的评价！审核通过后即会显示。',
  'form.retry': '重试',
  'form.draftKept': '您的评价内容已保留，不会丢失。',
} satisfies MessagesOf<typeof enForm>;
