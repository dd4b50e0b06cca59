// Size budgets for the npm package (dist/npm), enforced in CI by `pnpm size`:
// what `import { X } from '@koubei/widget'` adds to an app's bundle. The
// package is built one file per module and free of side effects, so an app
// pays only for the components it imports; these budgets fail when that
// breaks (before it did, importing the star badge alone cost 132 KB raw).
// Needs `pnpm --filter @koubei/core build` and `pnpm --filter @koubei/widget build:npm`.

import { join } from 'node:path';
import { bundleCost } from './bundle-cost.mjs';
import { KB } from './cdn-files.mjs';

const widgetDir = join(import.meta.dirname, '..');

/** gzip -9 bytes of the esbuild-minified bundle, Preact and signals included. */
const BUDGETS = [
  { label: 'import { Stars }', source: "export { Stars } from '@koubei/widget';", gzip: 9 * KB },
  {
    label: 'import { ReviewList }',
    source: "export { ReviewList } from '@koubei/widget';",
    gzip: 17.5 * KB,
  },
  {
    // A ceiling against growth (measured 64.1 KB with the referral widgets and
    // the QR code library); an app importing everything also gets the client.
    label: 'import everything (components, createKoubei, theming)',
    source: "export * from '@koubei/widget';",
    gzip: 67 * KB,
  },
];

const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
console.log('\nnpm package budgets (esbuild bundle, minified, gzip -9, Preact included):');
let failed = 0;
for (const budget of BUDGETS) {
  let cost;
  try {
    cost = await bundleCost(budget.source, { resolveDir: widgetDir });
  } catch (error) {
    console.error(
      `check-npm-size: cannot bundle ${budget.label} (${error.message.split('\n')[0]}). ` +
        'Build first: pnpm --filter @koubei/core build && pnpm --filter @koubei/widget build:npm',
    );
    process.exit(1);
  }
  const ok = cost.js.gzip <= budget.gzip;
  if (!ok) failed++;
  console.log(
    `  ${ok ? 'ok  ' : 'OVER'} ${budget.label}: ${kb(cost.js.gzip)} of ${kb(budget.gzip)}` +
      (ok ? '' : ` — over by ${cost.js.gzip - budget.gzip} bytes`),
  );
}
if (failed > 0) {
  console.error(`\n${failed} npm size budget(s) exceeded.`);
  process.exit(1);
}
console.log('\nAll npm size budgets met.');
