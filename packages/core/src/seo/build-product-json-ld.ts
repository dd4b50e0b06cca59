import type { Review } from '../model/review.ts';
import type { ProductSummary } from '../model/summary.ts';
import { safeHttpUrl } from '../guards/safe-http-url.ts';

/** A JSON-LD node: plain JSON data. */
export type JsonLdNode = { readonly [key: string]: unknown };

export interface JsonLdProduct {
  readonly name: string;
  readonly url?: string;
  readonly sku?: string;
  readonly image?: string;
  readonly brand?: string;
  readonly description?: string;
  /** schema.org type of the reviewed item; `Product` unless a product subtype is meant. */
  readonly type?: string;
}

export interface BuildProductJsonLdInput {
  readonly product: JsonLdProduct;
  readonly summary: ProductSummary;
  readonly reviews: readonly Review[];
  /** Google shows a handful; more only adds page weight. */
  readonly maxReviews?: number;
}

export type JsonLdResult =
  | { readonly ok: true; readonly jsonLd: JsonLdNode }
  | { readonly ok: false; readonly reason: 'self-serving' | 'unsupported-type' | 'missing-name' };

const PRODUCT_TYPES = new Set([
  'Product',
  'ProductGroup',
  'ProductModel',
  'IndividualProduct',
  'SomeProducts',
]);

// Reviews of the merchant's own business are "self-serving": Google ignores
// them for rich results and may treat them as spam, so we refuse to emit them.
const SELF_SERVING_TYPES = new Set([
  'Organization',
  'Corporation',
  'LocalBusiness',
  'Store',
  'OnlineStore',
  'OnlineBusiness',
  'Restaurant',
  'FoodEstablishment',
  'ProfessionalService',
  'Brand',
]);

const GOOGLE_NAME_LIMIT = 100;

function roundRating(value: number): number {
  return Math.round(value * 100) / 100;
}

function reviewNode(review: Review): JsonLdNode {
  return {
    '@type': 'Review',
    author: { '@type': 'Person', name: review.authorName.slice(0, GOOGLE_NAME_LIMIT) },
    datePublished: review.createdAt.slice(0, 10),
    ...(review.title ? { name: review.title } : {}),
    reviewBody: review.body,
    inLanguage: review.language,
    reviewRating: { '@type': 'Rating', ratingValue: review.rating, bestRating: 5, worstRating: 1 },
  };
}

/**
 * schema.org `Product` with `AggregateRating` and `Review` items, meeting
 * Google's review-snippet requirements: only published reviews, a rating
 * count, an author name per review, and no ratings of the shop itself.
 */
export function buildProductJsonLd(input: BuildProductJsonLdInput): JsonLdResult {
  const type = input.product.type ?? 'Product';
  if (SELF_SERVING_TYPES.has(type)) return { ok: false, reason: 'self-serving' };
  if (!PRODUCT_TYPES.has(type)) return { ok: false, reason: 'unsupported-type' };
  const name = input.product.name.trim();
  if (name === '') return { ok: false, reason: 'missing-name' };

  const published = input.reviews
    .filter((review) => review.status === 'published' && review.product === input.summary.product)
    .slice(0, Math.max(0, input.maxReviews ?? 5));
  const url = safeHttpUrl(input.product.url);
  const image = safeHttpUrl(input.product.image);

  const jsonLd: JsonLdNode = {
    '@context': 'https://schema.org',
    '@type': type,
    name,
    ...(input.product.sku ? { sku: input.product.sku } : {}),
    ...(url ? { url } : {}),
    ...(image ? { image } : {}),
    ...(input.product.description ? { description: input.product.description } : {}),
    ...(input.product.brand ? { brand: { '@type': 'Brand', name: input.product.brand } } : {}),
    ...ratingProperties(input.summary, published),
  };
  return { ok: true, jsonLd };
}

function ratingProperties(summary: ProductSummary, reviews: readonly Review[]): JsonLdNode {
  // Google rejects an AggregateRating without ratings; leave it out instead.
  if (summary.count === 0) return {};
  return {
    aggregateRating: {
      '@type': 'AggregateRating',
      ratingValue: roundRating(summary.mean),
      ratingCount: summary.count,
      bestRating: 5,
      worstRating: 1,
    },
    ...(reviews.length > 0 ? { review: reviews.map(reviewNode) } : {}),
  };
}

function isProductNode(node: unknown): node is JsonLdNode {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return false;
  const type = (node as JsonLdNode)['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && PRODUCT_TYPES.has(t));
}

/**
 * Adds our rating and reviews to a Product the page already describes (its
 * own JSON-LD, possibly inside `@graph`), so search engines see one product,
 * not two. Returns `null` when the page's data has no product to merge into.
 * The input is not modified.
 */
export function mergeIntoProductJsonLd(existing: unknown, ours: JsonLdNode): JsonLdNode | null {
  const additions: JsonLdNode = {
    ...(ours.aggregateRating ? { aggregateRating: ours.aggregateRating } : {}),
    ...(ours.review ? { review: ours.review } : {}),
  };
  if (isProductNode(existing)) return { ...existing, ...additions };
  if (typeof existing !== 'object' || existing === null) return null;
  const graph = (existing as JsonLdNode)['@graph'];
  if (!Array.isArray(graph)) return null;
  const index = graph.findIndex(isProductNode);
  if (index === -1) return null;
  const merged = graph.map((node, i) =>
    i === index ? { ...(node as JsonLdNode), ...additions } : node,
  );
  return { ...(existing as JsonLdNode), '@graph': merged };
}

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&`
 * are escaped so review text such as `</script>` cannot end the element.
 */
export function serializeJsonLd(node: JsonLdNode): string {
  return JSON.stringify(node)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}
