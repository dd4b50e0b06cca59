// What a bundle of some imports costs an app: the snippet is bundled the way
// an app's bundler would (esbuild: tree shaking, package.json `sideEffects`,
// minified ES module), then measured raw, gzip -9 and brotli -11. Used by the
// size budget for the npm package (check-npm-size.mjs) and by the size
// benchmark (bench/sizes.bench.mjs), which also bundles peer libraries with it.

import { build, transform } from 'esbuild';
import { readFileSync } from 'node:fs';
import { brotli, gzip } from './cdn-files.mjs';

/**
 * Bundles `source` (an ES module, resolved from `resolveDir`) and returns the
 * sizes of its JS and of the CSS files named in `cssFiles` (the style sheets
 * a page would link, minified here so every package is measured alike).
 */
export async function bundleCost(source, { resolveDir, external = [], cssFiles = [] }) {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    external,
  });
  const js = result.outputFiles[0].contents;
  const minifiedCss = await Promise.all(
    cssFiles.map(async (file) => {
      const { code } = await transform(readFileSync(file, 'utf8'), { loader: 'css', minify: true });
      return Buffer.from(code);
    }),
  );
  const css = Buffer.concat(minifiedCss);
  return {
    js: { raw: js.length, gzip: gzip(js), brotli: brotli(js) },
    css: {
      raw: css.length,
      gzip: css.length ? gzip(css) : 0,
      brotli: css.length ? brotli(css) : 0,
    },
  };
}
