// First paint of a page of five reviews: Koubei's ReviewList (the npm build,
// as an app bundles it) against a hand-written plain-DOM renderer of the
// same page, in blocks that alternate in the same page of headless Chromium.
//
// A fair baseline builds what Koubei builds. Until 2026-11-22 the plain side
// made about 8 nodes per card (no list heading, sort or filters, no pager,
// stars as text) against Koubei's ~30, and none of the checks. Now it builds
// the same visible content with the same accessibility: list heading, sort
// select, filter buttons with aria-pressed, per card the star row as one
// named image (role="img" + "Rated 4 out of 5"), title heading the article
// is labelled by, reviewer name in <bdi>, <time datetime> with an
// Intl-formatted relative date and the full date as its title, verified
// badge, incentive disclosure, text with "Read more" over 420 characters,
// aspect ratings, photos behind https-only URLs, the shop's reply, the
// helpful-vote group with pressed state, then the pager with its live range
// and the disclosure line. Buttons work through one delegated listener (how
// one would write it by hand) and it has its own small stylesheet.
//
// What is timed, on both sides, starts from the API's JSON text already in
// memory (the real server's response, fetched once), so the network is out
// of it:
// - Koubei: rendering <ReviewList> until the five cards are laid out. That
//   includes its client's read (ky, Response.text, JSON.parse, valibot
//   validation, the cache), Preact, the loading skeleton it paints first,
//   hooks and effects, and unmounting. Not included: module evaluation and
//   the style sheet (both once per page load: style.css sits in a
//   <style> of the page), and making the client and services, which an app
//   does once; a fresh pair per render is made before each timed block, so
//   no cache answers for a render.
// - plain: JSON.parse, validation of the page against the same valibot
//   schema Koubei's client uses (API_ROUTES.reviews.response), building the
//   DOM, layout, and removing it. A third row, "plain, no validation", is the
//   same renderer trusting the JSON, for readers who want that comparison.
// Two measures: main-thread time (Chromium's TaskDuration over a block, per
// render: the cost to the page) and wall time from the call to a forced
// layout with the cards in it (the latency, which includes Koubei waiting for
// its asynchronous read and the frames in between).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../packages/widget/e2e/browser.ts';
import { PRODUCTS, startBenchStack } from './stack.ts';
import { median, printTable } from './table.mjs';

const RUNS = 15; // per block
const BLOCKS = 4; // per renderer, alternating
const WARMUP = 5;
const KINDS = ['koubei', 'plain', 'plain-unchecked'] as const;
type Kind = (typeof KINDS)[number];
const widgetDir = fileURLToPath(new URL('../packages/widget/', import.meta.url));

/**
 * In the page: the renderers, exposed as window.__renderBench, and
 * window.__prepareKoubei, which makes fresh services outside the timed block.
 * (Plain JavaScript in a string, bundled by esbuild: no template literals.)
 */
