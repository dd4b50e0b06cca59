// Size budgets for the script-tag build (dist/cdn), enforced in CI:
//   pnpm size            (from the repository root: builds dist/cdn, then runs this)
//   node scripts/check-size.mjs [dir]   (dir defaults to packages/widget/dist/cdn)
//
// Prints every .js file (raw, gzip -9, brotli -11; the files are already
// minified by the build) and exits 1 when a budget is exceeded. Plain Node,
// no dependencies. 1 KB = 1024 bytes throughout.

import { join, resolve } from 'node:path';
import { KB, brotli, gzip, readCdnBuild } from './cdn-files.mjs';

/** Budgets in bytes of gzip (level 9). */
const BUDGETS = {
  loader: 1.5 * KB,
  firstPaint: 12 * KB,
  // The product target for all widget JS is 27 KB and it is NOT met yet: the
  // libraries alone (Preact + hooks + signals + ky, measured 13.1 KB in one
  // bundle, plus valibot for response validation) leave too little for seven
  // widgets, the review form, the client, the loader and the runtime. Until
  // the client is made tree-shakable per route, this ceiling (measured total
  // 68.7 KB + ~3%) keeps the total from growing unnoticed; lower it whenever
  // the total drops. Every chunk loads only on pages that use its widget.
  // Raised from 71 KB when the referral widgets joined the script tag: the
  // invite panel (with its QR encoder, uqr, 3.8 KB alone, and the share
  // poster), the invitation status, the invitee landing banner and the
  // first-party invite keeper measured 69.0 → 84.1 KB in total. None of it
  // is on the first paint or on a page without those widgets.
  allJs: 86 * KB,
  css: 5 * KB,
};

/** Targets not yet met, printed next to the budgets so nobody mistakes the ceiling for the goal. */
const TARGETS = { allJs: 27 * KB };

const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'dist', 'cdn'));

function fail(message) {
  console.error(`\ncheck-size: ${message}`);
  process.exit(1);
}

let build;
try {
  build = readCdnBuild(dir);
} catch (error) {
  fail(error.message);
}
const { files, loader, runtime, firstPaint, cssTexts } = build;
const firstPaintSet = new Set(firstPaint);
const cssBytes = Buffer.from(cssTexts.join('\n'));

// ---------------------------------------------------------------------------
// Report

const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const rows = [...files.values()].sort(
  (a, b) =>
    Number(firstPaintSet.has(b.name)) - Number(firstPaintSet.has(a.name)) || b.gzip - a.gzip,
);
const nameWidth = Math.max(24, ...rows.map((r) => r.name.length + 2));
const line = (name, raw, gz, br) =>
  `${name.padEnd(nameWidth)}${raw.padStart(12)}${gz.padStart(14)}${br.padStart(14)}`;

console.log(`Koubei script-tag build: ${dir}`);
console.log(
  'Sizes in KB of 1024 bytes. gzip = level 9, brotli = quality 11. * = on the first paint.\n',
);
console.log(line('file', 'raw', 'min+gzip', 'brotli'));
console.log('-'.repeat(nameWidth + 40));
for (const r of rows) {
  const mark = firstPaintSet.has(r.name) ? '* ' : '  ';
  console.log(line(mark + r.name, kb(r.raw), kb(r.gzip), kb(r.brotli)));
}
const sum = (list, key) => list.reduce((total, f) => total + f[key], 0);
const all = [...files.values()];
const fp = firstPaint.map((name) => files.get(name));
console.log('-'.repeat(nameWidth + 40));
console.log(
  line('  first paint (sum)', kb(sum(fp, 'raw')), kb(sum(fp, 'gzip')), kb(sum(fp, 'brotli'))),
);
console.log(
  line('  all .js (sum)', kb(sum(all, 'raw')), kb(sum(all, 'gzip')), kb(sum(all, 'brotli'))),
);
console.log(
  line(
    `  CSS text (${cssTexts.length} sheets)`,
    kb(cssBytes.length),
    kb(gzip(cssBytes)),
    kb(brotli(cssBytes)),
  ),
);

const later = runtime.dynamicImports.filter((name) => !firstPaintSet.has(name));
console.log(`
First paint of a page with star badges, as expected requests:
  1. <script src=".../koubei.js"> (the shop's tag)
  2. once a placeholder nears the viewport, in parallel:
       GET ${runtime.name}   (import() from koubei.js)
       GET /v1/{store}/summaries?products=…   (one batched API request)
  3. ${
    firstPaint.length > 2
      ? `the runtime's static imports, discovered when it is parsed (another round trip):\n       ${firstPaint.slice(2).join('\n       ')}`
      : 'nothing more: the runtime has no static imports'
  }
  koubei.js + ${runtime.name} alone: ${kb(loader.gzip + runtime.gzip)} gzip; the other ${kb(
    sum(fp, 'gzip') - loader.gzip - runtime.gzip,
  )} are chunks the runtime imports statically (code Rollup shares with widget chunks).
  Loaded later, only when needed: ${later.join(', ') || '(none)'}; widget chunks through widget-chunks-*.js.
  CSS: no request; it is inside the chunks above and adopted as one constructable stylesheet.
  CSS heuristic: string literals starting with ".", ":host" or an at-rule, containing "{" and
  ending with "}" with balanced braces; self-check passed (root reset "all:initial" found).`);

// ---------------------------------------------------------------------------
// Budgets

const checks = [
  ['loader koubei.js', loader.gzip, BUDGETS.loader],
  [
    `first paint (koubei.js + runtime + its static imports, ${firstPaint.length} files)`,
    sum(fp, 'gzip'),
    BUDGETS.firstPaint,
  ],
  [`all widget JS (${all.length} files in dist/cdn)`, sum(all, 'gzip'), BUDGETS.allJs],
  ['CSS (extracted from the chunks)', gzip(cssBytes), BUDGETS.css],
];
console.log('\nBudgets (min+gzip, 1 KB = 1024 bytes):');
let failed = 0;
for (const [label, actual, budget] of checks) {
  const ok = actual <= budget;
  if (!ok) failed++;
  const verdict = ok ? 'ok  ' : 'OVER';
  const detail = ok
    ? `${kb(budget - actual)} to spare`
    : `over by ${kb(actual - budget)} (${actual - budget} bytes)`;
  console.log(`  ${verdict} ${label}: ${kb(actual)} of ${kb(budget)} — ${detail}`);
}
const allJsTotal = sum(all, 'gzip');
console.log(
  `  goal all widget JS ≤ ${kb(TARGETS.allJs)}: ${allJsTotal <= TARGETS.allJs ? 'met' : `not met yet (${kb(allJsTotal)})`}`,
);
if (failed > 0) {
  fail(
    `${failed} size budget${failed === 1 ? '' : 's'} exceeded (see OVER above). ` +
      'Shrink the code, move it off that path, or change the budget in scripts/check-size.mjs with a reason.',
  );
}
console.log('\nAll size budgets met.');
