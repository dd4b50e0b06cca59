import {
  CustomerProfileSchema,
  CustomerTokenSchema,
  IssuedInviteSchema,
  SocialProofSchema,
  validate,
} from '@koubei/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCustomerToken } from '../src/http/customer-token.ts';
import { sign } from '../src/http/signing.ts';
import type { TestServer } from './harness.ts';
import { DATABASES, STORE, TEST_SECRET, startTestServer } from './harness.ts';

const PROGRAMME = {
  name: 'Share the tea',
  active: true,
  conversion: 'purchase',
  inviterReward: { kind: 'points', points: 100 },
  inviteeReward: { kind: 'coupon', description: '¥20 off' },
  tiers: [],
  maxRewardsPerInviter: null,
  maxInvitesPerDay: 50,
  expiresAt: null,
};
const PRODUCT = 'jasmine-pearls';
const DAY = 24 * 3600_000;

/**
 * One shop's word-of-mouth graph around the visitor "mei":
 *
 *   ivan ──invited──▶ mei ──invited──▶ ann, bo
 *   mei lists cai as a connection; dan lists mei (read both ways)
 *   dan was invited by xu (not mei's friend) and bought the product through that referral
 *
 * On the product: ann reviewed it 5★ (named, consented), bo 3★ (too low),
 * cai bought it (did not consent: counted, not named), ivan bought it
 * (consented but gave no name: counted only), dan bought it (named).
 * eve (a stranger) reviewed it 5★ and must not count.
 */
