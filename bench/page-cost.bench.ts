// What Koubei costs a storefront, measured in headless Chromium (Debian's,
// driven by playwright-core) against the same pages without Koubei, in the
// same run: script time, long tasks, blocking time, layout shift, requests
// before the first widget paints, scale (50 widgets; 10 000 reviews), heap,
// and the Lighthouse mobile performance score. A benchmark: it prints tables
// and never fails on speed. Run through `pnpm bench` (which builds first).
import type { Browser, CDPSession, Page } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_FLAGS,
  detachedDom,
  launchChromium,
} from '../packages/widget/e2e/browser.ts';
import type { BenchStack } from './stack.ts';
import {
  BIG_PRODUCT_REVIEWS,
  PRODUCTS,
  bigListBody,
  listingBody,
  productBody,
  scaleBody,
  shopPage,
  startBenchStack,
} from './stack.ts';
import { median, printTable } from './table.mjs';

const LOADS = Number(process.env.KOUBEI_BENCH_LOADS ?? 7);
const THROTTLES = [1, 4] as const;
// `KOUBEI_BENCH_PARTS=cost,scale,big,spa,lighthouse` runs only those parts (all when unset).
const PARTS = new Set((process.env.KOUBEI_BENCH_PARTS ?? '').split(',').filter(Boolean));
const part = (name: 'cost' | 'scale' | 'big' | 'spa' | 'lighthouse') =>
  PARTS.size === 0 || PARTS.has(name);

/** Collects long tasks, layout shifts and the first widget paint from the very start of the page. */
const OBSERVE = () => {
  const bench = { longTasks: [] as number[], cls: 0, firstWidgetPaint: -1 };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[])
      if (!entry.hadRecentInput) bench.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  // A widget has painted when a placeholder's shadow root shows text or a
  // rated image (skeletons have neither).
  const painted = () =>
    [...document.querySelectorAll('[data-koubei]')].some((el) => {
      const root = el.shadowRoot;
      return (
        !!root && (!!root.querySelector('[role="img"]') || (root.textContent ?? '').trim() !== '')
      );
    });
  const poll = () => {
    if (painted()) bench.firstWidgetPaint = performance.now();
    else if (performance.now() < 20_000) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
};

/**
 * A fresh browser context. tsx compiles this file with esbuild's keepNames,
 * which wraps functions in `__name(...)`; functions sent to the page need it too.
 */
async function newContext(browser: Browser, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  return context;
}

interface LoadResult {
  scriptMs: number;
  taskMs: number;
  longTasks: number;
  maxLongTask: number;
  blockingMs: number;
  cls: number;
  firstWidgetPaint: number;
  koubeiRequestsBeforePaint: string[];
  heapMb: number;
}

async function throttled(page: Page, rate: number): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Performance.enable');
  return cdp;
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1024 / 1024;
}

/**
 * Bytes of JavaScript objects in a heap snapshot: compiled code (which only
 * grows while V8 warms up) and the browser's native objects (its DevTools and
 * performance-timeline buffers among them) are left out.
 */
async function jsObjectBytes(cdp: CDPSession): Promise<number> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes } = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snapshot.meta.node_fields;
  const [typeAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('self_size')];
  const types = snapshot.meta.node_types[0];
  let bytes = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt]!];
    if (type !== 'code' && type !== 'native') bytes += nodes[i + sizeAt]!;
  }
  return bytes;
}

async function loadOnce(
  browser: Browser,
  stack: BenchStack,
  url: string,
  rate: number,
  viewport = { width: 1280, height: 900 },
): Promise<LoadResult> {
  const context = await newContext(browser, viewport);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(OBSERVE);
  const cdp = await throttled(page, rate);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  const observed = await page.evaluate(() => {
    const bench = (
      window as unknown as {
        __bench: { longTasks: number[]; cls: number; firstWidgetPaint: number };
      }
    ).__bench;
    const resources = performance
      .getEntriesByType('resource')
      .filter((entry) => bench.firstWidgetPaint >= 0 && entry.startTime <= bench.firstWidgetPaint)
      .map((entry) => entry.name);
    return { ...bench, resources };
  });
  const heapMb = await heapAfterGc(cdp);
  await context.close();
  if (errors.length > 0) throw new Error(`page errors on ${url}: ${errors.join('; ')}`);
  const koubei = (name: string) => name.includes('/cdn/') || name.startsWith(stack.apiUrl);
  return {
    scriptMs: metric('ScriptDuration') * 1000,
    taskMs: metric('TaskDuration') * 1000,
    longTasks: observed.longTasks.filter((d) => d > 50).length,
    maxLongTask: Math.max(0, ...observed.longTasks),
    blockingMs: observed.longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    cls: observed.cls,
    firstWidgetPaint: observed.firstWidgetPaint,
    koubeiRequestsBeforePaint: observed.resources
      .filter(koubei)
      .map((name) => new URL(name).pathname.replace(/-[\w-]{8}\.js$/, '.js')),
    heapMb,
  };
}

