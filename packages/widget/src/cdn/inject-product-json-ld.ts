import type { ProductSummary } from '@koubei/core';
import { buildProductJsonLd, mergeIntoProductJsonLd, serializeJsonLd } from '@koubei/core';

const MARK = 'data-koubei-json-ld';

/**
 * Puts the product's rating into the page's schema.org data so search engines
 * can show stars. If the page already describes the product in JSON-LD, our
 * `aggregateRating` is merged into that object (one product, not two);
 * otherwise a new Product is added when the shop told us its name. Under
 * Trusted Types, writing script text is blocked: then nothing changes.
 * Returns what it did, for tests and the console.
 */
export function injectProductJsonLd(
  doc: Document,
  summary: ProductSummary,
  name: string | null,
): 'merged' | 'added' | 'skipped' {
  try {
    const ours = buildProductJsonLd({
      product: { name: name ?? 'product', sku: summary.product },
      summary,
      reviews: [],
    });
    if (!ours.ok || !ours.jsonLd.aggregateRating) return 'skipped';
    for (const script of doc.querySelectorAll<HTMLScriptElement>(
      'script[type="application/ld+json"]',
    )) {
      if (script.getAttribute(MARK) === 'added') continue;
      let existing: unknown;
      try {
        existing = JSON.parse(script.textContent ?? '');
      } catch {
        continue;
      }
      const merged = mergeIntoProductJsonLd(existing, ours.jsonLd);
      if (!merged) continue;
      script.textContent = serializeJsonLd(merged);
      script.setAttribute(MARK, 'merged');
      return 'merged';
    }
    if (!name) return 'skipped';
    const script =
      doc.querySelector<HTMLScriptElement>(`script[${MARK}="added"]`) ??
      doc.createElement('script');
    script.type = 'application/ld+json';
    script.setAttribute(MARK, 'added');
    script.textContent = serializeJsonLd(ours.jsonLd);
    if (!script.isConnected) doc.head.append(script);
    return 'added';
  } catch (error) {
    console.warn('Koubei: structured data not added', error);
    return 'skipped';
  }
}
