// What Koubei costs a storefront, measured in headless Chromium (Debian's,
// driven by playwright-core) against the same pages without Koubei, in the
// same run: script time, long tasks, blocking time, layout shift (desktop and
// mobile viewports, with the elements that moved), requests before the first
// widget paints, heap, and the Lighthouse mobile performance score with the
// metrics behind it. "cost" and "lighthouse" measure the demo shop's own pages
// (packages/demo), each with and without Koubei (`?koubei=off`); "scale",
// "big" and "spa" use the pages of bench/stack.ts (they need the product with
// 10 000 reviews). A benchmark: it prints tables and never fails on speed.
// Run through `pnpm bench`; it builds what the demo serves itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { buildDemo } from '../packages/demo/src/build.ts';
import type { DemoStack } from '../packages/demo/src/stack.ts';
import { startDemoStack } from '../packages/demo/src/stack.ts';
import {
  CHROMIUM,
  CHROMIUM_FLAGS,
  detachedDom,
  launchChromium,
} from '../packages/widget/e2e/browser.ts';
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

/**
 * Collects from the very start of the page: long tasks, long animation frames
 * (with the time Koubei's own scripts ran in each), layout shifts with the
 * elements that moved, and the first widget paint.
 */
const OBSERVE = () => {
  const bench = {
    longTasks: [] as number[],
    koubeiInLongFrames: [] as number[],
    cls: 0,
    shifts: [] as { value: number; moved: string[] }[],
    firstWidgetPaint: -1,
  };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  // A long task is the page's as much as Koubei's; a long animation frame
  // names the scripts that ran in it, so Koubei's share can be told apart.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      scripts: { sourceURL: string; duration: number }[];
    })[]) {
      const koubei = entry.scripts
        .filter((script) => script.sourceURL.includes('/cdn/'))
        .reduce((sum, script) => sum + script.duration, 0);
      bench.koubeiInLongFrames.push(koubei);
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  const describe = (node: Node | null | undefined): string => {
    if (!node) return 'a node in a shadow root';
    const el = node instanceof Element ? node : node.parentElement;
    if (!el) return node.nodeName;
    const kind = el.getAttribute('data-koubei');
    const classes =
      typeof el.className === 'string' && el.className
        ? `.${el.className.trim().split(/\s+/).join('.')}`
        : '';
    return `${el.localName}${el.id ? `#${el.id}` : ''}${classes}${kind ? `[data-koubei=${kind}]` : ''}`;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Node | null }[];
    })[]) {
      if (entry.hadRecentInput) continue;
      bench.cls += entry.value;
      bench.shifts.push({
        value: entry.value,
        moved: (entry.sources ?? []).map((source) => describe(source.node)),
      });
    }
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

/** A window size; `mobile` emulates a phone (meta viewport, touch) at its pixel ratio. */
interface Screen {
  readonly width: number;
  readonly height: number;
  readonly mobile?: { readonly deviceScaleFactor: number };
}
const DESKTOP: Screen = { width: 1280, height: 900 };
/** Lighthouse's mobile preset: a Moto G Power, 412 × 823 CSS px at 1.75 device pixels per px. */
const MOBILE: Screen = { width: 412, height: 823, mobile: { deviceScaleFactor: 1.75 } };

/**
 * A fresh browser context. tsx compiles this file with esbuild's keepNames,
 * which wraps functions in `__name(...)`; functions sent to the page need it too.
 */
async function newContext(browser: Browser, viewport: Screen = DESKTOP) {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    ...(viewport.mobile
      ? { deviceScaleFactor: viewport.mobile.deviceScaleFactor, isMobile: true, hasTouch: true }
      : {}),
  });
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  return context;
}

interface LoadResult {
  scriptMs: number;
  taskMs: number;
  longTasks: number;
  maxLongTask: number;
  blockingMs: number;
  /** The most time Koubei's scripts ran inside one long animation frame. */
  maxKoubeiInLongFrame: number;
  cls: number;
  /** Layout shifts, each with what moved. */
  shifts: { value: number; moved: string[] }[];
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
  stack: { readonly apiUrl: string },
  url: string,
  rate: number,
  viewport: Screen = DESKTOP,
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
        __bench: {
          longTasks: number[];
          koubeiInLongFrames: number[];
          cls: number;
          shifts: { value: number; moved: string[] }[];
          firstWidgetPaint: number;
        };
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
    maxKoubeiInLongFrame: Math.max(0, ...observed.koubeiInLongFrames),
    cls: observed.cls,
    shifts: observed.shifts,
    firstWidgetPaint: observed.firstWidgetPaint,
    koubeiRequestsBeforePaint: observed.resources
      .filter(koubei)
      .map((name) => new URL(name).pathname.replace(/-[\w-]{8}\.js$/, '.js')),
    heapMb,
  };
}