const PAGE_MODULE = `
import { h, render } from 'preact';
import { ReviewList, createKoubei } from '@koubei/widget';
import { API_ROUTES, createKoubeiClient, validate } from '@koubei/core';

const API = 'http://127.0.0.1:9/';
const waitFor = (root, ready) =>
  new Promise((resolve) => {
    if (ready()) return resolve();
    const observer = new MutationObserver(() => {
      if (ready()) { observer.disconnect(); resolve(); }
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true });
  });

// ----- Koubei -----------------------------------------------------------------
const prepared = [];
window.__prepareKoubei = (responses, runs) => {
  for (let i = 0; i < runs; i++) {
    // A new client per render: its cache must not answer for it.
    const client = createKoubeiClient({
      apiBase: API,
      store: 'tea-house',
      fetch: async (input) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        const text = responses[url.pathname.endsWith('/summaries') ? 'summaries' : 'reviews'];
        return new Response(text, { headers: { 'content-type': 'application/json' } });
      },
    });
    prepared.push(createKoubei({ apiBase: API, store: 'tea-house', client, locale: 'en' }));
  }
};

async function koubei(container, product) {
  const services = prepared.shift();
  if (!services) throw new Error('call __prepareKoubei first');
  const start = performance.now();
  render(h(ReviewList, { koubei: services, product, pageSize: 5 }), container);
  await waitFor(container, () => container.querySelectorAll('article').length >= 5);
  void container.offsetHeight;
  const ms = performance.now() - start;
  render(null, container);
  return ms;
}

// ----- plain DOM, written by hand -----------------------------------------------
const SVG = 'http://www.w3.org/2000/svg';
const STAR = 'l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6-5.9-3.3-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z';
const FIVE_STARS = [12, 36, 60, 84, 108].map((x) => 'M' + x + ' 2.5' + STAR).join('');
const numbers = new Intl.NumberFormat('en');
const longDate = new Intl.DateTimeFormat('en', { dateStyle: 'long' });
const relativeTime = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400],
  ['hour', 3600], ['minute', 60], ['second', 1]];
const ASPECTS = { quality: 'Quality', value: 'Value', service: 'Service', delivery: 'Delivery',
  experience: 'Experience', brand: 'Brand' };
const SORTS = [['helpful', 'Most helpful'], ['newest', 'Newest'], ['oldest', 'Oldest'],
  ['highest', 'Highest rating'], ['lowest', 'Lowest rating']];
const FILTERS = ['5 stars', '4 stars', '3 stars', '2 stars', '1 star', 'With photos',
  'Verified purchases', 'In my language'];
const QUESTION = 'Was this review helpful?';
const COLLAPSE_AFTER = 400;

function relative(time, now) {
  const seconds = Math.round((time - now) / 1000);
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) || ['second', 1];
  return relativeTime.format(Math.round(seconds / size), unit);
}
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
function button(className, text, pressed) {
  const node = el('button', className, text);
  node.type = 'button';
  if (pressed !== undefined) node.setAttribute('aria-pressed', String(pressed));
  return node;
}
function photoUrl(value) {
  try {
    const url = new URL(value);
    const loopback = url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
    return url.protocol === 'https:' || loopback ? url.href : null;
  } catch {
    return null;
  }
}
function stars(rating) {
  const row = document.createElementNS(SVG, 'svg');
  row.setAttribute('class', 'plain-stars');
  row.setAttribute('viewBox', '0 0 120 24');
  row.setAttribute('role', 'img');
  row.setAttribute('aria-label', 'Rated ' + rating + ' out of 5');
  const empty = document.createElementNS(SVG, 'path');
  empty.setAttribute('d', FIVE_STARS);
  const filled = document.createElementNS(SVG, 'svg');
  filled.setAttribute('class', 'plain-filled');
  filled.setAttribute('width', Math.min(100, Math.max(0, rating * 20)) + '%');
  filled.append(empty.cloneNode());
  row.append(empty, filled);
  return row;
}
function userText(parent, text, id) {
  const chars = Array.from(text);
  const long = chars.length > COLLAPSE_AFTER + 20;
  const p = el('p', 'plain-text', long ? chars.slice(0, COLLAPSE_AFTER).join('').trimEnd() + '…' : text);
  p.dir = 'auto';
  if (id) p.id = id;
  parent.append(p);
  if (long) {
    const more = button('plain-more', 'Read more');
    more.setAttribute('aria-expanded', 'false');
    if (id) more.setAttribute('aria-controls', id);
    more.dataset.full = text;
    parent.append(more);
  }
}
function card(review, now) {
  const id = 'plain-review-' + review.id;
  const article = el('article', 'plain-card');
  article.setAttribute('aria-labelledby', id + '-title');
  const title = el('h3', 'plain-title', review.title || 'By ' + review.authorName);
  title.id = id + '-title';
  title.dir = 'auto';
  const meta = el('div', 'plain-meta');
  meta.append(el('bdi', 'plain-author', review.authorName));
  const time = Date.parse(review.createdAt);
  if (Number.isFinite(time)) {
    const date = el('time', '', relative(time, now));
    date.dateTime = review.createdAt;
    date.title = longDate.format(time);
    meta.append(date);
  }
  if (review.verifiedPurchase) meta.append(el('span', 'plain-badge', 'Verified purchase'));
  article.append(stars(review.rating), title, meta);
  if (review.incentive) {
    const note = 'Received an incentive for this review';
    article.append(el('p', 'plain-note', review.incentive.disclosure ? note + ' — ' + review.incentive.disclosure : note));
  }
  userText(article, review.body, id);
  if (review.aspects.length > 0) {
    const list = el('ul', 'plain-aspects');
    list.setAttribute('aria-label', 'Ratings by aspect');
    for (const { aspect, rating } of review.aspects) list.append(el('li', '', ASPECTS[aspect] + ' ' + rating + '/5'));
    article.append(list);
  }
  const photos = review.media.filter((m) => m.kind === 'photo' && photoUrl(m.url));
  if (photos.length > 0) {
    const list = el('ul', 'plain-photos');
    list.setAttribute('aria-label', 'Photos in this review');
    photos.forEach((photo, index) => {
      const open = button('plain-photo');
      open.setAttribute('aria-label', 'Open photo ' + (index + 1) + ' of ' + photos.length);
      const img = el('img', 'plain-photo-img');
      img.src = (photo.thumbnailUrl && photoUrl(photo.thumbnailUrl)) || photoUrl(photo.url);
      img.width = photo.width;
      img.height = photo.height;
      img.alt = photo.alt;
      img.loading = 'lazy';
      img.decoding = 'async';
      img.referrerPolicy = 'no-referrer';
      open.append(img);
      const item = document.createElement('li');
      item.append(open);
      list.append(item);
    });
    article.append(list);
  }
  if (review.reply) {
    const reply = el('div', 'plain-reply');
    reply.append(el('p', 'plain-reply-label', 'Reply from the shop'));
    userText(reply, review.reply.body);
    article.append(reply);
  }
  const votes = el('div', 'plain-votes');
  votes.setAttribute('role', 'group');
  votes.setAttribute('aria-label', QUESTION);
  const question = el('span', '', QUESTION);
  question.setAttribute('aria-hidden', 'true');
  votes.append(
    question,
    button('plain-vote', 'Helpful (' + numbers.format(review.helpfulCount) + ')', false),
    button('plain-vote', 'Not helpful (' + numbers.format(review.unhelpfulCount) + ')', false),
  );
  article.append(votes);
  return article;
}
// Filters, votes and "Read more" work; the rest of a real list (requests) is out of scope.
function onClick(event) {
  const target = event.target.closest('button');
  if (!target) return;
  if (target.hasAttribute('aria-pressed')) {
    target.setAttribute('aria-pressed', String(target.getAttribute('aria-pressed') !== 'true'));
  } else if (target.dataset.full) {
    const expanded = target.getAttribute('aria-expanded') === 'true';
    target.setAttribute('aria-expanded', String(!expanded));
    target.textContent = expanded ? 'Read more' : 'Show less';
  }
}
function reviewList(page, now) {
  const root = el('div', 'plain-root');
  root.lang = 'en';
  const section = el('section', 'plain-list');
  section.setAttribute('aria-labelledby', 'plain-reviews');
  const heading = el('h2', 'plain-heading', 'Customer reviews');
  heading.id = 'plain-reviews';
  heading.tabIndex = -1;
  const toolbar = el('div', 'plain-toolbar');
  const sort = el('label', 'plain-label', 'Sort by');
  const select = el('select', 'plain-select');
  for (const [value, text] of SORTS) {
    const option = el('option', '', text);
    option.value = value;
    select.append(option);
  }
  sort.append(select);
  const filters = el('fieldset', 'plain-chips');
  filters.append(el('legend', 'plain-hidden', 'Filter reviews'));
  for (const text of FILTERS) filters.append(button('plain-chip', text, false));
  toolbar.append(sort, filters);
  const items = el('ul', 'plain-items');
  items.setAttribute('aria-busy', 'false');
  for (const review of page.items) {
    const item = document.createElement('li');
    item.append(card(review, now));
    items.append(item);
  }
  const pager = el('nav', 'plain-pager');
  pager.setAttribute('aria-label', 'Review pages');
  const previous = button('plain-quiet', 'Previous reviews');
  previous.disabled = true;
  const range = el('span', '', 'Reviews 1–' + page.items.length);
  range.setAttribute('role', 'status');
  pager.append(previous, range, button('plain-next', 'More reviews'));
  section.append(heading, toolbar, items, pager, el('p', 'plain-disclosure', 'How reviews are collected and checked'));
  section.addEventListener('click', onClick);
  root.append(section);
  return root;
}
function plain(container, responses, checked) {
  const start = performance.now();
  const json = JSON.parse(responses.reviews);
  let page = json;
  if (checked) {
    const result = validate(API_ROUTES.reviews.response, json);
    if (!result.ok) throw new Error(result.message);
    page = result.value;
  }
  container.append(reviewList({ ...page, items: page.items.slice(0, 5) }, Date.now()));
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
    times.push(kind === 'koubei' ? await koubei(container, product) : plain(container, responses, kind === 'plain'));
    await new Promise((r) => setTimeout(r, 10));
  }
  return times;
};
`;

