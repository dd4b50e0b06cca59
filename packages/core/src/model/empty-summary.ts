import { DEFAULT_PRIOR_MEAN } from './constants.ts';
import type { ProductSummary } from './summary.ts';

/**
 * The summary of a product nobody has reviewed yet. Written out (rather than
 * summarising an empty aggregate) so the script tag's first paint does not
 * carry the aggregation code; a test holds the two to the same result.
 */
export function emptySummary(product: string): ProductSummary {
  return {
    product,
    count: 0,
    mean: 0,
    bayesianMean: DEFAULT_PRIOR_MEAN,
    histogram: [0, 0, 0, 0, 0],
    photoShare: 0,
    recommendRate: null,
    aspects: [],
  };
}
