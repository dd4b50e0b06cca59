// @vitest-environment node
// The bundle scan must fire: real msw, fast-check and Testing Library code,
// bundled and minified the way a careless import would ship them, and
// planted sinks, are all reported; Preact's own renderer is not.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { scanSource } from '../../scripts/scan-bundles.ts';

const packageDir = (name: string) => fileURLToPath(new URL(`../../../${name}`, import.meta.url));

async function bundle(contents: string, resolveDir: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

const whatOf = (source: string) => new Set(scanSource('planted.js', source).map((f) => f.what));

describe('bundle scan', () => {
  it.each([
    [
      'msw',
      `import { http, HttpResponse } from 'msw'; export const h = http.get('/x', () => HttpResponse.json(1));`,
      'core',
    ],
    [
      'fast-check',
      `import fc from 'fast-check'; export const r = () => fc.assert(fc.property(fc.integer(), (n) => n === n));`,
      '..',
    ],
    [
      '@testing-library',
      `import { render, screen } from '@testing-library/preact'; export const g = (v) => (render(v), screen.getByText('x'));`,
      'widget',
    ],
  ])('finds %s bundled into a file', { timeout: 60_000 }, async (library, contents, dir) => {
    const source = await bundle(contents, packageDir(dir));
    expect(source.length).toBeGreaterThan(10_000);
    expect(whatOf(source)).toContain(library);
  });

  it('finds every planted sink', () => {
    const planted = [
      'a.innerHTML=b;',
      'x.outerHTML = y;',
      'n.insertAdjacentHTML("beforeend",s);',
      'eval(code);',
      'const f=new Function("return 1");',
      'Function("return this")();',
      'setTimeout("alert(1)",1);',
      'document.write("<p>");',
      "el.setAttribute('style','color:red');",
      'frame.srcdoc=html;',
    ].join('\n');
    expect([...whatOf(planted)].sort()).toEqual(
      [
        'innerHTML',
        'outerHTML write',
        'insertAdjacentHTML',
        'eval',
        'new Function',
        'Function constructor',
        'string timer',
        'document.write',
        "setAttribute('style')",
        'srcdoc',
      ].sort(),
    );
  });

  it("passes Preact's renderer (its dangerouslySetInnerHTML branch is unreachable for us)", async () => {
    const source = await bundle(
      `import { h, render } from 'preact'; export const m = (el) => render(h('p', null, 'hi'), el);`,
      packageDir('widget'),
    );
    expect(source).toContain('innerHTML');
    expect(scanSource('preact.js', source)).toEqual([]);
  });
});
