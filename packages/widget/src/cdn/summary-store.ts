import type { Fetched, ProductSummary } from '@koubei/core';
import { NetworkError, readSummariesResponse } from '@koubei/core/first-paint';
import type { SummarySource } from '../shared/services.ts';

/**
 * Summaries for the script-tag runtime without the full client: batched
 * responses (the loader's first request, a refresh) prime it, and a product
 * that was not in a batch is fetched on its own. The full ky client stays
 * off the first-paint path; this small store is the price.
 */
export function createSummaryStore(
  apiBase: string,
  store: string,
  staticSite = false,
): SummarySource & {
  /** One request for many products; `json` is the loader's already started request, if any. */
  prime(products: readonly string[], json?: Promise<unknown>): void;
  clear(): void;
} {
  const known = new Map<string, Promise<ProductSummary>>();

  function request(products: readonly string[]): Promise<unknown> {
    const root = `${apiBase}/v1/${encodeURIComponent(store)}/summaries`;
    // A static export has one file with every product's summary.
    const url = staticSite
      ? `${root}.json`
      : `${root}?products=${products.map(encodeURIComponent).join(',')}`;
    return fetch(url, { credentials: 'omit', headers: { accept: 'application/json' } }).then(
      (response) =>
        response.ok ? response.json() : Promise.reject(new NetworkError(`HTTP ${response.status}`)),
      (cause: unknown) => Promise.reject(new NetworkError(undefined, { cause })),
    );
  }

  function prime(products: readonly string[], json: Promise<unknown> = request(products)): void {
    // A long single-page-app session meets product after product, and this
    // map lives as long as the tab: past 500 products it starts over. Badges
    // on screen keep what they show; a forgotten summary is asked for again
    // only if a badge needs it.
    if (known.size > 500) known.clear();
    const read = json.then((data) => readSummariesResponse(data, products).summaries);
    for (const product of products) {
      const summary = read.then((summaries) => {
        const found = summaries.get(product);
        if (!found || found instanceof Error) throw found ?? new NetworkError();
        return found;
      });
      // A failure is forgotten at once: the next lookup asks the network again.
      summary.catch(() => known.get(product) === summary && known.delete(product));
      known.set(product, summary);
    }
  }

  return {
    prime,
    async getSummary(product): Promise<Fetched<ProductSummary>> {
      if (!known.has(product)) prime([product]);
      return {
        data: await (known.get(product) as Promise<ProductSummary>),
        source: 'network',
        error: null,
      };
    },
    clear() {
      known.clear();
    },
  };
}
