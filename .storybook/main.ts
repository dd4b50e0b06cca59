import type { StorybookConfig } from '@storybook/preact-vite';
import { koubeiCss } from '../packages/widget/vite-koubei-css.ts';

const config: StorybookConfig = {
  framework: '@storybook/preact-vite',
  stories: ['../packages/widget/src/**/*.stories.tsx'],
  addons: ['@storybook/addon-a11y'],
  // Customer photos used by the fixture reviews.
  staticDirs: [{ from: '../packages/widget/src/stories/photos', to: '/photos' }],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    return {
      ...viteConfig,
      // Widgets read their CSS as text and adopt it in shadow roots, exactly as on a shop's page.
      plugins: [...(viteConfig.plugins ?? []), koubeiCss()],
      resolve: {
        ...viteConfig.resolve,
        conditions: ['koubei-source', 'browser', 'module', 'import', 'default'],
      },
    };
  },
};

export default config;
