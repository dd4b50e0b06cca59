import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidCursorError,
  REVIEW_SORTS,
  decodeReviewCursor,
  encodeReviewCursor,
  matchesReviewFilter,
  paginateReviews,
  rankReviews,
  wilsonLowerBound,
} from '../src/index.ts';
import type { Review, ReviewFilter, ReviewPageResult, ReviewSort } from '../src/index.ts';
import { makeReview } from './fixtures.ts';

const photo = {
  kind: 'photo' as const,
  id: 'p1',
  reviewId: 'r',
  url: 'https://img.koubei.test/p1.webp',
  width: 800,
  height: 600,
  alt: '',
};

describe('wilsonLowerBound', () => {
  it('rewards evidence, not just a high ratio', () => {
    expect(wilsonLowerBound(40, 5)).toBeGreaterThan(wilsonLowerBound(2, 0));
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(-1, 3)).toBe(0);
  });

  it('stays within 0 and the observed ratio (property)', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (up, down) => {
        const bound = wilsonLowerBound(up, down);
        expect(bound).toBeGreaterThanOrEqual(0);
        expect(bound).toBeLessThanOrEqual(up + down === 0 ? 0 : up / (up + down) + 1e-12);
      }),
    );
  });
});

describe('rankReviews', () => {
  const old = makeReview({ id: 'old', rating: 2, createdAt: '2025-01-01T00:00:00Z' });
  const fresh = makeReview({ id: 'fresh', rating: 4, createdAt: '2026-03-01T00:00:00Z' });
  const helpful = makeReview({
    id: 'helpful',
    rating: 5,
    createdAt: '2025-06-01T00:00:00Z',
    helpfulCount: 30,
    unhelpfulCount: 1,
    media: [photo],
  });
  const all = [old, fresh, helpful];
  const ids = (reviews: Review[]) => reviews.map((r) => r.id);

  it('orders by each sort', () => {
    expect(ids(rankReviews(all, { sort: 'newest' }))).toEqual(['fresh', 'helpful', 'old']);
    expect(ids(rankReviews(all, { sort: 'oldest' }))).toEqual(['old', 'helpful', 'fresh']);
    expect(ids(rankReviews(all, { sort: 'highest' }))).toEqual(['helpful', 'fresh', 'old']);
    expect(ids(rankReviews(all, { sort: 'lowest' }))).toEqual(['old', 'fresh', 'helpful']);
    expect(ids(rankReviews(all, { sort: 'helpful' }))[0]).toBe('helpful');
  });

  it('puts reviews with photos first when asked, keeping the sort inside each group', () => {
    expect(ids(rankReviews(all, { sort: 'lowest', photosFirst: true }))).toEqual([
      'helpful',
      'old',
      'fresh',
    ]);
  });

  it('breaks ties by id so the order is total', () => {
    const a = makeReview({ id: 'a', createdAt: '2026-01-01T00:00:00Z' });
    const b = makeReview({ id: 'b', createdAt: '2026-01-01T00:00:00Z' });
    expect(ids(rankReviews([b, a], { sort: 'newest' }))).toEqual(['a', 'b']);
    expect(ids(rankReviews([a, b], { sort: 'newest' }))).toEqual(['a', 'b']);
  });

  it('does not reorder the input array', () => {
    const input = [old, fresh, helpful];
    rankReviews(input, { sort: 'newest' });
    expect(input).toEqual([old, fresh, helpful]);
  });
});

describe('matchesReviewFilter', () => {
  const review = makeReview({ rating: 4, language: 'zh-CN', verifiedPurchase: false });
  const cases: [ReviewFilter, boolean][] = [
    [{}, true],
    [{ stars: [] }, true],
    [{ stars: [4, 5] }, true],
    [{ stars: [1] }, false],
    [{ withMedia: true }, false],
    [{ verifiedOnly: true }, false],
    [{ language: 'zh' }, true],
    [{ language: 'ZH-cn' }, true],
    [{ language: 'z' }, false],
    [{ language: 'en' }, false],
  ];
  it.each(cases)('%j → %s', (filter, expected) => {
    expect(matchesReviewFilter(review, filter)).toBe(expected);
  });
});

const reviewArbitrary = fc
  .record({
    rating: fc.integer({ min: 1, max: 5 }),
    // A small range of dates makes ties common, which is where paging breaks.
    day: fc.integer({ min: 1, max: 5 }),
    helpfulCount: fc.nat(5),
    unhelpfulCount: fc.nat(5),
    withPhoto: fc.boolean(),
    language: fc.constantFrom('en', 'zh-CN'),
    verifiedPurchase: fc.boolean(),
  })
  .map((r) => ({
    rating: r.rating,
    createdAt: `2026-01-0${r.day}T00:00:00.000Z`,
    helpfulCount: r.helpfulCount,
    unhelpfulCount: r.unhelpfulCount,
    media: r.withPhoto ? [photo] : [],
    language: r.language,
    verifiedPurchase: r.verifiedPurchase,
  }));

