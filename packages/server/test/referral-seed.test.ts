import { INVITATION_STATES, InviterStatusSchema, SocialProofSchema, validate } from '@koubei/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REFERRAL } from '../src/seed/demo-data.ts';
import { demoCustomerInstructions, seedReferralDemo } from '../src/seed/referral-seed.ts';
import type { TestServer } from './harness.ts';
import { API_KEY, DATABASES, ORIGIN, STORE, TEST_SECRET, startTestServer } from './harness.ts';

describe.each(DATABASES)('Referral demo seed on %s', (kind) => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    // The demo store's reviews (the full seed makes 64 for this product; three 5★ do here).
    const reviews = [1, 2, 3].map((n) => ({
      product: DEMO_REFERRAL.products[0],
      rating: 5,
      body: `Lovely ${n}`,
      author: `Reviewer ${n}`,
      language: 'en',
      date: new Date(Date.now() - n * 3600_000).toISOString(),
    }));
    await server.merchant('/v1/merchant/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(reviews),
    });
    expect(await seedReferralDemo(server.db, { landingUrl: `${ORIGIN}/` })).toBe(true);
    expect(await seedReferralDemo(server.db, { landingUrl: `${ORIGIN}/` })).toBe(false);
    const issued = await server.merchant(
      `/v1/merchant/customers/${DEMO_REFERRAL.customer.id}/token`,
      { method: 'POST' },
    );
    token = (await issued.json()).customerToken;
  });
  afterAll(async () => {
    await server?.close();
  });

  const post = (path: string) =>
    server.request(`/v1/${STORE}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerToken: token }),
    });

  it("shows Mei's friends on the demo product, named where they consented", async () => {
    const proof = await (await post(`/products/${DEMO_REFERRAL.products[0]}/social-proof`)).json();
    expect(validate(SocialProofSchema, proof).ok).toBe(true);
    // ann, hao, lei, yu, jun (bought or 5★) and tom (bought); sara and xin did neither.
    expect(proof.friends.count).toBe(6);
    expect(proof.friends.named.map((f: { displayName: string }) => f.displayName).sort()).toEqual(
      ['Ann Lee', '王俊', '陈浩'].sort(),
    );
    expect(JSON.stringify(proof)).not.toContain('Li Lei');
  });

  it('keeps a product with one recommending friend below the minimum', async () => {
    const second = await (await post(`/products/${DEMO_REFERRAL.products[1]}/social-proof`)).json();
    expect(second.friends.count).toBe(3);
    const third = await (await post(`/products/${DEMO_REFERRAL.products[2]}/social-proof`)).json();
    expect(third.friends).toEqual({ count: 0, named: [] });
  });

  it('gives Mei an invitation status with every state, rewards and a reached tier', async () => {
    const response = await post('/referral/status');
    expect(response.status).toBe(200);
    const status = await response.json();
    expect(validate(InviterStatusSchema, status).ok, JSON.stringify(status)).toBe(true);
    expect(status.invite.code).toBe(DEMO_REFERRAL.customer.code);
    const states = new Set(status.invitations.map((row: { state: string }) => row.state));
    expect([...states].sort()).toEqual([...INVITATION_STATES].sort());
    expect(status.conversions).toBe(3);
    // Three base rewards and the tier reward at the third friend.
    expect(status.rewardsEarned.map((r: { kind: string }) => r.kind).sort()).toEqual([
      'amount',
      'amount',
      'amount',
      'points',
    ]);
    expect(status.nextTier).toBeNull();
    expect(JSON.stringify(status)).not.toContain('hao.chen');
  });

  it('prints a working token and how to get another', async () => {
    const text = demoCustomerInstructions({ secret: TEST_SECRET, publicUrl: server.url }, API_KEY);
    const printed = /^ {2}(customer:\S+)$/m.exec(text)?.[1] as string;
    expect(text).toContain(`/v1/merchant/customers/${DEMO_REFERRAL.customer.id}/token`);
    const response = await server.request(`/v1/${STORE}/referral/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerToken: printed }),
    });
    expect(response.status).toBe(200);
  });
});
