import { SUMMARIES_PER_REQUEST } from '../model/constants.ts';
import type { ProductSummary } from '../model/summary.ts';
import { toProductSummary } from '../model/to-product-summary.ts';
import { emptySummary } from '../model/empty-summary.ts';
import { InvalidPayloadError } from './base-errors.ts';

export interface SummariesRead {
  /** One entry per asked product: its summary, or why it cannot be shown. */
  readonly summaries: Map<string, ProductSummary | InvalidPayloadError>;
  /** Items dropped for breaking the contract, and the first problem. */
  readonly dropped: number;
  readonly message: string;
}

/**
 * Reads a batched summaries response for the products that were asked for.
 * Products the server left out have no reviews yet (count 0) — unless the
 * server sent items we had to drop, because a missing product may be one of
 * those, and "0 reviews" would then be a lie. Shared by the full client and
 * the script tag's first paint, which skips the client to stay small.
 */
export function readSummariesResponse(json: unknown, products: readonly string[]): SummariesRead {
  const items =
    typeof json === 'object' && json !== null ? (json as { summaries?: unknown }).summaries : null;
  if (!Array.isArray(items)) {
    const error = new InvalidPayloadError(
      'The summaries response breaks the contract: no summaries list',
    );
    return {
      summaries: new Map(products.map((p) => [p, error])),
      dropped: 0,
      message: error.message,
    };
  }
  const received = new Map<string, ProductSummary>();
  let dropped = Math.max(0, items.length - SUMMARIES_PER_REQUEST);
  let message = dropped > 0 ? `summaries: more than ${SUMMARIES_PER_REQUEST} items` : '';
  items.slice(0, SUMMARIES_PER_REQUEST).forEach((item: unknown, index) => {
    const summary = toProductSummary(item);
    if (summary) received.set(summary.product, summary);
    else {
      dropped++;
      message ||= `summaries.${index} is not a valid product summary`;
    }
  });
  const summaries = new Map<string, ProductSummary | InvalidPayloadError>();
  for (const product of products) {
    const found = received.get(product);
    if (found) summaries.set(product, found);
    else if (dropped === 0) summaries.set(product, emptySummary(product));
    else
      summaries.set(
        product,
        new InvalidPayloadError(`The summary of ${product} breaks the contract`),
      );
  }
  return { summaries, dropped, message };
}