const reviewsArbitrary = fc
  .array(reviewArbitrary, { maxLength: 40 })
  .map((list) =>
    list.map((fields, i) => makeReview({ ...fields, id: `id${String(i).padStart(3, '0')}` })),
  );

const filterArbitrary: fc.Arbitrary<ReviewFilter> = fc.record(
  {
    stars: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
    withMedia: fc.boolean(),
    language: fc.constantFrom('en', 'zh'),
    verifiedOnly: fc.boolean(),
  },
  { requiredKeys: [] },
);

function readAllPages(
  reviews: Review[],
  sort: ReviewSort,
  photosFirst: boolean,
  filter: ReviewFilter,
  limit: number,
) {
  const seen: Review[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page: ReviewPageResult<Review> = paginateReviews(reviews, {
      sort,
      photosFirst,
      filter,
      cursor,
      limit,
    });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items);
    if (page.nextCursor === null) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

describe('paginateReviews', () => {
  it('returns every matching review exactly once, in ranked order (property)', () => {
    fc.assert(
      fc.property(
        reviewsArbitrary,
        fc.constantFrom(...REVIEW_SORTS),
        fc.boolean(),
        filterArbitrary,
        fc.integer({ min: 1, max: 7 }),
        (reviews, sort, photosFirst, filter, limit) => {
          const paged = readAllPages(reviews, sort, photosFirst, filter, limit);
          expect(paged.map((r) => r.id)).toEqual(
            rankReviews(reviews, { sort, photosFirst }, filter).map((r) => r.id),
          );
          expect(new Set(paged.map((r) => r.id)).size).toBe(paged.length);
        },
      ),
    );
  });

  it('never repeats a review when new ones arrive between pages (property)', () => {
    fc.assert(
      fc.property(
        reviewsArbitrary,
        reviewsArbitrary,
        fc.integer({ min: 1, max: 5 }),
        (first, arriving, limit) => {
          const late = arriving.map((r) => ({
            ...r,
            id: `new${r.id}`,
            createdAt: '2026-02-01T00:00:00.000Z',
          }));
          const page1 = paginateReviews(first, { sort: 'newest', limit });
          const rest = page1.nextCursor
            ? readRest([...first, ...late], page1.nextCursor, limit)
            : [];
          const ids = [...page1.items, ...rest].map((r) => r.id);
          expect(new Set(ids).size).toBe(ids.length);
          // Every review that existed when paging started is still reached.
          for (const review of first) expect(ids).toContain(review.id);
        },
      ),
    );
  });

  it('caps the page size at 50 and treats nonsense sizes sanely', () => {
    const many = Array.from({ length: 80 }, (_, i) => makeReview({ id: `m${i}` }));
    expect(paginateReviews(many, { sort: 'newest', limit: 1000 }).items).toHaveLength(50);
    expect(paginateReviews(many, { sort: 'newest', limit: -3 }).items).toHaveLength(1);
    expect(paginateReviews(many, { sort: 'newest', limit: Number.NaN }).items).toHaveLength(10);
  });

  it('rejects tampered cursors and cursors from another ordering', () => {
    const many = Array.from({ length: 5 }, (_, i) => makeReview({ id: `c${i}` }));
    const { nextCursor } = paginateReviews(many, { sort: 'newest', limit: 2 });
    expect(nextCursor).not.toBeNull();
    expect(() => paginateReviews(many, { sort: 'oldest', cursor: nextCursor })).toThrow(
      InvalidCursorError,
    );
    expect(() => paginateReviews(many, { sort: 'newest', cursor: 'not base64!' })).toThrow(
      InvalidCursorError,
    );
    expect(() => paginateReviews(many, { sort: 'newest', cursor: `${nextCursor}x` })).toThrow(
      InvalidCursorError,
    );
  });
});

function readRest(reviews: Review[], cursor: string, limit: number): Review[] {
  const seen: Review[] = [];
  let next: string | null = cursor;
  while (next) {
    const page: ReviewPageResult<Review> = paginateReviews(reviews, {
      sort: 'newest',
      cursor: next,
      limit,
    });
    seen.push(...page.items);
    next = page.nextCursor;
  }
  return seen;
}

describe('review cursors', () => {
  it('round-trip their key and refuse any other ordering', () => {
    const cursor = encodeReviewCursor({
      sort: 'helpful',
      photosFirst: true,
      key: [0, -0.42, -1700, 'r9'],
    });
    expect(decodeReviewCursor(cursor, { sort: 'helpful', photosFirst: true })).toEqual([
      0,
      -0.42,
      -1700,
      'r9',
    ]);
    expect(decodeReviewCursor(cursor, { sort: 'helpful', photosFirst: false })).toBeNull();
  });

  it('decode to null, never throw, on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (junk) => {
        const key = decodeReviewCursor(junk, { sort: 'newest', photosFirst: false });
        expect(key === null || Array.isArray(key)).toBe(true);
      }),
    );
  });
});