async function loads(browser: Browser, stack: BenchStack, url: string, rate: number) {
  const results: LoadResult[] = [];
  for (let i = 0; i < LOADS; i++) results.push(await loadOnce(browser, stack, url, rate));
  const m = (key: keyof Omit<LoadResult, 'koubeiRequestsBeforePaint'>) =>
    median(results.map((r) => r[key] as number));
  return {
    scriptMs: m('scriptMs'),
    taskMs: m('taskMs'),
    longTasks: Math.max(...results.map((r) => r.longTasks)),
    maxLongTask: Math.max(...results.map((r) => r.maxLongTask)),
    blockingMs: m('blockingMs'),
    cls: Math.max(...results.map((r) => r.cls)),
    firstWidgetPaint: m('firstWidgetPaint'),
    requests: results[0]!.koubeiRequestsBeforePaint,
    heapMb: m('heapMb'),
  };
}

// ---------------------------------------------------------------------------

const stack = await startBenchStack();
const browser = await launchChromium();
const product = PRODUCTS[0]!;
const pages = {
  listing: (withKoubei: boolean) =>
    shopPage({ withKoubei, apiUrl: stack.apiUrl, title: 'Teapots', body: listingBody() }),
  product: (withKoubei: boolean) =>
    shopPage({
      withKoubei,
      apiUrl: stack.apiUrl,
      title: product.en,
      body: productBody(product.id, product.en),
    }),
};
for (const [name, html] of Object.entries(pages)) {
  stack.shop.page(`/${name}/with`, html(true));
  stack.shop.page(`/${name}/without`, html(false));
}

const f = (n: number, digits = 1) => n.toFixed(digits);
const costRows: string[][] = [];
const requestNotes: string[] = [];
for (const name of part('cost') ? Object.keys(pages) : []) {
  for (const rate of THROTTLES) {
    const without = await loads(browser, stack, `${stack.shop.url}/${name}/without`, rate);
    const withK = await loads(browser, stack, `${stack.shop.url}/${name}/with`, rate);
    costRows.push([
      `${name}, ${rate}x CPU`,
      `${f(withK.scriptMs)} (${f(without.scriptMs)})`,
      f(withK.scriptMs - without.scriptMs),
      `${withK.longTasks} / ${f(withK.maxLongTask, 0)}`,
      f(withK.blockingMs - without.blockingMs),
      f(withK.cls - without.cls, 4),
      f(withK.firstWidgetPaint, 0),
      String(withK.requests.length),
      f(withK.heapMb - without.heapMb, 2),
    ]);
    if (rate === 1) requestNotes.push(`${name}: ${withK.requests.join(', ')}`);
  }
}
if (costRows.length)
  printTable(
    `Page cost: median of ${LOADS} fresh loads, with Koubei (without in brackets); "added" = with − without`,
    [
      'page',
      'script ms',
      'script added',
      'long tasks >50 ms / max ms',
      'blocking added ms',
      'CLS added',
      'first widget paint ms',
      'Koubei requests before it',
      'heap added MB',
    ],
    costRows,
  );
if (requestNotes.length) {
  console.log('\nKoubei requests before the first widget painted (1x):');
  for (const note of requestNotes) console.log(`  ${note}`);
}

// ---------------------------------------------------------------------------
// Scale: 50 widgets on one page; a product with 10 000 reviews.

