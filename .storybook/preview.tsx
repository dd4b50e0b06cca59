import type { Preview } from '@storybook/preact-vite';
import { ShadowHost } from '../packages/widget/src/stories/ShadowHost.tsx';

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: { icon: 'globe', items: ['en', 'zh-CN'], dynamicTitle: true },
    },
    theme: {
      description: 'Widget theme',
      toolbar: { icon: 'contrast', items: ['light', 'dark', 'auto'], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction of the host page',
      toolbar: { icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light', dir: 'ltr' },
  // Every story renders inside a shadow root with the shared stylesheet, as the script tag does.
  decorators: [
    (Story, context) => (
      <ShadowHost
        theme={context.globals.theme}
        dir={context.globals.dir}
        tokens={context.args.tokens}
      >
        <Story />
      </ShadowHost>
    ),
  ],
  parameters: {
    a11y: { test: 'error' },
    layout: 'padded',
  },
};

export default preview;
