import type { Meta, StoryObj } from '@storybook/preact-vite';
import { framed } from '../shared/framed.tsx';
import type { Scenario } from '../stories/fixture-api.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import { RatingSummary } from './RatingSummary.tsx';

const Framed = framed(RatingSummary);

const meta: Meta<{ scenario: Scenario; tokens?: Record<string, string> }> = {
  title: 'Widgets/Rating summary',
  args: { scenario: 'normal', tokens: {} },
  argTypes: {
    scenario: { control: 'select', options: ['normal', 'one', 'empty', 'loading', 'error'] },
    tokens: {
      control: 'object',
      description: 'Theme tokens, e.g. {"--koubei-color-star": "#be123c"}',
    },
  },
  render: ({ scenario }, { globals }) => (
    <Framed
      koubei={storyKoubei(scenario, globals.locale)}
      product="teapot-celadon"
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
export const Chinese: Story = { globals: { locale: 'zh-CN' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const RightToLeft: Story = { globals: { dir: 'rtl' } };
