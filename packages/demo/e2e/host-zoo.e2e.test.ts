import { readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pixelmatch from 'pixelmatch';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PageWatch } from '../../widget/e2e/browser.ts';
import { launchChromium, watchPage } from '../../widget/e2e/browser.ts';
import { startShop } from '../../widget/e2e/servers.ts';
import { layoutShift, watchCspViolations, watchLayoutShift } from './page-checks.ts';

// The host-page zoo, part two (script-tag.e2e.test.ts in the widget package
// covers CSP with Trusted Types, hostile CSS, the script twice, single-page
// apps and the API down): popular CSS frameworks installed from npm, a page
// that already runs Preact, a <base href>, and a slow API. Every page has the
// same widgets on the real demo API and is compared, pixel by pixel, with a
// plain page.

/**
 * Screenshot tolerance. pixelmatch's per-pixel colour threshold 0.1 ignores
 * anti-aliasing noise; at most 0.1 % of the widget region's pixels may then
 * differ. A host style leaking into a widget (a font, a line height, a
 * margin) moves whole lines of text and changes several percent.
 */
const PIXEL_THRESHOLD = 0.1;
const MAX_DIFFERENT_PIXELS = 0.001;

const PRODUCT = 'teapot-yixing';
const stack = inject('demoStack');
const resolveFile = createRequire(import.meta.url).resolve;
const vendorFile = (specifier: string) => readFileSync(resolveFile(specifier), 'utf8');
const PREACT_DIR = dirname(resolveFile('preact/package.json'));

let browser: Browser;
let shop: Awaited<ReturnType<typeof startShop>>;
let slowApi: { url: string; close(): Promise<void> };
let page: Page;
let watch: PageWatch;
let cspViolations: string[];
let plainShot: PNG;

/** A proxy that holds every API answer back for `delayMs`: a slow network or a busy server. */
function startSlowProxy(target: string, delayMs: number): Promise<typeof slowApi> {
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'connection')
        headers.set(name, value);
    }
    const answer = await fetch(`${target}${request.url}`, {
      method: request.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (name !== 'content-encoding' && name !== 'content-length' && name !== 'transfer-encoding')
        out[name] = value;
    });
    response.writeHead(answer.status, out).end(Buffer.from(await answer.arrayBuffer()));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

/** The zoo's strict policy: files only, no inline script or style (the import map has a nonce). */
function csp(api: string, cdn = `${shop.url}/`): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'none'",
      `script-src ${shop.url}/ ${cdn} 'nonce-zoo-import-map'`,
      `style-src ${shop.url}/`,
      `img-src ${shop.url}/ ${stack.apiUrl}`,
      `connect-src ${api}`,
    ].join('; '),
  };
}

interface ZooPage {
  readonly head?: string;
  /** Where koubei.js comes from; the shop's own origin by default. */
  readonly cdn?: string;
  /** The widgets' markup is rendered by the page's own script instead of being in the HTML. */
  readonly scriptedBody?: string;
  readonly api?: string;
}

const WIDGETS = `<div id="missing" data-koubei="stars" data-product="legacy/sku 7"><a href="/reviews/legacy-7">Read the reviews of our old teapot</a></div>
<div id="widgets">
  <div data-koubei="stars" data-product="${PRODUCT}" data-href="/products/${PRODUCT}#reviews"><a href="/products/${PRODUCT}#reviews">Reviews</a></div>
  <div data-koubei="summary" data-product="${PRODUCT}"></div>
  <div data-koubei="reviews" data-product="${PRODUCT}" data-page-size="3"></div>
</div>`;

function zooHtml({ head = '', scriptedBody, api = stack.apiUrl, cdn }: ZooPage): string {
  const script = cdn
    ? `<script async crossorigin="anonymous" src="${cdn}/koubei.js" data-api="${api}" data-store="tea-house" data-locale="en"></script>`
    : `<script async src="${shop.url}/cdn/koubei.js" data-api="${api}" data-store="tea-house" data-locale="en"></script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Zoo</title>
${head}
<link rel="stylesheet" href="${shop.url}/zoo/zoo.css">
</head><body><h1>Yixing clay teapot</h1>
${scriptedBody ?? WIDGETS}
${script}
</body></html>`;
}

async function open(path: string, zoo: ZooPage): Promise<void> {
  shop.page(path, zooHtml(zoo), csp(zoo.api ?? stack.apiUrl, zoo.cdn && `${zoo.cdn}/`));
  page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  watch = watchPage(page);
  cspViolations = await watchCspViolations(page);
  await watchLayoutShift(page);
  await page.goto(`${shop.url}${path}`);
}