async function buildGraph(server: TestServer) {
  const merchant = (path: string, method: string, body?: unknown) =>
    server.merchant(`/v1/merchant${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const ok = async (response: Promise<Response>) => {
    const answer = await response;
    expect(answer.status, await answer.clone().text()).toBeLessThan(300);
    return answer.json();
  };
  await ok(merchant('/referral-programme', 'PUT', PROGRAMME));
  const inviteOf = async (customerId: string, email: string) =>
    ok(merchant('/referral-invites', 'POST', { customerId, email }));
  const convert = (code: string, customerId: string, email: string, products?: string[]) =>
    ok(
      merchant('/referral-conversions', 'POST', {
        code,
        event: 'purchased',
        invitee: { customerId, email },
        ...(products ? { products } : {}),
      }),
    );

  const ivan = await inviteOf('ivan', 'ivan@example.com');
  await convert(ivan.code, 'mei', 'mei@example.com');
  const mei = await inviteOf('mei', 'mei@example.com');
  expect(validate(IssuedInviteSchema, mei).ok).toBe(true);
  await convert(mei.code, 'ann', 'ann.li@qq.com');
  await convert(mei.code, 'bo', 'bo@example.com');
  const xu = await inviteOf('xu', 'xu@example.com');
  await convert(xu.code, 'dan', 'dan@example.com', [PRODUCT]);

  await ok(merchant('/customers/mei/connections', 'PUT', { customers: ['cai', 'mei'] }));
  await ok(merchant('/customers/dan/connections', 'PUT', { customers: ['mei'] }));
  await ok(merchant('/purchases', 'POST', { customerId: 'cai', products: [PRODUCT] }));
  await ok(merchant('/purchases', 'POST', { customerId: 'ivan', products: [PRODUCT, PRODUCT] }));

  const profile = await ok(
    merchant('/customers/ann', 'PUT', {
      displayName: 'Ann',
      avatarUrl: 'https://cdn.example/ann.png',
      showIdentityToFriends: true,
    }),
  );
  expect(validate(CustomerProfileSchema, profile).ok).toBe(true);
  await ok(merchant('/customers/dan', 'PUT', { displayName: '丹丹', showIdentityToFriends: true }));
  await ok(
    merchant('/customers/cai', 'PUT', { displayName: 'Cai Secret', showIdentityToFriends: false }),
  );
  await ok(merchant('/customers/ivan', 'PUT', { showIdentityToFriends: true }));
  // eve is only known by a customer record with an email; she is nobody's friend.
  await ok(
    merchant('/customers/eve', 'PUT', {
      displayName: 'Eve',
      email: 'eve@example.com',
      showIdentityToFriends: true,
    }),
  );

  const review = (email: string, rating: number, author: string) => ({
    product: PRODUCT,
    rating,
    body: 'Tried it',
    author,
    language: 'en',
    date: new Date().toISOString(),
    email,
  });
  await ok(
    server.merchant('/v1/merchant/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        // Case differs from the referral record: still ann.
        review('Ann.Li@QQ.com', 5, 'Ann L.'),
        review('bo@example.com', 3, 'Bo'),
        review('eve@example.com', 5, 'Eve'),
      ]),
    }),
  );
  return { meiToken: mei.statusToken as string };
}

describe.each(DATABASES)('Friends recommended on %s', (kind) => {
  let server: TestServer;
  let meiToken: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    ({ meiToken } = await buildGraph(server));
  });
  afterAll(async () => {
    await server?.close();
  });

  const friendsProof = (customerToken: string, product = PRODUCT) =>
    server.request(`/v1/${STORE}/products/${product}/social-proof`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerToken }),
    });
  const tokenFor = async (customer: string) => {
    const response = await server.merchant(`/v1/merchant/customers/${customer}/token`, {
      method: 'POST',
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(validate(CustomerTokenSchema, body).ok).toBe(true);
    return body.customerToken as string;
  };

  it('counts friends from both directions of the referral graph and from connections, 4★+ or bought', async () => {
    const response = await friendsProof(meiToken);
    expect(response.status).toBe(200);
    const proof = await response.json();
    expect(validate(SocialProofSchema, proof).ok, JSON.stringify(proof)).toBe(true);
    // ann (5★, invited by mei), cai (bought; mei's connection), ivan (bought; invited mei),
    // dan (bought; listed mei). Not bo (3★), not eve (not a friend).
    expect(proof.friends.count).toBe(4);
    expect(proof.minimumCount).toBe(3);
  });

  it('names and shows only friends who consented and have a name', async () => {
    const proof = await (await friendsProof(meiToken)).json();
    expect(proof.friends.named).toEqual(
      expect.arrayContaining([
        { displayName: 'Ann', avatarUrl: 'https://cdn.example/ann.png' },
        { displayName: '丹丹' },
      ]),
    );
    expect(proof.friends.named).toHaveLength(2);
  });

  it('leaks nothing personal about anyone else: no ids, emails or unconsented names', async () => {
    const text = await (await friendsProof(meiToken)).text();
    for (const secret of ['Cai Secret', 'cai', 'ivan', 'bo@', 'ann.li', 'qq.com', 'Eve', 'xu'])
      expect(text).not.toContain(secret);
  });

  it('reads the graph from either side: ann sees mei only if mei recommends', async () => {
    // ann's friends: mei (her inviter). mei neither reviewed nor bought: nothing, not even a 1.
    const proof = await (await friendsProof(await tokenFor('ann'))).json();
    expect(proof.friends).toEqual({ count: 0, named: [] });
  });

  it('never reveals a group below the minimum, names included', async () => {
    // dan's friends: xu (inviter) and mei (connection): neither recommends. Add one who does.
    await server.merchant('/v1/merchant/customers/dan/connections', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customers: ['mei', 'ann', 'cai'] }),
    });
    // Two friends recommend (ann named, cai not): under three, so nothing.
    const two = await (await friendsProof(await tokenFor('dan'))).json();
    expect(two.friends).toEqual({ count: 0, named: [] });
    await server.merchant('/v1/merchant/customers/dan/connections', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customers: ['mei', 'ann', 'cai', 'ivan'] }),
    });
    const three = await (await friendsProof(await tokenFor('dan'))).json();
    expect(three.friends.count).toBe(3);
    expect(three.friends.named).toEqual([
      { displayName: 'Ann', avatarUrl: 'https://cdn.example/ann.png' },
    ]);
  });

  it('counts a reported purchase once, and not for another product', async () => {
    const other = await (await friendsProof(meiToken, 'oolong')).json();
    expect(other.friends).toEqual({ count: 0, named: [] });
    const again = await server.merchant('/v1/merchant/purchases', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: 'cai', products: [PRODUCT] }),
    });
    expect(await again.json()).toEqual({ recorded: 0 });
    expect((await (await friendsProof(meiToken)).json()).friends.count).toBe(4);
  });

  it('withdrawn consent turns a name back into a count', async () => {
    await server.merchant('/v1/merchant/customers/dan', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ showIdentityToFriends: false }),
    });
    const proof = await (await friendsProof(meiToken)).json();
    expect(proof.friends.count).toBe(4);
    expect(JSON.stringify(proof)).not.toContain('丹丹');
    await server.merchant('/v1/merchant/customers/dan', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ showIdentityToFriends: true }),
    });
  });

  it('keeps the anonymous read public and cacheable, and the personal one private', async () => {
    const anonymous = await server.request(`/v1/${STORE}/products/${PRODUCT}/social-proof`);
    expect(anonymous.headers.get('cache-control')).toMatch(/^public/);
    const body = await anonymous.json();
    expect(body.friends).toEqual({ count: 0, named: [] });
    // Three buyers in the last 30 days: dan (through a referral), cai and ivan (reported).
    expect(body.recent).toContainEqual({ kind: 'purchased', count: 3, windowDays: 30 });

    const personal = await friendsProof(meiToken);
    expect(personal.headers.get('cache-control')).toBe('private, no-store');
    expect(personal.headers.get('vary')?.toLowerCase()).toContain('origin');
    expect((await personal.json()).recent).toEqual(body.recent);
  });

  it('refuses forged, foreign, old and expired tokens with 401 and says why', async () => {
    const refusal = async (token: string) => {
      const response = await friendsProof(token);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      return (await response.json()) as { title: string; errors: { message: string }[] };
    };
    expect((await refusal(meiToken.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).title).toBe(
      'The customer token is not valid',
    );
    const services = {
      config: { secret: TEST_SECRET, publicUrl: 'http://127.0.0.1' },
      now: Date.now,
    };
    const foreign = issueCustomerToken(services, 'other-store', 'mei').customerToken;
    expect((await refusal(foreign)).errors[0]?.message).toContain('another store');
    // A status token from before tokens expired.
    const old = sign(`invite:${STORE}:ABCDEFGH`, TEST_SECRET);
    expect((await refusal(old)).errors[0]?.message).toContain('without expiry');

    const issued31DaysAgo = issueCustomerToken(
      {
        config: { secret: TEST_SECRET, publicUrl: 'http://127.0.0.1' },
        now: () => Date.now() - 31 * DAY,
      },
      STORE,
      'mei',
    ).customerToken;
    const expired = await refusal(issued31DaysAgo);
    expect(expired.title).toBe('The customer token has expired');
    // The same expiry holds for the inviter's status.
    const status = await server.request(`/v1/${STORE}/referral/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerToken: issued31DaysAgo }),
    });
    expect(status.status).toBe(401);

    const issued29DaysAgo = issueCustomerToken(
      {
        config: { secret: TEST_SECRET, publicUrl: 'http://127.0.0.1' },
        now: () => Date.now() - 29 * DAY,
      },
      STORE,
      'mei',
    ).customerToken;
    expect((await friendsProof(issued29DaysAgo)).status).toBe(200);
    expect((await friendsProof('')).status).toBe(422);
  });

  it('gives new tokens an expiry 30 days out', async () => {
    const response = await server.merchant('/v1/merchant/customers/mei/token', { method: 'POST' });
    const { expiresAt } = await response.json();
    const days = (Date.parse(expiresAt) - Date.now()) / DAY;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });

  it('rejects unsafe avatars and unknown fields by name', async () => {
    const response = await server.merchant('/v1/merchant/customers/ann', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ avatarUrl: 'javascript:alert(1)', showIdentityToFriends: true }),
    });
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toContain('avatarUrl');
    const noKey = await server.request('/v1/merchant/customers/ann/token', { method: 'POST' });
    expect(noKey.status).toBe(401);
  });
});

describe.each(DATABASES)('Friends minimum from configuration on %s', (kind) => {
  let server: TestServer;
  afterAll(async () => {
    await server?.close();
  });

  it('hides four friends when the shop asks for five', async () => {
    server = await startTestServer(kind, { friendsMinimumCount: 5 });
    const { meiToken } = await buildGraph(server);
    const response = await server.request(`/v1/${STORE}/products/${PRODUCT}/social-proof`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerToken: meiToken }),
    });
    const proof = await response.json();
    expect(proof.minimumCount).toBe(5);
    expect(proof.friends).toEqual({ count: 0, named: [] });
  });
});
