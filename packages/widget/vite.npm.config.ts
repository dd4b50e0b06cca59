import { defineConfig } from 'vite';
import { koubeiCss } from './vite-koubei-css.ts';

/**
 * The npm build: `dist/npm/index.js` (ES module, no side effects, Preact and
 * @koubei/core left to the app) and `dist/npm/style.css`. Types come from
 * `tsc -p tsconfig.build.json`.
 */
export default defineConfig({
  plugins: [koubeiCss({ stylesheet: 'style.css' })],
  resolve: { conditions: ['koubei-source'] },
  build: {
    outDir: 'dist/npm',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    cssMinify: 'esbuild',
    lib: { entry: { index: 'src/index.ts' }, formats: ['es'] },
    rollupOptions: {
      external: [/^preact(\/|$)/, /^@preact\/signals/, /^@koubei\/core/, /^valibot/],
    },
  },
});
