import { describe, expect, it } from 'vitest';
import {
  EventBatchSchema,
  InviteLandingSchema,
  KoubeiEventSchema,
  ProductSummarySchema,
  ReferralProgrammeSchema,
  ReviewSchema,
  ReviewSubmissionSchema,
  SocialProofSchema,
  TestimonialSchema,
  validate,
  visibleSocialProof,
} from '../src/index.ts';
import type { SocialProof } from '../src/index.ts';
import { makeReview } from './fixtures.ts';

/** The failure's field paths, so each case asserts which field was named. */
function failedPaths(schema: Parameters<typeof validate>[0], input: unknown): string[] {
  const result = validate(schema, input);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues.map((issue) => issue.path);
}

describe('ReviewSchema', () => {
  it('accepts a complete review', () => {
    expect(validate(ReviewSchema, makeReview()).ok).toBe(true);
  });

  it.each([
    ['rating', '5'],
    ['rating', 4.5],
    ['rating', 0],
    ['rating', 6],
    ['rating', Number.NaN],
    ['rating', null],
    ['createdAt', 'yesterday'],
    ['language', 'not a language'],
    ['helpfulCount', -1],
    ['helpfulCount', 1e308],
    ['title', 'x'.repeat(151)],
    ['authorName', ''],
    ['status', 'approved-by-bot'],
    ['id', '../etc/passwd'],
    ['product', 'a b'],
  ])('rejects %s = %j and names the field', (field, value) => {
    expect(failedPaths(ReviewSchema, makeReview({ [field]: value }))).toContain(field);
  });

  it('names nested fields with their path', () => {
    const review = makeReview({
      media: [
        {
          kind: 'photo',
          id: 'p1',
          reviewId: 'r1',
          url: 'https://x.test/a.png',
          width: 0,
          height: 10,
          alt: '',
        },
      ],
    });
    expect(failedPaths(ReviewSchema, review)).toContain('media.0.width');
    const result = validate(ReviewSchema, review);
    expect(!result.ok && result.message).toMatch(/^media\.0\.width: /);
  });

  it('strips unknown keys such as dangerouslySetInnerHTML from responses', () => {
    const result = validate(ReviewSchema, {
      ...makeReview(),
      dangerouslySetInnerHTML: { __html: '<img onerror=alert(1)>' },
      onclick: 'alert(1)',
    });
    expect(result.ok && Object.keys(result.value)).not.toContain('dangerouslySetInnerHTML');
    expect(result.ok && Object.keys(result.value)).not.toContain('onclick');
  });

  it('rejects wrong top-level types with a readable message', () => {
    for (const input of [null, 'review', 42]) {
      const result = validate(ReviewSchema, input);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(/Invalid type: Expected Object/);
    }
    // An array is an object to valibot: it fails on the missing fields instead.
    expect(failedPaths(ReviewSchema, [])).toEqual(expect.arrayContaining(['id', 'rating']));
  });
});

