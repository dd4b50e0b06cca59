import type { Meta, StoryObj } from '@storybook/preact-vite';
import { framed } from '../shared/framed.tsx';
import type { KoubeiServices } from '../shared/services.ts';
import type { Scenario } from '../stories/fixture-api.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import { PhotoGallery } from './PhotoGallery.tsx';

const Framed = framed(PhotoGallery);

/** The 'one' fixture is one review with two photos; keep only the first, for the single-photo lightbox. */
function firstPhotoOnly(koubei: KoubeiServices): KoubeiServices {
  return {
    ...koubei,
    client: async () => {
      const client = await koubei.client();
      return {
        ...client,
        getMedia: async (...args: Parameters<typeof client.getMedia>) => {
          const page = await client.getMedia(...args);
          return { ...page, data: { ...page.data, items: page.data.items.slice(0, 1) } };
        },
      };
    },
  };
}

type Args = { scenario: Scenario; onePhoto?: boolean; tokens?: Record<string, string> };

const meta: Meta<Args> = {
  title: 'Widgets/Photo gallery',
  args: { scenario: 'normal', onePhoto: false, tokens: {} },
  argTypes: {
    scenario: {
      control: 'select',
      options: ['normal', 'many-photos', 'one', 'empty', 'loading', 'error'],
    },
    onePhoto: { control: 'boolean', description: 'Show only the first photo' },
    tokens: {
      control: 'object',
      description: 'Theme tokens, e.g. {"--koubei-color-accent": "#0f766e"}',
    },
  },
  render: ({ scenario, onePhoto }, { globals }) => {
    const koubei = storyKoubei(scenario, globals.locale);
    return (
      <Framed
        koubei={onePhoto ? firstPhotoOnly(koubei) : koubei}
        product="teapot-celadon"
        theme={globals.theme}
      />
    );
  },
};
export default meta;

type Story = StoryObj<typeof meta>;
export const Default: Story = {};
/** 72 photos in the fixtures; the API's page holds 50. */
export const ManyPhotos: Story = { args: { scenario: 'many-photos' } };
export const OnePhoto: Story = { args: { scenario: 'one', onePhoto: true } };
export const NoPhotos: Story = { args: { scenario: 'empty' } };
export const Loading: Story = { args: { scenario: 'loading' } };
export const ServerError: Story = { args: { scenario: 'error' } };
export const Chinese: Story = { globals: { locale: 'zh-CN' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const RightToLeft: Story = { globals: { dir: 'rtl' } };
