import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, watchPage } from '../../widget/e2e/browser.ts';

// `?koubei=off` serves any demo page without Koubei's script tag, so a shop
// owner (and the page benchmark) can compare the page with and without it.

const stack = inject('demoStack');
const SCRIPT_TAG = /<script[^>]*\bsrc="\/cdn\/koubei\.js"/;
const PAGES = ['/en/', '/zh/products', '/en/products/teapot-celadon', '/en/account'];

async function pageHtml(path: string): Promise<string> {
  const response = await fetch(`${stack.shopUrl}${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

describe('?koubei=off', () => {
  it.each(PAGES)('leaves the script tag out of %s and keeps the placeholders', async (path) => {
    const withKoubei = await pageHtml(path);
    const without = await pageHtml(`${path}?koubei=off`);
    expect(withKoubei).toMatch(SCRIPT_TAG);
    expect(without).not.toMatch(SCRIPT_TAG);
    expect(without).not.toContain('/cdn/');
    // Nothing else changes: the same HTML once the script tag is taken out.
    const words = (html: string) => html.replace(/<script[^>]*><\/script>/, '').split(/\s+/);
    expect(words(without)).toEqual(words(withKoubei));
  });

  it('keeps the tag for any other value, and through the language redirect', async () => {
    expect(await pageHtml('/en/products?koubei=on')).toMatch(SCRIPT_TAG);
    expect(await pageHtml('/?koubei=off')).not.toMatch(SCRIPT_TAG);
  });

  describe('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('shows the fallback content and loads nothing from Koubei', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const watch = watchPage(page);
      await page.goto(`${stack.shopUrl}/en/products/teapot-celadon?koubei=off`);
      await page.waitForLoadState('networkidle');
      const koubeiRequests = watch.requests.filter(
        (url) => url.includes('/cdn/') || url.startsWith(stack.apiUrl),
      );
      expect(koubeiRequests).toEqual([]);
      expect(await page.evaluate(() => 'Koubei' in window)).toBe(false);
      const shadowRoots = await page.$$eval(
        '[data-koubei]',
        (els) => els.filter((el) => el.shadowRoot).length,
      );
      expect(shadowRoots).toBe(0);
      // The review list's placeholder still offers the shop's own fallback.
      expect(await page.locator('[data-koubei="reviews"]').innerText()).not.toBe('');
      expect(watch.errors).toEqual([]);
      await page.close();
    });
  });
});