async function loads(
  browser: Browser,
  stack: { readonly apiUrl: string },
  url: string,
  rate: number,
  viewport: Screen = DESKTOP,
) {
  const results: LoadResult[] = [];
  for (let i = 0; i < LOADS; i++) results.push(await loadOnce(browser, stack, url, rate, viewport));
  const m = (key: keyof Omit<LoadResult, 'koubeiRequestsBeforePaint' | 'shifts'>) =>
    median(results.map((r) => r[key]));
  // What moved, summed over every load: element → total shift score.
  const moved = new Map<string, number>();
  for (const { shifts } of results)
    for (const shift of shifts) {
      const what = [...new Set(shift.moved)].join(' + ') || 'nothing named';
      moved.set(what, (moved.get(what) ?? 0) + shift.value / results.length);
    }
  return {
    scriptMs: m('scriptMs'),
    taskMs: m('taskMs'),
    longTasks: m('longTasks'),
    maxLongTask: Math.max(...results.map((r) => r.maxLongTask)),
    blockingMs: m('blockingMs'),
    maxKoubeiInLongFrame: Math.max(...results.map((r) => r.maxKoubeiInLongFrame)),
    cls: Math.max(...results.map((r) => r.cls)),
    moved: [...moved].sort((a, b) => b[1] - a[1]),
    firstWidgetPaint: m('firstWidgetPaint'),
    requests: results[0]!.koubeiRequestsBeforePaint,
    heapMb: m('heapMb'),
  };
}