/** Waits for the badge, the summary, three reviews and every photo in them. */
async function widgetsReady(): Promise<void> {
  await page
    .waitForFunction(
      (product) => {
        const shadow = (selector: string) => document.querySelector(selector)?.shadowRoot;
        const stars = shadow(`#widgets [data-koubei="stars"][data-product="${product}"]`);
        const summary = shadow('#widgets [data-koubei="summary"]');
        const reviews = shadow('#widgets [data-koubei="reviews"]');
        const images = [summary, reviews].flatMap((root) => [
          ...(root?.querySelectorAll('img') ?? []),
        ]);
        return (
          stars?.querySelector('[role="img"]') &&
          /Based on \d+ reviews/.test(summary?.textContent ?? '') &&
          reviews?.querySelectorAll('article').length === 3 &&
          images.every((img) => img.complete && img.naturalWidth > 0)
        );
      },
      PRODUCT,
      { timeout: 20_000 },
    )
    .catch(async (error: unknown) => {
      const state = await page.$$eval('[data-koubei]', (hosts) =>
        hosts.map(
          (h) =>
            `${h.getAttribute('data-koubei')}: ${h.shadowRoot?.textContent?.slice(0, 80) ?? 'no shadow root'}`,
        ),
      );
      throw new Error(
        `Widgets not ready (${String(error)}):\n${state.join('\n')}\n${watch.consoleErrors.join('\n')}\n${watch.errors.join('\n')}`,
      );
    });
}

async function widgetsShot(): Promise<PNG> {
  await page.mouse.move(0, 0);
  // Bars grow and buttons fade in with transitions inside the shadow roots,
  // which the screenshot's own animation handling does not reach.
  await page.evaluate(() =>
    Promise.all(
      [...document.querySelectorAll('[data-koubei]')].flatMap(
        (host) => host.shadowRoot?.getAnimations().map((animation) => animation.finished) ?? [],
      ),
    ),
  );
  return PNG.sync.read(await page.locator('#widgets').screenshot({ animations: 'disabled' }));
}

/** Share of pixels that differ from the plain page's widgets. */
function differenceFromPlain(shot: PNG, name: string): number {
  const dir = process.env.KOUBEI_ZOO_DIFF_DIR;
  if (dir) writeFileSync(join(dir, `${name}.png`), PNG.sync.write(shot));
  expect([shot.width, shot.height]).toEqual([plainShot.width, plainShot.height]);
  const diff = new PNG({ width: shot.width, height: shot.height });
  const different = pixelmatch(plainShot.data, shot.data, diff.data, shot.width, shot.height, {
    threshold: PIXEL_THRESHOLD,
  });
  if (dir) writeFileSync(join(dir, `${name}-diff.png`), PNG.sync.write(diff));
  return different / (shot.width * shot.height);
}

/** What every zoo page must show: widgets as on the plain page, fallback kept, nothing broken. */
async function expectLikePlainPage(name: string): Promise<void> {
  await widgetsReady();
  // Layout shift first: taking a screenshot resizes and scrolls the page.
  expect(await layoutShift(page)).toEqual({ cls: 0, moved: [] });
  expect(differenceFromPlain(await widgetsShot(), name)).toBeLessThanOrEqual(MAX_DIFFERENT_PIXELS);
  // The placeholder whose product id Koubei cannot use keeps the shop's own link.
  expect(await page.locator('#missing a').isVisible()).toBe(true);
  expect(watch.errors).toEqual([]);
  expect(cspViolations).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
}

beforeAll(async () => {
  [browser, shop] = await Promise.all([launchChromium(), startShop()]);
  slowApi = await startSlowProxy(stack.apiUrl, 1_500);
  const css = { 'content-type': 'text/css' };
  const js = { 'content-type': 'text/javascript' };
  // The widgets sit at a whole-pixel position on every page: a framework's
  // heading margins would otherwise put them at fractional offsets, and
  // anti-aliasing would differ for reasons that have nothing to do with Koubei.
  shop.page(
    '/zoo/zoo.css',
    `#widgets{position:absolute;top:160px;left:16px;width:760px} [data-koubei="stars"]{display:block;min-height:20px} [data-koubei="summary"]{display:block;min-height:360px} [data-koubei="reviews"]{display:block;min-height:640px}`,
    css,
  );
  shop.page('/vendor/bootstrap.css', vendorFile('bootstrap/dist/css/bootstrap.min.css'), css);
  shop.page('/vendor/preflight.css', vendorFile('tailwindcss/preflight.css'), css);
  shop.page('/vendor/normalize.css', vendorFile('normalize.css/normalize.css'), css);
  shop.page(
    '/vendor/preact.js',
    readFileSync(join(PREACT_DIR, 'dist/preact.module.js'), 'utf8'),
    js,
  );
  shop.page(
    '/vendor/preact-hooks.js',
    readFileSync(join(PREACT_DIR, 'hooks/dist/hooks.module.js'), 'utf8'),
    js,
  );

  // The reference: the same widgets on a page with no CSS of its own.
  await open('/zoo/plain', {});
  await widgetsReady();
  plainShot = await widgetsShot();
  if (process.env.KOUBEI_ZOO_DIFF_DIR)
    writeFileSync(join(process.env.KOUBEI_ZOO_DIFF_DIR, 'plain.png'), PNG.sync.write(plainShot));
  await page.close();
});
afterAll(async () => {
  await Promise.all([browser?.close(), shop?.close(), slowApi?.close()]);
});
afterEach(async () => {
  await page?.close();
});

