import { describe, expect, it } from 'vitest';
import { InvalidPayloadError, readSummariesResponse } from '../src/index.ts';

const summary = (product: string) => ({
  product,
  count: 2,
  mean: 4.5,
  bayesianMean: 3.6,
  histogram: [0, 0, 0, 1, 1],
  photoShare: 0,
  recommendRate: null,
  aspects: [],
});

describe('readSummariesResponse', () => {
  it('maps each asked product to its summary, and unknown products to count 0', () => {
    const read = readSummariesResponse({ summaries: [summary('a')] }, ['a', 'b']);
    expect(read.summaries.get('a')).toEqual(summary('a'));
    expect(read.summaries.get('b')).toMatchObject({ product: 'b', count: 0, mean: 0 });
    expect(read.dropped).toBe(0);
  });

  it('fails a missing product instead of showing 0 when items had to be dropped', () => {
    const read = readSummariesResponse(
      { summaries: [summary('a'), { ...summary('b'), mean: 9 }] },
      ['a', 'b'],
    );
    expect(read.summaries.get('a')).toEqual(summary('a'));
    expect(read.summaries.get('b')).toBeInstanceOf(InvalidPayloadError);
    expect(read.dropped).toBe(1);
    expect(read.message).toMatch(/summaries\.1 is not a valid product summary/);
  });

  it.each([null, 'oops', { summaries: 'nope' }, { items: [] }, '<html>502</html>'])(
    'fails every product for the malformed response %j',
    (json) => {
      const read = readSummariesResponse(json, ['a', 'b']);
      expect([...read.summaries.values()].every((v) => v instanceof InvalidPayloadError)).toBe(
        true,
      );
    },
  );
});