stack.shop.page(
  '/scale',
  shopPage({ withKoubei: true, apiUrl: stack.apiUrl, title: '50 widgets', body: scaleBody() }),
);
stack.shop.page(
  '/scale/without',
  shopPage({ withKoubei: false, apiUrl: stack.apiUrl, title: '50 widgets', body: scaleBody() }),
);
const scaleRows: string[][] = [];
for (const rate of part('scale') ? THROTTLES : []) {
  // A viewport tall enough that every widget is near it and mounts at once.
  const tall = { width: 1280, height: 30_000 };
  const runs = [];
  const base = [];
  for (let i = 0; i < 3; i++) {
    runs.push(await loadOnce(browser, stack, `${stack.shop.url}/scale`, rate, tall));
    base.push(await loadOnce(browser, stack, `${stack.shop.url}/scale/without`, rate, tall));
  }
  scaleRows.push([
    `${rate}x CPU`,
    f(median(runs.map((r) => r.taskMs)) - median(base.map((r) => r.taskMs))),
    f(median(runs.map((r) => r.scriptMs)) - median(base.map((r) => r.scriptMs))),
    `${Math.max(...runs.map((r) => r.longTasks))} / ${f(Math.max(...runs.map((r) => r.maxLongTask)), 0)}`,
  ]);
}
if (scaleRows.length)
  printTable(
    '50 widgets on one page (25 badges, 15 review lists, 10 social-proof), median of 3, added over the same page without Koubei',
    ['throttle', 'main-thread work added ms', 'script added ms', 'long tasks >50 ms / max ms'],
    scaleRows,
  );

stack.shop.page(
  '/big',
  shopPage({ withKoubei: true, apiUrl: stack.apiUrl, title: 'Office teapot', body: bigListBody() }),
);

/** Counts every node, inside shadow roots too. */
const COUNT_NODES = () => {
  const count = (root: Node): number => {
    let n = 1;
    if (root instanceof Element && root.shadowRoot) n += count(root.shadowRoot);
    for (const child of root.childNodes) n += count(child);
    return n;
  };
  const host = document.querySelector('[data-koubei="reviews"]')!;
  return { page: count(document), widget: host.shadowRoot ? count(host.shadowRoot) : 0 };
};

/**
 * Times one change of the review list inside the page: from the click to
 * the frame after the list shows different reviews (real HTTP to the API).
 */
