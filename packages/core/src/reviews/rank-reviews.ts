import type { Review } from '../model/review.ts';
import { LIMITS } from '../model/limits.ts';
import type { SortKey } from './review-cursor.ts';
import { compareSortKeys, decodeReviewCursor, encodeReviewCursor } from './review-cursor.ts';
import { wilsonLowerBound } from './wilson-lower-bound.ts';

export const REVIEW_SORTS = ['helpful', 'newest', 'oldest', 'highest', 'lowest'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

export interface ReviewFilter {
  /** Only these star ratings; empty or absent means all. */
  readonly stars?: readonly number[];
  /** Only reviews with at least one photo or video. */
  readonly withMedia?: boolean;
  /** Language tag or prefix: `zh` matches `zh-CN` and `zh-TW`. */
  readonly language?: string;
  readonly verifiedOnly?: boolean;
}

export interface ReviewOrder {
  readonly sort: ReviewSort;
  /** Reviews with media come first, each group in `sort` order. */
  readonly photosFirst?: boolean;
}

/** The fields ranking reads, so the server can rank rows that are not full reviews. */
export type RankableReview = Pick<
  Review,
  | 'id'
  | 'rating'
  | 'createdAt'
  | 'helpfulCount'
  | 'unhelpfulCount'
  | 'language'
  | 'verifiedPurchase'
> & { readonly media: readonly unknown[] };

export function matchesReviewFilter(review: RankableReview, filter: ReviewFilter): boolean {
  if (filter.stars && filter.stars.length > 0 && !filter.stars.includes(review.rating))
    return false;
  if (filter.withMedia && review.media.length === 0) return false;
  if (filter.verifiedOnly && !review.verifiedPurchase) return false;
  if (filter.language) {
    const wanted = filter.language.toLowerCase();
    const actual = review.language.toLowerCase();
    if (actual !== wanted && !actual.startsWith(`${wanted}-`)) return false;
  }
  return true;
}

/**
 * The key a review sorts by, ascending. The id comes last so that equal
 * ratings or dates still have one total order and pages never overlap.
 */
export function reviewSortKey(review: RankableReview, order: ReviewOrder): SortKey {
  const time = Date.parse(review.createdAt) || 0;
  let key: SortKey;
  switch (order.sort) {
    case 'newest':
      key = [-time, review.id];
      break;
    case 'oldest':
      key = [time, review.id];
      break;
    case 'highest':
      key = [-review.rating, -time, review.id];
      break;
    case 'lowest':
      key = [review.rating, -time, review.id];
      break;
    default:
      key = [-wilsonLowerBound(review.helpfulCount, review.unhelpfulCount), -time, review.id];
  }
  return order.photosFirst ? [review.media.length > 0 ? 0 : 1, ...key] : key;
}

/** Filters and orders reviews (a new array; the input is not touched). */
export function rankReviews<T extends RankableReview>(
  reviews: readonly T[],
  order: ReviewOrder,
  filter: ReviewFilter = {},
): T[] {
  return reviews
    .filter((review) => matchesReviewFilter(review, filter))
    .map((review) => ({ review, key: reviewSortKey(review, order) }))
    .sort((a, b) => compareSortKeys(a.key, b.key))
    .map(({ review }) => review);
}

export interface ReviewPageRequest extends ReviewOrder {
  readonly filter?: ReviewFilter;
  readonly cursor?: string | null;
  readonly limit?: number;
}

export interface ReviewPageResult<T> {
  readonly items: T[];
  /** `null` on the last page. */
  readonly nextCursor: string | null;
}

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  constructor() {
    super('The page cursor is malformed or belongs to another sort order');
  }
}

export function clampPageSize(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return 10;
  return Math.min(LIMITS.pageSize, Math.max(1, Math.trunc(limit)));
}

/**
 * One page of reviews after `cursor`. The reference for the server's SQL and
 * for static exports: the same filter, order and cursor format.
 */
export function paginateReviews<T extends RankableReview>(
  reviews: readonly T[],
  request: ReviewPageRequest,
): ReviewPageResult<T> {
  const order: ReviewOrder = { sort: request.sort, photosFirst: request.photosFirst ?? false };
  const limit = clampPageSize(request.limit);
  const after = request.cursor
    ? decodeReviewCursor(request.cursor, {
        sort: order.sort,
        photosFirst: order.photosFirst ?? false,
      })
    : null;
  if (request.cursor && after === null) throw new InvalidCursorError();

  // Only the first limit + 1 keys after the cursor matter (one more tells
  // whether there is a next page): keep those in a small sorted buffer
  // instead of sorting every review, O(n log k) rather than O(n log n).
  const keep = limit + 1;
  const keyed: { review: T; key: SortKey }[] = [];
  const filter = request.filter ?? {};
  for (const review of reviews) {
    if (!matchesReviewFilter(review, filter)) continue;
    const key = reviewSortKey(review, order);
    if (after !== null && compareSortKeys(key, after) <= 0) continue;
    if (keyed.length === keep && compareSortKeys(key, keyed[keep - 1]!.key) >= 0) continue;
    let low = 0;
    let high = keyed.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareSortKeys(keyed[middle]!.key, key) <= 0) low = middle + 1;
      else high = middle;
    }
    keyed.splice(low, 0, { review, key });
    if (keyed.length > keep) keyed.pop();
  }

  const page = keyed.slice(0, limit);
  const last = page[page.length - 1];
  const hasMore = keyed.length > limit;
  return {
    items: page.map(({ review }) => review),
    nextCursor:
      hasMore && last
        ? encodeReviewCursor({
            sort: order.sort,
            photosFirst: order.photosFirst ?? false,
            key: last.key,
          })
        : null,
  };
}
