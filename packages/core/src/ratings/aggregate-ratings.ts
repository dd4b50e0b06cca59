import type { AspectKey } from '../model/primitives.ts';
import { ASPECT_KEYS } from '../model/primitives.ts';
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
export const DEFAULT_RATING_PRIOR: RatingPrior = { mean: 3, weight: 5 };

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
 * Counters live in locals rather than an array so the loop stays monomorphic
 * and allocation-free over millions of ratings.
 */
export function aggregateRatings(ratings: ArrayLike<number>): RatingAggregate {
  let one = 0;
  let two = 0;
  let three = 0;
  let four = 0;
  let five = 0;
  for (let i = 0, n = ratings.length; i < n; i++) {
    switch (ratings[i]) {
      case 1:
        one++;
        break;
      case 2:
        two++;
        break;
      case 3:
        three++;
        break;
      case 4:
        four++;
        break;
      case 5:
        five++;
        break;
    }
  }
  const count = one + two + three + four + five;
  return {
    ...EMPTY_AGGREGATE,
    count,
    sum: one + 2 * two + 3 * three + 4 * four + 5 * five,
    histogram: [one, two, three, four, five],
  };
}

/** Aggregates whole reviews (photos, recommendation and aspect ratings included). */
export function aggregateReviews(items: Iterable<RatedItem>): RatingAggregate {
  let aggregate = EMPTY_AGGREGATE;
  for (const item of items) aggregate = addToAggregate(aggregate, item);
  return aggregate;
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
