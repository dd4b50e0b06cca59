import type { Review } from '../src/index.ts';

let sequence = 0;

/** A valid published review; tests override only what they are about. */
export function makeReview(overrides: Partial<Review> = {}): Review {
  sequence += 1;
  return {
    id: `r${sequence}`,
    product: 'sku-1',
    rating: 5,
    title: 'Lovely teapot',
    body: 'Pours well and keeps tea warm.',
    language: 'en',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    authorName: 'Li Wei',
    verifiedPurchase: true,
    incentive: null,
    recommends: true,
    helpfulCount: 0,
    unhelpfulCount: 0,
    media: [],
    aspects: [],
    reply: null,
    status: 'published',
    ...overrides,
  };
}
