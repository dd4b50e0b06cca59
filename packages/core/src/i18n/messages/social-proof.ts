// The social proof messages in English and Chinese. One module per group, so a
// widget's bundle carries only the wording it shows (bundlers split by module).
import type { MessagesOf } from './messages-of.ts';

export const enSocialProof = {
  'socialProof.friends': {
    one: '{count} friend recommends this',
    other: '{count} friends recommend this',
  },
  'socialProof.purchased': {
    one: '{count} person bought this in the last {days} days',
    other: '{count} people bought this in the last {days} days',
  },
  'socialProof.reviewed': {
    one: '{count} person reviewed this in the last {days} days',
    other: '{count} people reviewed this in the last {days} days',
  },
  'socialProof.recommended': {
    one: '{count} person recommended this in the last {days} days',
    other: '{count} people recommended this in the last {days} days',
  },
  'socialProof.customers': {
    one: '{count} customer recommends this',
    other: '{count} customers recommend this',
  },
  // Follows 'socialProof.friends'; {names} is a list of up to three friends who agreed to be named.
  'socialProof.including': 'including {names}',
} as const;

export const zhCNSocialProof = {
  'socialProof.friends': { other: '{count} 位好友推荐' },
  'socialProof.purchased': { other: '近 {days} 天有 {count} 人购买' },
  'socialProof.reviewed': { other: '近 {days} 天有 {count} 人评价' },
  'socialProof.recommended': { other: '近 {days} 天有 {count} 人推荐' },
  'socialProof.customers': { other: '{count} 位买家推荐' },
  'socialProof.including': '包括 {names}',
} satisfies MessagesOf<typeof enSocialProof>;
