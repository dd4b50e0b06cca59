import type * as CoreModule from '@koubei/core';
import type { InviteLanding } from '@koubei/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../stories/fixture-api.ts';
import { createFixtureFetch } from '../stories/fixture-api.ts';
import { INVITE_LANDING } from '../stories/fixtures.ts';
import type * as KeeperModule from './invite-keeper.ts';

type Keeper = typeof KeeperModule;
type Core = typeof CoreModule;

const CODE = INVITE_LANDING.code;
const LINK = `https://shop.example/tea?koubei_invite=${CODE.toLowerCase()}`;
const CONFIG = { api: 'https://api.koubei.test', store: 'tea-house' };
const NOW = Date.parse('2026-11-22T10:00:00Z');
const VISITOR = 'visitor-0123456789';

let keeper: Keeper;
// Loaded afresh with the keeper, so its error classes are the ones the keeper checks.
let core: Core;
let requests: { path: string; body: unknown }[];
let events: { code: string; recorded: boolean }[];
const listen = (event: Event) => events.push((event as CustomEvent).detail);

/** A real client answered by the fixture API (or `landing`), recording what it was sent. */
function connectTo(scenario: Scenario, landing?: InviteLanding) {
  const fixture = createFixtureFetch(scenario);
  const client = core.createKoubeiClient({
    ...{ apiBase: CONFIG.api, store: CONFIG.store },
    readRetries: 0,
    fetch: async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      requests.push({
        path: new URL(request.url).pathname,
        body: await request.clone().json(),
      });
      return landing
        ? new Response(JSON.stringify(landing), {
            headers: { 'content-type': 'application/json' },
          })
        : fixture(request);
    },
  });
  return () => Promise.resolve({ client, visitor: VISITOR });
}

function capture(scenario: Scenario = 'normal', url = LINK, landing?: InviteLanding) {
  return keeper.captureInvite({
    config: CONFIG,
    pageUrl: url,
    now: () => NOW,
    connect: connectTo(scenario, landing),
  });
}

const stored = () => JSON.parse(localStorage.getItem('koubei:invite') ?? 'null');
// An empty value counts as none: happy-dom keeps a cookie deleted with Max-Age=0 as empty.
const cookie = (name = 'koubei_invite') =>
  document.cookie.match(new RegExp(`(?:^|; )${name}=([^;]*)`))?.[1] || null;

function clearCookie() {
  document.cookie = 'koubei_invite=; Max-Age=0; Path=/';
  document.cookie = 'koubei_visitor=; Max-Age=0; Path=/';
}

beforeEach(async () => {
  vi.resetModules();
  keeper = await import('./invite-keeper.ts');
  core = await import('@koubei/core');
  requests = [];
  events = [];
  localStorage.clear();
  clearCookie();
  document.addEventListener('koubei:invite', listen);
});
afterEach(() => {
  document.removeEventListener('koubei:invite', listen);
  vi.restoreAllMocks();
});

describe('keeping the invite code first-party', () => {
  it('keeps the code from the link in storage and a cookie, records the visit, tells the page', async () => {
    expect(await capture()).toBe(CODE);
    expect(requests).toEqual([
      { path: '/v1/tea-house/referral/visits', body: { code: CODE, visitor: VISITOR } },
    ]);
    expect(stored()).toEqual({
      code: CODE,
      // The programme ends on Dec 31, after the 30-day window: the window wins.
      expiresAt: NOW + 30 * 24 * 3600 * 1000,
      recorded: true,
      dismissed: false,
    });
    expect(cookie()).toBe(CODE);
    // The visitor id the visit was recorded under, for the conversion report at checkout.
    expect(cookie('koubei_visitor')).toBe(VISITOR);
    expect(keeper.keptInviteCode(NOW)).toBe(CODE);
    expect(events).toEqual([{ code: CODE, recorded: true }]);
  });

  it('records a visit once per code', async () => {
    await capture();
    await capture();
    expect(requests).toHaveLength(1);
    expect(events).toEqual([
      { code: CODE, recorded: true },
      { code: CODE, recorded: true },
    ]);
  });

  it('keeps the code no longer than the programme runs', async () => {
    const ends = '2026-11-25T00:00:00Z';
    await capture('normal', LINK, { ...INVITE_LANDING, expiresAt: ends });
    expect(stored().expiresAt).toBe(Date.parse(ends));
  });

  it('drops an unknown code and keeps the earlier one', async () => {
    await capture();
    const unknown = await capture('normal', 'https://shop.example/?koubei_invite=NOSUCHCODE');
    expect(unknown).toBe(CODE);
    expect(stored().code).toBe(CODE);
    expect(cookie()).toBe(CODE);
    expect(events).toHaveLength(1);
  });

  it('keeps nothing for a code of an ended programme', async () => {
    expect(await capture('ended')).toBeNull();
    expect(stored()).toBeNull();
    expect(cookie()).toBeNull();
    expect(cookie('koubei_visitor')).toBeNull();
    expect(keeper.keptInviteCode(NOW)).toBeNull();
  });

  it('keeps the code when the server cannot be reached, and records it next time', async () => {
    expect(await capture('offline')).toBe(CODE);
    expect(stored()).toMatchObject({ code: CODE, recorded: false });
    expect(events).toEqual([{ code: CODE, recorded: false }]);
    await capture('normal');
    expect(stored()).toMatchObject({ code: CODE, recorded: true });
  });

  it('ignores pages without a well-formed code', async () => {
    expect(await capture('normal', 'https://shop.example/?koubei_invite=%3Cscript%3E')).toBeNull();
    expect(await capture('normal', 'https://shop.example/')).toBeNull();
    expect(requests).toEqual([]);
    expect(stored()).toBeNull();
  });

  it('keeps the code without recording it for a static export', async () => {
    const code = await keeper.captureInvite({
      config: { ...CONFIG, static: '' },
      pageUrl: LINK,
      now: () => NOW,
      connect: connectTo('normal'),
    });
    expect(code).toBe(CODE);
    expect(requests).toEqual([]);
    expect(cookie()).toBe(CODE);
  });

  it('still holds the code with storage blocked, through the cookie', async () => {
    const blocked = vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    await capture();
    blocked.mockRestore();
    expect(localStorage.getItem('koubei:invite')).toBeNull();
    expect(cookie()).toBe(CODE);
    // A later page, storage still empty: the cookie has the code.
    vi.resetModules();
    const fresh: Keeper = await import('./invite-keeper.ts');
    expect(fresh.keptInviteCode(NOW)).toBe(CODE);
  });

  it('still holds the code for this page with storage and cookies blocked', async () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Document.prototype, 'cookie', 'set').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Document.prototype, 'cookie', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(await capture()).toBe(CODE);
    expect(keeper.keptInviteCode(NOW)).toBe(CODE);
    expect(requests).toHaveLength(1);
  });

  it('remembers a closed banner for the kept code', async () => {
    await capture();
    expect(keeper.isInviteDismissed(CODE, NOW)).toBe(false);
    keeper.dismissInvite(CODE, NOW);
    vi.resetModules();
    const fresh: Keeper = await import('./invite-keeper.ts');
    expect(fresh.isInviteDismissed(CODE, NOW)).toBe(true);
    expect(fresh.isInviteDismissed('OTHERCODE', NOW)).toBe(false);
  });
});
