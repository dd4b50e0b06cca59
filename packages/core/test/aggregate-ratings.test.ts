import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_AGGREGATE,
  addToAggregate,
  aggregateRatings,
  aggregateReviews,
  bayesianMean,
  removeFromAggregate,
  replaceInAggregate,
  summarizeAggregate,
  emptySummary,
  validate,
  ProductSummarySchema,
} from '../src/index.ts';
import type { RatedItem } from '../src/index.ts';

const ratedItem = fc.record({
  rating: fc.integer({ min: 1, max: 5 }),
  hasPhotos: fc.boolean(),
  recommends: fc.constantFrom(true, false, null),
  aspects: fc.uniqueArray(
    fc.record({
      aspect: fc.constantFrom(
        'quality',
        'value',
        'service',
        'delivery',
        'experience',
        'brand' as const,
      ),
      rating: fc.integer({ min: 1, max: 5 }),
    }),
    { selector: (a) => a.aspect, maxLength: 3 },
  ),
}) satisfies fc.Arbitrary<RatedItem>;

describe('aggregateRatings', () => {
  it('counts, sums and builds the histogram', () => {
    const aggregate = aggregateRatings([5, 4, 4, 1, 5, 5]);
    expect(aggregate.count).toBe(6);
    expect(aggregate.sum).toBe(24);
    expect(aggregate.histogram).toEqual([1, 0, 0, 2, 3]);
  });

  it('skips values that are not whole stars from 1 to 5', () => {
    const aggregate = aggregateRatings([5, 0, 6, 4.5, Number.NaN, -1, 3]);
    expect(aggregate.count).toBe(2);
    expect(aggregate.histogram).toEqual([0, 0, 1, 0, 1]);
  });

  it('reads typed arrays as well as plain arrays', () => {
    expect(aggregateRatings(Uint8Array.of(1, 2, 3))).toEqual(aggregateRatings([1, 2, 3]));
  });
});

describe('incremental updates', () => {
  it('equal the batch aggregate for any sequence of reviews (property)', () => {
    fc.assert(
      fc.property(fc.array(ratedItem, { maxLength: 60 }), (items) => {
        const incremental = items.reduce(addToAggregate, EMPTY_AGGREGATE);
        expect(incremental).toEqual(aggregateReviews(items));
        expect(incremental.count).toBe(items.length);
        expect(incremental.sum).toBe(items.reduce((s, i) => s + i.rating, 0));
      }),
    );
  });

  it('removing what was added restores the earlier aggregate (property)', () => {
    fc.assert(
      fc.property(fc.array(ratedItem, { maxLength: 30 }), ratedItem, (items, extra) => {
        const before = aggregateReviews(items);
        expect(removeFromAggregate(addToAggregate(before, extra), extra)).toEqual(before);
      }),
    );
  });

  it('replacing a review equals aggregating the edited list (property)', () => {
    fc.assert(
      fc.property(
        fc.array(ratedItem, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        ratedItem,
        (items, index, edited) => {
          const at = index % items.length;
          const after = items.map((item, i) => (i === at ? edited : item));
          expect(
            replaceInAggregate(aggregateReviews(items), items[at] as RatedItem, edited),
          ).toEqual(aggregateReviews(after));
        },
      ),
    );
  });

  it('the plain-number fast path agrees with the review path (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 200 }), (ratings) => {
        const fromNumbers = aggregateRatings(ratings);
        const fromReviews = aggregateReviews(ratings.map((rating) => ({ rating })));
        expect(fromNumbers.histogram).toEqual(fromReviews.histogram);
        expect(fromNumbers.sum).toBe(fromReviews.sum);
      }),
    );
  });

  it('rejects an invalid rating and removing a review that was never counted', () => {
    expect(() => addToAggregate(EMPTY_AGGREGATE, { rating: 6 })).toThrow(RangeError);
    expect(() => addToAggregate(EMPTY_AGGREGATE, { rating: 4.5 })).toThrow(/whole number/);
    expect(() => removeFromAggregate(EMPTY_AGGREGATE, { rating: 5 })).toThrow(RangeError);
  });

  it('does not modify the aggregate it was given', () => {
    const before = aggregateReviews([{ rating: 4 }]);
    const snapshot = structuredClone(before);
    addToAggregate(before, {
      rating: 1,
      hasPhotos: true,
      aspects: [{ aspect: 'quality', rating: 2 }],
    });
    expect(before).toEqual(snapshot);
  });
});

describe('bayesianMean', () => {
  it('pulls few ratings towards the prior and many ratings hardly at all', () => {
    const oneFive = aggregateRatings([5]);
    const manyGood = aggregateRatings(Array.from({ length: 200 }, (_, i) => (i % 5 === 0 ? 4 : 5)));
    const prior = { mean: 3.5, weight: 10 };
    expect(bayesianMean(oneFive, prior)).toBeCloseTo((3.5 * 10 + 5) / 11, 10);
    expect(bayesianMean(manyGood, prior)).toBeGreaterThan(bayesianMean(oneFive, prior));
    // 40 fours and 160 fives: (10 × 3.5 + 960) / 210
    expect(bayesianMean(manyGood, prior)).toBeCloseTo(995 / 210, 10);
  });

  it('is the plain mean with no prior weight and 0 with nothing at all', () => {
    expect(bayesianMean(aggregateRatings([2, 4]), { mean: 5, weight: 0 })).toBe(3);
    expect(bayesianMean(EMPTY_AGGREGATE, { mean: 3, weight: 0 })).toBe(0);
  });
});

describe('summarizeAggregate', () => {
  it('produces a summary that satisfies the contract', () => {
    const aggregate = aggregateReviews([
      { rating: 5, hasPhotos: true, recommends: true, aspects: [{ aspect: 'quality', rating: 5 }] },
      { rating: 3, recommends: false, aspects: [{ aspect: 'quality', rating: 3 }] },
      { rating: 4, recommends: null },
      { rating: 4, hasPhotos: true },
    ]);
    const summary = summarizeAggregate('sku-1', aggregate);
    expect(validate(ProductSummarySchema, summary).ok).toBe(true);
    expect(summary).toMatchObject({
      count: 4,
      mean: 4,
      histogram: [0, 0, 1, 2, 1],
      photoShare: 0.5,
      recommendRate: 0.5,
      aspects: [{ aspect: 'quality', count: 2, mean: 4 }],
    });
  });

  it('reports no recommend rate when nobody answered, and zeros when empty', () => {
    const summary = summarizeAggregate('sku-1', EMPTY_AGGREGATE);
    expect(summary).toMatchObject({
      count: 0,
      mean: 0,
      photoShare: 0,
      recommendRate: null,
      aspects: [],
    });
  });
});

describe('emptySummary', () => {
  it('equals the summary of an empty aggregate', () => {
    expect(emptySummary('sku-9')).toEqual(summarizeAggregate('sku-9', EMPTY_AGGREGATE));
  });
});
