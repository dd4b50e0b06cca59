import type { AspectKey } from '../model/primitives.ts';
import { ASPECT_KEYS, DEFAULT_PRIOR_MEAN, DEFAULT_PRIOR_WEIGHT } from '../model/constants.ts';
import type { AspectRating } from '../model/review.ts';
import type { Histogram, ProductSummary } from '../model/summary.ts';

/**
 * Running totals for one product. Sums (not means) are kept so that adding,
 * removing or changing one review is O(1) and exact: no floating-point drift
 * however many updates arrive.
 */
export interface RatingAggregate {
  readonly count: number;
  readonly sum: number;
  readonly histogram: Histogram;
  readonly withPhotos: number;
  readonly recommendYes: number;
  readonly recommendAnswered: number;
  readonly aspects: Readonly<
    Partial<Record<AspectKey, { readonly count: number; readonly sum: number }>>
  >;
}

/** The parts of a review that aggregates depend on. */
export interface RatedItem {
  readonly rating: number;
  readonly hasPhotos?: boolean;
  readonly recommends?: boolean | null;
  readonly aspects?: readonly AspectRating[];
}

/** Prior for the Bayesian mean: `weight` imaginary reviews averaging `mean`. */
export interface RatingPrior {
  readonly mean: number;
  readonly weight: number;
}

/** A neutral prior; servers pass the store-wide mean instead when they know it. */
export const DEFAULT_RATING_PRIOR: RatingPrior = {
  mean: DEFAULT_PRIOR_MEAN,
  weight: DEFAULT_PRIOR_WEIGHT,
};

export const EMPTY_AGGREGATE: RatingAggregate = {
  count: 0,
  sum: 0,
  histogram: [0, 0, 0, 0, 0],
  withPhotos: 0,
  recommendYes: 0,
  recommendAnswered: 0,
  aspects: {},
};

export function isValidRating(value: unknown): value is 1 | 2 | 3 | 4 | 5 {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}

/**
 * Counts a plain list of star ratings. Values that are not whole numbers from
 * 1 to 5 are skipped, so a bad row in an import cannot skew the mean.
 * Counting into a small typed array indexed by the rating keeps the loop
 * branch-light and allocation-free over millions of ratings.
 */
export function aggregateRatings(ratings: ArrayLike<number>): RatingAggregate {
  const counts = new Float64Array(6);
  for (let i = 0, n = ratings.length; i < n; i++) {
    const rating = ratings[i] as number;
    if (rating >= 1 && rating <= 5 && (rating | 0) === rating) counts[rating]! += 1;
  }
  const histogram: Histogram = [counts[1]!, counts[2]!, counts[3]!, counts[4]!, counts[5]!];
  return {
    ...EMPTY_AGGREGATE,
    count: histogram[0] + histogram[1] + histogram[2] + histogram[3] + histogram[4],
    sum: histogram[0] + 2 * histogram[1] + 3 * histogram[2] + 4 * histogram[3] + 5 * histogram[4],
    histogram,
  };
}

/**
 * Aggregates whole reviews (photos, recommendation and aspect ratings
 * included) in one pass with mutable totals; the incremental functions
 * below must agree with it, which the property tests check.
 */
export function aggregateReviews(items: Iterable<RatedItem>): RatingAggregate {
  const histogram: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  const aspects: Partial<Record<AspectKey, { count: number; sum: number }>> = {};
  let sum = 0;
  let withPhotos = 0;
  let recommendYes = 0;
  let recommendAnswered = 0;
  for (const item of items) {
    const { rating } = item;
    if (!isValidRating(rating)) {
      throw new RangeError(`A rating is a whole number from 1 to 5, got ${String(rating)}`);
    }
    histogram[(rating - 1) as 0 | 1 | 2 | 3 | 4] += 1;
    sum += rating;
    if (item.hasPhotos) withPhotos++;
    if (item.recommends === true) recommendYes++;
    if (item.recommends === true || item.recommends === false) recommendAnswered++;
    for (const aspect of item.aspects ?? []) {
      if (!isValidRating(aspect.rating)) continue;
      const totals = (aspects[aspect.aspect] ??= { count: 0, sum: 0 });
      totals.count++;
      totals.sum += aspect.rating;
    }
  }
  const count = histogram[0] + histogram[1] + histogram[2] + histogram[3] + histogram[4];
  return { count, sum, histogram, withPhotos, recommendYes, recommendAnswered, aspects };
}

