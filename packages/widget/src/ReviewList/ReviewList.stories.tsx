import type { Meta, StoryObj } from '@storybook/preact-vite';
import { RatingSummary } from '../RatingSummary/RatingSummary.tsx';
import { framed } from '../shared/framed.tsx';
import type { Scenario } from '../stories/fixture-api.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import { ReviewList } from './ReviewList.tsx';

const List = framed(ReviewList);
const Summary = framed(RatingSummary);

const meta: Meta<{ scenario: Scenario; pageSize: number; tokens?: Record<string, string> }> = {
  title: 'Widgets/Review list',
  args: { scenario: 'normal', pageSize: 5, tokens: {} },
  argTypes: {
    scenario: {
      control: 'select',
      options: ['normal', 'one', 'long', 'many-photos', 'hostile', 'empty', 'loading', 'error'],
    },
    pageSize: { control: { type: 'number', min: 1, max: 50 } },
    tokens: {
      control: 'object',
      description: 'Theme tokens, e.g. {"--koubei-color-accent": "#0f766e"}',
    },
  },
  render: ({ scenario, pageSize }, { globals }) => (
    <List
      koubei={storyKoubei(scenario, globals.locale)}
      product="teapot-celadon"
      pageSize={pageSize}
      theme={globals.theme}
      disclosureHref="https://shop.example/review-policy"
    />
  ),
};
export default meta;

type Story = StoryObj<typeof meta>;
export const Default: Story = {};
export const OneReview: Story = { args: { scenario: 'one' } };
export const LongText: Story = { args: { scenario: 'long' } };
export const ManyPhotos: Story = { args: { scenario: 'many-photos' } };
export const HostileText: Story = { args: { scenario: 'hostile' } };
export const NoReviews: Story = { args: { scenario: 'empty' } };
export const Loading: Story = { args: { scenario: 'loading' } };
export const ServerError: Story = { args: { scenario: 'error' } };
export const Chinese: Story = { globals: { locale: 'zh-CN' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const RightToLeft: Story = { globals: { dir: 'rtl' } };

/** The summary's bars filter the list below them: both read one product state. */
export const WithSummary: Story = {
  render: ({ scenario }, { globals }) => {
    const koubei = storyKoubei(scenario, globals.locale);
    return (
      <>
        <Summary koubei={koubei} product="teapot-celadon" theme={globals.theme} />
        <List koubei={koubei} product="teapot-celadon" pageSize={5} theme={globals.theme} />
      </>
    );
  },
};
