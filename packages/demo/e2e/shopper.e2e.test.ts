import type { Browser, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PageWatch } from '../../widget/e2e/browser.ts';
import { launchChromium, watchPage } from '../../widget/e2e/browser.ts';
import { merchant } from './demo-stack.ts';
import {
  axeViolations,
  layoutShift,
  scrollThrough,
  watchCspViolations,
  watchLayoutShift,
} from './page-checks.ts';

// The demo shop in Chromium, on the real API server and database, the way a
// shopper (and then the merchant) goes through it.

let browser: Browser;
const stack = inject('demoStack');
let page: Page;
let watch: PageWatch;
let cspViolations: string[];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await page?.close();
});

/** A desktop window, and a phone as Lighthouse's mobile run emulates it (Moto G Power). */
const SCREENS = {
  desktop: { viewport: { width: 1280, height: 900 } },
  mobile: {
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
  },
} as const;

async function openPage(screen: keyof typeof SCREENS = 'desktop'): Promise<Page> {
  page = await browser.newPage(SCREENS[screen]);
  watch = watchPage(page);
  cspViolations = await watchCspViolations(page);
  return page;
}

/** Console errors on the page (none are expected). */
function unexpectedConsoleErrors(): string[] {
  return watch.consoleErrors;
}

const host = (kind: string) => page.locator(`[data-koubei="${kind}"]`).first();
const reviewCards = () => host('reviews').locator('article');

/** Waits until every star badge on the page has painted its rating. */
async function allBadgesPainted(): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-koubei="stars"]')].every((badge) =>
      badge.shadowRoot?.querySelector('[role="img"]'),
    ),
  );
}

function summaryRequests(): string[] {
  return watch.requests.filter((url) => url.startsWith(`${stack.apiUrl}/v1/tea-house/summaries`));
}

/** A small PNG "photo" of a cup of tea (a flat colour is enough for the photo pipeline). */
function photoFile(): { name: string; mimeType: string; buffer: Buffer } {
  const png = new PNG({ width: 320, height: 240 });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = 120;
    png.data[i + 1] = 160 + ((i / 4) % 320) / 4;
    png.data[i + 2] = 90;
    png.data[i + 3] = 255;
  }
  return { name: 'my-tea.png', mimeType: 'image/png', buffer: PNG.sync.write(png) };
}

async function ratingsShown(cards: Locator): Promise<string[]> {
  return cards.evaluateAll((articles) =>
    articles.map(
      (article) => article.querySelector('[role="img"]')?.getAttribute('aria-label') ?? '',
    ),
  );
}

