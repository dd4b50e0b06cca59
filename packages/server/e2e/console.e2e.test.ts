import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchPage } from '../../widget/e2e/browser.ts';
import { sign } from '../src/http/signing.ts';
import type { TestServer } from '../test/harness.ts';
import { API_KEY, STORE, startTestServer } from '../test/harness.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SECRET = 'test-secret-0123456789abcdef0123456789';
const PRODUCT = 'celadon-teapot';
const NEGATIVE_REVIEW = 'The teapot arrived cracked and the lid does not fit.';
const REPLY = 'We are sorry! A replacement teapot ships today.';

let browser: Browser;
let server: TestServer;
let shop: { url: string; close(): Promise<void> };

/** A storefront on its own origin with the script tag the console hands out. */
function startShop(apiUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Celadon teapot</title></head>
<body><main><h1>Celadon teapot</h1>
<div data-koubei="reviews" data-product="${PRODUCT}"></div></main>
<script async crossorigin="anonymous" src="${apiUrl}/cdn/koubei.js" data-api="${apiUrl}" data-store="${STORE}" data-locale="en"></script>
</body></html>`;
  const http = createServer((request, response) => {
    if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html' }).end(page);
    else response.writeHead(404).end();
  });
  return new Promise((resolve) =>
    http.listen(0, '127.0.0.1', () => {
      const { port } = http.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => http.close(() => done())),
      });
    }),
  );
}

async function submitReview(rating: number, body: string, authorName: string): Promise<string> {
  const response = await server.request(`/v1/${STORE}/products/${PRODUCT}/reviews`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': `e2e-${authorName}-${Date.now()}-abcdef`,
    },
    body: JSON.stringify({
      rating,
      title: '',
      body,
      authorName,
      language: 'en',
      // A form token from ten seconds ago: the minimum fill time has passed.
      formToken: sign(`form:${Date.now() - 10_000}`, SECRET),
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reviewId: string }).reviewId;
}

async function runAxe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: unknown): Promise<{
            violations: { id: string; nodes: { target: unknown }[] }[];
            passes: unknown[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    // A run that checked nothing would pass vacuously.
    if (result.passes.length < 10) return [`only ${result.passes.length} rules passed`];
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((node) => JSON.stringify(node.target)).join(' ')}`,
    );
  });
}

beforeAll(async () => {
  server = await startTestServer('pglite');
  [browser, shop] = await Promise.all([launchChromium(), startShop(server.url)]);
  await submitReview(5, 'Beautiful glaze, pours well.', 'Mei');
  await submitReview(4, 'Lovely tea, fast delivery.', 'Tom');
  // Something on the testimonial wall, so its view is checked with content.
  const quote = await server.merchant('/v1/merchant/testimonials', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      quote: '最好的茶器店。',
      authorName: '王女士',
      language: 'zh-CN',
      source: 'survey',
    }),
  });
  expect(quote.status).toBe(201);
});
afterAll(async () => {
  await Promise.all([browser?.close(), shop?.close(), server?.close()]);
});

async function signIn(page: Page): Promise<void> {
  await page.goto(`${server.url}/console/`);
  await page.getByLabel('Store key').fill(API_KEY);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 2, name: 'Inbox' }).waitFor();
}

