import {
  INVITE_PARAM,
  InviteLandingSchema,
  InviterStatusSchema,
  ReferralLeaderboardSchema,
  ReferralProgrammeSchema,
  readInviteParam,
  validate,
} from '@koubei/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestServer } from './harness.ts';
import { DATABASES, ORIGIN, STORE, startTestServer } from './harness.ts';

const PROGRAMME = {
  name: 'Share the tea',
  active: true,
  conversion: 'purchase',
  inviterReward: { kind: 'amount', amountMinor: 2000, currency: 'CNY' },
  inviteeReward: { kind: 'coupon', description: '¥20 off your first order' },
  tiers: [{ conversions: 3, inviterReward: { kind: 'points', points: 500 } }],
  maxRewardsPerInviter: null,
  maxInvitesPerDay: 50,
  expiresAt: null,
};

const device = (n: number) => `device-${String(n).padStart(12, '0')}`;

describe.each(DATABASES)('Referral programme on %s', (kind) => {
  let server: TestServer;
  let customer = 0;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  function merchantJson(path: string, method: string, body: unknown) {
    return server.merchant(`/v1/merchant${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }
  const setProgramme = (overrides: Record<string, unknown> = {}) =>
    merchantJson('/referral-programme', 'PUT', { ...PROGRAMME, ...overrides });

  async function invite(overrides: Record<string, unknown> = {}) {
    const customerId = `customer-${++customer}`;
    const response = await merchantJson('/referral-invites', 'POST', {
      customerId,
      email: `${customerId}@qq.com`,
      deviceId: device(customer),
      displayName: 'Mei',
      ...overrides,
    });
    expect(response.status).toBe(201);
    return {
      customerId,
      ...((await response.json()) as { code: string; url: string; statusToken: string }),
    };
  }
  const convert = (code: string, event: string, invitee: Record<string, unknown>) =>
    merchantJson('/referral-conversions', 'POST', { code, event, invitee }).then(
      async (r) => ({ status: r.status, ...(await r.json()) }) as Record<string, any>,
    );
  const visit = (code: string, deviceId: string) =>
    server.request(`/v1/${STORE}/referral/visits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, visitor: deviceId }),
    });
  const status = async (code: string) => {
    const body = await (await server.merchant(`/v1/merchant/referral-invites/${code}`)).json();
    const checked = validate(InviterStatusSchema, body);
    expect(checked.ok, JSON.stringify(body)).toBe(true);
    return body;
  };

  beforeEach(async () => {
    expect((await setProgramme()).status).toBe(200);
  });

  it('stores the programme and rejects invalid settings by field', async () => {
    const stored = await (await server.merchant('/v1/merchant/referral-programme')).json();
    expect(validate(ReferralProgrammeSchema, stored).ok).toBe(true);
    expect(stored).toMatchObject({ name: 'Share the tea', conversion: 'purchase' });

    const bad = await setProgramme({ inviterReward: { kind: 'percent', percent: 300 } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('inviterReward');
    const twoTiers = await setProgramme({
      tiers: [PROGRAMME.tiers[0], PROGRAMME.tiers[0]],
    });
    expect(twoTiers.status).toBe(422);
    const noKey = await server.request('/v1/merchant/referral-programme', { method: 'PUT' });
    expect(noKey.status).toBe(401);
  });

  it('gives each customer one code and a link that carries it', async () => {
    const first = await invite({ customerId: 'same-customer' });
    const again = await merchantJson('/referral-invites', 'POST', { customerId: 'same-customer' });
    expect(again.status).toBe(200);
    expect((await again.json()).code).toBe(first.code);
    expect(first.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(new URL(first.url).origin).toBe(ORIGIN);
    expect(INVITE_PARAM).toBe('koubei_invite');
    expect(new URL(first.url).searchParams.get('koubei_invite')).toBe(first.code);
    // The link as the widgets read it: the same parameter, the same code.
    expect(readInviteParam(first.url)).toBe(first.code);

    const hostile = await merchantJson('/referral-invites', 'POST', {
      customerId: 'x',
      landingUrl: 'javascript:alert(1)',
    });
    expect(hostile.status).toBe(422);
  });

  it('takes http landing URLs on loopback only', async () => {
    const landing = async (landingUrl: string) => {
      const response = await merchantJson('/referral-invites', 'POST', {
        customerId: `landing-${++customer}`,
        landingUrl,
      });
      return { status: response.status, body: await response.json() };
    };
    for (const local of [
      'http://127.0.0.1:5173/tea',
      'http://localhost:8080/tea?x=1',
      'http://[::1]:3000/',
    ]) {
      const { status, body } = await landing(local);
      expect(status, local).toBe(201);
      const url = new URL(body.url);
      expect(url.protocol).toBe('http:');
      expect(url.origin).toBe(new URL(local).origin);
      expect(url.searchParams.get('koubei_invite')).toBe(body.code);
    }
    for (const remote of [
      'http://shop.example/tea',
      'http://127.0.0.1.nip.io/tea',
      'http://192.168.1.20/tea',
      'ftp://127.0.0.1/tea',
    ]) {
      const { status, body } = await landing(remote);
      expect(status, remote).toBe(422);
      expect(body.errors[0].path).toBe('landingUrl');
    }
  });

  it('attributes visits once per device, shows the landing, and ignores the inviter’s own device', async () => {
    const { code } = await invite();
    const landing = await (await server.request(`/v1/${STORE}/referral/invites/${code}`)).json();
    expect(validate(InviteLandingSchema, landing).ok).toBe(true);
    expect(landing).toMatchObject({
      code,
      inviterFirstName: 'Mei',
      inviteeReward: PROGRAMME.inviteeReward,
    });

    const visitCount = async () => (await status(code)).invitations.length;
    const firstVisit = await visit(code, device(900));
    expect(firstVisit.status).toBe(200);
    // Every visitor sees the landing; only the first visit from a device counts.
    expect(validate(InviteLandingSchema, await firstVisit.json()).ok).toBe(true);
    expect(await visitCount()).toBe(1);
    expect((await visit(code, device(900))).status).toBe(200);
    expect(await visitCount()).toBe(1);
    expect((await visit(code, device(customer))).status).toBe(200);
    expect(await visitCount()).toBe(1);

    const { invitations } = await status(code);
    expect(invitations.map((row: { state: string }) => row.state)).toEqual(['visited']);
    expect((await server.request(`/v1/${STORE}/referral/invites/NOSUCHCODE`)).status).toBe(404);
    expect((await visit('bad code!', device(1))).status).toBe(422);
  });

  it('rewards both sides on purchase, once, and moves the invitation forward only', async () => {
    const { code } = await invite();
    await visit(code, device(901));
    const signedUp = await convert(code, 'signed-up', {
      customerId: 'friend-901',
      email: 'li.lei@qq.com',
      deviceId: device(901),
    });
    // This programme converts on purchase: a sign-up alone earns nothing.
    expect(signedUp).toMatchObject({
      status: 200,
      credited: false,
      state: 'signed-up',
      rewards: [],
    });

    const bought = await convert(code, 'purchased', { customerId: 'friend-901' });
    expect(bought.credited).toBe(true);
    expect(bought.state).toBe('rewarded');
    expect(bought.rewards.map((r: { side: string }) => r.side).sort()).toEqual([
      'invitee',
      'inviter',
    ]);
    const invitee = bought.rewards.find((r: { side: string }) => r.side === 'invitee').reward;
    expect(invitee.code).toMatch(/^KB-[A-Z2-9]{8}$/);

    const again = await convert(code, 'purchased', { customerId: 'friend-901' });
    expect(again).toMatchObject({ credited: false, reason: 'duplicate', rewards: [] });
    const late = await convert(code, 'signed-up', { customerId: 'friend-901' });
    expect(late.reason).toBe('duplicate');

    const report = await status(code);
    expect(report.conversions).toBe(1);
    expect(report.rewardsEarned).toEqual([PROGRAMME.inviterReward]);
    expect(report.invitations).toHaveLength(1);
    expect(report.invitations[0]).toMatchObject({
      state: 'rewarded',
      inviteeMasked: 'l***@qq.com',
    });
    expect(JSON.stringify(report)).not.toContain('li.lei');
    expect(report.nextTier).toEqual({
      conversionsNeeded: 2,
      reward: { kind: 'points', points: 500 },
    });
  });

  it('issues a reward once when the same purchase is reported twice at the same moment', async () => {
    const { code } = await invite();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => convert(code, 'purchased', { customerId: 'twin-friend' })),
    );
    expect(results.filter((r) => r.credited)).toHaveLength(1);
    expect((await status(code)).rewardsEarned).toHaveLength(1);
  });

  it('refuses self-referral and a friend already credited to someone else', async () => {
    const inviter = await invite();
    const byCustomer = await convert(inviter.code, 'purchased', { customerId: inviter.customerId });
    expect(byCustomer).toMatchObject({ credited: false, reason: 'self-referral' });
    const byEmail = await convert(inviter.code, 'purchased', {
      customerId: 'second-account',
      email: `  ${inviter.customerId.toUpperCase()}@QQ.COM `,
    });
    expect(byEmail.reason).toBe('self-referral');
    const byDevice = await convert(inviter.code, 'purchased', {
      customerId: 'third-account',
      deviceId: device(customer),
    });
    expect(byDevice.reason).toBe('self-referral');

    const other = await invite();
    expect(
      (await convert(other.code, 'purchased', { customerId: 'popular-friend' })).credited,
    ).toBe(true);
    const poach = await convert(inviter.code, 'purchased', { customerId: 'popular-friend' });
    expect(poach).toMatchObject({ credited: false, reason: 'already-referred' });
    expect((await status(inviter.code)).rewardsEarned).toEqual([]);
  });

  it('credits a friend to one inviter when two report the same friend at once', async () => {
    const [first, second] = [await invite(), await invite()];
    const results = await Promise.all([
      convert(first.code, 'purchased', { customerId: 'contested-friend' }),
      convert(second.code, 'purchased', { customerId: 'contested-friend' }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.filter((r) => r.credited)).toHaveLength(1);
    expect(results.find((r) => !r.credited)?.reason).toBe('already-referred');
  });

  it('adds the tier reward at the tier and stops base rewards at the cap', async () => {
    await setProgramme({ maxRewardsPerInviter: 2 });
    const { code } = await invite();
    const rewardsOf = async (n: number) =>
      (await convert(code, 'purchased', { customerId: `tier-friend-${code}-${n}` })).rewards
        .filter((r: { side: string }) => r.side === 'inviter')
        .map((r: { reward: { kind: string } }) => r.reward.kind);
    expect(await rewardsOf(1)).toEqual(['amount']);
    expect(await rewardsOf(2)).toEqual(['amount']);
    // Third: over the cap of two base rewards, but the tier reward still comes.
    expect(await rewardsOf(3)).toEqual(['points']);
    expect(await rewardsOf(4)).toEqual([]);
    const report = await status(code);
    expect(report.conversions).toBe(4);
    expect(report.nextTier).toBeNull();
  });

  it('closes an expired programme: no landing, no rewards', async () => {
    const { code } = await invite();
    await setProgramme({ expiresAt: new Date(Date.now() - 60_000).toISOString() });
    expect((await server.request(`/v1/${STORE}/referral/invites/${code}`)).status).toBe(410);
    expect((await visit(code, device(950))).status).toBe(410);
    const late = await convert(code, 'purchased', { customerId: 'late-friend' });
    expect(late).toMatchObject({ credited: false, reason: 'programme-closed', rewards: [] });
  });

  it('tells the inviter when the programme has ended, and keeps what they earned', async () => {
    const { code, statusToken } = await invite();
    await convert(code, 'purchased', { customerId: `ended-${code}` });
    const end = new Date(Date.now() - 60_000).toISOString();
    await setProgramme({ expiresAt: end });
    const response = await server.request(`/v1/${STORE}/referral/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerToken: statusToken }),
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(validate(InviterStatusSchema, body).ok).toBe(true);
    expect(body.programme).toMatchObject({ open: false, expiresAt: end });
    expect(body.rewardsEarned).toEqual([PROGRAMME.inviterReward]);
    await setProgramme({ active: false });
    expect((await status(code)).programme.open).toBe(false);
  });

  it('caps the visits one inviter can collect per day', async () => {
    await setProgramme({ maxInvitesPerDay: 2 });
    const { code } = await invite();
    const counted = [];
    for (let n = 0; n < 4; n++) {
      expect((await visit(code, device(800 + n))).status).toBe(200);
      counted.push((await status(code)).invitations.length);
    }
    expect(counted).toEqual([1, 2, 2, 2]);
  });

  it('lets the inviter read their own status with the token, and nobody else', async () => {
    const { code, statusToken } = await invite();
    const readStatus = (customerToken: string) =>
      server.request(`/v1/${STORE}/referral/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ customerToken }),
      });
    const own = await readStatus(statusToken);
    expect(own.status).toBe(200);
    const ownStatus = await own.json();
    expect(ownStatus.invite.code).toBe(code);
    expect(validate(InviterStatusSchema, ownStatus).ok).toBe(true);
    // The programme as the inviter sees it, so the widgets need no second request.
    expect(ownStatus.programme).toEqual({
      open: true,
      inviterReward: PROGRAMME.inviterReward,
      tiers: PROGRAMME.tiers,
      inviteeReward: PROGRAMME.inviteeReward,
      expiresAt: null,
    });
    // Change the last character to a different one (a token may already end in x).
    const forged = await readStatus(
      statusToken.slice(0, -1) + (statusToken.endsWith('x') ? 'y' : 'x'),
    );
    expect(forged.status).toBe(401);
    expect((await readStatus('')).status).toBe(422);
  });

  it('ranks opted-in inviters on the leaderboard with masked names', async () => {
    const shown = await invite({ displayName: '王小明', leaderboardOptIn: true });
    const hidden = await invite({ displayName: 'Private Person' });
    for (const n of [1, 2])
      await convert(shown.code, 'purchased', { customerId: `lb-${shown.code}-${n}` });
    await convert(hidden.code, 'purchased', { customerId: `lb-${hidden.code}-1` });
    const board = await (await server.request(`/v1/${STORE}/referral/leaderboard`)).json();
    expect(validate(ReferralLeaderboardSchema, board).ok).toBe(true);
    const names = board.items.map((item: { name: string }) => item.name);
    expect(names).toContain('王*');
    expect(JSON.stringify(board)).not.toContain('Private');
    expect(JSON.stringify(board)).not.toContain('小明');
  });
});
