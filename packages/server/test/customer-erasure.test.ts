import { InviterStatusSchema, validate } from '@koubei/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './harness.ts';
import { DATABASES, STORE, startTestServer } from './harness.ts';

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

/** Everything that could point at Mei: the test fails if any of it is left anywhere. */
const MEI = {
  customerId: 'cust-mei-7781',
  email: 'Mei.Lin@Example.com',
  name: 'Mei Lin',
  avatar: 'https://cdn.example/avatars/mei-lin-7781.png',
  device: 'device-mei-000000000001',
  friendsDevice: 'device-mei-000000000002',
};

/**
 * Mei, as every kind of customer at once: invited by Ivan through a visit
 * from her own device, then buyer; inviter of Ann; named and pictured in her
 * customer record with consent; connected to Cai (her list) and Dan (his
 * list); a buyer; and a reviewer.
 */
async function buildMei(server: TestServer) {
  const merchant = async (path: string, method: string, body?: unknown) => {
    const response = await server.merchant(`/v1/merchant${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return response.json();
  };
  await merchant('/referral-programme', 'PUT', PROGRAMME);
  const ivan = await merchant('/referral-invites', 'POST', {
    customerId: 'ivan',
    email: 'ivan@example.com',
  });
  const visit = await server.request(`/v1/${STORE}/referral/visits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: ivan.code, visitor: MEI.device }),
  });
  expect(visit.status).toBe(200);
  await merchant('/referral-conversions', 'POST', {
    code: ivan.code,
    event: 'purchased',
    invitee: { customerId: MEI.customerId, email: MEI.email, deviceId: MEI.device },
    products: [PRODUCT],
  });
  const mei = await merchant('/referral-invites', 'POST', {
    customerId: MEI.customerId,
    email: MEI.email,
    deviceId: MEI.friendsDevice,
    displayName: MEI.name,
    leaderboardOptIn: true,
  });
  await merchant('/referral-conversions', 'POST', {
    code: mei.code,
    event: 'purchased',
    invitee: { customerId: 'ann', email: 'ann@example.com' },
  });
  await merchant(`/customers/${MEI.customerId}`, 'PUT', {
    displayName: MEI.name,
    avatarUrl: MEI.avatar,
    email: MEI.email,
    showIdentityToFriends: true,
  });
  await merchant('/customers/ann', 'PUT', { displayName: 'Ann', showIdentityToFriends: true });
  await merchant(`/customers/${MEI.customerId}/connections`, 'PUT', { customers: ['cai'] });
  await merchant('/customers/dan/connections', 'PUT', { customers: [MEI.customerId, 'ann'] });
  await merchant('/purchases', 'POST', { customerId: MEI.customerId, products: ['oolong'] });
  await merchant('/import', 'POST', [
    {
      product: PRODUCT,
      rating: 5,
      body: 'Lovely tea',
      author: MEI.name,
      language: 'en',
      date: new Date().toISOString(),
      email: MEI.email.toLowerCase(),
    },
  ]);
  return { ivanCode: ivan.code as string, meiCode: mei.code as string };
}

describe.each(DATABASES)('Erasing a customer on %s', (kind) => {
  let server: TestServer;
  let codes: { ivanCode: string; meiCode: string };
  beforeAll(async () => {
    server = await startTestServer(kind);
    codes = await buildMei(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Every row of every table, as text, in the schema this test's server uses. */
  async function everything(): Promise<string> {
    const tables = await server.db.query<{ name: string }>(
      `select table_name as name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`,
    );
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['customers', 'referral_invitations', 'reviews']),
    );
    const dump: Record<string, unknown[]> = {};
    for (const { name } of tables) dump[name] = await server.db.query(`select * from "${name}"`);
    return JSON.stringify(dump).toLowerCase();
  }
  const traces = (text: string) =>
    Object.values(MEI).filter((value) => text.includes(value.toLowerCase()));

  it('leaves nothing that identifies her, and keeps everyone else’s history', async () => {
    // Before: every trace is there, so the check below can fail.
    expect(traces(await everything())).toEqual(Object.values(MEI));

    const erase = (body: unknown) =>
      server.merchant('/v1/merchant/erasure', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const known = await erase({ email: MEI.email.toUpperCase() });
    expect(known.status).toBe(202);
    const unknown = await erase({ email: 'nobody@example.com', customerId: 'nobody' });
    expect(await unknown.json()).toEqual(await known.json());

    expect(traces(await everything())).toEqual([]);
    const counts = async (sql: string) =>
      ((await server.db.query<{ n: number }>(sql))[0] as { n: number }).n;
    // Her record, her connections (either way) and purchases are gone; others' remain.
    expect(await counts('select count(*)::int as n from customers')).toBe(1);
    expect(
      await server.db.query('select customer_id, friend_id from customer_connections'),
    ).toEqual([{ customer_id: 'dan', friend_id: 'ann' }]);

    // Ivan keeps his friend and his reward; the friend is now nameless.
    const ivan = await (
      await server.merchant(`/v1/merchant/referral-invites/${codes.ivanCode}`)
    ).json();
    expect(validate(InviterStatusSchema, ivan).ok).toBe(true);
    expect(ivan.conversions).toBe(1);
    expect(ivan.invitations.map((row: { inviteeMasked: string }) => row.inviteeMasked)).toEqual([
      '',
    ]);
    expect(ivan.rewardsEarned).toEqual([PROGRAMME.inviterReward]);
    // Her invite still works for Ann's history, with no name and off the leaderboard.
    const hers = await (
      await server.merchant(`/v1/merchant/referral-invites/${codes.meiCode}`)
    ).json();
    expect(hers.invitations).toHaveLength(1);
    const board = await (await server.request(`/v1/${STORE}/referral/leaderboard`)).json();
    expect(board.items).toEqual([]);
    const landing = await (
      await server.request(`/v1/${STORE}/referral/invites/${codes.meiCode}`)
    ).json();
    expect(landing.inviterFirstName).toBeNull();
  });

  it('finds a customer record without an email by the store’s customer id', async () => {
    const put = await server.merchant('/v1/merchant/customers/no-email-9', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'Quiet Person', showIdentityToFriends: true }),
    });
    expect(put.status).toBe(200);
    const erased = await server.merchant('/v1/merchant/erasure', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'quiet@example.com', customerId: 'no-email-9' }),
    });
    expect(erased.status).toBe(202);
    expect(await everything()).not.toContain('quiet person');
  });
});
