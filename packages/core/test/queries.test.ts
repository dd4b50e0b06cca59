import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REVIEW_SORTS,
  buildPath,
  encodeReviewQuery,
  parseProductIds,
  parseReviewQuery,
} from '../src/index.ts';
import type { ReviewQuery } from '../src/index.ts';

describe('review queries on the wire', () => {
  it('round-trip through URL parameters (property)', () => {
    const query: fc.Arbitrary<ReviewQuery> = fc.record({
      sort: fc.constantFrom(...REVIEW_SORTS),
      photosFirst: fc.boolean(),
      filter: fc.record(
        {
          stars: fc
            .uniqueArray(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 })
            .map((s) => s.sort()),
          withMedia: fc.constant(true),
          verifiedOnly: fc.constant(true),
          language: fc.constantFrom('en', 'zh-CN'),
        },
        { requiredKeys: [] },
      ),
      cursor: fc.constantFrom(null, 'WyJuZXdlc3QiLDAsWy0xLCJyMSJdXQ'),
      limit: fc.integer({ min: 1, max: 50 }),
    });
    fc.assert(
      fc.property(query, (original) => {
        const params = Object.fromEntries(new URLSearchParams(encodeReviewQuery(original)));
        const parsed = parseReviewQuery(params);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.value).toEqual(original);
      }),
    );
  });

  it('defaults to the most helpful first, ten per page', () => {
    expect(parseReviewQuery({})).toEqual({
      ok: true,
      value: { sort: 'helpful', photosFirst: false, filter: {}, cursor: null, limit: 10 },
    });
  });

  it.each([
    [{ sort: 'rating DESC,(SELECT pg_sleep(5))' }, 'sort'],
    [{ sort: '__proto__' }, 'sort'],
    [{ stars: '6' }, 'stars'],
    [{ stars: "5' OR 1=1--" }, 'stars'],
    [{ limit: '-1' }, 'limit'],
    [{ limit: '100000' }, 'limit'],
    [{ media: 'yes' }, 'media'],
    [{ language: '<script>' }, 'language'],
  ])('rejects %j naming %s', (params, field) => {
    const result = parseReviewQuery(params);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.path)).toContain(field);
  });

  it('clamps large page sizes to 50', () => {
    expect(parseReviewQuery({ limit: '999' })).toMatchObject({ ok: true, value: { limit: 50 } });
  });
});

describe('parseProductIds', () => {
  it('deduplicates in order and trims', () => {
    expect(parseProductIds(' a, b ,a,,c')).toEqual({ ok: true, value: ['a', 'b', 'c'] });
  });

  it('rejects too many ids, bad ids and an empty list', () => {
    expect(parseProductIds(Array.from({ length: 101 }, (_, i) => `p${i}`).join(',')).ok).toBe(
      false,
    );
    expect(parseProductIds('ok,bad id').ok).toBe(false);
    expect(parseProductIds(',,').ok).toBe(false);
  });
});

describe('buildPath', () => {
  it('percent-encodes every value so ids cannot add path segments', () => {
    expect(
      buildPath('/v1/{store}/products/{product}/reviews', {
        store: 'tea',
        product: '../admin?x=1#',
      }),
    ).toBe('/v1/tea/products/..%2Fadmin%3Fx%3D1%23/reviews');
  });

  it('refuses to build a path with a missing parameter', () => {
    expect(() => buildPath('/v1/{store}/summaries', {})).toThrow(/store/);
  });
});
