import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PageWatch } from '../../widget/e2e/browser.ts';
import { launchChromium, watchPage } from '../../widget/e2e/browser.ts';
import { axeViolations, watchCspViolations } from './page-checks.ts';

// The referral loop in the demo shop, in Chromium, on the real API server:
// Mei (the shop's signed-in customer) copies her invite link from her
// account page; a friend opens it in another browser, sees the banner and
// checks out; the shop's backend reports the purchase with the invite
// cookies; the friend's confirmation shows their reward and Mei's status
// shows the friend as rewarded.

const stack = inject('demoStack');
/** Mei's invite code (the demo seed's). */
const MEI_CODE = 'MEITEA26';
/** The friend's email at checkout; the inviter sees it masked. */
const FRIEND_EMAIL = 'qing.he@example.org';
const FRIEND_MASKED = 'q***@example.org';

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

interface OpenedPage {
  page: Page;
  watch: PageWatch;
  csp: string[];
}

async function openIn(context: BrowserContext): Promise<OpenedPage> {
  const page = await context.newPage();
  return { page, watch: watchPage(page), csp: await watchCspViolations(page) };
}

async function newVisitor(options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  contexts.push(context);
  return context;
}

/** The invitation status table's rows: [friend, state]. */
function statusRows(page: Page): Promise<string[][]> {
  return page.$eval('[data-koubei="invite-status"]', (host) =>
    [...(host.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((row) =>
      [...row.children].slice(0, 2).map((cell) => (cell.textContent ?? '').trim()),
    ),
  );
}

function shadowText(page: Page, kind: string, part: string): Promise<string> {
  return page.$eval(
    `[data-koubei="${kind}"]`,
    (host, selector) => host.shadowRoot?.querySelector(selector)?.textContent ?? '',
    `[part="${part}"]`,
  );
}

describe('the referral loop in the demo shop', () => {
  it('the shop writes a customer token (never the merchant key) into the account and product pages', async () => {
    for (const path of ['/en/account', '/zh/account', '/en/products/teapot-celadon']) {
      const response = await fetch(`${stack.shopUrl}${path}`);
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).not.toContain(stack.apiKey);
      expect(body).not.toContain('invite-panel');
      const tokens = [...body.matchAll(/data-customer-token="([^"]+)"/g)].map((m) => m[1]);
      expect(tokens.length).toBe(path.endsWith('account') ? 2 : 1);
      // One cached token for Mei, signed by the API (its prefix names a customer token).
      expect(new Set(tokens).size).toBe(1);
      expect(tokens[0]).toMatch(/^customer:/);
      expect(body).toContain('data-koubei="invitee-banner"');
    }
  });

  it('Mei copies her link, a friend arrives, checks out, and both are rewarded', async () => {
    // Mei's account page: her invite panel and her invitations, from her token.
    const mei = await openIn(
      await newVisitor({ permissions: ['clipboard-read', 'clipboard-write'] }),
    );
    await mei.page.goto(`${stack.shopUrl}/en/account`);
    const panel = mei.page.locator('[data-koubei="invite"]');
    await expect
      .poll(() => shadowText(mei.page, 'invite', 'invite-panel'), { timeout: 15_000 })
      .toContain(MEI_CODE);
    expect(await shadowText(mei.page, 'invite', 'invite-panel')).toContain(
      'Your friend gets ¥20 off your first order',
    );
    await expect.poll(() => statusRows(mei.page), { timeout: 15_000 }).not.toEqual([]);
    const before = await statusRows(mei.page);
    // The seed's invitations in every state are there; the new friend is not yet.
    expect(before.map(([, state]) => state)).toEqual(
      expect.arrayContaining(['Rewarded', 'Visited', 'Invited']),
    );
    expect(before.map(([friend]) => friend)).not.toContain(FRIEND_MASKED);

    await panel.getByRole('button', { name: 'Copy link' }).click();
    await expect
      .poll(() => shadowText(mei.page, 'invite', 'invite-panel'))
      .toContain('Link copied');
    const link = await mei.page.evaluate(() => navigator.clipboard.readText());
    const shown = await panel.getByRole('textbox', { name: 'Your invite code' }).inputValue();
    expect(link).toBe(shown);
    expect(new URL(link).origin).toBe(stack.shopUrl);
    expect(new URL(link).searchParams.get('koubei_invite')).toBe(MEI_CODE);

    // A friend, in a browser of their own, opens the link: the banner greets them.
    const friendContext = await newVisitor();
    const friend = await openIn(friendContext);
    await friend.page.goto(link);
    // The shop's front door sends them to a language, keeping the invite.
    expect(new URL(friend.page.url()).searchParams.get('koubei_invite')).toBe(MEI_CODE);
    await expect
      .poll(() => shadowText(friend.page, 'invitee-banner', 'invite-landing'), { timeout: 15_000 })
      .toContain('invited you');
    const banner = await shadowText(friend.page, 'invitee-banner', 'invite-landing');
    expect(banner).toContain('Your welcome reward: ¥20 off your first order');
    expect(banner).toContain(`Invite code ${MEI_CODE} is saved on this device for checkout.`);
    await expect
      .poll(async () => (await friendContext.cookies(stack.shopUrl)).map((c) => c.name).sort())
      .toEqual(['koubei_invite', 'koubei_visitor']);

    // The friend buys through the demo checkout. Not a product whose page the
    // layout-shift test loads: a new purchase can make its "N customers" line appear.
    await friend.page.goto(`${stack.shopUrl}/en/products/matcha-whisk`);
    await friend.page.getByLabel('Email for the order').fill(FRIEND_EMAIL);
    await friend.page.getByRole('button', { name: 'Place demo order' }).click();
    await friend.page.getByRole('heading', { name: 'Thank you for your order' }).waitFor();
    const reward = await friend.page
      .getByRole('region', { name: 'Your welcome reward from your friend’s invitation' })
      .textContent();
    expect(reward).toContain('¥20 off your first order');
    expect(reward).toMatch(/Coupon code\s+KB-[A-Z0-9]+/);

    // Mei's status now lists the friend, rewarded, first (newest).
    await mei.page.reload();
    await expect
      .poll(() => statusRows(mei.page), { timeout: 15_000 })
      .toContainEqual([FRIEND_MASKED, 'Rewarded']);
    expect((await statusRows(mei.page))[0]).toEqual([FRIEND_MASKED, 'Rewarded']);
    expect((await statusRows(mei.page)).length).toBe(before.length + 1);

    // The same order reported again (a reload of the confirmation) rewards nobody twice.
    await friend.page.reload();
    await friend.page.getByRole('heading', { name: 'Thank you for your order' }).waitFor();
    expect(await friend.page.getByText('could not be credited').count()).toBe(1);

    for (const { watch, csp } of [mei, friend]) {
      expect(watch.errors).toEqual([]);
      expect(csp).toEqual([]);
    }
  });

  it('axe finds no violations on the account page with both referral widgets rendered', async () => {
    const { page, watch, csp } = await openIn(await newVisitor());
    await page.goto(`${stack.shopUrl}/zh/account`);
    await expect
      .poll(() => shadowText(page, 'invite', 'invite-panel'), { timeout: 15_000 })
      .toContain(MEI_CODE);
    await expect.poll(() => statusRows(page), { timeout: 15_000 }).not.toEqual([]);
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(csp).toEqual([]);
  });

  it('a checkout without an invite is a plain order, and a forged cross-site post is refused', async () => {
    const { page } = await openIn(await newVisitor());
    await page.goto(`${stack.shopUrl}/zh/products/tea-caddy-tin`);
    await page.getByLabel('订单邮箱').fill('lu.an@example.org');
    await page.getByRole('button', { name: '提交演示订单' }).click();
    await page.getByRole('heading', { name: '感谢您的订购' }).waitFor();
    expect(await page.getByText('此订单没有附带好友邀请').count()).toBe(1);

    const forged = await fetch(`${stack.shopUrl}/en/checkout`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
      body: 'product=teapot-celadon&email=a%40example.org',
    });
    expect(forged.status).toBe(403);
  });
});