describe('the demo shop', () => {
  it('shows 24 star badges on the listing from ONE summaries request, without layout shift', async () => {
    await openPage();
    await watchLayoutShift(page);
    await page.goto(`${stack.shopUrl}/en/products`);
    await allBadgesPainted();
    const names = await page.$$eval('[data-koubei="stars"]', (badges) =>
      badges.map((b) => b.shadowRoot?.querySelector('[role="img"]')?.getAttribute('aria-label')),
    );
    expect(names).toHaveLength(24);
    for (const name of names) expect(name).toMatch(/^\d\.\d out of 5, \d+ reviews$/);
    await page.waitForTimeout(500);
    expect(summaryRequests()).toHaveLength(1);
    expect(await layoutShift(page)).toEqual({ cls: 0, moved: [] });
    expect(watch.errors).toEqual([]);
    expect(unexpectedConsoleErrors()).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('has no layout shift on the listing on a phone while the first badges paint', async () => {
    await openPage('mobile');
    await watchLayoutShift(page);
    await page.goto(`${stack.shopUrl}/en/products`);
    // Two cards a row: only the badges near the first screen mount before a scroll.
    await page.waitForFunction(() => {
      const near = [...document.querySelectorAll('[data-koubei="stars"]')].filter(
        (badge) => badge.getBoundingClientRect().top < innerHeight,
      );
      return (
        near.length > 0 && near.every((badge) => badge.shadowRoot?.querySelector('[role="img"]'))
      );
    });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    expect(await layoutShift(page)).toEqual({ cls: 0, moved: [] });
    expect(watch.errors).toEqual([]);
    expect(unexpectedConsoleErrors()).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it.each(
    ['teapot-celadon', 'teapot-yixing', 'gift-box-spring'].flatMap((product) =>
      (['desktop', 'mobile'] as const).map((screen) => [product, screen] as const),
    ),
  )(
    'has no layout shift on the product page of %s while its widgets load (%s)',
    async (product, screen) => {
      await openPage(screen);
      await watchLayoutShift(page);
      await page.goto(`${stack.shopUrl}/en/products/${product}`);
      // On the phone the review list is too far down to mount before a scroll.
      if (screen === 'desktop') await reviewCards().first().waitFor();
      await host('summary')
        .getByText(/Based on \d+ reviews/)
        .waitFor();
      await host('stars').locator('[role="img"]').waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      expect(await layoutShift(page)).toEqual({ cls: 0, moved: [] });
      expect(watch.errors).toEqual([]);
      expect(cspViolations).toEqual([]);
    },
  );

  it.each(
    ['/en/', '/zh/', '/en/account'].flatMap((path) =>
      (['desktop', 'mobile'] as const).map((screen) => [path, screen] as const),
    ),
  )('has no layout shift on %s while its widgets load (%s)', async (path, screen) => {
    await openPage(screen);
    await watchLayoutShift(page);
    await page.goto(`${stack.shopUrl}${path}`);
    // Every widget on the first screen has painted and is no longer busy loading.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-koubei]')]
        .filter(
          (el) =>
            el.getAttribute('data-koubei') !== 'invitee-banner' &&
            el.getBoundingClientRect().top < innerHeight,
        )
        .every(
          (el) =>
            (el.shadowRoot?.textContent ?? '').trim() !== '' &&
            !el.shadowRoot?.querySelector('[aria-busy="true"]'),
        ),
    );
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    expect(await layoutShift(page)).toEqual({ cls: 0, moved: [] });
    expect(watch.errors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('takes a shopper from the listing through reviews, photos, a vote and a review of their own, then shows the shop’s reply', async () => {
    await openPage();
    await page.goto(`${stack.shopUrl}/en/products`);
    await allBadgesPainted();
    await page.getByRole('link', { name: 'Celadon teapot' }).first().click();
    await page.waitForURL(/\/en\/products\/teapot-celadon$/);
    await expect.poll(() => reviewCards().count()).toBe(5);

    // Filter by stars: only five-star reviews remain.
    const list = host('reviews');
    await list.getByRole('button', { name: '5 stars', exact: true }).click();
    await expect
      .poll(async () => [...new Set(await ratingsShown(reviewCards()))])
      .toEqual(['Rated 5 out of 5']);

    // Page through them.
    await list.getByRole('button', { name: 'More reviews' }).click();
    await list.getByText('Reviews 6–10').waitFor();
    expect(await reviewCards().count()).toBe(5);
    expect([...new Set(await ratingsShown(reviewCards()))]).toEqual(['Rated 5 out of 5']);
    await list.getByRole('button', { name: 'Previous reviews' }).click();
    await list.getByText('Reviews 1–5').waitFor();

    // Reviews with photos; open one in the lightbox with the keyboard only.
    await list.getByRole('button', { name: '5 stars', exact: true }).click();
    await list.getByRole('button', { name: 'With photos' }).click();
    const openPhoto = list.getByRole('button', { name: /^Open photo 1 of \d+$/ }).first();
    await openPhoto.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-label')).toMatch(/^Photo 1 of \d+$/);
    const photo = dialog.locator('img');
    await expect
      .poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(
      await openPhoto.evaluate(
        (button) =>
          button.getRootNode() instanceof ShadowRoot &&
          (button.getRootNode() as ShadowRoot).activeElement === button,
      ),
    ).toBe(true);

    // Vote the first review helpful: the count goes up by one and stays after a reload.
    const helpful = reviewCards()
      .first()
      .getByRole('button', { name: /^Helpful \(\d+\)$/ });
    const before = Number(/\((\d+)\)/.exec((await helpful.textContent()) ?? '')?.[1]);
    await helpful.click();
    await reviewCards().first().getByText('Thanks for your feedback').waitFor();
    expect(await helpful.textContent()).toBe(`Helpful (${before + 1})`);
    expect(await helpful.getAttribute('aria-pressed')).toBe('true');

    // Write a review with a photo.
    const form = host('form');
    await form.scrollIntoViewIfNeeded();
    // The stars are radio buttons under a drawn star; arrow keys move the rating.
    await form.getByRole('radio', { name: '1 star' }).first().focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    expect(await form.getByRole('radio', { name: '5 stars' }).first().isChecked()).toBe(true);
    const body = `Bought it for my mother; the celadon glaze is even prettier in daylight. ${Date.now()}`;
    await form.getByRole('textbox', { name: 'Your review', exact: true }).fill(body);
    await form.getByLabel('Name shown with your review').fill('Ada Shopper');
    await form.getByLabel('Email (never shown)').fill('ada@example.com');
    await form.locator('input[type="file"]').setInputFiles(photoFile());
    await form.getByText('Uploaded').waitFor({ timeout: 20_000 });
    await form.getByRole('checkbox').check();
    // People take more than a few seconds to write; the server quietly drops
    // forms sent faster than that (bots), so the shopper does not hurry.
    await page.waitForTimeout(3_500);
    await form.getByRole('button', { name: 'Submit review' }).click();
    await form.getByText('Thank you! Your review is published.').waitFor({ timeout: 20_000 });

    // The merchant answers through the merchant API (the console's backend).
    const { items } = await merchant<{ items: { id: string; body: string; media: unknown[] }[] }>(
      stack,
      '/reviews',
    );
    const mine = items.find((review) => review.body === body);
    expect(mine).toBeDefined();
    expect(mine?.media).toHaveLength(1);
    const reply = 'Thank you, Ada! Warm water brings the glaze out even more.';
    await merchant(stack, `/reviews/${mine?.id}/reply`, {
      method: 'PUT',
      body: JSON.stringify({ body: reply }),
    });

    // Back on the product page, newest first: the review, its photo and the shop's reply.
    await expect
      .poll(
        async () => {
          await page.reload();
          const reviews = host('reviews');
          // The reload keeps the scroll position down at the form; widgets
          // mount as they near the viewport, so scroll back up to the list.
          await reviews.scrollIntoViewIfNeeded();
          await reviews.locator('select').selectOption('newest');
          const first = reviews.locator('article').first();
          await first.waitFor();
          return first.innerText();
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toContain(reply);
    const newest = host('reviews').locator('article').first();
    expect(await newest.innerText()).toContain(body);
    expect(await newest.getByRole('button', { name: 'Open photo 1 of 1' }).count()).toBe(1);
    expect(watch.errors).toEqual([]);
    expect(unexpectedConsoleErrors()).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});

const DEMO_PAGES = [
  '/en/',
  '/zh/',
  '/en/products',
  '/zh/products',
  '/en/products/teapot-celadon',
  '/zh/products/longjing-2026',
  '/en/account',
  '/zh/account',
  '/app/',
  '/app/?lang=zh',
];

describe('accessibility', () => {
  it.each(DEMO_PAGES)('axe finds no violations on %s', async (path) => {
    await openPage();
    await page.goto(`${stack.shopUrl}${path}`);
    await scrollThrough(page);
    // Every placeholder has rendered (the invitee banner shows only to a visitor with an invite).
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-koubei]')]
        .filter((el) => el.getAttribute('data-koubei') !== 'invitee-banner')
        .every((el) => el.shadowRoot && el.shadowRoot.childElementCount > 0),
    );
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('lets a keyboard-only shopper reach and use every control of the product page', async () => {
    await openPage();
    await page.goto(`${stack.shopUrl}/en/products/teapot-celadon`);
    await scrollThrough(page);
    await host('form').getByRole('button', { name: 'Submit review' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('body').focus();

    const stops: { name: string; widget: string | null; focusVisible: boolean }[] = [];
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        let active: Element | null = document.activeElement;
        let widget: string | null = null;
        while (active?.shadowRoot?.activeElement) {
          widget = active.getAttribute('data-koubei');
          active = active.shadowRoot.activeElement;
        }
        if (!active || active === document.body) return null;
        const style = getComputedStyle(active);
        const label =
          active.getAttribute('aria-label') ??
          (active instanceof HTMLInputElement && active.labels?.[0]
            ? active.labels[0].textContent
            : active.textContent);
        return {
          name: `${active.localName}:${(label ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}`,
          widget,
          focusVisible:
            (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
            style.boxShadow !== 'none',
        };
      });
      if (!stop) break;
      stops.push(stop);
      if (
        stop.name.startsWith('a:') &&
        stop.widget === null &&
        /Tea House 茶舍 is a demo/.test(stop.name)
      )
        break;
    }
    const names = stops.map((stop) => stop.name);
    const indexOf = (pattern: RegExp) => names.findIndex((name) => pattern.test(name));
    // Reading order: badge link, histogram filters, sort, filters, votes, pager, carousel, form.
    const order = [
      /^a:\d\.\d \(\d+\)$/,
      /^button:5 stars \d+ reviews/,
      /^select:/,
      /^button:5 stars$/,
      /^button:Helpful/,
      /^button:More reviews/,
      /^button:Next slide/,
      /^input:1 star/,
      /^button:Submit review/,
    ].map(indexOf);
    expect(
      order.every((index) => index >= 0),
      names.join('\n'),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Every stop inside a widget shows where the focus is.
    const hidden = stops.filter((stop) => stop.widget && !stop.focusVisible);
    expect(hidden).toEqual([]);

    // Filter and page with the keyboard alone.
    await host('reviews').getByRole('button', { name: '4 stars', exact: true }).focus();
    await page.keyboard.press('Space');
    await expect
      .poll(async () => [...new Set(await ratingsShown(reviewCards()))])
      .toEqual(['Rated 4 out of 5']);
    expect(watch.errors).toEqual([]);
  });
});
