// The script tag inside a single-page app, in real Chromium: the app moves,
// removes, re-adds and replaces placeholders as it navigates, and Koubei must
// follow without leaving a widget blank or keeping a removed one alive.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PageWatch } from './browser.ts';
import { detachedDom, launchChromium, watchPage } from './browser.ts';
import type { ApiControl, Running } from './servers.ts';
import { startApi, startShop } from './servers.ts';

let browser: Browser;
let shop: Awaited<ReturnType<typeof startShop>>;
let api: Running & { control: ApiControl };
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  [browser, shop, api] = await Promise.all([launchChromium(), startShop(), startApi()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), shop?.close(), api?.close()]);
});
afterEach(async () => {
  await page?.close();
});

/** A storefront view: three star badges, a rating summary and a short review list. */
const VIEW = `<main>
<h1>Celadon teapot</h1>
<ul id="cards">
  <li><div data-koubei="stars" data-product="p1" id="stars-p1"></div></li>
  <li><div data-koubei="stars" data-product="p2" id="stars-p2"></div></li>
  <li><div data-koubei="stars" data-product="p3" id="stars-p3"></div></li>
</ul>
<aside id="aside"></aside>
<div data-koubei="summary" data-product="teapot-celadon" id="summary"></div>
<div data-koubei="reviews" data-product="teapot-celadon" data-page-size="3" id="reviews"></div>
</main>`;

async function open(path: string): Promise<void> {
  shop.page(
    path,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body>
${VIEW}
<script async src="${shop.url}/cdn/koubei.js" data-api="${api.url}" data-store="tea-house" data-locale="en" data-beacon="off"></script>
</body></html>`,
  );
  // Tall enough that every widget is near the viewport and mounts at once.
  page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
  watch = watchPage(page);
  await page.goto(`${shop.url}${path}`);
  await page.waitForFunction(PAINTED);
}

/** Every widget in the current view has painted: badges and summary show stars, the list its reviews. */
const PAINTED = () =>
  [...document.querySelectorAll('[data-koubei="stars"], [data-koubei="summary"]')].every((el) =>
    el.shadowRoot?.querySelector('[role="img"]'),
  ) &&
  (document.querySelector('[data-koubei="reviews"]')?.shadowRoot?.querySelectorAll('article')
    .length ?? 0) > 0;

/** The star badge's accessible name inside the placeholder `id`, or '' when blank. */
function badge(id: string): Promise<string> {
  return page.$eval(
    `#${id}`,
    (el) => el.shadowRoot?.querySelector('[role="img"]')?.getAttribute('aria-label') ?? '',
  );
}

describe('the script tag in a single-page app', () => {
  it('keeps a moved widget, and mounts again one removed and added back or unmounted and mounted', async () => {
    await open('/spa-move');
    const before = await badge('stars-p1');
    expect(before).toMatch(/^\d\.\d out of 5, \d+ reviews$/);

    // A framework reordering a list moves nodes: removed and added back in one go.
    await page.evaluate(() => {
      const cards = document.getElementById('cards')!;
      cards.append(cards.firstElementChild!);
      document.getElementById('aside')!.append(document.getElementById('stars-p2')!);
    });
    await page.waitForTimeout(300);
    expect(await badge('stars-p1')).toBe(before);
    expect(await badge('stars-p2')).toMatch(/out of 5/);

    // A cached view: taken out of the page (its widget unmounts), put back later.
    await page.evaluate(() => {
      const stars = document.getElementById('stars-p3')!;
      (window as unknown as { kept: Element }).kept = stars;
      stars.remove();
    });
    await page.waitForFunction(
      () => (window as unknown as { kept: Element }).kept.shadowRoot?.childElementCount === 0,
    );
    await page.evaluate(() =>
      document.getElementById('aside')!.append((window as unknown as { kept: Element }).kept),
    );
    await page.waitForFunction(() =>
      document.getElementById('stars-p3')?.shadowRoot?.querySelector('[role="img"]'),
    );

    // The app's own lifecycle through window.Koubei.
    await page.evaluate(() => {
      const koubei = (window as unknown as { Koubei: { unmount(el: Element): void } }).Koubei;
      koubei.unmount(document.getElementById('summary')!);
    });
    await page.waitForFunction(
      () => document.getElementById('summary')?.shadowRoot?.childElementCount === 0,
    );
    await page.evaluate(() => {
      const koubei = (window as unknown as { Koubei: { mount(root: ParentNode): void } }).Koubei;
      koubei.mount(document.querySelector('main')!);
    });
    await page.waitForFunction(() =>
      document.getElementById('summary')?.shadowRoot?.querySelector('[role="img"]'),
    );
    expect(watch.errors).toEqual([]);
  });

  it('keeps no removed widget alive after 40 navigations that replace the whole view', async () => {
    await open('/spa-cycles');
    const cdp = await page.context().newCDPSession(page);
    for (let i = 0; i < 40; i++) {
      // What a router does: the old view goes, a fresh copy of it comes.
      await page.evaluate(() => {
        const main = document.querySelector('main')!;
        const copy = main.cloneNode(true) as HTMLElement;
        main.replaceWith(copy);
        const koubei = (window as unknown as { Koubei: { mount(root: ParentNode): void } }).Koubei;
        koubei.mount(copy);
      });
      await page.waitForFunction(PAINTED);
    }
    // Let the last unmounts and late responses settle.
    await page.waitForTimeout(300);
    expect(await detachedDom(cdp)).toEqual({ trees: 0, nodes: 0 });
    expect(watch.errors).toEqual([]);
  });
});
