import { describe, expect, it } from 'vitest';
import { makeReviews, summaryOf } from '../stories/fixtures.ts';
import { injectProductJsonLd } from './inject-product-json-ld.ts';

const summary = summaryOf(makeReviews(12));

function ldScripts(doc: Document) {
  return [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) =>
    JSON.parse(s.textContent ?? ''),
  );
}

describe('injectProductJsonLd', () => {
  it('merges the rating into the Product the page already has', () => {
    const doc = document.implementation.createHTMLDocument('shop');
    const script = doc.createElement('script');
    script.type = 'application/ld+json';
    script.textContent = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Teapot',
      offers: { price: '99' },
    });
    doc.head.append(script);

    expect(injectProductJsonLd(doc, summary, null)).toBe('merged');
    const [product] = ldScripts(doc);
    expect(ldScripts(doc)).toHaveLength(1);
    expect(product).toMatchObject({
      name: 'Teapot',
      offers: { price: '99' },
      aggregateRating: { ratingCount: 12 },
    });
  });

  it('adds a Product when the shop named it, once however often it runs', () => {
    const doc = document.implementation.createHTMLDocument('shop');
    expect(injectProductJsonLd(doc, summary, 'Celadon teapot')).toBe('added');
    expect(injectProductJsonLd(doc, summary, 'Celadon teapot')).toBe('added');
    expect(ldScripts(doc)).toEqual([
      expect.objectContaining({ '@type': 'Product', name: 'Celadon teapot', sku: summary.product }),
    ]);
  });

  it('adds nothing without a name or without ratings, and ignores broken JSON on the page', () => {
    const doc = document.implementation.createHTMLDocument('shop');
    const broken = doc.createElement('script');
    broken.type = 'application/ld+json';
    broken.textContent = '{ not json';
    doc.head.append(broken);
    expect(injectProductJsonLd(doc, summary, null)).toBe('skipped');
    expect(injectProductJsonLd(doc, { ...summary, count: 0 }, 'Teapot')).toBe('skipped');
    expect(doc.querySelectorAll('script')).toHaveLength(1);
  });

  it('cannot be broken out of by a product name', () => {
    const doc = document.implementation.createHTMLDocument('shop');
    injectProductJsonLd(doc, summary, '</script><script>alert(1)</script>');
    const script = doc.querySelector('script[data-koubei-json-ld]');
    expect(script?.textContent).not.toContain('</script>');
    expect(doc.querySelectorAll('script')).toHaveLength(1);
  });
});
