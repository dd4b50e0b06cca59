import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_ROUTES, MERCHANT_ROUTES } from '../src/index.ts';
import { buildOpenApiDocument } from '../src/api/openapi.ts';

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument() as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };

  it('is committed up to date (run `pnpm --filter @koubei/core openapi` after changing the contract)', () => {
    const committed = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('documents every route with its method, parameters and response', () => {
    for (const route of [...Object.values(API_ROUTES), ...Object.values(MERCHANT_ROUTES)]) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      const parameters = (operation?.parameters ?? []) as { name: string; in: string }[];
      for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) {
        expect(parameters).toContainEqual(expect.objectContaining({ name, in: 'path' }));
      }
      if ('idempotent' in route && route.idempotent) {
        expect(parameters).toContainEqual(
          expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }),
        );
      }
    }
  });

  it('documents the merchant API under the bearer scheme, and the storefront API without it', () => {
    const schemes = (document as { components?: { securitySchemes?: Record<string, unknown> } })
      .components?.securitySchemes;
    expect(schemes?.merchantApiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    const merchantPaths = [
      '/v1/merchant/referral-programme',
      '/v1/merchant/referral-invites',
      '/v1/merchant/referral-conversions',
      '/v1/merchant/reviews',
      '/v1/merchant/reviews/{review}/reply',
      '/v1/merchant/reviews/{review}/moderation',
      '/v1/merchant/customers/{customer}/connections',
      '/v1/merchant/purchases',
      '/v1/merchant/inbox',
      '/v1/merchant/reviews/bulk',
      '/v1/merchant/audit',
      '/v1/merchant/stats',
      '/v1/merchant/topics',
      '/v1/merchant/testimonials/{testimonial}',
      '/v1/merchant/settings',
    ];
    for (const path of merchantPaths) expect(document.paths[path], path).toBeDefined();
    for (const route of Object.values(MERCHANT_ROUTES)) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation?.security, `${route.method} ${route.path}`).toEqual([
        { merchantApiKey: [] },
      ]);
    }
    for (const route of Object.values(API_ROUTES)) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation?.security).toBeUndefined();
    }
    // The anonymous and the personal social proof share a path, GET and POST.
    const proof = document.paths['/v1/{store}/products/{product}/social-proof'];
    expect(Object.keys(proof ?? {}).sort()).toEqual(['get', 'post']);
  });

  it('describes the review payload with its limits', () => {
    const page = document.paths['/v1/{store}/products/{product}/reviews']?.get?.responses as Record<
      string,
      any
    >;
    const review = page['200'].content['application/json'].schema.properties.items.items;
    expect(review.properties.rating).toMatchObject({ type: 'integer', minimum: 1, maximum: 5 });
    expect(review.properties.title).toMatchObject({ maxLength: 150 });
    expect(review.required).toEqual(expect.arrayContaining(['id', 'rating', 'body', 'authorName']));
  });
});
