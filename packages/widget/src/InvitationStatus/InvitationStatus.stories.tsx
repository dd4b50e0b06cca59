import type { Meta, StoryObj } from '@storybook/preact-vite';
import { framed } from '../shared/framed.tsx';
import type { Scenario } from '../stories/fixture-api.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import { InvitationStatus } from './InvitationStatus.tsx';

const Framed = framed(InvitationStatus);

const meta: Meta<{ scenario: Scenario }> = {
  title: 'Widgets/Invitation status',
  args: { scenario: 'normal' },
  argTypes: {
    scenario: {
      control: 'select',
      options: ['normal', 'one', 'empty', 'long', 'hostile', 'ended', 'loading', 'error'],
    },
  },
  render: ({ scenario }, { globals }) => (
    <Framed
      koubei={storyKoubei(scenario, globals.locale)}
      customerToken="story-status-token"
      theme={globals.theme}
    />
  ),
};
export default meta;

type Story = StoryObj<typeof meta>;
/** Five friends, one at each step; rewards earned and the next tier. */
export const Default: Story = {};
export const OneInvitation: Story = { args: { scenario: 'one' } };
export const NoInvitations: Story = { args: { scenario: 'empty' } };
export const ManyInvitations: Story = { args: { scenario: 'long' } };
/** Markup and a direction override in a masked name: shown as isolated text. */
export const HostileText: Story = { args: { scenario: 'hostile' } };
/** The programme has ended: the history stays, the next tier goes. */
export const ProgrammeEnded: Story = { args: { scenario: 'ended' } };
export const Loading: Story = { args: { scenario: 'loading' } };
export const ServerError: Story = { args: { scenario: 'error' } };
export const Chinese: Story = { globals: { locale: 'zh-CN' } };
export const Dark: Story = { globals: { theme: 'dark' } };