const TIME_CHANGE = async (action: 'next' | 'previous' | 'five-stars') => {
  const root = document.querySelector('[data-koubei="reviews"]')!.shadowRoot!;
  const text = () => [...root.querySelectorAll('article')].map((a) => a.textContent).join('|');
  const before = text();
  const buttons = [...root.querySelectorAll('button')];
  const label = { next: 'More reviews', previous: 'Previous reviews', 'five-stars': '5 stars' }[
    action
  ];
  const button = buttons.find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === label,
  );
  if (!button) throw new Error(`no "${label}" button in the review list`);
  const start = performance.now();
  button.click();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${action}: the list did not change`)), 10_000);
    const check = () => {
      const now = text();
      if (now !== before && root.querySelectorAll('article').length > 0) {
        clearTimeout(timer);
        observer.disconnect();
        requestAnimationFrame(() => resolve());
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(root, { subtree: true, childList: true, characterData: true });
  });
  return performance.now() - start;
};

const bigRows: string[][] = [];
for (const rate of part('big') ? THROTTLES : []) {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  const cdp = await throttled(page, rate);
  await page.goto(`${stack.shop.url}/big`);
  await page.waitForFunction(
    () =>
      (document.querySelector('[data-koubei="reviews"]')?.shadowRoot?.querySelectorAll('article')
        .length ?? 0) > 0,
  );
  const firstPage = await page.evaluate(() => performance.now());
  const nodes = await page.evaluate(COUNT_NODES);
  const heapStart = await heapAfterGc(cdp);
  const changes: number[] = [];
  const cycle = ['next', 'next', 'previous', 'previous', 'five-stars', 'five-stars'] as const;
  let heapAt50 = 0;
  let objectsAt50 = 0;
  for (let i = 0; i < 100; i++) {
    changes.push(await page.evaluate(TIME_CHANGE, cycle[i % cycle.length]!));
    if (i === 49) {
      heapAt50 = await heapAfterGc(cdp);
      objectsAt50 = await jsObjectBytes(cdp);
    }
  }
  const heapEnd = await heapAfterGc(cdp);
  const objectsAdded = (await jsObjectBytes(cdp)) - objectsAt50;
  const detached = await detachedDom(cdp);
  const nodesAfter = await page.evaluate(COUNT_NODES);
  bigRows.push([
    `${rate}x CPU`,
    `${nodes.widget} (${nodesAfter.widget} after 100 changes)`,
    f(firstPage, 0),
    f(median(changes)),
    f(Math.max(...changes)),
    `${f(heapStart, 2)} → ${f(heapAt50, 2)} → ${f(heapEnd, 2)}`,
    f(objectsAdded / 1024),
    `${detached.trees} / ${detached.nodes}`,
  ]);
  await context.close();
}
if (bigRows.length)
  printTable(
    `A product with ${BIG_PRODUCT_REVIEWS.toLocaleString('en')} reviews (page size 10): 100 page and filter changes`,
    [
      'throttle',
      'widget DOM nodes',
      'first page shown ms (from navigation)',
      'change median ms',
      'change max ms',
      'JS heap MB after GC: start → 50 → 100 changes',
      'JS objects 50 → 100 KB (code aside)',
      'detached DOM kept: trees / nodes',
    ],
    bigRows,
  );

// Mount/unmount cycles in a single-page app: 100 times remove every widget of
// the product page and add them back through window.Koubei, reading the heap
// after GC at 0, 50 and 100 cycles. The first cycles raise it once and for
// all: V8 compiles the unmount and remount paths to optimized code (with
// --js-flags="--no-opt --no-maglev --no-sparkplug" the heap is flat from the
// tenth cycle on, and heap snapshots at 10, 100 and 300 cycles hold the same
// JS objects). So 50 → 100 is the growth that would show a leak, and any DOM
// still alive though detached from the page (a removed widget somebody holds)
// is counted too: there should be none.

/** One navigation: <main> replaced by a copy whose placeholders are empty again. */
const SPA_CYCLE = async () => {
  const main = document.querySelector('main')!;
  const copy = main.cloneNode(true) as HTMLElement;
  for (const el of copy.querySelectorAll('[data-koubei]')) el.replaceChildren();
  const koubei = (window as unknown as { Koubei: { mount(root: ParentNode): void } }).Koubei;
  main.replaceWith(copy);
  koubei.mount(copy);
  await new Promise((resolve) => setTimeout(resolve, 150));
};

if (part('spa')) {
  const context = await newContext(browser, { width: 1280, height: 4000 });
  const page = await context.newPage();
  const cdp = await throttled(page, 1);
  await page.goto(`${stack.shop.url}/product/with`);
  await page.waitForLoadState('networkidle');
  const heap = [await heapAfterGc(cdp)];
  const objects: number[] = [];
  for (let i = 1; i <= 100; i++) {
    await page.evaluate(SPA_CYCLE);
    if (i % 50 === 0) {
      // Let the last cycle's requests and renders finish before reading.
      await page.waitForTimeout(500);
      heap.push(await heapAfterGc(cdp));
      objects.push(await jsObjectBytes(cdp));
    }
  }
  const [start = 0, at50 = 0, at100 = 0] = heap;
  const [objectsAt50 = 0, objectsAt100 = 0] = objects;
  const detached = await detachedDom(cdp);
  printTable(
    'Single-page app: 100 cycles replacing every widget of the product page (7 widgets)',
    [
      'JS heap MB after GC: start → 50 → 100 cycles',
      'growth 0 → 50 MB',
      'growth 50 → 100 MB',
      'JS objects 50 → 100 KB (code aside)',
      'detached DOM kept after 100: trees / nodes',
    ],
    [
      [
        `${f(start, 2)} → ${f(at50, 2)} → ${f(at100, 2)}`,
        f(at50 - start, 2),
        f(at100 - at50, 2),
        f((objectsAt100 - objectsAt50) / 1024),
        `${detached.trees} / ${detached.nodes}`,
      ],
    ],
  );
  console.log(
    '\nThe first cycles compile the unmount and remount paths to optimized code, once; a leak would show in JS objects and detached DOM.',
  );
  await context.close();
}

await browser.close();

// ---------------------------------------------------------------------------
// Lighthouse, mobile preset (simulated slow 4G and 4x CPU), its own Chromium.
if (part('lighthouse')) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: CHROMIUM_FLAGS,
  });
  const score = async (url: string) => {
    const scores: number[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await lighthouse(url, {
        port: chrome.port,
        onlyCategories: ['performance'],
        logLevel: 'error',
      });
      scores.push(Math.round((result?.lhr.categories.performance?.score ?? 0) * 100));
    }
    return median(scores);
  };
  const rows: string[][] = [];
  for (const name of Object.keys(pages)) {
    const without = await score(`${stack.shop.url}/${name}/without`);
    const withK = await score(`${stack.shop.url}/${name}/with`);
    rows.push([name, String(withK), String(without), String(withK - without)]);
  }
  printTable(
    'Lighthouse 12 mobile performance score, median of 3',
    ['page', 'with Koubei', 'without', 'difference'],
    rows,
  );
  chrome.kill();
}

await stack.close();
