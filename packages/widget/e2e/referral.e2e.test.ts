import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, startServer } from '../../server/src/server.ts';
import type { RunningServer } from '../../server/src/server.ts';
import { hashApiKey } from '../../server/src/routes/merchant.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PageWatch } from './browser.ts';
import { launchChromium, watchPage } from './browser.ts';
import { startShop } from './servers.ts';

// The referral widgets through the script tag, against the real API server
// (PGlite in memory) and a real Chromium: a friend arrives through an invite
// link, the banner shows their reward, the visit reaches the server once and
// the code is kept first-party for checkout.

const STORE = 'tea-house';
const JSQR = createRequire(import.meta.url).resolve('jsqr');
const API_KEY = 'e2e-merchant-key-0123456789abcdef';

let browser: Browser;
let shop: Awaited<ReturnType<typeof startShop>>;
let api: RunningServer;
let photoDir: string;
let context: BrowserContext | undefined;
let page: Page;
let watch: PageWatch;
let invite: { code: string; url: string; statusToken: string };

function merchant(path: string, method = 'GET', body?: unknown): Promise<Response> {
  return fetch(`${api.url}/v1/merchant${path}`, {
    method,
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function invitations(): Promise<{ state: string }[]> {
  const response = await merchant(`/referral-invites/${invite.code}`);
  return ((await response.json()) as { invitations: { state: string }[] }).invitations;
}

beforeAll(async () => {
  [browser, shop] = await Promise.all([launchChromium(), startShop()]);
  const db = await openDatabase({ databaseUrl: null, dataDir: '' }, true);
  // The shop's origin may write (visits, status); the merchant key runs the programme.
  await db.query(
    'insert into stores (id, name, origins, moderation, api_key_hash) values ($1, $2, $3, $4, $5)',
    [STORE, 'Tea House', [shop.url], 'publish-first', hashApiKey(API_KEY)],
  );
  photoDir = mkdtempSync(join(tmpdir(), 'koubei-e2e-photos-'));
  api = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      publicUrl: 'http://127.0.0.1',
      secret: 'e2e-secret-0123456789abcdef0123456789',
      photoDir,
    },
    db,
  );
  const programme = await merchant('/referral-programme', 'PUT', {
    name: 'Share the tea',
    active: true,
    conversion: 'purchase',
    inviterReward: { kind: 'amount', amountMinor: 2000, currency: 'CNY' },
    inviteeReward: { kind: 'coupon', description: '¥20 off your first order' },
    tiers: [{ conversions: 3, inviterReward: { kind: 'points', points: 500 } }],
    maxRewardsPerInviter: null,
    maxInvitesPerDay: 50,
    expiresAt: null,
  });
  expect(programme.status).toBe(200);
  const created = await merchant('/referral-invites', 'POST', {
    customerId: 'customer-mei',
    email: 'mei@qq.com',
    displayName: 'Mei',
    // The local test shop: http is accepted for loopback landing URLs.
    landingUrl: `${shop.url}/tea`,
  });
  expect(created.status).toBe(201);
  invite = (await created.json()) as typeof invite;
}, 60_000);

afterAll(async () => {
  await Promise.all([browser?.close(), shop?.close(), api?.close()]);
  await api?.db.close();
  if (photoDir) rmSync(photoDir, { recursive: true, force: true });
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

function scriptTag(): string {
  return `<script async src="${shop.url}/cdn/koubei.js" data-api="${api.url}" data-store="${STORE}" data-locale="en"></script>`;
}

/**
 * A shop page with the banner placeholder in its template, as the README
 * suggests: at the end (below the fold) or at the top (in view).
 */
function productPage(placeholderAt: 'end' | 'top' = 'end'): string {
  const placeholder = '<div data-koubei="invitee-banner"></div>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Celadon teapot</title></head>
<body>${placeholderAt === 'top' ? placeholder : ''}<h1>Celadon teapot</h1><p style="height:1200px">A teapot.</p>
${placeholderAt === 'end' ? placeholder : ''}${scriptTag()}</body></html>`;
}

/** The banner's impression and view events on this page, in order. */
function bannerEvents(): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __events: { type: string; widget: string }[] }).__events
      .filter((event) => event.widget === 'invitee-banner')
      .map((event) => event.type),
  );
}

async function open(url: string): Promise<void> {
  context ??= await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  watch = watchPage(page);
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number; __invites: unknown[]; __events: unknown[] };
    w.__cls = 0;
    w.__invites = [];
    w.__events = [];
    document.addEventListener('koubei:invite', (event) =>
      w.__invites.push((event as CustomEvent).detail),
    );
    for (const type of ['impression', 'view'])
      document.addEventListener(`koubei:${type}`, (event) =>
        w.__events.push((event as CustomEvent).detail),
      );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number }[])
        w.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url);
}

/** The banner's text inside its shadow root, or '' while it is not shown. */
function bannerText(): Promise<string> {
  return page.$eval(
    '[data-koubei="invitee-banner"]',
    (host) => host.shadowRoot?.querySelector('[part="invite-landing"]')?.textContent ?? '',
  );
}

describe('a friend arriving through an invite link', () => {
  it('sees the banner, the visit is recorded once, and the code is kept first-party', async () => {
    shop.page('/tea', productPage());
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const visits: string[] = [];
    const apiSetCookies: string[] = [];
    context.on('request', (request) => {
      if (request.url().endsWith('/referral/visits')) visits.push(request.method());
    });
    context.on('response', (response) => {
      const setCookie = response.headers()['set-cookie'];
      if (response.url().startsWith(api.url) && setCookie) apiSetCookies.push(setCookie);
    });
    const link = new URL(invite.url);
    expect(link.origin).toBe(shop.url);
    expect(link.searchParams.get('koubei_invite')).toBe(invite.code);
    await open(invite.url);

    await expect.poll(bannerText, { timeout: 10_000 }).toContain('Mei invited you');
    const text = await bannerText();
    expect(text).toContain('Your welcome reward: ¥20 off your first order');
    expect(text).toContain(`Invite code ${invite.code} is saved on this device for checkout.`);

    // The server has the visit.
    await expect.poll(invitations).toEqual([expect.objectContaining({ state: 'visited' })]);
    // First-party keeping: the shop's own cookie and storage, and the page API.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __invites: unknown[] }).__invites))
      .toEqual([{ code: invite.code, recorded: true }]);
    const cookies = await context!.cookies(shop.url);
    const cookie = cookies.find((c) => c.name === 'koubei_invite');
    expect(cookie?.value).toBe(invite.code);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.domain).toBe('127.0.0.1');
    const days = ((cookie?.expires ?? 0) * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const stored = await page.evaluate(() =>
      JSON.parse(localStorage.getItem('koubei:invite') ?? 'null'),
    );
    expect(stored).toMatchObject({ code: invite.code, recorded: true });
    expect(
      await page.evaluate(() =>
        (
          window as unknown as { Koubei: { inviteCode(): Promise<string | null> } }
        ).Koubei.inviteCode(),
      ),
    ).toBe(invite.code);
    // The page's own script wrote the only cookie; the API sets none (no third-party cookie).
    const visitor = await page.evaluate(() => localStorage.getItem('koubei:visitor'));
    expect(cookies.find((c) => c.name === 'koubei_visitor')?.value).toBe(visitor);
    expect((await context!.cookies()).map((c) => c.name).sort()).toEqual([
      'koubei_invite',
      'koubei_visitor',
    ]);
    expect(apiSetCookies).toEqual([]);
    // The banner floats over the page: nothing moved.
    expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(0);
    // Its impression comes from its showing, although its placeholder is below the fold.
    await expect.poll(bannerEvents).toEqual(['impression', 'view']);

    // Closing by keyboard; the banner stays closed on the next page with the link.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      () =>
        document
          .querySelector('[data-koubei="invitee-banner"]')
          ?.shadowRoot?.activeElement?.getAttribute('aria-label') ?? '',
    );
    expect(focused).toBe('Dismiss');
    await page.keyboard.press('Enter');
    await expect.poll(bannerText).toBe('');
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __invites: unknown[] }).__invites))
      .toHaveLength(1);
    await page.waitForTimeout(500);
    expect(await bannerText()).toBe('');
    expect(await bannerEvents()).toEqual([]);

    // One visit, however often the link is opened.
    expect(visits).toEqual(['POST']);
    expect(await invitations()).toHaveLength(1);

    // Checkout: the shop's backend reads both cookies and reports the purchase;
    // the visitor id links it to the visit, so it stays one invitation.
    const kept = Object.fromEntries((await context!.cookies()).map((c) => [c.name, c.value]));
    const conversion = await merchant('/referral-conversions', 'POST', {
      code: kept.koubei_invite,
      event: 'purchased',
      invitee: { customerId: 'customer-friend', deviceId: kept.koubei_visitor },
    });
    expect(await conversion.json()).toMatchObject({ credited: true });
    expect(await invitations()).toEqual([expect.objectContaining({ state: 'rewarded' })]);
    expect(watch.errors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('shows nothing for an unknown code and keeps nothing, with no error on the page', async () => {
    // The placeholder in view: its zero height must not count as the banner seen.
    shop.page('/tea', productPage('top'));
    await open(`${shop.url}/tea?koubei_invite=NOSUCH99`);
    await page.waitForFunction(
      () => document.querySelector('[data-koubei="invitee-banner"]')?.shadowRoot,
    );
    await page.waitForTimeout(800);
    expect(await bannerText()).toBe('');
    expect(await bannerEvents()).toEqual([]);
    expect(await context!.cookies()).toEqual([]);
    expect(
      await page.evaluate(() =>
        (
          window as unknown as { Koubei: { inviteCode(): Promise<string | null> } }
        ).Koubei.inviteCode(),
      ),
    ).toBeNull();
    expect(watch.errors).toEqual([]);
    // The 404 itself is logged by Chromium as a failed resource; nothing else is.
    expect(watch.consoleErrors.filter((m) => !m.includes('404'))).toEqual([]);
  });
});

describe('the inviter on their account page', () => {
  it('sees their invite panel and their invitations by their signed token', async () => {
    shop.page(
      '/account',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Account</title></head><body>
<div data-koubei="invite" data-customer-token="${invite.statusToken}" data-store-name="Tea House"></div>
<div data-koubei="invite-status" data-customer-token="${invite.statusToken}"></div>
<div data-koubei="invite-status" data-customer-token="forged-token"><p>Fallback</p></div>
${scriptTag()}</body></html>`,
    );
    await open(`${shop.url}/account`);
    const panel = () =>
      page.$eval(
        '[data-koubei="invite"]',
        (host) => host.shadowRoot?.querySelector('[part="invite-panel"]')?.textContent ?? '',
      );
    await expect.poll(panel, { timeout: 10_000 }).toContain(invite.code);
    expect(await panel()).toContain('You get CN¥20.00');
    expect(await panel()).toContain('Your friend gets ¥20 off your first order');
    const rows = () =>
      page.$$eval('[data-koubei="invite-status"]', (hosts) =>
        [...(hosts[0]?.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((row) =>
          [...row.children].slice(0, 2).map((cell) => cell.textContent),
        ),
      );
    // The friend of the first test visited and bought; the server knew no email for them.
    await expect.poll(rows, { timeout: 10_000 }).toEqual([['A friend', 'Rewarded']]);
    const status = await page.$eval(
      '[data-koubei="invite-status"]',
      (host) => host.shadowRoot?.textContent ?? '',
    );
    expect(status).toContain('1 friend joined');
    expect(status).toContain('CN¥20.00');
    expect(status).toContain('Invite 2 more friends who join to get 500 points');
    // A forged token: the placeholder's own fallback and a retry, no exception.
    const forged = await page.$$eval(
      '[data-koubei="invite-status"]',
      (hosts) => hosts[1]?.shadowRoot?.querySelector('[part="error"]')?.textContent ?? '',
    );
    expect(forged).toContain('Your invitations could not be loaded.');
    // The status answer carries the programme: no landing request on the inviter's page.
    expect(watch.requests.filter((url) => url.includes('/referral/invites/'))).toEqual([]);
    expect(watch.requests.filter((url) => url.endsWith('/referral/status'))).toHaveLength(3);
    expect(watch.errors).toEqual([]);
  });

  it('downloads a share poster whose QR code, read from the PNG, is the invite link', async () => {
    shop.page(
      '/poster',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Account</title></head><body>
<div data-koubei="invite" data-customer-token="${invite.statusToken}" data-store-name="茶室 Tea House" data-product-name="青瓷茶壶 Celadon teapot"></div>
${scriptTag()}</body></html>`,
    );
    await open(`${shop.url}/poster`);
    const panel = page.locator('[data-koubei="invite"]');
    await panel.getByRole('button', { name: 'Share via WeChat' }).click({ timeout: 10_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download poster' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`invite-${invite.code}.png`);
    const png = readFileSync(await download.path());
    expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');

    // Read the PNG back in the browser and decode its QR code from the pixels.
    await page.addScriptTag({ path: JSQR });
    const read = await page.evaluate(async (base64) => {
      const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const decode = (
        window as unknown as {
          jsQR(d: Uint8ClampedArray, w: number, h: number): { data: string } | null;
        }
      ).jsQR;
      // Ink in the header band's text rows: the shop and product names were drawn.
      let headerInk = 0;
      for (let y = 70; y < 190; y++)
        for (let x = 60; x < 690; x++) if (data[(y * bitmap.width + x) * 4] === 255) headerInk++;
      return {
        width: bitmap.width,
        height: bitmap.height,
        link: decode(data, bitmap.width, bitmap.height)?.data ?? null,
        brand: [...data.subarray(0, 3)],
        headerInk,
      };
    }, png.toString('base64'));
    expect(read.width).toBe(750);
    expect(read.height).toBe(1200);
    expect(read.link).toBe(invite.url);
    expect(read.brand).toEqual([0x0f, 0x76, 0x6e]);
    expect(read.headerInk).toBeGreaterThan(500);
    expect(watch.errors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});
