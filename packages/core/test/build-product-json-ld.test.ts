import { describe, expect, it } from 'vitest';
import {
  aggregateReviews,
  buildProductJsonLd,
  mergeIntoProductJsonLd,
  serializeJsonLd,
  summarizeAggregate,
} from '../src/index.ts';
import type { JsonLdNode, Review } from '../src/index.ts';
import { makeReview } from './fixtures.ts';

const reviews: Review[] = [
  makeReview({ id: 'a', rating: 5, authorName: '王芳', title: '很好', body: '泡茶很方便' }),
  makeReview({ id: 'b', rating: 4, authorName: 'Sam' }),
  makeReview({ id: 'hidden', rating: 1, status: 'hidden' }),
  makeReview({ id: 'other', rating: 1, product: 'sku-2' }),
];
const summary = summarizeAggregate('sku-1', aggregateReviews(reviews.slice(0, 2)));

function build(overrides: Partial<Parameters<typeof buildProductJsonLd>[0]['product']> = {}) {
  return buildProductJsonLd({
    product: {
      name: 'Celadon teapot',
      sku: 'sku-1',
      url: 'https://shop.example/teapot',
      ...overrides,
    },
    summary,
    reviews,
  });
}

describe('buildProductJsonLd', () => {
  it('meets the review-snippet requirements', () => {
    const result = build();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const node = result.jsonLd as Record<string, any>;
    expect(node['@context']).toBe('https://schema.org');
    expect(node['@type']).toBe('Product');
    expect(node.name).toBe('Celadon teapot');
    expect(node.aggregateRating).toEqual({
      '@type': 'AggregateRating',
      ratingValue: 4.5,
      ratingCount: 2,
      bestRating: 5,
      worstRating: 1,
    });
    expect(node.review).toHaveLength(2);
    for (const review of node.review) {
      expect(review['@type']).toBe('Review');
      expect(review.author).toMatchObject({ '@type': 'Person', name: expect.any(String) });
      expect(review.author.name.length).toBeGreaterThan(0);
      expect(review.reviewRating.ratingValue).toBeGreaterThanOrEqual(1);
      expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('includes only published reviews of this product', () => {
    const result = build();
    if (!result.ok) throw new Error('expected ok');
    const ids = (result.jsonLd.review as { reviewBody: string }[]).map((r) => r.reviewBody);
    expect(ids).toEqual(['泡茶很方便', 'Pours well and keeps tea warm.']);
  });

  it('leaves out the rating when there are no reviews', () => {
    const result = buildProductJsonLd({
      product: { name: 'New kettle' },
      summary: summarizeAggregate('sku-9', aggregateReviews([])),
      reviews: [],
    });
    expect(result.ok && result.jsonLd.aggregateRating).toBe(undefined);
  });

  it.each(['LocalBusiness', 'Organization', 'Store', 'Restaurant'])(
    'refuses self-serving %s ratings',
    (type) => {
      expect(build({ type })).toEqual({ ok: false, reason: 'self-serving' });
    },
  );

  it('refuses unknown types and missing names', () => {
    expect(build({ type: 'Thing' })).toEqual({ ok: false, reason: 'unsupported-type' });
    expect(build({ name: '  ' })).toEqual({ ok: false, reason: 'missing-name' });
  });

  it('drops unsafe product URLs', () => {
    const result = build({ url: 'javascript:alert(1)', image: 'data:image/png;base64,AA' });
    expect(result.ok && 'url' in result.jsonLd).toBe(false);
    expect(result.ok && 'image' in result.jsonLd).toBe(false);
  });
});

describe('mergeIntoProductJsonLd', () => {
  const ours = (build() as { ok: true; jsonLd: JsonLdNode }).jsonLd;

  it('adds rating and reviews to the page’s own Product and keeps its fields', () => {
    const existing = {
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Teapot',
      offers: { price: '99' },
    };
    const merged = mergeIntoProductJsonLd(existing, ours);
    expect(merged).toMatchObject({
      name: 'Teapot',
      offers: { price: '99' },
      aggregateRating: ours.aggregateRating,
    });
    expect(existing).not.toHaveProperty('aggregateRating');
  });

  it('finds the Product inside @graph', () => {
    const existing = {
      '@graph': [{ '@type': 'WebPage' }, { '@type': ['Product', 'Thing'], name: 'Teapot' }],
    };
    const merged = mergeIntoProductJsonLd(existing, ours) as {
      '@graph': Record<string, unknown>[];
    };
    expect(merged['@graph'][1]).toHaveProperty('review');
    expect(merged['@graph'][0]).not.toHaveProperty('review');
  });

  it('returns null when there is no product to merge into', () => {
    expect(mergeIntoProductJsonLd({ '@type': 'Organization' }, ours)).toBeNull();
    expect(mergeIntoProductJsonLd('junk', ours)).toBeNull();
    expect(mergeIntoProductJsonLd(null, ours)).toBeNull();
  });

  it('does not let a __proto__ key from page data change prototypes', () => {
    const existing = JSON.parse('{"@type":"Product","name":"x","__proto__":{"polluted":true}}');
    const merged = mergeIntoProductJsonLd(existing, ours) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });
});

describe('serializeJsonLd', () => {
  it('cannot be broken out of a script element by review text', () => {
    const text = serializeJsonLd({ reviewBody: '</script><script>alert(1)</script> & more' });
    expect(text).not.toContain('<');
    expect(text).not.toContain('>');
    expect(JSON.parse(text)).toEqual({ reviewBody: '</script><script>alert(1)</script> & more' });
  });
});
