import type { Reward } from '@koubei/core';
import { formatReward } from '@koubei/core';
import type { Meta, StoryObj } from '@storybook/preact-vite';
import { useEffect, useRef } from 'preact/hooks';
import { framed } from '../shared/framed.tsx';
import { storyKoubei } from '../stories/story-koubei.ts';
import { InvitePanel } from './InvitePanel.tsx';
import type { PosterContent } from './share-poster.ts';
import { POSTER_HEIGHT, POSTER_WIDTH, layoutPoster, paintPoster } from './share-poster.ts';

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

/** The share poster as the panel draws it for "Download poster", shown on the page. */
function PosterPreview({ content, label }: { content: PosterContent; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const measure = (text: string, font: string) => {
      context.font = font;
      return context.measureText(text).width;
    };
    paintPoster(context, layoutPoster(content, measure));
  }, [content]);
  return (
    <canvas
      ref={canvas}
      width={POSTER_WIDTH}
      height={POSTER_HEIGHT}
      role="img"
      aria-label={label}
      style={{ width: '375px', height: '600px', border: '1px solid #d1d5db' }}
    />
  );
}

/** The downloadable share poster: shop and product (Chinese and Latin), the friend's reward, the code and the QR code. */
export const SharePoster: Story = {
  render: ({ rewards, code }, { globals }) => {
    const koubei = storyKoubei('normal', globals.locale);
    const { t } = koubei;
    const inviteeReward = REWARDS[rewards][1];
    return (
      <PosterPreview
        label={t.t('invite.poster')}
        content={{
          storeName: '茶室 Tea House',
          productName: '青瓷茶壶 Celadon teapot',
          rewardText: t.t('invite.posterReward', { reward: formatReward(t, inviteeReward) }),
          codeText: t.t('invite.posterCode', { code }),
          link: `https://shop.example/?koubei_invite=${code}`,
        }}
      />
    );
  },
};
