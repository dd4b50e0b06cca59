// First paint of five review cards: Koubei's ReviewList (the npm build, as an
// app bundles it) against a hand-written plain-DOM renderer of the same
// reviews, in blocks that alternate in the same page of headless Chromium.
// Both start from the API's JSON text already in memory (the real server's
// response, fetched once), so the network is out of it; Koubei's figures
// include its client (parse, validate) and Preact. Two measures:
// main-thread time (Chromium's TaskDuration over a block, per render: the
// cost to the page) and wall time from the call to a forced layout with the
// cards in it (the latency, which includes Koubei waiting for frames).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../packages/widget/e2e/browser.ts';
import { PRODUCTS, startBenchStack } from './stack.ts';
import { median, printTable } from './table.mjs';

const RUNS = 15; // per block
const BLOCKS = 4; // per renderer, alternating
const WARMUP = 5;
const widgetDir = fileURLToPath(new URL('../packages/widget/', import.meta.url));

/** In the page: both renderers, exposed as window.__renderBench. */
const PAGE_MODULE = `
import { h, render } from 'preact';
import { ReviewList, createKoubei } from '@koubei/widget';
import { createKoubeiClient } from '@koubei/core';

const API = 'http://127.0.0.1:9/';
const waitFor = (root, ready) =>
  new Promise((resolve) => {
    if (ready()) return resolve();
    const observer = new MutationObserver(() => {
      if (ready()) { observer.disconnect(); resolve(); }
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true });
  });

async function koubei(container, responses, product) {
  // A new client per run: its cache must not answer for it.
  const client = createKoubeiClient({
    apiBase: API,
    store: 'tea-house',
    fetch: async (input) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const text = responses[url.pathname.endsWith('/summaries') ? 'summaries' : 'reviews'];
      return new Response(text, { headers: { 'content-type': 'application/json' } });
    },
  });
  const services = createKoubei({ apiBase: API, store: 'tea-house', client, locale: 'en' });
  const start = performance.now();
  render(h(ReviewList, { koubei: services, product, pageSize: 5 }), container);
  await waitFor(container, () => container.querySelectorAll('article').length >= 5);
  void container.offsetHeight;
  const ms = performance.now() - start;
  render(null, container);
  return ms;
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
function plain(container, responses) {
  const start = performance.now();
  const page = JSON.parse(responses.reviews);
  const list = document.createElement('section');
  for (const review of page.items.slice(0, 5)) {
    const card = document.createElement('article');
    card.className = 'plain-card';
    const head = document.createElement('header');
    const author = document.createElement('strong');
    author.textContent = review.authorName;
    const stars = document.createElement('span');
    stars.setAttribute('role', 'img');
    stars.setAttribute('aria-label', review.rating + ' out of 5 stars');
    stars.textContent = '★'.repeat(review.rating) + '☆'.repeat(5 - review.rating);
    const date = document.createElement('time');
    date.dateTime = review.createdAt;
    date.textContent = dateFormat.format(new Date(review.createdAt));
    head.append(author, stars, date);
    const title = document.createElement('h3');
    title.textContent = review.title;
    const body = document.createElement('p');
    body.textContent = review.body;
    const helpful = document.createElement('button');
    helpful.type = 'button';
    helpful.textContent = 'Helpful (' + review.helpfulCount + ')';
    card.append(head, title, body, helpful);
    if (review.reply) {
      const reply = document.createElement('blockquote');
      reply.textContent = review.reply.body;
      card.append(reply);
    }
    list.append(card);
  }
  container.append(list);
  void container.offsetHeight;
  const ms = performance.now() - start;
  container.replaceChildren();
  return ms;
}

// Runs one renderer \${runs} times in a row; returns each run's wall time.
window.__renderBench = async (kind, responses, product, runs) => {
  const container = document.getElementById('stage');
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(kind === 'koubei' ? await koubei(container, responses, product) : plain(container, responses));
    await new Promise((r) => setTimeout(r, 10));
  }
  return times;
};
`;

const bundle = await build({
  stdin: { contents: PAGE_MODULE, resolveDir: widgetDir, loader: 'js' },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
});
const styles = readFileSync(
  new URL('../packages/widget/dist/npm/style.css', import.meta.url),
  'utf8',
);

const stack = await startBenchStack();
const product = PRODUCTS[0]!.id;
const responses = {
  reviews: await (
    await fetch(`${stack.apiUrl}/v1/tea-house/products/${product}/reviews?limit=5`)
  ).text(),
  summaries: await (
    await fetch(`${stack.apiUrl}/v1/tea-house/summaries?products=${product}`)
  ).text(),
};
stack.shop.page(
  '/render',
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Render benchmark</title>
  <style>${styles}
  .plain-card { border-bottom: 1px solid #e5e7eb; padding: 12px 0; font: 14px/1.5 system-ui, sans-serif; }
  .plain-card header { display: flex; gap: 8px; align-items: baseline; }
  .plain-card h3 { font-size: 15px; margin: 4px 0; }
  .plain-card blockquote { margin: 8px 0 0 16px; color: #4b5563; }</style></head>
  <body><main id="stage" style="width: 720px"></main>
  <script type="module">${bundle.outputFiles[0]!.text.replaceAll('</script', '<\\/script')}</script></body></html>`,
);

const browser = await launchChromium();
const rows: string[][] = [];
for (const rate of [1, 4]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(`${stack.shop.url}/render`);
  await page.waitForFunction(() => '__renderBench' in window);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
  const block = (kind: 'koubei' | 'plain', runs: number) =>
    page.evaluate(
      ([k, data, id, n]) =>
        (
          window as unknown as {
            __renderBench(k: string, d: unknown, p: string, n: number): Promise<number[]>;
          }
        ).__renderBench(k, data, id, n),
      [kind, responses, product, runs] as const,
    );
  await block('koubei', WARMUP);
  await block('plain', WARMUP);
  const wall = { koubei: [] as number[], plain: [] as number[] };
  const cpu = { koubei: [] as number[], plain: [] as number[] };
  for (let i = 0; i < BLOCKS; i++) {
    for (const kind of ['koubei', 'plain'] as const) {
      const before = await taskSeconds();
      wall[kind].push(...(await block(kind, RUNS)));
      cpu[kind].push((((await taskSeconds()) - before) * 1000) / RUNS);
    }
  }
  if (errors.length > 0) throw new Error(errors.join('; '));
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  const [ck, cp, wk, wp] = [
    median(cpu.koubei),
    median(cpu.plain),
    median(wall.koubei),
    median(wall.plain),
  ];
  rows.push([
    `${rate}x CPU`,
    ck.toFixed(2),
    cp.toFixed(2),
    ratio(ck, cp),
    wk.toFixed(2),
    wp.toFixed(2),
    ratio(wk, wp),
  ]);
  await context.close();
}
await browser.close();
await stack.close();

printTable(
  `Five review cards from JSON in memory: ${BLOCKS} alternating blocks of ${RUNS} renders each, medians`,
  [
    'throttle',
    'Koubei main thread ms',
    'plain main thread ms',
    'ratio',
    'Koubei wall ms',
    'plain wall ms',
    'ratio',
  ],
  rows,
);
