import type { AspectKey } from './primitives.ts';
import { ASPECT_KEYS, MAX_PRODUCT_ID_LENGTH, PRODUCT_ID_PATTERN } from './constants.ts';
import type { AspectSummary, Histogram, ProductSummary } from './summary.ts';

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const inRange = (value: unknown, max: number): value is number =>
  typeof value === 'number' && value >= 0 && value <= max;

/**
 * `ProductSummarySchema` written out by hand, for the script tag's first
 * paint: the star badge must not wait for a schema library. A property test
 * holds it to the valibot schema (same verdict, same output for any input),
 * so the schema stays the single source of truth. Unknown keys are dropped,
 * like the schema does; returns `null` for anything the schema rejects.
 */
export function toProductSummary(value: unknown): ProductSummary | null {
  if (typeof value !== 'object' || value === null) return null;
  const input = value as Record<string, unknown>;
  const { product, count, mean, bayesianMean, histogram, photoShare, recommendRate, aspects } =
    input;
  if (
    typeof product !== 'string' ||
    product.length < 1 ||
    product.length > MAX_PRODUCT_ID_LENGTH ||
    !PRODUCT_ID_PATTERN.test(product) ||
    !isCount(count) ||
    !inRange(mean, 5) ||
    !inRange(bayesianMean, 5) ||
    !Array.isArray(histogram) ||
    histogram.length < 5 ||
    !histogram.slice(0, 5).every(isCount) ||
    !inRange(photoShare, 1) ||
    !(recommendRate === null || inRange(recommendRate, 1)) ||
    !Array.isArray(aspects)
  ) {
    return null;
  }
  const cleanAspects: AspectSummary[] = [];
  for (const item of aspects as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const { aspect, count: aspectCount, mean: aspectMean } = item as Record<string, unknown>;
    if (
      !ASPECT_KEYS.includes(aspect as AspectKey) ||
      !isCount(aspectCount) ||
      !inRange(aspectMean, 5)
    ) {
      return null;
    }
    cleanAspects.push({ aspect: aspect as AspectKey, count: aspectCount, mean: aspectMean });
  }
  return {
    product,
    count,
    mean,
    bayesianMean,
    histogram: histogram.slice(0, 5) as unknown as Histogram,
    photoShare,
    recommendRate,
    aspects: cleanAspects,
  };
}
