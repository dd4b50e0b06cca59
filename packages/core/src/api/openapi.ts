import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { EVENT_TYPES } from '../model/events.ts';
import type { RouteDefinition } from './api-contract.ts';
import { API_ROUTES, ProblemSchema } from './api-contract.ts';
import type { MerchantRouteDefinition } from './merchant-contract.ts';
import { MERCHANT_ROUTES } from './merchant-contract.ts';

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

function queryParameters(route: RouteDefinition | MerchantRouteDefinition): JsonObject[] {
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
  for (const [name, route] of Object.entries(API_ROUTES) as [string, RouteDefinition][]) {
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
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      parameters: [...pathParameters(route.path), ...queryParameters(route), ...headers],
      ...(body ? { requestBody: body } : {}),
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
          : { description: 'Accepted' },
        ...(route.cacheable
          ? { '304': { description: 'Not modified (If-None-Match matched the ETag)' } }
          : {}),
        '4XX': { description: 'Client error, with the offending fields named', content: problem },
        '5XX': { description: 'Server error', content: problem },
      },
    };
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  for (const [name, route] of Object.entries(MERCHANT_ROUTES) as [
    string,
    MerchantRouteDefinition,
  ][]) {
    const operation: JsonObject = {
      operationId: `merchant.${name}`,
      tags: ['merchant'],
      summary: route.summary,
      security: [{ merchantKey: [] }],
      parameters: [...pathParameters(route.path), ...queryParameters(route)],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaOf(route.body) } },
            },
          }
        : {}),
      responses: {
        [String(route.successStatus)]: route.response
          ? {
              description: 'Success',
              content: { 'application/json': { schema: schemaOf(route.response) } },
            }
          : { description: 'Done' },
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
    paths,
    components: {
      securitySchemes: {
        merchantKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'The store’s merchant API key (the console keeps it for the session only).',
        },
      },
    },
    'x-koubei-events': EVENT_TYPES,
  };
}
