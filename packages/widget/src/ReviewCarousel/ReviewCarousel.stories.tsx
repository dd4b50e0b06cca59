import type { Meta, StoryObj } from '@storybook/preact-vite';
import { framed } from '../shared/framed.tsx';
import type { Scenario } from '../stories/fixture-api.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import { ReviewCarousel } from './ReviewCarousel.tsx';

const Framed = framed(ReviewCarousel);

interface Args {
  scenario: Scenario;
  minRating: number;
  limit: number;
  autoplay: boolean;
  tokens?: Record<string, string>;
}

const meta: Meta<Args> = {
  title: 'Widgets/Review carousel',
  args: { scenario: 'normal', minRating: 4, limit: 10, autoplay: false, tokens: {} },
  argTypes: {
    scenario: {
      control: 'select',
      options: ['normal', 'one', 'empty', 'long', 'many-photos', 'hostile', 'loading', 'error'],
    },
    minRating: { control: { type: 'range', min: 1, max: 5, step: 1 } },
    limit: { control: { type: 'range', min: 1, max: 50, step: 1 } },
    tokens: {
      control: 'object',
      description: 'Theme tokens, e.g. {"--koubei-color-accent": "#be123c"}',
    },
  },
  render: ({ scenario, minRating, limit, autoplay }, { globals }) => (
    <Framed
      koubei={storyKoubei(scenario, globals.locale)}
      product="teapot-celadon"
      minRating={minRating}
      limit={limit}
      autoplay={autoplay}
      theme={globals.theme}
    />
  ),
};
export default meta;

type Story = StoryObj<typeof meta>;
export const Default: Story = {};
export const OneReview: Story = { args: { scenario: 'one' } };
export const NoReviews: Story = { args: { scenario: 'empty' } };
export const Loading: Story = { args: { scenario: 'loading' } };
export const ServerError: Story = { args: { scenario: 'error' } };
export const LongText: Story = { args: { scenario: 'long' } };
/** Markup, a direction override in the author's name: all shown as plain text. */
export const HostileText: Story = { args: { scenario: 'hostile' } };
export const WithPhotos: Story = { args: { scenario: 'many-photos' } };
/** Rotates every 6 s; pauses on hover or focus, never under reduced motion. */
export const Autoplay: Story = { args: { autoplay: true } };
export const Chinese: Story = { globals: { locale: 'zh-CN' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const RightToLeft: Story = { globals: { dir: 'rtl' } };
