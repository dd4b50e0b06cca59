import type { Meta, StoryObj } from '@storybook/preact-vite';
import { ALL_MESSAGES, createTranslator, emptySummary } from '@koubei/core';
import { WidgetRoot } from '../shared/WidgetRoot.tsx';
import { makeReviews, summaryOf } from '../stories/fixtures.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import type { StarsViewProps } from './StarsView.tsx';
import { StarsView } from './StarsView.tsx';

type Args = Omit<StarsViewProps, 't'> & { tokens?: Record<string, string> };

const meta: Meta<Args> = {
  title: 'Widgets/Stars',
  args: { summary: summaryOf(makeReviews(64)), size: 'medium', href: '#reviews', tokens: {} },
  argTypes: {
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
    tokens: {
      control: 'object',
      description: 'Theme tokens, e.g. {"--koubei-color-star": "#e11d48"}',
    },
  },
  render: ({ tokens: _tokens, ...args }, { globals }) => (
    <WidgetRoot koubei={storyKoubei('normal', globals.locale)} theme={globals.theme}>
      <StarsView
        {...args}
        t={createTranslator({ locale: globals.locale, messages: ALL_MESSAGES })}
      />
    </WidgetRoot>
  ),
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const Small: Story = { args: { size: 'small' } };
export const Large: Story = { args: { size: 'large' } };
export const Loading: Story = { args: { summary: null } };
export const NoReviewsHidden: Story = { args: { summary: emptySummary('new-kettle') } };
export const NoReviewsShown: Story = {
  args: { summary: emptySummary('new-kettle'), showEmpty: true },
};
export const OneReview: Story = { args: { summary: summaryOf(makeReviews(1)) } };
export const ThemedStars: Story = {
  args: { tokens: { '--koubei-color-star': '#be123c', '--koubei-font-size-small': '16px' } },
};
export const UnsafeLinkDropped: Story = { args: { href: 'javascript:alert(1)' } };
