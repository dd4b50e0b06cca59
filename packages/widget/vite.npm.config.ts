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
      external: [/^preact(\/|$)/, /^@preact\/signals/, /^@koubei\/core/, /^valibot/, /^uqr/],
      // One file per source module: the package is free of side effects
      // (package.json `sideEffects`), so an app's bundler drops every module
      // of widgets it does not import. Bundled into one file, the style
      // registrations at the top of each module kept everything alive:
      // `import { Stars }` cost 132 KB minified.
      output: { preserveModules: true, preserveModulesRoot: 'src' },
    },
  },
});
