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
    for (const route of Object.values(API_ROUTES)) {
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

  it('documents every merchant route behind the bearer key', () => {
    for (const route of Object.values(MERCHANT_ROUTES)) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toMatchObject({
        security: [{ merchantKey: [] }],
      });
    }
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
