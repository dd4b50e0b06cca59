// The states messages in English and Chinese. One module per group, so a
// widget's bundle carries only the wording it shows (bundlers split by module).
import type { MessagesOf } from './messages-of.ts';

export const enStates = {
  'state.loading': 'Loading reviews…',
  'state.error': 'Reviews could not be loaded.',
  'state.retry': 'Retry',
  'state.offline': 'You are offline. Showing saved reviews.',
  'state.rateLimited': 'Too many requests. Please try again in a moment.',
  'time.updated': 'Updated {time}',
  'state.empty': 'Nothing to show yet.',
  'carousel.label': 'Reviews carousel',
  'carousel.previous': 'Previous slide',
  'carousel.next': 'Next slide',
  'carousel.slide': '{index} of {total}',
  'carousel.goTo': 'Go to slide {index}',
  'carousel.pause': 'Pause automatic slides',
  'carousel.play': 'Start automatic slides',
} as const;

export const zhCNStates = {
  'state.loading': '正在加载评价…',
  'state.error': '评价加载失败。',
  'state.retry': '重试',
  'state.offline': '您已离线，正在显示已保存的评价。',
  'state.rateLimited': '请求过于频繁，请稍后再试。',
  'time.updated': '更新于 {time}',
  'state.empty': '暂无内容。',
  'carousel.label': '评价轮播',
  'carousel.previous': '上一张',
  'carousel.next': '下一张',
  'carousel.slide': '第 {index} 张，共 {total} 张',
  'carousel.goTo': '转到第 {index} 张',
  'carousel.pause': '暂停自动播放',
  'carousel.play': '开始自动播放',
} satisfies MessagesOf<typeof enStates>;
