import { defineConfig } from 'vitest/config';
import { koubeiCss } from './packages/widget/vite-koubei-css.ts';

// One test run for the whole workspace. The `koubei-source` condition makes
// workspace packages resolve to their TypeScript sources, so nothing is built
// before tests run.
export default defineConfig({
  resolve: { conditions: ['koubei-source'] },
  ssr: { resolve: { conditions: ['koubei-source'] } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'core', include: ['packages/core/test/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        plugins: [koubeiCss()],
        test: {
          name: 'widget',
          include: [
            'packages/widget/src/**/*.test.{ts,tsx}',
            'packages/widget/test/**/*.test.{ts,tsx}',
          ],
          environment: 'happy-dom',
          setupFiles: ['packages/widget/vitest.setup.ts'],
          // Widgets read their CSS as text (see vite-koubei-css.ts); let Vite produce it.
          css: { include: [/.+/] },
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['packages/server/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'widget-e2e',
          include: ['packages/widget/e2e/**/*.e2e.test.ts', 'packages/server/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['packages/widget/e2e/build-cdn.ts', 'packages/server/e2e/build-console.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'demo-e2e',
          include: ['packages/demo/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['packages/demo/e2e/global-setup.ts'],
          testTimeout: 60_000,
          // The global setup seeds the demo store (photos included) on embedded PGlite.
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
