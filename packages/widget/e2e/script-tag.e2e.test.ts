import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PageWatch } from './browser.ts';
import { launchChromium, watchPage } from './browser.ts';
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
  api.control.mode = 'normal';
  api.control.requests.length = 0;
});

/**
 * The snippet the README asks shops to paste with the script tag: it reserves
 * each widget's box before the (async) loader runs, which is the only way to
 * a layout shift of exactly zero.
 */
const RESERVE_SPACE_CSS = '[data-koubei="stars"],koubei-stars{display:block;min-height:20px}';

function scriptTag(extra = ''): string {
  return `<script async src="${shop.url}/cdn/koubei.js" data-api="${api.url}" data-store="tea-house" data-locale="en" ${extra}></script>`;
}

function listing(count: number, scripts: string): string {
  const cards = Array.from(
    { length: count },
    (_, i) =>
      `<li><h3>Teapot ${i + 1}</h3><div data-koubei="stars" data-product="p${i + 1}"><a href="/p${i + 1}#reviews">Reviews</a></div></li>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<style>ul{display:grid;grid-template-columns:repeat(6,1fr);gap:8px;list-style:none;padding:0} h3{margin:0;font-size:14px}</style>
<style>${RESERVE_SPACE_CSS}</style>
</head><body><ul>${cards}</ul>${scripts}</body></html>`;
}

async function open(path: string, html: string, headers?: Record<string, string>): Promise<void> {
  shop.page(path, html, headers);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  watch = watchPage(page);
  await page.goto(`${shop.url}${path}`);
}

/** Accessible names of the star badges inside every placeholder's shadow root. */
function badgeNames(): Promise<string[]> {
  return page.$$eval('[data-koubei]', (hosts) =>
    hosts.map(
      (host) => host.shadowRoot?.querySelector('[role="img"]')?.getAttribute('aria-label') ?? '',
    ),
  );
}

describe('the script tag on a listing page', () => {
  it('renders 24 star badges from ONE summaries request, with no layout shift', async () => {
    await page?.close();
    shop.page('/listing', listing(24, scriptTag()));
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    watch = watchPage(page);
    await page.addInitScript(() => {
      (window as unknown as { __cls: number }).__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as {
          value: number;
          hadRecentInput: boolean;
        }[]) {
          if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${shop.url}/listing`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-koubei]')].every((h) =>
        h.shadowRoot?.querySelector('[role="img"]'),
      ),
    );
    const names = await badgeNames();
    expect(names).toHaveLength(24);
    expect(names.every((name) => /^\d\.\d out of 5, \d+ reviews$/.test(name))).toBe(true);
    const summaryRequests = api.control.requests.filter((r) => r.includes('/summaries'));
    expect(summaryRequests).toHaveLength(1);
    expect(
      decodeURIComponent(summaryRequests[0] ?? '')
        .split('products=')[1]
        ?.split(','),
    ).toHaveLength(24);
    expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(0);
    expect(watch.errors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('reports widget events to the page (DOM events and its dataLayer) and to the server', async () => {
    await open(
      '/events',
      `<!doctype html><html><body><script>window.dataLayer = []; window.__events = [];
document.addEventListener('koubei:impression', (e) => window.__events.push(e.detail));</script>
${listing(2, scriptTag('data-datalayer="dataLayer"'))}</body></html>`,
    );
    await page.waitForFunction(
      () => (window as unknown as { __events: unknown[] }).__events.length === 2,
    );
    const seen = await page.evaluate(() => ({
      events: (window as unknown as { __events: { type: string; widget: string; v: number }[] })
        .__events,
      layer: (window as unknown as { dataLayer: { event: string }[] }).dataLayer.map(
        (entry) => entry.event,
      ),
    }));
    expect(seen.events.map((e) => [e.v, e.type, e.widget])).toEqual([
      [1, 'impression', 'stars'],
      [1, 'impression', 'stars'],
    ]);
    expect(seen.layer).toEqual(['koubei.impression', 'koubei.impression']);
    // Leaving the page flushes the beacon to the Koubei server.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await page.goto('about:blank');
    await expect
      .poll(
        () =>
          api.control.requests.filter((r) => r.startsWith('POST') && r.includes('/events')).length,
      )
      .toBe(1);
    expect(watch.errors).toEqual([]);
  });

  it('mounts nothing twice when the script is included twice', async () => {
    await open('/twice', listing(6, scriptTag() + scriptTag()));
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-koubei]')].every((h) =>
        h.shadowRoot?.querySelector('[role="img"]'),
      ),
    );
    const badgesPerHost = await page.$$eval('[data-koubei]', (hosts) =>
      hosts.map((host) => host.shadowRoot?.querySelectorAll('[role="img"]').length),
    );
    expect(badgesPerHost).toEqual([1, 1, 1, 1, 1, 1]);
    expect(api.control.requests.filter((r) => r.includes('/summaries'))).toHaveLength(1);
    expect(watch.requests.filter((url) => /\/cdn\/runtime-/.test(url))).toHaveLength(1);
    expect(watch.errors).toEqual([]);
  });

  it('keeps the fallback content and the page unharmed when the API is down', async () => {
    api.control.mode = 'down';
    await open('/down', listing(6, scriptTag()));
    await page.waitForFunction(() =>
      document.querySelectorAll('[data-koubei]')[5]?.shadowRoot?.querySelector('slot'),
    );
    const fallbackVisible = await page.$$eval('[data-koubei] a', (links) =>
      links.map((link) => link.getBoundingClientRect().height > 0),
    );
    expect(fallbackVisible).toEqual([true, true, true, true, true, true]);
    expect(watch.errors).toEqual([]);
    expect(watch.consoleErrors.filter((text) => !/503/.test(text))).toEqual([]);
  });

  it('fires koubei:ready and switches language through window.Koubei', async () => {
    await open(
      '/ready',
      `<!doctype html><html><body><script>window.__ready = 0; document.addEventListener('koubei:ready', () => window.__ready++)</script>${listing(2, scriptTag())}</body></html>`,
    );
    await page.waitForFunction(() =>
      document.querySelector('[data-koubei]')?.shadowRoot?.querySelector('[role="img"]'),
    );
    expect(await page.evaluate(() => (window as unknown as { __ready: number }).__ready)).toBe(1);
    await page.evaluate(() =>
      (window as unknown as { Koubei: { setLocale(l: string): void } }).Koubei.setLocale('zh-CN'),
    );
    await page.waitForFunction(() =>
      /条评价/.test(
        document
          .querySelector('[data-koubei]')
          ?.shadowRoot?.querySelector('[role="img"]')
          ?.getAttribute('aria-label') ?? '',
      ),
    );
    expect(watch.errors).toEqual([]);
  });

  it('mounts placeholders a single-page app adds later and unmounts removed ones', async () => {
    await open('/spa', listing(1, scriptTag()));
    await page.waitForFunction(() =>
      document.querySelector('[data-koubei]')?.shadowRoot?.querySelector('[role="img"]'),
    );
    await page.evaluate(() => {
      const late = document.createElement('koubei-stars');
      late.setAttribute('product', 'p7');
      late.id = 'late';
      document.body.append(late);
    });
    await page.waitForFunction(() =>
      document.getElementById('late')?.shadowRoot?.querySelector('[role="img"]'),
    );
    await page.evaluate(() => {
      const first = document.querySelector('[data-koubei]') as HTMLElement;
      (window as unknown as { removed: HTMLElement }).removed = first;
      first.remove();
    });
    await page.waitForFunction(
      () =>
        (window as unknown as { removed: HTMLElement }).removed.shadowRoot?.childElementCount === 0,
    );
    expect(watch.errors).toEqual([]);
  });
});

describe('the script tag on a static export', () => {
  it('reads every badge from the one summaries.json file', async () => {
    const summaries = ['p1', 'p2', 'p3'].map((product, i) => ({
      product,
      count: 10 + i,
      mean: 4.5,
      bayesianMean: 4.2,
      histogram: [0, 0, 1, 3, 6 + i],
      photoShare: 0,
      recommendRate: null,
      aspects: [],
    }));
    shop.page('/static/v1/tea-house/summaries.json', JSON.stringify({ summaries }), {
      'access-control-allow-origin': '*',
    });
    const tag = `<script async src="${shop.url}/cdn/koubei.js" data-api="${shop.url}/static" data-static data-store="tea-house" data-locale="en"></script>`;
    await open('/static-shop', listing(3, tag));
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-koubei]')].every((h) =>
        h.shadowRoot?.querySelector('[role="img"]'),
      ),
    );
    expect(await badgeNames()).toEqual([
      '4.5 out of 5, 10 reviews',
      '4.5 out of 5, 11 reviews',
      '4.5 out of 5, 12 reviews',
    ]);
    expect(watch.requests.filter((url) => url.includes('summaries'))).toEqual([
      `${shop.url}/static/v1/tea-house/summaries.json`,
    ]);
    expect(api.control.requests).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});

describe('the script tag on a hostile page', () => {
  it('works under a strict CSP with Trusted Types and no unsafe-inline', async () => {
    const csp = [
      "default-src 'none'",
      `script-src ${shop.url}/cdn/`,
      `connect-src ${api.url}`,
      "style-src 'self'",
      "img-src 'self'",
      "require-trusted-types-for 'script'",
      "trusted-types 'none'",
    ].join('; ');
    await open('/csp', listing(3, scriptTag()).replace(/<style>[^<]*<\/style>/, ''), {
      'content-security-policy': csp,
    });
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.evaluate(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation(v: string): void }).reportViolation(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      ),
    );
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-koubei]')].every((h) =>
        h.shadowRoot?.querySelector('[role="img"]'),
      ),
    );
    const color = await page.$eval(
      '[data-koubei]',
      (host) => getComputedStyle(host.shadowRoot?.querySelector('[part="badge"]') as Element).color,
    );
    expect(color).toBe('rgb(31, 35, 40)');
    expect(violations).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it('is not distorted by the host page’s CSS', async () => {
    const hostile = `<style>html{font-size:62.5%} *{font-size:40px!important;color:orange!important;line-height:5!important} div:empty{display:none} span{display:none}</style>`;
    await open('/hostile-css', listing(2, scriptTag()).replace('</head>', `${hostile}</head>`));
    await page.waitForFunction(() =>
      document.querySelector('[data-koubei]')?.shadowRoot?.querySelector('[role="img"]'),
    );
    const style = await page.$eval('[data-koubei]', (host) => {
      const badge = host.shadowRoot?.querySelector('[part="badge"]') as Element;
      const computed = getComputedStyle(badge);
      return {
        fontSize: computed.fontSize,
        color: computed.color,
        hostDisplay: getComputedStyle(host).display,
      };
    });
    expect(style).toEqual({ fontSize: '13px', color: 'rgb(31, 35, 40)', hostDisplay: 'block' });
    expect(watch.errors).toEqual([]);
  });

  it('follows the page’s writing direction, set by markup or by CSS', async () => {
    // The runtime does not read the direction (that cost a style recalculation
    // per widget); it inherits into each shadow root, past `all: initial`.
    const rtl = listing(2, scriptTag())
      .replace('<html lang="en">', '<html lang="ar" dir="rtl">')
      .replace('</head>', '<style>li:nth-child(2){direction:ltr}</style></head>');
    await open('/rtl', rtl);
    await page.waitForFunction(() =>
      document.querySelectorAll('[data-koubei]')[1]?.shadowRoot?.querySelector('[role="img"]'),
    );
    const directions = await page.$$eval('[data-koubei]', (hosts) =>
      hosts.map((host) => {
        const badge = host.shadowRoot?.querySelector('[part="badge"]') as Element;
        return getComputedStyle(badge).direction;
      }),
    );
    expect(directions).toEqual(['rtl', 'ltr']);
    expect(watch.errors).toEqual([]);
  });
});

describe('widget chunks', () => {
  it('loads the review list on a product page from its own chunk', async () => {
    await open(
      '/product',
      `<!doctype html><html lang="en"><body><h1>Celadon teapot</h1>
<div data-koubei="summary" data-product="teapot-celadon" data-product-name="Celadon teapot"></div>
<div data-koubei="reviews" data-product="teapot-celadon" data-page-size="5"><a href="/reviews">All reviews</a></div>
${scriptTag()}</body></html>`,
    );
    await page.waitForFunction(
      () =>
        document
          .querySelectorAll('[data-koubei="reviews"]')[0]
          ?.shadowRoot?.querySelectorAll('article').length === 5,
    );
    const schema = await page.$eval('script[type="application/ld+json"]', (s) =>
      JSON.parse(s.textContent ?? ''),
    );
    expect(schema).toMatchObject({
      '@type': 'Product',
      name: 'Celadon teapot',
      aggregateRating: { ratingCount: 64 },
    });
    expect(watch.errors).toEqual([]);
  });
});
