import type { Review, ReviewQuery, ReviewSort } from '@koubei/core';
import { clampPageSize, decodeReviewCursor, encodeReviewCursor, reviewSortKey } from '@koubei/core';
import type { Queryable, SqlValue } from './database.ts';
import type { PhotoRow, ReviewRow } from './review-rows.ts';
import { photoToMedia, rowToReview } from './review-rows.ts';

// The SQL twin of @koubei/core's reviewSortKey: the same key, part by part,
// ascending. Ids compare in "C" collation (code-unit order, as in JS), so a
// cursor made by core's function finds its place in SQL exactly.
const SORT_SQL: Record<ReviewSort, readonly string[]> = {
  newest: ['(-created_ms)', 'id collate "C"'],
  oldest: ['created_ms', 'id collate "C"'],
  highest: ['(-rating)', '(-created_ms)', 'id collate "C"'],
  lowest: ['rating', '(-created_ms)', 'id collate "C"'],
  helpful: ['(-helpful_score)', '(-created_ms)', 'id collate "C"'],
};
const PHOTOS_FIRST_SQL = '(case when media_count > 0 then 0 else 1 end)';

export class BadCursorError extends Error {
  override readonly name = 'BadCursorError';
}

export interface ReviewPageOptions {
  readonly store: string;
  readonly product: string;
  readonly query: ReviewQuery;
  readonly publicUrl: string;
  readonly signCursor: (cursor: string) => string;
  /** The core cursor inside a signed one, or null when the signature is wrong. */
  readonly verifyCursor: (signed: string) => string | null;
}

/** Media for a set of reviews, in one query. */
export async function mediaFor(
  db: Queryable,
  store: string,
  publicUrl: string,
  reviewIds: readonly string[],
): Promise<Map<string, Review['media']>> {
  const byReview = new Map<string, Review['media']>();
  if (reviewIds.length === 0) return byReview;
  const photos = await db.query<PhotoRow>(
    'select * from photos where store_id = $1 and review_id = any($2) order by created_ms, id',
    [store, reviewIds],
  );
  for (const photo of photos) {
    const reviewId = photo.review_id as string;
    byReview.set(reviewId, [
      ...(byReview.get(reviewId) ?? []),
      photoToMedia(publicUrl, store, photo, reviewId),
    ]);
  }
  return byReview;
}

/**
 * One page of published reviews with keyset paging: `where key > cursor
 * order by key limit n`, so deep pages cost the same as the first and a new
 * review never makes one appear twice.
 */
export async function reviewPage(db: Queryable, options: ReviewPageOptions) {
  const { store, product, query } = options;
  const order = { sort: query.sort, photosFirst: query.photosFirst ?? false };
  const keySql = [...(order.photosFirst ? [PHOTOS_FIRST_SQL] : []), ...SORT_SQL[order.sort]];
  const params: SqlValue[] = [store, product];
  const where = ['store_id = $1', 'product_id = $2', "status = 'published'"];
  const add = (value: SqlValue) => `$${params.push(value)}`;

  const filter = query.filter ?? {};
  if (filter.stars?.length) where.push(`rating = any(${add([...filter.stars])})`);
  if (filter.withMedia) where.push('media_count > 0');
  if (filter.verifiedOnly) where.push('verified_purchase');
  if (filter.language) {
    const language = filter.language.toLowerCase();
    where.push(
      `(lower(language) = ${add(language)} or lower(language) like ${add(`${language}-%`)})`,
    );
  }
  if (query.cursor) {
    const inner = options.verifyCursor(query.cursor);
    const after = inner === null ? null : decodeReviewCursor(inner, order);
    if (!after || after.length !== keySql.length)
      throw new BadCursorError('The page cursor is not valid here');
    // (k1, k2, …) > (v1, v2, …) spelled out, because the parts mix directions of types.
    const alternatives = keySql.map((_, i) => {
      const equal = keySql
        .slice(0, i)
        .map((expression, j) => `${expression} = ${add(after[j] as SqlValue)}`);
      return `(${[...equal, `${keySql[i]} > ${add(after[i] as SqlValue)}`].join(' and ')})`;
    });
    where.push(`(${alternatives.join(' or ')})`);
  }
  const limit = clampPageSize(query.limit);
  const rows = await db.query<ReviewRow>(
    `select * from reviews where ${where.join(' and ')} order by ${keySql.join(', ')} limit ${limit + 1}`,
    params,
  );
  const page = rows.slice(0, limit);
  const media = await mediaFor(
    db,
    store,
    options.publicUrl,
    page.map((row) => row.id),
  );
  const items = page.map((row) => rowToReview(row, media.get(row.id) ?? []));
  const last = items[items.length - 1];
  return {
    product,
    items,
    nextCursor:
      rows.length > limit && last
        ? options.signCursor(encodeReviewCursor({ ...order, key: reviewSortKey(last, order) }))
        : null,
  };
}