describe('the script tag among popular CSS frameworks (installed from npm)', () => {
  it.each([
    ['Bootstrap 5', '/vendor/bootstrap.css'],
    ['Tailwind preflight', '/vendor/preflight.css'],
    ['normalize.css', '/vendor/normalize.css'],
  ])('looks and works the same on a page using %s', async (_, stylesheet) => {
    await open(`/zoo${stylesheet.replace('/vendor', '').replace('.css', '')}`, {
      head: `<link rel="stylesheet" href="${shop.url}${stylesheet}">`,
    });
    await expectLikePlainPage(stylesheet.replace(/.*\//, ''));
  });
});

describe('the script tag on unusual pages', () => {
  it('works inside a page that already runs Preact, through the app’s re-renders', async () => {
    const app = `import { h, render } from 'preact';
import { useState } from 'preact/hooks';
const markup = ${JSON.stringify(WIDGETS)};
function Product() {
  const [count, setCount] = useState(0);
  // The shop's own Preact renders the placeholders' container and re-renders around it.
  return h('main', null,
    h('button', { id: 'add', onClick: () => setCount(count + 1) }, 'Add to cart (' + count + ')'),
    h('div', { id: 'slot', ref: (el) => { if (el && !el.firstChild) { const t = document.createElement('template'); t.content.append(document.createRange().createContextualFragment(markup)); el.append(t.content); } } }));
}
render(h(Product), document.getElementById('app'));`;
    shop.page('/zoo/preact-app.js', app, { 'content-type': 'text/javascript' });
    await open('/zoo/preact', {
      head: `<script type="importmap" nonce="zoo-import-map">{"imports":{"preact":"${shop.url}/vendor/preact.js","preact/hooks":"${shop.url}/vendor/preact-hooks.js"}}</script>
<script type="module" src="${shop.url}/zoo/preact-app.js"></script>`,
      scriptedBody: '<div id="app"></div>',
    });
    await widgetsReady();
    await page.locator('#add').click();
    await page.locator('#add').click();
    expect(await page.locator('#add').textContent()).toBe('Add to cart (2)');
    await expectLikePlainPage('preact');
  });

  it('loads its chunks and links like the page does under a <base href>', async () => {
    // Relative URLs on this page resolve against /shop/catalogue/; the script
    // tag's chunks must still come from next to koubei.js.
    await open('/zoo/base', { head: `<base href="${shop.url}/shop/catalogue/">` });
    await expectLikePlainPage('base-href');
    const fallbackHref = await page.$eval(
      `#widgets [data-product="${PRODUCT}"] > a`,
      (a) => (a as HTMLAnchorElement).href,
    );
    const badgeHref = await page.$eval(
      `#widgets [data-koubei="stars"]`,
      (host) => (host.shadowRoot?.querySelector('a') as HTMLAnchorElement | null)?.href,
    );
    expect(badgeHref).toBe(`${shop.url}/products/${PRODUCT}#reviews`);
    expect(badgeHref).toBe(fallbackHref);
    expect(watch.requests.filter((url) => url.startsWith(`${shop.url}/shop/`))).toEqual([]);
  });

  it('loads from a CDN on another origin (script tag with crossorigin)', async () => {
    // The demo shop serves the CDN folder with CORS, as CDNs do. Without
    // crossorigin="anonymous" the browser resolves the loader's import() of
    // its chunks against about:blank, and only the fallback shows.
    await open('/zoo/cdn', { cdn: `${stack.shopUrl}/cdn` });
    await expectLikePlainPage('cross-origin-cdn');
    expect(
      watch.requests.filter((url) => url.startsWith(`${stack.shopUrl}/cdn/runtime-`)),
    ).toHaveLength(1);
  });

  it('waits for a slow API without layout shift, then shows the same widgets', async () => {
    await open('/zoo/slow', { api: slowApi.url });
    // Still waiting for data after a second: the space is kept, nothing moved.
    await page.waitForTimeout(1_000);
    expect(
      await page.$eval(
        '#widgets [data-koubei="reviews"]',
        (el) => el.getBoundingClientRect().height,
      ),
    ).toBeGreaterThanOrEqual(640);
    await expectLikePlainPage('slow-api');
  });
});