describe('ReviewSubmissionSchema', () => {
  const valid = { rating: 5, body: '好用', authorName: '小李', language: 'zh-CN' };

  it('fills defaults for optional fields', () => {
    const result = validate(ReviewSubmissionSchema, valid);
    expect(result.ok && result.value).toMatchObject({
      title: '',
      photoIds: [],
      aspects: [],
      recommends: null,
    });
  });

  it('rejects fields the server derives (mass assignment)', () => {
    for (const field of ['status', 'verifiedPurchase', 'helpfulCount', 'createdAt', 'incentive']) {
      expect(failedPaths(ReviewSubmissionSchema, { ...valid, [field]: 'x' })).toContain(field);
    }
  });

  it('names every bad field at once', () => {
    const paths = failedPaths(ReviewSubmissionSchema, {
      ...valid,
      rating: '5',
      body: '',
      email: 'not-an-email',
      photoIds: Array.from({ length: 11 }, (_, i) => `p${i}`),
    });
    expect(paths).toEqual(expect.arrayContaining(['rating', 'body', 'email', 'photoIds']));
  });

  it('rejects the same aspect rated twice and prototype keys', () => {
    const twice = {
      ...valid,
      aspects: [
        { aspect: 'quality', rating: 5 },
        { aspect: 'quality', rating: 1 },
      ],
    };
    expect(validate(ReviewSubmissionSchema, twice).ok).toBe(false);
    const polluted = JSON.parse(
      '{"rating":5,"body":"x","authorName":"a","language":"en","__proto__":{"admin":true}}',
    );
    expect(validate(ReviewSubmissionSchema, polluted).ok).toBe(false);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('other payloads', () => {
  it('ProductSummarySchema wants five histogram buckets and means within 0–5', () => {
    const summary = {
      product: 'sku-1',
      count: 2,
      mean: 4.5,
      bayesianMean: 4,
      histogram: [0, 0, 0, 1, 1],
      photoShare: 0,
      recommendRate: null,
      aspects: [],
    };
    expect(validate(ProductSummarySchema, summary).ok).toBe(true);
    expect(failedPaths(ProductSummarySchema, { ...summary, histogram: [1, 1] })).toContain(
      'histogram.4',
    );
    expect(failedPaths(ProductSummarySchema, { ...summary, mean: 7 })).toContain('mean');
  });

  it('TestimonialSchema requires a quote and a known source', () => {
    const testimonial = {
      id: 't1',
      quote: '全家都爱用',
      authorName: 'Chen',
      language: 'zh-CN',
      source: 'survey',
      featured: true,
      createdAt: '2026-01-01T00:00:00Z',
    };
    expect(validate(TestimonialSchema, testimonial).ok).toBe(true);
    expect(failedPaths(TestimonialSchema, { ...testimonial, source: 'fax' })).toContain('source');
    expect(failedPaths(TestimonialSchema, { ...testimonial, quote: '' })).toContain('quote');
  });

  it('referral payloads check rewards and codes', () => {
    const programme = {
      id: 'spring',
      name: 'Spring invites',
      active: true,
      conversion: 'purchase',
      inviterReward: { kind: 'amount', amountMinor: 2000, currency: 'CNY' },
      inviteeReward: { kind: 'percent', percent: 10 },
      tiers: [{ conversions: 3, inviterReward: { kind: 'points', points: 500 } }],
      maxRewardsPerInviter: null,
      maxInvitesPerDay: 20,
      expiresAt: null,
    };
    expect(validate(ReferralProgrammeSchema, programme).ok).toBe(true);
    expect(
      failedPaths(ReferralProgrammeSchema, {
        ...programme,
        inviterReward: { kind: 'amount', amountMinor: 1.5, currency: 'cny' },
      }),
    ).toEqual(expect.arrayContaining(['inviterReward.amountMinor', 'inviterReward.currency']));
    expect(
      failedPaths(InviteLandingSchema, {
        code: 'abc',
        inviterFirstName: null,
        inviteeReward: { kind: 'percent', percent: 10 },
        expiresAt: null,
      }),
    ).toContain('code');
  });

  it('events carry a version, a known type and bounded detail', () => {
    const event = {
      v: 1,
      type: 'filter',
      store: 'tea-house',
      widget: 'reviews',
      product: 'sku-1',
      at: '2026-11-22T10:00:00Z',
      pageView: 'pv_12345678',
      detail: { stars: 5, sort: 'newest' },
    };
    expect(validate(KoubeiEventSchema, event).ok).toBe(true);
    expect(failedPaths(KoubeiEventSchema, { ...event, v: 2 })).toContain('v');
    expect(failedPaths(KoubeiEventSchema, { ...event, type: 'mouse-move' })).toContain('type');
    expect(validate(KoubeiEventSchema, { ...event, detail: { nested: { a: 1 } } }).ok).toBe(false);
    const tooMany = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i]));
    expect(validate(KoubeiEventSchema, { ...event, detail: tooMany }).ok).toBe(false);
    expect(validate(EventBatchSchema, { events: [] }).ok).toBe(false);
  });
});

describe('visibleSocialProof', () => {
  const proof: SocialProof = {
    product: 'sku-1',
    minimumCount: 3,
    friends: { count: 2, named: [{ displayName: 'Ann' }, { displayName: 'Bo' }] },
    recent: [
      { kind: 'purchased', count: 38, windowDays: 7 },
      { kind: 'reviewed', count: 2, windowDays: 7 },
    ],
  };

  it('hides every count below the minimum', () => {
    const visible = visibleSocialProof(proof);
    expect(visible.friends).toBeNull();
    expect(visible.recent).toEqual([{ kind: 'purchased', count: 38, windowDays: 7 }]);
  });

  it('never names more friends than the count or more than three', () => {
    const many = {
      ...proof,
      friends: {
        count: 4,
        named: ['A', 'B', 'C', 'D', 'E'].map((displayName) => ({ displayName })),
      },
    };
    expect(visibleSocialProof(many).friends?.named).toHaveLength(3);
    expect(validate(SocialProofSchema, many).ok).toBe(true);
  });
});
