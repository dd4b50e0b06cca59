import { fileURLToPath } from 'node:url';
import { vanillaExtractPlugin } from '@vanilla-extract/vite-plugin';
import { defineConfig } from 'vite';

/**
 * The merchant console: a static single-page app the server serves at
 * /console/ (see src/http/console-files.ts). Workspace packages resolve to
 * their sources, like everywhere else in the repository.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./console', import.meta.url)),
  base: '/console/',
  resolve: { conditions: ['koubei-source'] },
  plugins: [vanillaExtractPlugin()],
  build: {
    outDir: fileURLToPath(new URL('./dist/console', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // No inline module-preload polyfill: the console's CSP allows scripts from its own origin only.
    modulePreload: { polyfill: false },
    // The vanilla-extract transform is most of a small build; no need to say so on every run.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  logLevel: 'warn',
});
