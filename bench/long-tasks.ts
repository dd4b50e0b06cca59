// What fills the long tasks on a benchmark page: loads it once in headless
// Chromium with a performance trace and prints, for every main-thread task
// over 50 ms, the time spent per kind of work (compile, evaluate, microtasks,
// style, layout, paint) and per script URL. A diagnostic for the page-cost
// benchmark; it prints and never fails.
//
//   pnpm --filter @koubei/widget build:cdn
//   pnpm exec tsx --conditions koubei-source bench/long-tasks.ts [listing|product|scale] [cpu rate]
import { launchChromium } from '../packages/widget/e2e/browser.ts';
import {
  PRODUCTS,
  listingBody,
  productBody,
  scaleBody,
  shopPage,
  startBenchStack,
} from './stack.ts';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; functionName?: string; frame?: string } };
}

interface CpuProfile {
  nodes: {
    id: number;
    children?: number[];
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const which = (process.argv[2] ?? 'product') as 'listing' | 'product' | 'scale';
const rate = Number(process.argv[3] ?? 4);
const product = PRODUCTS[0]!;
const bodies = {
  listing: () => listingBody(),
  product: () => productBody(product.id, product.en),
  scale: () => scaleBody(),
};

const stack = await startBenchStack();
stack.shop.page(
  '/trace',
  shopPage({ withKoubei: true, apiUrl: stack.apiUrl, title: which, body: bodies[which]() }),
);
const browser = await launchChromium();
const context = await browser.newContext({
  viewport: which === 'scale' ? { width: 1280, height: 30_000 } : { width: 1280, height: 900 },
});
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await browser.startTracing(page, {
  categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute'],
});
await page.goto(`${stack.shop.url}/trace`, { waitUntil: 'load' });
await page.waitForLoadState('networkidle');
await page.waitForTimeout(500);
const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
  traceEvents: TraceEvent[];
};
const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
await browser.close();
await stack.close();

// The renderer's main thread is the one that ran the page's scripts.
const events = trace.traceEvents.filter((e) => e.ph === 'X');
const mainThread = events.find((e) => e.name === 'EvaluateScript' || e.name === 'v8.run');
const onMain = events.filter((e) => e.pid === mainThread?.pid && e.tid === mainThread.tid);
const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 50_000);
const start = Math.min(...onMain.map((e) => e.ts));

const KINDS = new Set([
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'EvaluateScript',
  'FunctionCall',
  'TimerFire',
  'RunMicrotasks',
  'EventDispatch',
  'FireAnimationFrame',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'ParseHTML',
  'ParseAuthorStyleSheet',
  'PrePaint',
  'Layerize',
  'MajorGC',
  'MinorGC',
]);
console.log(`${which} page at ${rate}x CPU: ${tasks.length} tasks over 50 ms`);
for (const task of tasks) {
  const end = task.ts + task.dur!;
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end);
  const byKind = new Map<string, number>();
  const byUrl = new Map<string, number>();
  for (const e of inside) {
    if (!KINDS.has(e.name)) continue;
    // Only the outermost event of each kind counts (compiles nest in calls).
    const nested = inside.some(
      (o) =>
        o !== e && o.name === e.name && o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0),
    );
    if (nested) continue;
    byKind.set(e.name, (byKind.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    const url = e.args?.data?.url;
    if (url) {
      const short = new URL(url, 'http://x').pathname.replace(/-[\w-]{8}\.js$/, '.js');
      byUrl.set(short, (byUrl.get(short) ?? 0) + (e.dur ?? 0) / 1000);
    }
  }
  const top = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([k, ms]) => `${k} ${ms.toFixed(0)}`)
      .join(', ');
  // JavaScript samples inside the task, by function (self time).
  const byFunction = new Map<string, number>();
  let t = profile.startTime;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
  // JavaScript samples by the Koubei file nearest the top of the stack that is
  // a widget or chunk of its own (not Preact inside the runtime): whose work it was.
  const byOwner = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i]!;
    if (t < task.ts || t > end) return;
    const frame = nodes.get(id)!;
    const file = frame.url
      ? new URL(frame.url, 'http://x').pathname.replace(/-[\w-]{8}\.js$/, '.js')
      : '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber}:${frame.columnNumber}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + profile.timeDeltas[i]! / 1000);
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const owner = /\/cdn\/(widget-\w+|[\w-]+?)(?:-[\w-]{8})?\.js$/.exec(nodes.get(at)!.url)?.[1];
      if (owner && owner !== 'runtime' && owner !== 'hooks' && owner !== 'take-turn') {
        byOwner.set(owner, (byOwner.get(owner) ?? 0) + profile.timeDeltas[i]! / 1000);
        break;
      }
    }
  });
  console.log(
    `\n${((task.ts - start) / 1000).toFixed(0)} ms: task ${(task.dur! / 1000).toFixed(0)} ms\n  by kind: ${top(byKind)}\n  by url:  ${top(byUrl)}\n  js self: ${top(byFunction)}\n  js by owner: ${top(byOwner)}`,
  );
}
