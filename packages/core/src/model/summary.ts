import * as v from 'valibot';
import { AspectKeySchema, CountSchema, ProductIdSchema, ShareSchema } from './primitives.ts';

const MeanSchema = v.pipe(v.number(), v.minValue(0), v.maxValue(5));

/** Star counts; index 0 holds 1-star reviews, index 4 holds 5-star reviews. */
export const HistogramSchema = v.tuple([
  CountSchema,
  CountSchema,
  CountSchema,
  CountSchema,
  CountSchema,
]);

export const AspectSummarySchema = v.object({
  aspect: AspectKeySchema,
  count: CountSchema,
  mean: MeanSchema,
});

/** What every rating widget reads: precomputed, never raw ratings. */
export const ProductSummarySchema = v.object({
  product: ProductIdSchema,
  count: CountSchema,
  /** Arithmetic mean of published ratings; 0 when there are none. */
  mean: MeanSchema,
  /** Prior-weighted mean, for ranking products with few reviews fairly. */
  bayesianMean: MeanSchema,
  histogram: HistogramSchema,
  /** Share of reviews with at least one photo (0–1). */
  photoShare: ShareSchema,
  /** Share of reviewers who answered "would recommend" with yes; `null` when nobody answered. */
  recommendRate: v.nullable(ShareSchema),
  aspects: v.array(AspectSummarySchema),
});

export type Histogram = v.InferOutput<typeof HistogramSchema>;
export type AspectSummary = v.InferOutput<typeof AspectSummarySchema>;
export type ProductSummary = v.InferOutput<typeof ProductSummarySchema>;
