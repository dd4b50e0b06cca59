import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ProductSummarySchema, toProductSummary } from '../src/index.ts';

const valid = {
  product: 'sku-1',
  count: 3,
  mean: 4.2,
  bayesianMean: 3.9,
  histogram: [0, 0, 1, 0, 2],
  photoShare: 0.33,
  recommendRate: null,
  aspects: [{ aspect: 'quality', count: 2, mean: 4.5 }],
};

// Values around every boundary the schema draws, plus wrong types.
const anyValue = fc.oneof(
  fc.constantFrom(
    0,
    1,
    5,
    5.0001,
    -0,
    -1,
    0.5,
    1.5,
    2 ** 53,
    Number.NaN,
    Infinity,
    -Infinity,
    null,
    undefined,
  ),
  fc.constantFrom('', 'sku-1', 'a b', 'x'.repeat(129), 'x'.repeat(128), '5', 'quality', 'mood'),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
);
const histogram = fc.oneof(
  fc.array(fc.oneof(fc.nat(10), anyValue), { minLength: 0, maxLength: 7 }),
  anyValue,
);
const aspects = fc.oneof(
  fc.array(
    fc.oneof(
      fc.record({
        aspect: fc.oneof(fc.constantFrom('quality', 'value', 'brand'), anyValue),
        count: fc.oneof(fc.nat(10), anyValue),
        mean: fc.oneof(fc.double({ min: 0, max: 5, noNaN: true }), anyValue),
        extra: anyValue,
      }),
      anyValue,
    ),
    { maxLength: 3 },
  ),
  anyValue,
);
const candidate = fc.record(
  {
    product: fc.oneof(fc.constant('sku-1'), anyValue),
    count: fc.oneof(fc.nat(1000), anyValue),
    mean: fc.oneof(fc.double({ min: 0, max: 5, noNaN: true }), anyValue),
    bayesianMean: fc.oneof(fc.double({ min: 0, max: 5, noNaN: true }), anyValue),
    histogram,
    photoShare: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), anyValue),
    recommendRate: fc.oneof(
      fc.constant(null),
      fc.double({ min: 0, max: 1, noNaN: true }),
      anyValue,
    ),
    aspects,
    dangerouslySetInnerHTML: anyValue,
  },
  { requiredKeys: [] },
);

describe('toProductSummary', () => {
  it('accepts a valid summary and drops unknown keys', () => {
    expect(toProductSummary({ ...valid, onclick: 'alert(1)' })).toEqual(valid);
  });

  it('agrees with ProductSummarySchema on any input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(candidate, fc.constant(valid), anyValue), (input) => {
        const result = v.safeParse(ProductSummarySchema, input);
        expect(toProductSummary(input)).toEqual(result.success ? result.output : null);
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees on mutations of a valid summary, one field at a time (property)', () => {
    const keys = Object.keys(valid) as (keyof typeof valid)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), anyValue, (key, value) => {
        const input = { ...valid, [key]: value };
        const result = v.safeParse(ProductSummarySchema, input);
        expect(toProductSummary(input)).toEqual(result.success ? result.output : null);
      }),
      { numRuns: 3000 },
    );
  });
});
