import type { Reward } from '@koubei/core';
import type { Meta, StoryObj } from '@storybook/preact-vite';
import { framed } from '../shared/framed.tsx';
import { storyKoubei } from '../stories/story-koubei.ts';
import { InvitePanel } from './InvitePanel.tsx';

const Framed = framed(InvitePanel);

const REWARDS = {
  amountAndCoupon: [
    { kind: 'amount', amountMinor: 2000, currency: 'CNY' },
    { kind: 'coupon', description: '¥20 off your first order' },
  ],
  pointsAndPercent: [
    { kind: 'points', points: 500 },
    { kind: 'percent', percent: 10 },
  ],
} satisfies Record<string, [Reward, Reward]>;

const meta: Meta<{ rewards: keyof typeof REWARDS; code: string }> = {
  title: 'Widgets/Invite panel',
  args: { rewards: 'amountAndCoupon', code: 'K7MPQ2XZ' },
  argTypes: { rewards: { control: 'inline-radio', options: Object.keys(REWARDS) } },
  render: ({ rewards, code }, { globals }) => {
    const [inviterReward, inviteeReward] = REWARDS[rewards];
    return (
      <Framed
        koubei={storyKoubei('normal', globals.locale)}
        invite={{ code, url: `https://shop.example/?koubei_invite=${code}` }}
        inviterReward={inviterReward}
        inviteeReward={inviteeReward}
        storeName="Tea House"
        theme={globals.theme}
      />
    );
  },
};
export default meta;

type Story = StoryObj<typeof meta>;
/** Cash for the inviter, a coupon for the friend; WeChat and QQ open a QR code. */
export const Default: Story = {};
export const PointsAndPercent: Story = { args: { rewards: 'pointsAndPercent' } };
export const Chinese: Story = { globals: { locale: 'zh-CN' } };
export const Dark: Story = { globals: { theme: 'dark' } };
