import type { Meta, StoryObj } from '@storybook/preact-vite';
import { framed } from '../shared/framed.tsx';
import type { Scenario } from '../stories/fixture-api.ts';
import { INVITE_LANDING } from '../stories/fixtures.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import { InviteLanding } from './InviteLanding.tsx';

const Framed = framed(InviteLanding);

interface Args {
  scenario: Scenario;
  code: string;
  placement: 'overlay' | 'inline';
}

const meta: Meta<Args> = {
  title: 'Widgets/Invite landing',
  args: { scenario: 'normal', code: INVITE_LANDING.code, placement: 'overlay' },
  argTypes: {
    scenario: { control: 'select', options: ['normal', 'ended', 'error', 'loading'] },
    placement: { control: 'inline-radio', options: ['overlay', 'inline'] },
  },
  render: ({ scenario, code, placement }, { globals }) => (
    <Framed
      koubei={storyKoubei(scenario, globals.locale)}
      code={code}
      placement={placement}
      theme={globals.theme}
    />
  ),
};
export default meta;

type Story = StoryObj<typeof meta>;
/** Floats at the bottom of the window: the shop's layout does not move. */
export const Default: Story = {};
/** Placed in the page, for shops that reserve room for it. */
export const Inline: Story = { args: { placement: 'inline' } };
/** An unknown code shows nothing (and no error). */
export const UnknownCode: Story = { args: { code: 'NOSUCHCODE' } };
/** The programme has ended: nothing shows. */
export const ProgrammeEnded: Story = { args: { scenario: 'ended' } };
export const Chinese: Story = { globals: { locale: 'zh-CN' } };
export const Dark: Story = { globals: { theme: 'dark' } };
