import type {
  InviteLanding,
  InviterStatus,
  ProductSummary,
  Review,
  SocialProof,
  Testimonial,
} from '@koubei/core';
import { aggregateReviews, summarizeAggregate } from '@koubei/core';

// Believable data for stories and component tests: a tea shop's reviews in
// English and Chinese, with photos, replies, incentives and votes.

const TEXTS: readonly [lang: string, title: string, body: string, author: string][] = [
  [
    'en',
    'Keeps tea hot for hours',
    'The double wall really works. My jasmine tea was still warm after my morning meetings.',
    'Sam Patel',
  ],
  [
    'zh-CN',
    '保温效果很好',
    '双层设计很实用，早上泡的茉莉花茶开完会还是热的。包装也很用心。',
    '王芳',
  ],
  [
    'en',
    'Pretty, but the lid is tight',
    'Beautiful glaze and a good pour. The lid needs some force at first; it loosened after a week.',
    'Olivia Chen',
  ],
  ['zh-CN', '颜值高', '釉色很漂亮，出水顺畅。盖子一开始有点紧，用了一周就好了。', '李伟'],
  [
    'en',
    'Arrived broken',
    'The spout was chipped when it arrived. Support replaced it within three days, so four stars for service.',
    'Jonas Berg',
  ],
  ['zh-CN', '物流很快', '下单第二天就到了，茶壶做工精细，送给父母他们很喜欢。', '张敏'],
  [
    'en',
    'Our everyday pot',
    'We use it every single day. Easy to clean, no tea stains so far, and it looks lovely on the table.',
    'Aisha Khan',
  ],
  ['zh-CN', '性价比高', '这个价格能买到这样的品质很划算，已经推荐给同事了。', '陈静'],
];

const DAY = 24 * 3600 * 1000;
const NOW = Date.parse('2026-11-20T10:00:00Z');

/** A customer photo served by Storybook's static folder (`/photos`). */
export function photo(reviewId: string, n: number) {
  // Storybook serves the photos itself; tests and Node have no such origin.
  const origin =
    typeof location !== 'undefined' && location.origin.startsWith('http')
      ? location.origin
      : 'http://localhost:6006';
  return {
    kind: 'photo' as const,
    id: `${reviewId}p${n}`,
    reviewId,
    url: `${origin}/photos/photo-${n}.png`,
    thumbnailUrl: `${origin}/photos/photo-${n}-thumb.png`,
    width: 480,
    height: 360,
    alt: `Customer photo ${n}`,
  };
}

/** `count` reviews for one product; deterministic so stories and tests are stable. */
export function makeReviews(count: number, product = 'teapot-celadon'): Review[] {
  return Array.from({ length: count }, (_, i) => {
    const [language, title, body, authorName] = TEXTS[i % TEXTS.length] as (typeof TEXTS)[number];
    const id = `${product.replace(/[^A-Za-z0-9_-]/g, '')}-r${i + 1}`;
    const rating = [5, 4, 5, 3, 5, 4, 2, 5, 1, 4][i % 10] as number;
    return {
      id,
      product,
      rating,
      title,
      body,
      language,
      createdAt: new Date(NOW - i * 2.5 * DAY).toISOString(),
      updatedAt: new Date(NOW - i * 2.5 * DAY).toISOString(),
      authorName,
      verifiedPurchase: i % 3 !== 2,
      incentive: i % 11 === 4 ? { kind: 'discount', disclosure: '10% off the next order' } : null,
      recommends: rating >= 4,
      helpfulCount: (i * 7) % 23,
      unhelpfulCount: i % 4,
      media: i % 4 === 0 ? [photo(id, (i % 6) + 1), photo(id, ((i + 2) % 6) + 1)] : [],
      aspects:
        i % 2 === 0
          ? [
              { aspect: 'quality', rating },
              { aspect: 'delivery', rating: 5 },
            ]
          : [],
      reply:
        rating <= 3
          ? {
              body: 'Thank you for telling us. We have sent a replacement and improved our packing.',
              createdAt: new Date(NOW - i * 2.5 * DAY + DAY).toISOString(),
            }
          : null,
      status: 'published',
    } satisfies Review;
  });
}

