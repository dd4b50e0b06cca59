import type { RatedItem, RatingAggregate } from '@koubei/core';
import { EMPTY_AGGREGATE, addToAggregate } from '@koubei/core';
import type { Database } from '../db/database.ts';

/**
 * The rating of bulk review `i`: deterministic and skewed like real shops
 * (about 5 % ones, 4 % twos, 8 % threes, 23 % fours, 60 % fives). The SQL
 * below computes the same value, so the summary agrees with the rows.
 */
export function bulkRating(i: number): number {
  const bucket = (i * 7919) % 100;
  return bucket < 5 ? 1 : bucket < 9 ? 2 : bucket < 17 ? 3 : bucket < 40 ? 4 : 5;
}
const BULK_RATING_SQL = `case when (g * 7919) % 100 < 5 then 1 when (g * 7919) % 100 < 9 then 2
  when (g * 7919) % 100 < 17 then 3 when (g * 7919) % 100 < 40 then 4 else 5 end`;

/**
 * Adds `count` published reviews to one product in a few set-based
 * statements (for benchmarks of big catalogues: a product with 10 000
 * reviews, a store with a million), plus the product's summary. Far faster
 * than the demo seed's one insert per review; the text is plain and repeats.
 * The product must have no reviews yet: its summary is written, not updated.
 */
export async function seedBulkReviews(
  db: Database,
  options: { store: string; product: string; count: number; now?: number },
): Promise<void> {
  const { store, product, count } = options;
  const now = options.now ?? Date.now();
  const batch = 50_000;
  await db.query(
    'insert into products (store_id, id, name) values ($1, $2, $2) on conflict do nothing',
    [store, product],
  );
  for (let start = 1; start <= count; start += batch) {
    const end = Math.min(count, start + batch - 1);
    await db.query(
      `insert into reviews (store_id, id, product_id, rating, title, body, language, author_name,
         verified_purchase, recommends, helpful_count, unhelpful_count, helpful_score, media_count,
         aspects, status, created_ms, updated_ms)
       select $1, $2 || '-bulk-' || g, $2, ${BULK_RATING_SQL}, 'Review ' || g,
         'Bought this teapot for the office. Review number ' || g || ' of many; brews well and pours cleanly.',
         'en', 'Customer ' || g, g % 3 <> 0, null, 0, 0, 0, 0, '[]', 'published',
         $3::bigint - g * 60000, $3::bigint - g * 60000
       from generate_series($4::bigint, $5::bigint) as g`,
      [store, product, now, start, end],
    );
  }
  // Fresh statistics, or the planner keeps choosing a plan made for an empty
  // table: PGlite runs no autovacuum, and a page of a million-review product
  // took 1.3 s (a full sort) instead of using its sort-order index.
  await db.query('analyze reviews');
  let aggregate: RatingAggregate = EMPTY_AGGREGATE;
  for (let i = 1; i <= count; i++) {
    const item: RatedItem = { rating: bulkRating(i), hasPhotos: false, recommends: null };
    aggregate = addToAggregate(aggregate, item);
  }
  await db.query(
    `insert into summaries (store_id, product_id, aggregate, version) values ($1, $2, $3, 1)
     on conflict (store_id, product_id) do update set aggregate = excluded.aggregate, version = summaries.version + 1`,
    [store, product, aggregate as unknown as Record<string, unknown>],
  );
}