function applyItem(aggregate: RatingAggregate, item: RatedItem, sign: 1 | -1): RatingAggregate {
  if (!isValidRating(item.rating)) {
    throw new RangeError(`A rating is a whole number from 1 to 5, got ${String(item.rating)}`);
  }
  const histogram = [...aggregate.histogram] as [number, number, number, number, number];
  histogram[(item.rating - 1) as 0 | 1 | 2 | 3 | 4] += sign;
  const aspects = { ...aggregate.aspects };
  for (const { aspect, rating } of item.aspects ?? []) {
    if (!isValidRating(rating)) continue;
    const before = aspects[aspect] ?? { count: 0, sum: 0 };
    const after = { count: before.count + sign, sum: before.sum + sign * rating };
    if (after.count === 0) delete aspects[aspect];
    else aspects[aspect] = after;
  }
  const answered = item.recommends === true || item.recommends === false;
  const next: RatingAggregate = {
    count: aggregate.count + sign,
    sum: aggregate.sum + sign * item.rating,
    histogram,
    withPhotos: aggregate.withPhotos + (item.hasPhotos ? sign : 0),
    recommendYes: aggregate.recommendYes + (item.recommends === true ? sign : 0),
    recommendAnswered: aggregate.recommendAnswered + (answered ? sign : 0),
    aspects,
  };
  if (next.count < 0 || histogram.some((n) => n < 0)) {
    throw new RangeError('Removed a review that the aggregate never counted');
  }
  return next;
}

/** O(1): the aggregate after one more review. */
export function addToAggregate(aggregate: RatingAggregate, item: RatedItem): RatingAggregate {
  return applyItem(aggregate, item, 1);
}

/** O(1): the aggregate after a counted review is removed (hidden, erased). */
export function removeFromAggregate(aggregate: RatingAggregate, item: RatedItem): RatingAggregate {
  return applyItem(aggregate, item, -1);
}

/** O(1): the aggregate after a counted review changes (edited rating, photos added). */
export function replaceInAggregate(
  aggregate: RatingAggregate,
  before: RatedItem,
  after: RatedItem,
): RatingAggregate {
  return addToAggregate(removeFromAggregate(aggregate, before), after);
}

export function meanRating(aggregate: RatingAggregate): number {
  return aggregate.count === 0 ? 0 : aggregate.sum / aggregate.count;
}

/**
 * The mean pulled towards a prior, so one 5-star review does not outrank
 * two hundred reviews averaging 4.8.
 */
export function bayesianMean(
  aggregate: RatingAggregate,
  prior: RatingPrior = DEFAULT_RATING_PRIOR,
): number {
  const weight = Math.max(0, prior.weight);
  const total = weight + aggregate.count;
  return total === 0 ? 0 : (weight * prior.mean + aggregate.sum) / total;
}

/** The public summary a widget reads; no raw ratings leave the server. */
export function summarizeAggregate(
  product: string,
  aggregate: RatingAggregate,
  prior: RatingPrior = DEFAULT_RATING_PRIOR,
): ProductSummary {
  const { count } = aggregate;
  return {
    product,
    count,
    mean: meanRating(aggregate),
    bayesianMean: bayesianMean(aggregate, prior),
    histogram: [...aggregate.histogram],
    photoShare: count === 0 ? 0 : aggregate.withPhotos / count,
    recommendRate:
      aggregate.recommendAnswered === 0
        ? null
        : aggregate.recommendYes / aggregate.recommendAnswered,
    aspects: ASPECT_KEYS.flatMap((aspect) => {
      const totals = aggregate.aspects[aspect];
      return totals && totals.count > 0
        ? [{ aspect, count: totals.count, mean: totals.sum / totals.count }]
        : [];
    }),
  };
}