describe('merchant console in Chromium', () => {
  it('a negative review arrives, the merchant replies, the storefront shows it, the dashboard moves', async () => {
    // Axe is injected as a script; the console's CSP (scripts from its own origin only) would refuse it.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const watch = watchPage(page);
    await signIn(page);
    // The key stays out of the address bar and lives in this tab's sessionStorage.
    expect(page.url()).not.toContain(API_KEY);
    expect(await page.evaluate(() => Object.values(sessionStorage))).toContain(API_KEY);

    // The dashboard before: nothing answered yet.
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.locator('#reply-rate').waitFor();
    expect(await page.locator('#reply-rate').textContent()).toBe('0%');
    expect(await page.locator('#first-reply').textContent()).toBe('—');

    await submitReview(1, NEGATIVE_REVIEW, 'Li');

    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByLabel('Rating').selectOption('1,2');
    await page.getByLabel('Unanswered').check();
    const card = page.getByRole('article').filter({ hasText: NEGATIVE_REVIEW });
    await card.waitFor();
    expect(await page.getByRole('article').count()).toBe(1);

    await card.getByRole('button', { name: 'Reply', exact: true }).click();
    await card.getByLabel('Public reply').fill(REPLY);
    // The preview shows the reply as shoppers will see it, before it is published.
    await expect
      .poll(() => card.locator('div', { hasText: 'Reply from the shop' }).last().textContent())
      .toContain(REPLY);
    await card.getByRole('button', { name: 'Publish reply' }).click();
    await page.getByRole('status').filter({ hasText: 'Reply published' }).waitFor();
    await card.getByRole('button', { name: 'Edit reply' }).waitFor();

    // The storefront, through the script tag, shows the reply under the review.
    const storefront = await browser.newPage();
    await storefront.goto(shop.url);
    await storefront.getByText(REPLY).waitFor({ timeout: 15_000 });
    expect(await storefront.getByText(NEGATIVE_REVIEW).count()).toBe(1);
    await storefront.close();

    // The dashboard after: one of three reviews answered, and a first-reply time.
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.locator('#reply-rate').waitFor();
    expect(await page.locator('#reply-rate').textContent()).toBe('33%');
    expect(await page.locator('#first-reply').textContent()).toMatch(
      /^\d+(\.\d)? (second|minute)s?$/,
    );

    // The audit log holds the reply.
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('cell', { name: 'reply:add' }).waitFor();

    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('has no axe violations on any view, in English and in Chinese', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const watch = watchPage(page);
    const failures: string[] = [];
    await page.goto(`${server.url}/console/`);
    await page.getByLabel('Store key').waitFor();
    failures.push(...(await runAxe(page)).map((v) => `sign-in: ${v}`));
    await signIn(page);
    for (const language of ['en', 'zh-CN']) {
      if (language === 'zh-CN') {
        await page.getByLabel('Language').selectOption('zh-CN');
        await page.getByRole('link', { name: '评价收件箱' }).waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      }
      for (const view of ['inbox', 'dashboard', 'topics', 'testimonials', 'settings', 'audit']) {
        await page.goto(`${server.url}/console/#/${view}`);
        await page.locator('main h2').waitFor();
        // Data views settle once their request is answered.
        // Data views settle once their request is answered.
        await page.waitForFunction(
          () =>
            !document.querySelector('[aria-busy="true"]') &&
            !/Loading|加载中/.test(document.querySelector('main')?.textContent ?? ''),
        );
        await page.waitForTimeout(300);
        failures.push(...(await runAxe(page)).map((v) => `${language} ${view}: ${v}`));
      }
    }
    expect(failures).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('hands out a script tag with the store’s values, and copies it', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    await signIn(page);
    await page.getByRole('link', { name: 'Settings' }).click();
    const snippet = await page.getByLabel('Script tag').inputValue();
    expect(snippet).toContain(`data-store="${STORE}"`);
    expect(snippet).toContain(`data-api="${server.url}"`);
    expect(snippet).toContain(`src="${server.url}/cdn/koubei.js"`);
    // The referral programme's rules: none yet, suggested ones are saved and switched on.
    await page.getByRole('checkbox', { name: 'Running' }).check();
    await page.getByRole('button', { name: 'Save the programme' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const programme = await (await server.merchant('/v1/merchant/referral-programme')).json();
    expect(programme).toMatchObject({ active: true, conversion: 'purchase' });

    // Editing the theme shows the real widgets with it, before saving; saving puts it in the tag.
    await page.getByLabel('Corner radius').fill('0px');
    const preview = page.frameLocator('iframe[title="Preview of the widgets with this theme"]');
    await preview.locator('[data-koubei="reviews"]').getByText(NEGATIVE_REVIEW).waitFor();
    await expect
      .poll(() =>
        preview
          .locator('[data-koubei="reviews"]')
          .evaluate((host) => (host as HTMLElement).style.getPropertyValue('--koubei-radius')),
      )
      .toBe('0px');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const saved = await page.getByLabel('Script tag').inputValue();
    expect(saved).toContain('data-tokens="{&quot;radius&quot;:&quot;0px&quot;}"');
    await page.getByRole('button', { name: 'Copy script tag' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied to the clipboard' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(saved);
    // Keyboard only: Tab reaches the copy button and the navigation.
    await page.getByRole('link', { name: 'Inbox' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Inbox' }).waitFor();
    // The new view's heading takes focus, so a screen reader announces where the user is.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Inbox');
    await context.close();
  });

  it('hides reviews in bulk with a reason and promotes one to the testimonial wall', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page);
    const spam = await Promise.all([
      submitReview(5, 'Visit cheap-tea.example for deals!!!', 'Bot1'),
      submitReview(5, 'Best deals at cheap-tea.example!!!', 'Bot2'),
    ]);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Inbox' }).waitFor();
    await page.getByRole('checkbox', { name: 'Select the review by Bot1' }).check();
    await page.getByRole('checkbox', { name: 'Select the review by Bot2' }).check();
    const bulk = page.getByRole('form', { name: 'Bulk actions' });
    await bulk.getByText('2 reviews selected').waitFor();
    await bulk.getByLabel('Action').selectOption('hide');
    await bulk.getByLabel('Reason').selectOption('spam');
    await bulk.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('status').filter({ hasText: '2 reviews changed' }).waitFor();
    for (const author of ['Bot1', 'Bot2'])
      await page
        .getByRole('article')
        .filter({ hasText: author })
        .getByText('Hidden', { exact: true })
        .waitFor();
    const hidden = await server.db.query<{ id: string }>(
      `select id from reviews where status = 'hidden' order by id`,
    );
    expect(hidden.map((row) => row.id)).toEqual([...spam].sort());

    const mei = page.getByRole('article').filter({ hasText: 'Beautiful glaze' });
    await mei.getByRole('button', { name: 'Add to testimonial wall' }).click();
    await page.getByRole('status').filter({ hasText: 'Added to the testimonial wall' }).waitFor();
    await page.getByRole('link', { name: 'Testimonials' }).click();
    await page.getByText('“Beautiful glaze, pours well.”').waitFor();
    await context.close();
  });
});
