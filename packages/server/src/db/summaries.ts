import type { ProductSummary, RatedItem, RatingAggregate } from '@koubei/core';
import {
  EMPTY_AGGREGATE,
  addToAggregate,
  emptySummary,
  removeFromAggregate,
  summarizeAggregate,
} from '@koubei/core';
import type { Queryable } from './database.ts';
import type { ReviewRow } from './review-rows.ts';

export function ratedItem(
  row: Pick<ReviewRow, 'rating' | 'media_count' | 'recommends' | 'aspects'>,
): RatedItem {
  return {
    rating: row.rating,
    hasPhotos: row.media_count > 0,
    recommends: row.recommends,
    aspects: row.aspects,
  };
}

/**
 * Applies one review's change to its product's aggregate, inside the
 * caller's transaction (the row is locked), with the same O(1) functions the
 * client-side tests hold to the batch computation. Reads never recompute.
 */
export async function changeAggregate(
  tx: Queryable,
  store: string,
  product: string,
  change: { add?: RatedItem; remove?: RatedItem },
): Promise<void> {
  // Make sure the row exists before locking it: `for update` on a missing row
  // locks nothing, and two first reviews of a product would both start from zero.
  await tx.query(
    `insert into summaries (store_id, product_id, aggregate, version) values ($1, $2, $3, 0) on conflict do nothing`,
    [store, product, EMPTY_AGGREGATE as unknown as Record<string, unknown>],
  );
  const [row] = await tx.query<{ aggregate: RatingAggregate }>(
    'select aggregate from summaries where store_id = $1 and product_id = $2 for update',
    [store, product],
  );
  let aggregate = row?.aggregate ?? EMPTY_AGGREGATE;
  if (change.remove) aggregate = removeFromAggregate(aggregate, change.remove);
  if (change.add) aggregate = addToAggregate(aggregate, change.add);
  await tx.query(
    `insert into summaries (store_id, product_id, aggregate, version) values ($1, $2, $3, 1)
     on conflict (store_id, product_id) do update set aggregate = excluded.aggregate, version = summaries.version + 1`,
    [store, product, aggregate as unknown as Record<string, unknown>],
  );
}

export async function summariesFor(
  db: Queryable,
  store: string,
  products: readonly string[],
): Promise<ProductSummary[]> {
  const rows = await db.query<{ product_id: string; aggregate: RatingAggregate }>(
    'select product_id, aggregate from summaries where store_id = $1 and product_id = any($2)',
    [store, products],
  );
  const byProduct = new Map(rows.map((row) => [row.product_id, row.aggregate]));
  return products.map((product) => {
    const aggregate = byProduct.get(product);
    return aggregate ? summarizeAggregate(product, aggregate) : emptySummary(product);
  });
}
