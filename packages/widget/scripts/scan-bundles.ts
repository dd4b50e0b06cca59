// Scans what Koubei ships (dist/cdn, the script tag; dist/npm, the package)
// for the sinks the lint fences ban in our source, in case one arrives
// through a dependency or a build step, and for test-only libraries that
// must never reach a shop's page. Part of `pnpm size` (so of `pnpm test`):
//   tsx packages/widget/scripts/scan-bundles.ts [dir…]
// Exits 1 with every finding listed. Written by hand: a few regular
// expressions over minified files; no linter reads built bundles this way.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export interface Finding {
  readonly file: string;
  readonly what: string;
  readonly excerpt: string;
}

const SINKS: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'innerHTML', pattern: /innerHTML/g },
  { what: 'outerHTML write', pattern: /outerHTML\s*=(?!=)/g },
  { what: 'insertAdjacentHTML', pattern: /insertAdjacentHTML/g },
  { what: 'createContextualFragment', pattern: /createContextualFragment/g },
  { what: 'eval', pattern: /(?<![\w$.])eval\s*\(/g },
  { what: 'new Function', pattern: /new\s+Function\s*\(/g },
  { what: 'Function constructor', pattern: /(?<![\w$.])Function\s*\(\s*["'`]/g },
  { what: 'string timer', pattern: /set(?:Timeout|Interval)\s*\(\s*["'`]/g },
  { what: 'document.write', pattern: /document\.write(?:ln)?\s*\(/g },
  { what: "setAttribute('style')", pattern: /setAttribute\(\s*["'`]style["'`]/g },
  { what: 'srcdoc', pattern: /\.srcdoc\s*=(?!=)/g },
];

/** Strings that survive minification of each library (checked by bundling them, see the test). */
const TEST_ONLY_LIBRARIES: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'msw', pattern: /\[MSW\]|mockServiceWorker/g },
  { what: 'fast-check', pattern: /fast-check|Property failed after/g },
  {
    what: '@testing-library',
    pattern: /TestingLibraryElementError|@testing-library|Unable to find an element/g,
  },
  { what: 'story/test fixtures', pattern: /api\.koubei\.test|fixture-form-token|__koubeiCanary/g },
];

/**
 * Preact's renderer supports `dangerouslySetInnerHTML` (`el.innerHTML = props.__html`).
 * That branch ships, but no vnode of ours can reach it: the lint fence bans
 * the prop and prop spreading, and the hostile-content tests show API keys
 * never become props. Occurrences next to `__html` are that branch; any
 * other `innerHTML` is a finding.
 */
function isPreactDangerouslySetInnerHtml(source: string, index: number): boolean {
  return source.slice(Math.max(0, index - 120), index + 60).includes('__html');
}

export function scanSource(file: string, source: string): Finding[] {
  const findings: Finding[] = [];
  for (const { what, pattern } of [...SINKS, ...TEST_ONLY_LIBRARIES]) {
    for (const match of source.matchAll(pattern)) {
      const index = match.index;
      if (what === 'innerHTML' && isPreactDangerouslySetInnerHtml(source, index)) continue;
      findings.push({
        file,
        what,
        excerpt: source.slice(Math.max(0, index - 40), index + 40).replace(/\s+/g, ' '),
      });
    }
  }
  return findings;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return /\.(m?js)$/.test(name) ? [path] : [];
  });
}

export function scanDirectories(dirs: readonly string[]): { files: number; findings: Finding[] } {
  const files = dirs.flatMap((dir) => jsFiles(dir));
  const findings = files.flatMap((file) =>
    scanSource(relative(process.cwd(), file), readFileSync(file, 'utf8')),
  );
  return { files: files.length, findings };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = join(import.meta.dirname, '..', 'dist');
  const dirs =
    process.argv.length > 2 ? process.argv.slice(2) : [join(root, 'cdn'), join(root, 'npm')];
  const { files, findings } = scanDirectories(dirs);
  if (files === 0) {
    console.error(`scan-bundles: no .js files in ${dirs.join(', ')}; build first`);
    process.exit(1);
  }
  for (const finding of findings)
    console.error(`scan-bundles: ${finding.what} in ${finding.file}: …${finding.excerpt}…`);
  console.log(
    `scan-bundles: ${files} files scanned for ${SINKS.length} sinks and ${TEST_ONLY_LIBRARIES.length} test-only libraries: ${findings.length} findings`,
  );
  if (findings.length > 0) process.exit(1);
}
