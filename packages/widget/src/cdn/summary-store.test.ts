import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSummaryStore } from './summary-store.ts';

const products = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('the script tag’s summary store', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('answers from a batch it was primed with, and starts over past 500 products', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(new URL(url).searchParams.get('products') ?? '');
      // Products the answer leaves out have no reviews yet.
      return new Response(JSON.stringify({ summaries: [] }), {
        headers: { 'content-type': 'application/json' },
      });
    });
    const store = createSummaryStore('https://api.koubei.test', 'tea-house');

    // A long single-page-app session: listing after listing of new products.
    store.prime(products('a', 300));
    store.prime(products('b', 201));
    expect(asked).toHaveLength(2);
    expect((await store.getSummary('a0')).data).toMatchObject({ product: 'a0', count: 0 });
    expect((await store.getSummary('b200')).data).toMatchObject({ product: 'b200' });
    expect(asked).toHaveLength(2);

    // 501 kept: the next batch finds an empty store, so an old product is asked for again.
    store.prime(['c0']);
    expect((await store.getSummary('c0')).data).toMatchObject({ product: 'c0' });
    expect(asked).toHaveLength(3);
    expect((await store.getSummary('a0')).data).toMatchObject({ product: 'a0' });
    expect(asked).toEqual([expect.any(String), expect.any(String), 'c0', 'a0']);
  });
});
