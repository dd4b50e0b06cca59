import type { RouteDefinition } from '@koubei/core';
import { MERCHANT_ROUTES, buildPath, validate } from '@koubei/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './harness.ts';
import { DATABASES, startTestServer } from './harness.ts';

type RouteName = keyof typeof MERCHANT_ROUTES;

/** A valid request for every merchant route, in an order where each finds what it needs. */
const CALLS: readonly {
  name: RouteName;
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
}[] = [
  {
    name: 'putReferralProgramme',
    body: {
      name: 'Share the tea',
      active: true,
      conversion: 'purchase',
      inviterReward: { kind: 'points', points: 100 },
      inviteeReward: { kind: 'percent', percent: 10 },
      tiers: [{ conversions: 2, inviterReward: { kind: 'points', points: 300 } }],
      maxRewardsPerInviter: null,
      maxInvitesPerDay: 10,
      expiresAt: null,
    },
  },
  { name: 'getReferralProgramme' },
  { name: 'createInvite', body: { customerId: 'mei', email: 'mei@example.com' } },
  {
    name: 'reportConversion',
    body: { code: '{code}', event: 'purchased', invitee: { customerId: 'lei' }, products: ['pot'] },
  },
  { name: 'getInvite', params: { code: '{code}' } },
  {
    name: 'putCustomer',
    params: { customer: 'lei' },
    body: { displayName: 'Lei', showIdentityToFriends: true },
  },
  {
    name: 'putCustomerConnections',
    params: { customer: 'mei' },
    body: { customers: ['ann', 'bo'] },
  },
  { name: 'issueCustomerToken', params: { customer: 'mei' } },
  { name: 'reportPurchases', body: { customerId: 'ann', products: ['pot', 'cup'] } },
  {
    name: 'importReviews',
    body: [
      {
        product: 'pot',
        rating: 5,
        body: 'Pours well',
        author: 'Ann',
        language: 'en',
        date: '2026-01-01T00:00:00Z',
      },
    ],
  },
  { name: 'merchantReviews', query: '?status=published' },
  {
    name: 'moderateReview',
    params: { review: '{review}' },
    body: { action: 'flag', reason: 'spam' },
  },
  { name: 'replyToReview', params: { review: '{review}' }, body: { body: 'Thank you!' } },
  {
    name: 'markIncentive',
    params: { review: '{review}' },
    body: { kind: 'discount', disclosure: '10% off the next order' },
  },
  { name: 'removeReply', params: { review: '{review}' } },
  { name: 'inbox', query: '?unanswered=true&limit=10' },
  { name: 'bulk', body: { reviewIds: ['{review}'], action: 'approve' } },
  { name: 'audit', query: '?review={review}' },
  { name: 'stats', query: '?weeks=4' },
  { name: 'topics', query: '?product=pot' },
  { name: 'addTestimonial', body: { reviewId: '{review}', featured: false } },
  { name: 'merchantTestimonials' },
  {
    name: 'changeTestimonial',
    params: { testimonial: '{testimonial}' },
    body: { featured: true },
  },
  { name: 'orderTestimonials', body: { ids: ['{testimonial}'] } },
  { name: 'removeTestimonial', params: { testimonial: '{testimonial}' } },
  { name: 'settings' },
  {
    name: 'changeSettings',
    body: { moderation: 'publish-first', theme: { 'color-accent': '#b5542c' } },
  },
  { name: 'exportStore' },
  { name: 'eraseReviewer', body: { email: 'nobody@example.com' } },
];

describe.each(DATABASES)('Merchant API against its contract on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('has a call for every route in the contract', () => {
    expect(new Set(CALLS.map((call) => call.name))).toEqual(new Set(Object.keys(MERCHANT_ROUTES)));
  });

  it('answers every route with the documented status and a body the schema accepts', async () => {
    const known: Record<string, string> = {};
    const fill = (text: string) =>
      text.replace(/\{(code|review|testimonial)\}/g, (_, key) => known[key] ?? '');
    for (const call of CALLS) {
      const route: RouteDefinition = MERCHANT_ROUTES[call.name];
      const params = Object.fromEntries(
        Object.entries(call.params ?? {}).map(([key, value]) => [key, fill(value)]),
      );
      const response = await server.merchant(
        `${buildPath(route.path, params)}${fill(call.query ?? '')}`,
        {
          method: route.method,
          ...(call.body === undefined
            ? {}
            : {
                headers: { 'content-type': 'application/json' },
                body: fill(JSON.stringify(call.body)),
              }),
        },
      );
      const text = await response.text();
      expect(response.status, `${call.name}: ${text}`).toBe(route.successStatus);
      if (route.response === null) {
        expect(text).toBe('');
        continue;
      }
      const body = JSON.parse(text);
      const checked = validate(route.response, body);
      expect(checked.ok, `${call.name}: ${checked.ok ? '' : checked.message}`).toBe(true);
      if (call.name === 'createInvite') known.code = body.code;
      if (call.name === 'merchantReviews') known.review = body.items[0].id;
      if (call.name === 'addTestimonial') known.testimonial = body.id;
    }
    expect(known.code).toBeTruthy();
    expect(known.review).toBeTruthy();
    expect(known.testimonial).toBeTruthy();
  });

  it('refuses every route without the API key', async () => {
    for (const route of Object.values(MERCHANT_ROUTES) as RouteDefinition[]) {
      const path = buildPath(route.path, {
        code: 'ABCDEFGH',
        review: 'r1',
        customer: 'mei',
        testimonial: 't1',
      });
      const response = await server.request(path, { method: route.method, origin: null });
      expect(response.status, `${route.method} ${path}`).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
  });
});