/** The plain renderer's own styles: the same layout as Koubei's list, written by hand. */
const PLAIN_CSS = `
  .plain-root { display: block; box-sizing: border-box; color: #1f2937; background: #fff;
    font: 14px/1.5 system-ui, sans-serif; text-align: start; overflow-wrap: anywhere; }
  .plain-root *, .plain-root *::before, .plain-root *::after { box-sizing: inherit; }
  .plain-root :focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
  .plain-list { display: flex; flex-direction: column; gap: 12px; }
  .plain-heading { margin: 0; font-size: 18px; }
  .plain-toolbar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
  .plain-label { display: flex; gap: 4px; align-items: center; font-size: 13px; }
  .plain-select, .plain-chip, .plain-vote, .plain-quiet, .plain-next, .plain-more { font: inherit; }
  .plain-select { padding: 4px 8px; border: 1px solid #d1d5db; border-radius: 6px; background: #fff; }
  .plain-chips { display: flex; flex-wrap: wrap; gap: 4px; border: 0; margin: 0; padding: 0; }
  .plain-chip, .plain-vote { border: 1px solid #d1d5db; border-radius: 999px; padding: 2px 12px;
    min-height: 28px; background: transparent; color: #1f2937; cursor: pointer; font-size: 13px; }
  .plain-chip[aria-pressed='true'], .plain-vote[aria-pressed='true'] { border-color: #b45309; color: #b45309; font-weight: 600; }
  .plain-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .plain-items { list-style: none; margin: 0; padding: 0; }
  .plain-card { display: grid; grid-template-columns: auto minmax(0, 1fr); align-items: center; gap: 8px;
    padding: 16px 0; border-bottom: 1px solid #e5e7eb; contain: content; }
  .plain-card > :nth-child(n + 3) { grid-column: 1 / -1; }
  .plain-stars { display: inline-block; vertical-align: middle; width: 70px; height: 14px; fill: currentColor; color: #d1d5db; }
  .plain-filled { color: #b45309; }
  .plain-title { margin: 0; font-size: 14px; font-weight: 600; justify-self: start; unicode-bidi: isolate; }
  .plain-meta { display: flex; flex-wrap: wrap; gap: 8px; color: #6b7280; font-size: 13px; }
  .plain-author { font-weight: 600; color: #1f2937; }
  .plain-badge { padding: 0 8px; border-radius: 999px; border: 1px solid #e5e7eb; color: #15803d; }
  .plain-note { margin: 0; color: #6b7280; font-size: 13px; }
  .plain-text { margin: 0; white-space: pre-line; unicode-bidi: isolate; }
  .plain-more { background: none; border: 0; padding: 0; color: #b45309; text-decoration: underline; cursor: pointer; }
  .plain-aspects, .plain-photos { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 0; padding: 0; list-style: none; font-size: 13px; }
  .plain-photo { display: block; padding: 0; width: 72px; height: 72px; border: 1px solid #e5e7eb; border-radius: 6px; overflow: hidden; cursor: zoom-in; }
  .plain-photo-img { display: block; width: 100%; height: 100%; object-fit: cover; }
  .plain-reply { margin-inline-start: 16px; padding: 8px; border-inline-start: 3px solid #b45309; background: #f9fafb; border-radius: 6px; }
  .plain-reply-label { margin: 0 0 4px; font-size: 13px; font-weight: 600; }
  .plain-votes { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; font-size: 13px; color: #6b7280; }
  .plain-pager { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
  .plain-quiet, .plain-next { padding: 6px 14px; border-radius: 6px; border: 1px solid #d1d5db; background: #fff; cursor: pointer; }
  .plain-next { background: #b45309; border-color: #b45309; color: #fff; }
  .plain-quiet:disabled { opacity: 0.6; cursor: default; }
  .plain-disclosure { margin: 0; font-size: 13px; color: #6b7280; }`;

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
  <style>${styles}${PLAIN_CSS}</style></head>
  <body><main id="stage" style="width: 720px"></main>
  <script type="module">${bundle.outputFiles[0]!.text.replaceAll('</script', '<\\/script')}</script></body></html>`,
);

const browser = await launchChromium();
const cpuRows: string[][] = [];
const wallRows: string[][] = [];
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
  type BenchWindow = {
    __renderBench(k: string, d: unknown, p: string, n: number): Promise<number[]>;
    __prepareKoubei(d: unknown, n: number): void;
  };
  const prepare = (runs: number) =>
    page.evaluate(([data, n]) => (window as unknown as BenchWindow).__prepareKoubei(data, n), [
      responses,
      runs,
    ] as const);
  const block = (kind: Kind, runs: number) =>
    page.evaluate(
      ([k, data, id, n]) => (window as unknown as BenchWindow).__renderBench(k, data, id, n),
      [kind, responses, product, runs] as const,
    );
  for (const kind of KINDS) {
    if (kind === 'koubei') await prepare(WARMUP);
    await block(kind, WARMUP);
  }
  const wall: Record<Kind, number[]> = { koubei: [], plain: [], 'plain-unchecked': [] };
  const cpu: Record<Kind, number[]> = { koubei: [], plain: [], 'plain-unchecked': [] };
  for (let i = 0; i < BLOCKS; i++) {
    for (const kind of KINDS) {
      if (kind === 'koubei') await prepare(RUNS);
      const before = await taskSeconds();
      wall[kind].push(...(await block(kind, RUNS)));
      cpu[kind].push((((await taskSeconds()) - before) * 1000) / RUNS);
    }
  }
  if (errors.length > 0) throw new Error(errors.join('; '));
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  const [ck, cp, cu] = KINDS.map((kind) => median(cpu[kind]));
  const [wk, wp, wu] = KINDS.map((kind) => median(wall[kind]));
  cpuRows.push([
    `${rate}x CPU`,
    ck!.toFixed(2),
    cp!.toFixed(2),
    ratio(ck!, cp!),
    cu!.toFixed(2),
    ratio(ck!, cu!),
  ]);
  wallRows.push([
    `${rate}x CPU`,
    wk!.toFixed(2),
    wp!.toFixed(2),
    ratio(wk!, wp!),
    wu!.toFixed(2),
    ratio(wk!, wu!),
  ]);
  await context.close();
}
await browser.close();
await stack.close();

const headers = (what: string) => [
  'throttle',
  `Koubei ${what} ms`,
  `plain ${what} ms`,
  'ratio',
  'plain, no validation ms',
  'ratio',
];
console.log(
  '\nThe same page of five reviews (list heading, sort, filters, cards, pager) built by Koubei and by hand;',
  'both parse the JSON and validate it with the same schema ("no validation" trusts it).',
);
printTable(
  `Main thread per render: ${BLOCKS} alternating blocks of ${RUNS} renders each, medians`,
  headers('main thread'),
  cpuRows,
);
printTable(
  'Wall time per render, from the call to the cards laid out, medians',
  headers('wall'),
  wallRows,
);
