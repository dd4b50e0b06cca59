import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { koubeiCss } from '../widget/vite-koubei-css.ts';

/**
 * The developer page (app/): a small Preact app that imports the widgets from
 * `@koubei/widget`, as a frontend developer's app would. Inside this
 * workspace the package resolves to its TypeScript sources (the
 * `koubei-source` condition, with the widgets' CSS plugin), so nothing has to
 * be built first; an app outside it gets the package's dist/npm build.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./app/', import.meta.url)),
  base: '/app/',
  plugins: [koubeiCss()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { conditions: ['koubei-source', 'browser', 'module', 'import', 'default'] },
  build: {
    outDir: fileURLToPath(new URL('./dist/app/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The shop's CSP has no 'unsafe-inline': keep every script and style in files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  logLevel: 'warn',
});