/** Starts the demo shop (built fresh) on a new data directory and free ports. */
async function startDemo(): Promise<DemoStack & { dispose(): Promise<void> }> {
  await buildDemo();
  const dataDir = mkdtempSync(join(tmpdir(), 'koubei-bench-demo-'));
  const demo = await startDemoStack({ dataDir, apiPort: 0, shopPort: 0 });
  return Object.assign(demo, {
    async dispose() {
      await demo.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** The demo shop's pages the "cost" and "lighthouse" parts measure. */
const DEMO_PAGES = [
  { name: 'home', path: '/en/' },
  { name: 'listing', path: '/en/products' },
  { name: 'product', path: '/en/products/teapot-celadon' },
] as const;
const withoutKoubei = (url: string) => `${url}${url.includes('?') ? '&' : '?'}koubei=off`;

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
const demo = part('cost') || part('lighthouse') ? await startDemo() : undefined;

// Page cost on the demo shop's pages: each page with Koubei and the same page
// with `?koubei=off`, at desktop and mobile sizes and two CPU speeds.
const SCREENS = [
  ['desktop 1280×900', DESKTOP],
  ['mobile 412×823', MOBILE],
] as const;
const costRows: string[][] = [];
const requestNotes: string[] = [];
const shiftNotes: string[] = [];
if (part('cost') && demo) {
  for (const { name, path } of DEMO_PAGES) {
    for (const [screen, viewport] of SCREENS) {
      for (const rate of THROTTLES) {
        const url = `${demo.shopUrl}${path}`;
        const without = await loads(browser, demo, withoutKoubei(url), rate, viewport);
        const withK = await loads(browser, demo, url, rate, viewport);
        const row = `${name}, ${screen.split(' ')[0]}, ${rate}x CPU`;
        costRows.push([
          row,
          `${f(withK.scriptMs)} (${f(without.scriptMs)})`,
          f(withK.scriptMs - without.scriptMs),
          `${withK.longTasks} / ${f(withK.maxLongTask, 0)} (${without.longTasks} / ${f(without.maxLongTask, 0)})`,
          f(withK.longTasks - without.longTasks, 0),
          f(withK.maxKoubeiInLongFrame, 0),
          f(withK.blockingMs - without.blockingMs),
          `${f(withK.cls, 4)} (${f(without.cls, 4)})`,
          f(withK.cls - without.cls, 4),
          f(withK.firstWidgetPaint, 0),
          String(withK.requests.length),
          f(withK.heapMb - without.heapMb, 2),
        ]);
        if (rate === 1 && screen === SCREENS[0][0])
          requestNotes.push(`${name}: ${withK.requests.join(', ')}`);
        for (const [label, result] of [
          ['with Koubei', withK],
          ['without', without],
        ] as const) {
          const top = result.moved.filter(([, value]) => value >= 0.0005).slice(0, 4);
          if (top.length)
            shiftNotes.push(
              `${row}, ${label}: ${top.map(([what, value]) => `${what} ${f(value, 4)}`).join('; ')}`,
            );
        }
      }
    }
  }
}
if (costRows.length) {
  printTable(
    `Page cost on the demo shop (${DEMO_PAGES.map((p) => p.path).join(', ')}): median of ${LOADS} fresh loads, with Koubei (without it, \`?koubei=off\`, in brackets); "added" = with − without`,
    [
      'page, screen, CPU',
      'script ms',
      'script added',
      'long tasks >50 ms: median count / longest ms',
      'long tasks added',
      'Koubei script in one long frame, max ms',
      'blocking added ms',
      'CLS, worst load',
      'CLS added',
      'first widget paint ms',
      'Koubei requests before it',
      'heap added MB',
    ],
    costRows,
  );
  console.log(
    '\n"Koubei script in one long frame": the most time scripts from /cdn/ ran inside one long animation frame (a frame over 50 ms, which may hold several tasks), from the frame\'s script attribution. Long tasks count the page\'s own work too: the same page without Koubei (first layout, its images) is in the brackets.',
  );
}
if (requestNotes.length) {
  console.log('\nKoubei requests before the first widget painted (desktop, 1x):');
  for (const note of requestNotes) console.log(`  ${note}`);
}
if (costRows.length) {
  console.log('\nWhat moved (layout-shift sources, mean shift score per load):');
  for (const note of shiftNotes.length ? shiftNotes : ['nothing']) console.log(`  ${note}`);
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
// Lighthouse, mobile preset (simulated slow 4G and 4x CPU), its own Chromium,
// on the demo shop's pages with and without Koubei. Besides the score it
// prints each metric's value and score, and the points it costs: Lighthouse
// 12 weighs FCP 10 %, SI 10 %, LCP 25 %, TBT 30 %, CLS 25 %.
const METRICS = [
  { id: 'first-contentful-paint', short: 'FCP', unit: 'ms' },
  { id: 'largest-contentful-paint', short: 'LCP', unit: 'ms' },
  { id: 'speed-index', short: 'SI', unit: 'ms' },
  { id: 'total-blocking-time', short: 'TBT', unit: 'ms' },
  { id: 'cumulative-layout-shift', short: 'CLS', unit: '' },
] as const;
if (part('lighthouse') && demo) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: CHROMIUM_FLAGS,
  });
  /** Median of 3 runs: the score, and per metric its value, score (0–1) and weight. */
  const audit = async (url: string) => {
    const runs: NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'][] = [];
    for (let i = 0; i < 3; i++) {
      const result = await lighthouse(url, {
        port: chrome.port,
        onlyCategories: ['performance'],
        logLevel: 'error',
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      runs.push(result.lhr);
    }
    const weights = new Map(
      runs[0]!.categories.performance!.auditRefs.map((ref) => [ref.id, ref.weight]),
    );
    return {
      score: median(runs.map((lhr) => Math.round((lhr.categories.performance?.score ?? 0) * 100))),
      metrics: METRICS.map(({ id }) => ({
        value: median(runs.map((lhr) => lhr.audits[id]?.numericValue ?? NaN)),
        score: median(runs.map((lhr) => lhr.audits[id]?.score ?? 0)),
        weight: weights.get(id) ?? 0,
      })),
    };
  };
  const scoreRows: string[][] = [];
  const metricRows: string[][] = [];
  for (const { name, path } of DEMO_PAGES) {
    const url = `${demo.shopUrl}${path}`;
    const without = await audit(withoutKoubei(url));
    const withK = await audit(url);
    scoreRows.push([
      name,
      String(withK.score),
      String(without.score),
      String(withK.score - without.score),
    ]);
    METRICS.forEach(({ short, unit }, i) => {
      const w = withK.metrics[i]!;
      const o = without.metrics[i]!;
      const value = (v: number) => (unit === 'ms' ? `${f(v, 0)} ms` : f(v, 3));
      // Points of the 0–100 score this metric loses with Koubei (weights sum to 100).
      const lost = (o.score - w.score) * w.weight;
      metricRows.push([
        `${name} ${short}`,
        `${value(w.value)} (${value(o.value)})`,
        unit === 'ms' ? `${f(w.value - o.value, 0)} ms` : f(w.value - o.value, 3),
        `${f(w.score, 2)} (${f(o.score, 2)})`,
        f(lost, 1),
      ]);
    });
  }
  printTable(
    'Lighthouse 12 mobile performance score on the demo shop, median of 3',
    ['page', 'with Koubei', 'without', 'difference'],
    scoreRows,
  );
  printTable(
    'Lighthouse mobile metrics, median of 3: with Koubei (without in brackets)',
    ['page, metric', 'value', 'added', 'metric score', 'score points lost'],
    metricRows,
  );
  chrome.kill();
}

await demo?.dispose();
await stack.close();