export function summaryOf(reviews: readonly Review[], product = 'teapot-celadon'): ProductSummary {
  return summarizeAggregate(
    product,
    aggregateReviews(
      reviews.map((r) => ({
        rating: r.rating,
        hasPhotos: r.media.length > 0,
        recommends: r.recommends,
        aspects: r.aspects,
      })),
    ),
  );
}

export const TESTIMONIALS: readonly Testimonial[] = [
  {
    id: 't1',
    quote: 'The best tea set we have bought. Guests always ask where it is from.',
    authorName: 'Mei Lin',
    authorRole: 'Tea house owner',
    authorCompany: 'Lin’s Tea Room',
    rating: 5,
    language: 'en',
    source: 'review',
    featured: true,
    createdAt: '2026-10-01T00:00:00Z',
  },
  {
    id: 't2',
    quote: '客服非常耐心，退换货也很方便，会继续回购。',
    authorName: '赵雷',
    rating: 5,
    language: 'zh-CN',
    source: 'survey',
    featured: true,
    createdAt: '2026-09-12T00:00:00Z',
  },
  {
    id: 't3',
    quote: 'Beautiful craftsmanship and fast delivery to Berlin.',
    authorName: 'Jonas Berg',
    language: 'en',
    source: 'social',
    featured: false,
    createdAt: '2026-08-30T00:00:00Z',
  },
  {
    id: 't4',
    quote: 'I gifted three of these for the New Year. Everyone loved them.',
    authorName: 'Priya N.',
    authorRole: 'Repeat customer',
    rating: 4,
    language: 'en',
    source: 'review',
    featured: false,
    createdAt: '2026-07-02T00:00:00Z',
  },
  {
    id: 't5',
    quote: '包装精美，适合送礼。',
    authorName: '孙悦',
    language: 'zh-CN',
    source: 'review',
    rating: 5,
    featured: false,
    createdAt: '2026-06-18T00:00:00Z',
  },
];

export const SOCIAL_PROOF: SocialProof = {
  product: 'teapot-celadon',
  minimumCount: 3,
  friends: {
    count: 7,
    named: [{ displayName: 'Ann' }, { displayName: '小王' }, { displayName: 'Jonas' }],
  },
  recent: [{ kind: 'purchased', count: 38, windowDays: 7 }],
};

/** Text meant to break things: markup, scripts, direction overrides, huge words. */
export const HOSTILE_TEXT = [
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  'javascript:/*--></title></style></textarea></script><svg/onload=alert(42)>',
  'Jane\u202Eyub deifirev',
  'W'.repeat(3000),
  '🎉'.repeat(400),
].join('\n');

/** An inviter five friends along: one at each step, and rewards for the one who bought. */
export const INVITER_STATUS: InviterStatus = {
  invite: {
    code: 'K7MPQ2XZ',
    url: 'https://shop.example/?koubei_invite=K7MPQ2XZ',
    programmeId: 'programme-1',
    createdAt: '2026-11-01T08:00:00Z',
  },
  invitations: [
    {
      id: 'i5',
      inviteeMasked: 'l***@qq.com',
      state: 'rewarded',
      updatedAt: '2026-11-20T09:30:00Z',
    },
    {
      id: 'i4',
      inviteeMasked: '138****5678',
      state: 'purchased',
      updatedAt: '2026-11-19T12:00:00Z',
    },
    { id: 'i3', inviteeMasked: 'J***', state: 'signed-up', updatedAt: '2026-11-18T16:45:00Z' },
    { id: 'i2', inviteeMasked: '王*', state: 'visited', updatedAt: '2026-11-17T10:10:00Z' },
    { id: 'i1', inviteeMasked: '', state: 'invited', updatedAt: '2026-11-16T07:00:00Z' },
  ],
  conversions: 1,
  rewardsEarned: [
    { kind: 'amount', amountMinor: 2000, currency: 'CNY' },
    { kind: 'coupon', description: 'Free gift tin', code: 'KB-7QW3ZP' },
  ],
  nextTier: { conversionsNeeded: 2, reward: { kind: 'points', points: 500 } },
};

/** What a friend arriving through that invite is offered. */
export const INVITE_LANDING: InviteLanding = {
  code: 'K7MPQ2XZ',
  inviterFirstName: 'Mei',
  inviteeReward: { kind: 'coupon', description: '¥20 off your first order' },
  expiresAt: '2026-12-31T16:00:00Z',
};
