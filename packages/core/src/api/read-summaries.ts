import { LIMITS } from '../model/primitives.ts';
import type { ProductSummary } from '../model/summary.ts';
import { validate, validateListLeniently } from '../model/validate.ts';
import { EMPTY_AGGREGATE, summarizeAggregate } from '../ratings/aggregate-ratings.ts';
import { SummariesResponseSchema } from './api-contract.ts';
import { InvalidPayloadError } from './errors.ts';

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
  const strict = validate(SummariesResponseSchema, json);
  const lenient = strict.ok
    ? { value: strict.value, dropped: 0, message: '' }
    : validateListLeniently(SummariesResponseSchema, 'summaries', LIMITS.summariesPerRequest, json);
  if (!lenient) {
    const error = new InvalidPayloadError(
      `The summaries response breaks the contract: ${strict.ok ? '' : strict.message}`,
      strict.ok ? [] : strict.issues,
    );
    return {
      summaries: new Map(products.map((p) => [p, error])),
      dropped: 0,
      message: error.message,
    };
  }
  const received = new Map(
    (lenient.value as { summaries: ProductSummary[] }).summaries.map((s) => [s.product, s]),
  );
  const summaries = new Map<string, ProductSummary | InvalidPayloadError>();
  for (const product of products) {
    const found = received.get(product);
    if (found) summaries.set(product, found);
    else if (lenient.dropped === 0)
      summaries.set(product, summarizeAggregate(product, EMPTY_AGGREGATE));
    else
      summaries.set(
        product,
        new InvalidPayloadError(`The summary of ${product} breaks the contract`),
      );
  }
  return { summaries, dropped: lenient.dropped, message: lenient.message };
}
