import { defineConfig } from 'vitest/config';

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
    ],
  },
});
