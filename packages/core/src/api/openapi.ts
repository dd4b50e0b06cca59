import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { EVENT_TYPES } from '../model/events.ts';
import type { RouteDefinition } from './api-contract.ts';
import { API_ROUTES, ProblemSchema } from './api-contract.ts';
import { ImportedReviewSchema, MERCHANT_ROUTES } from './merchant-contract.ts';
import { ROUTE_DOCS } from './route-docs.ts';

type JsonObject = Record<string, unknown>;

function schemaOf(schema: v.GenericSchema): JsonObject {
  // Custom checks (e.g. "each aspect once") have no JSON Schema form; they are
  // still enforced by the same valibot schemas on both sides.
  const json = toJsonSchema(schema, { target: 'draft-2020-12', errorMode: 'ignore' }) as JsonObject;
  delete json.$schema;
  return json;
}

function pathParameters(path: string): JsonObject[] {
  return [...path.matchAll(/\{([a-zA-Z]+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

function queryParameters(route: RouteDefinition): JsonObject[] {
  if (!route.query) return [];
  const json = schemaOf(route.query) as {
    properties?: Record<string, JsonObject>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}

function requestBody(route: RouteDefinition): JsonObject | undefined {
  if (!route.body) return undefined;
  if (route.body === 'multipart-photo') {
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['photo'],
            properties: { photo: { type: 'string', contentMediaType: 'application/octet-stream' } },
          },
        },
      },
    };
  }
  if (route.body === 'review-import') {
    return {
      required: true,
      content: {
        'application/json': { schema: { type: 'array', items: schemaOf(ImportedReviewSchema) } },
        'text/csv': {
          schema: {
            type: 'string',
            description: `A header row naming the same fields (${Object.keys(ImportedReviewSchema.entries).join(', ')}), then one review per row`,
          },
        },
      },
    };
  }
  const content: JsonObject = { 'application/json': { schema: schemaOf(route.body) } };
  if (route === API_ROUTES.events)
    content['text/plain'] = {
      schema: { type: 'string', description: 'The same JSON, sent by navigator.sendBeacon' },
    };
  return { required: true, content };
}

const problem = { 'application/problem+json': { schema: schemaOf(ProblemSchema) } };

/**
 * The API contract as an OpenAPI 3.1 document, generated from the same
 * valibot schemas the client and server validate with, so the document
 * cannot drift from the code.
 */
export function buildOpenApiDocument(): JsonObject {
  const paths: Record<string, JsonObject> = {};
  const routes = [
    ...Object.entries(API_ROUTES).map(([name, route]) => ({ name, route, merchant: false })),
    ...Object.entries(MERCHANT_ROUTES).map(([name, route]) => ({ name, route, merchant: true })),
  ] as { name: string; route: RouteDefinition; merchant: boolean }[];
  for (const { name, route, merchant } of routes) {
    const headers: JsonObject[] = route.idempotent
      ? [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: true,
            schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$' },
          },
        ]
      : [];
    const body = requestBody(route);
    const operation: JsonObject = {
      operationId: name,
      tags: [merchant ? 'merchant' : 'storefront'],
      ...(merchant
        ? { summary: route.summary, description: route.description }
        : ROUTE_DOCS[name as keyof typeof ROUTE_DOCS]),
      parameters: [...pathParameters(route.path), ...queryParameters(route), ...headers],
      ...(body ? { requestBody: body } : {}),
      ...(merchant ? { security: [{ merchantApiKey: [] }] } : {}),
      responses: {
        [String(route.successStatus)]: route.response
          ? {
              description: 'Success',
              ...(route.cacheable
                ? {
                    headers: {
                      ETag: { schema: { type: 'string' } },
                      'Cache-Control': { schema: { type: 'string' } },
                    },
                  }
                : {}),
              content: { 'application/json': { schema: schemaOf(route.response) } },
            }
          : { description: route.successStatus === 204 ? 'Done; no content' : 'Accepted' },
        ...(route.cacheable
          ? { '304': { description: 'Not modified (If-None-Match matched the ETag)' } }
          : {}),
        ...(merchant
          ? { '401': { description: 'No API key, or not a valid one', content: problem } }
          : {}),
        '4XX': { description: 'Client error, with the offending fields named', content: problem },
        '5XX': { description: 'Server error', content: problem },
      },
    };
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Koubei API',
      version: '1',
      description:
        'Reviews, photos, testimonials, social proof and referrals for storefront widgets. Generated from @koubei/core.',
    },
    tags: [
      { name: 'storefront', description: 'Public API for widgets, scoped to one store' },
      {
        name: 'merchant',
        description:
          'For the store’s own backend and the merchant console (/console), never a storefront page: the API key says which store. Answers are never cached.',
      },
    ],
    paths,
    components: {
      securitySchemes: {
        merchantApiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'The store’s merchant API key: `Authorization: Bearer <key>`',
        },
      },
    },
    'x-koubei-events': EVENT_TYPES,
  };
}
