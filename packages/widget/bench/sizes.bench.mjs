// Sizes of everything Koubei ships, next to peer libraries bundled and
// measured the same way in the same run. A benchmark: it prints tables and
// never fails on size (the budgets live in scripts/check-size.mjs and
// scripts/check-npm-size.mjs). Needs the builds: `pnpm build` first, or run it
// through `pnpm bench` from the repository root, which builds.
//
//   node packages/widget/bench/sizes.bench.mjs

import { join } from 'node:path';
import { bundleCost } from '../scripts/bundle-cost.mjs';
import { KB, brotli, gzip, readCdnBuild } from '../scripts/cdn-files.mjs';
import { printTable as table } from '../../../bench/table.mjs';

const widgetDir = join(import.meta.dirname, '..');
const modules = join(widgetDir, 'node_modules');
const cdn = readCdnBuild(join(widgetDir, 'dist', 'cdn'));

const kb = (bytes) => (bytes / KB).toFixed(2);
const sum = (names, key) => names.reduce((total, name) => total + cdn.files.get(name)[key], 0);
const sizesOf = (names) => ({
  raw: sum(names, 'raw'),
  gzip: sum(names, 'gzip'),
  brotli: sum(names, 'brotli'),
});
const fileNamed = (pattern) => [...cdn.files.keys()].find((name) => pattern.test(name));

// ---------------------------------------------------------------------------
// The script tag: what a page with one kind of widget downloads. Widget
// chunks are named after their folder (vite.cdn.config.ts). A page with a
// widget other than the star badge loads the first-paint files, the chunk
// registry, the widget's chunk with its static imports, and the API client.

const widgetChunks = [...cdn.files.keys()].filter((name) => /^widget-[A-Z]\w+-/.test(name));
const registry = fileNamed(/^widget-chunks-/);
const clientChunk = fileNamed(/^client-chunk-/);
const union = (...lists) => [...new Set(lists.flat())];

const pages = [['star badges only (first paint)', cdn.firstPaint]];
for (const chunk of widgetChunks.sort()) {
  const widget = /^widget-(\w+)-/.exec(chunk)[1];
  pages.push([
    `page with ${widget}`,
    union(cdn.firstPaint, [registry], cdn.staticClosure(chunk), cdn.staticClosure(clientChunk)),
  ]);
}
const allFiles = [...cdn.files.keys()];
const cssBytes = Buffer.from(cdn.cssTexts.join('\n'));

const scriptTagRows = [
  ['loader koubei.js', ...Object.values(sizesOf(['koubei.js'])).map(kb), 1],
  ...pages.map(([label, names]) => [label, ...Object.values(sizesOf(names)).map(kb), names.length]),
  [`all widget JS`, ...Object.values(sizesOf(allFiles)).map(kb), allFiles.length],
  [
    `CSS (inside the chunks, ${cdn.cssTexts.length} sheets)`,
    kb(cssBytes.length),
    kb(gzip(cssBytes)),
    kb(brotli(cssBytes)),
    0,
  ],
];
table(
  'Koubei script tag (dist/cdn), KB of 1024 bytes',
  ['what a page loads', 'raw', 'gzip', 'brotli', 'files'],
  scriptTagRows,
);

// ---------------------------------------------------------------------------
// npm: what `import { X } from '@koubei/widget'` adds to an app's bundle,
// with Preact and signals included (an app without them) and excluded (an
// app that already has them).

const COMPONENTS = [
  'Stars',
  'RatingSummary',
  'ReviewList',
  'ReviewCarousel',
  'PhotoGallery',
  'TestimonialWall',
  'FriendsRecommended',
  'ReviewForm',
  'InvitePanel',
];
const PREACT = ['preact', 'preact/*', '@preact/signals', '@preact/signals-core'];
const npmRows = [];
for (const name of [...COMPONENTS, COMPONENTS.join(', ')]) {
  const source = `export { ${name} } from '@koubei/widget';`;
  const alone = await bundleCost(source, { resolveDir: widgetDir });
  const withPreact = await bundleCost(source, { resolveDir: widgetDir, external: PREACT });
  npmRows.push([
    name.includes(',') ? 'all components' : name,
    kb(alone.js.gzip),
    kb(alone.js.brotli),
    kb(withPreact.js.gzip),
  ]);
}
table(
  "npm: `import { X } from '@koubei/widget'` (esbuild, minified), KB",
  ['import', 'gzip', 'brotli', 'gzip without Preact'],
  npmRows,
);

// ---------------------------------------------------------------------------
// Peers, bundled from npm the same way, with their style sheets.

const peers = [
  {
    name: 'preact + hooks + signals (floor)',
    source: `export * from 'preact'; export * from 'preact/hooks'; export * from '@preact/signals';`,
  },
  {
    name: 'star-rating.js 4 (stars only)',
    source: `export { default } from 'star-rating.js';`,
    css: [join(modules, 'star-rating.js/dist/star-rating.css')],
  },
  {
    name: 'embla-carousel 8 (carousel engine)',
    source: `export { default } from 'embla-carousel';`,
  },
  {
    name: 'swiper 14 (core carousel)',
    source: `export { default } from 'swiper';`,
    css: [join(modules, 'swiper/swiper.css')],
  },
  {
    name: 'photoswipe 5 (lightbox + core)',
    source: `export { default as Lightbox } from 'photoswipe/lightbox'; export { default } from 'photoswipe';`,
    css: [join(modules, 'photoswipe/dist/photoswipe.css')],
  },
];
const peerCost = new Map();
for (const peer of peers) {
  const cost = await bundleCost(peer.source, { resolveDir: widgetDir, cssFiles: peer.css ?? [] });
  peerCost.set(peer.name, cost);
}
table(
  'Peer libraries from npm (esbuild, minified; CSS minified), KB',
  ['package', 'JS gzip', 'JS brotli', 'CSS gzip'],
  peers.map((p) => {
    const c = peerCost.get(p.name);
    return [p.name, kb(c.js.gzip), kb(c.js.brotli), kb(c.css.gzip)];
  }),
);

// ---------------------------------------------------------------------------
// Side by side. Koubei's figures include fetching, validating and rendering
// the shop's data, translations and theming; the peers are view libraries
// that a shop would still have to feed with data and style.

const pageGzip = (label) => sizesOf(pages.find(([l]) => l === label)[1]).gzip;
const peerGzip = (name) => peerCost.get(name).js.gzip + peerCost.get(name).css.gzip;
const floor = peerCost.get(peers[0].name).js.gzip;
const comparisons = [
  [
    'star badge page vs star-rating.js',
    pageGzip('star badges only (first paint)'),
    'star-rating.js 4 (stars only)',
  ],
  [
    'carousel page vs embla-carousel',
    pageGzip('page with ReviewCarousel'),
    'embla-carousel 8 (carousel engine)',
  ],
  ['carousel page vs swiper', pageGzip('page with ReviewCarousel'), 'swiper 14 (core carousel)'],
  [
    'gallery page vs photoswipe',
    pageGzip('page with PhotoGallery'),
    'photoswipe 5 (lightbox + core)',
  ],
];
table(
  'Koubei (script tag, JS + CSS inside) vs peer (+ Preact floor, since a peer view still needs a UI layer to show reviews), gzip KB',
  ['comparison', 'Koubei', 'peer', 'peer + floor', 'ratio to peer + floor'],
  comparisons.map(([label, ours, peer]) => [
    label,
    kb(ours),
    kb(peerGzip(peer)),
    kb(peerGzip(peer) + floor),
    `${(ours / (peerGzip(peer) + floor)).toFixed(2)}x`,
  ]),
);
