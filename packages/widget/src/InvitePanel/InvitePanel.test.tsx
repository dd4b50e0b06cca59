import type { Reward } from '@koubei/core';
import { render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import jsQR from 'jsqr';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storyKoubei } from '../stories/story-koubei.ts';
import { InvitePanel } from './InvitePanel.tsx';

const INVITE = { code: 'K7MPQ2XZ', url: 'https://shop.example/?koubei_invite=K7MPQ2XZ' };
const INVITER: Reward = { kind: 'amount', amountMinor: 2000, currency: 'CNY' };
const INVITEE: Reward = { kind: 'coupon', description: '¥20 off your first order' };

function renderPanel(locale = 'en', invite = INVITE) {
  const koubei = { ...storyKoubei('normal', locale), emit: vi.fn() };
  const view = render(
    <InvitePanel
      koubei={koubei}
      invite={invite}
      inviterReward={INVITER}
      inviteeReward={INVITEE}
      storeName="Tea House"
    />,
  );
  return { ...view, koubei };
}

/**
 * Reads the QR code the way a phone would: draws the rendered SVG's squares
 * into pixels (8 per module) and decodes them with jsQR.
 */
function decodeQr(svg: SVGSVGElement): string | null {
  const modules = Number(svg.getAttribute('viewBox')?.split(' ')[2]);
  const scale = 8;
  const width = modules * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  const d = svg.querySelector('path')?.getAttribute('d') ?? '';
  for (const [, x, y] of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const offset = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        pixels.fill(0, offset, offset + 3);
      }
    }
  }
  return jsQR(pixels, width, width)?.data ?? null;
}

describe('InvitePanel', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows both rewards, the code and the link', () => {
    renderPanel();
    expect(screen.getByRole('region', { name: 'Invite friends' })).toBeTruthy();
    expect(screen.getByText('You get CN¥20.00')).toBeTruthy();
    expect(screen.getByText('Your friend gets ¥20 off your first order')).toBeTruthy();
    expect(screen.getByText('K7MPQ2XZ')).toBeTruthy();
    expect((screen.getByRole('textbox') as HTMLInputElement).value).toBe(INVITE.url);
  });

  it('copies the link, says so, and reports the copy', async () => {
    const user = userEvent.setup();
    const { koubei } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe(INVITE.url);
    expect(screen.getByRole('status').textContent).toBe('Link copied');
    expect(koubei.emit).toHaveBeenCalledWith({ type: 'referral-copy', widget: 'invite' });
  });

  it('selects the link for manual copying when the clipboard refuses', async () => {
    const user = userEvent.setup();
    renderPanel();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(screen.getByRole('status').textContent).toContain('Copy failed');
    const input = screen.getByRole('textbox') as HTMLInputElement;
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, INVITE.url.length]);
  });

  it('offers every share target, each link carrying the invite URL', () => {
    renderPanel();
    const list = screen.getByRole('list', { name: 'Share' });
    const names = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(names).toEqual(
      expect.arrayContaining([
        'WeChat',
        'QQ',
        'Weibo',
        'Email',
        'SMS',
        'WhatsApp',
        'X',
        'Facebook',
        'LINE',
      ]),
    );
    const encoded = encodeURIComponent(INVITE.url);
    for (const name of ['Weibo', 'Email', 'SMS', 'WhatsApp', 'X', 'Facebook', 'LINE']) {
      const link = screen.getByRole('link', { name: `Share via ${name}` });
      expect(link.getAttribute('href')).toContain(encoded);
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('opens a QR code for WeChat that decodes to the invite link', async () => {
    const user = userEvent.setup();
    const { koubei } = renderPanel();
    const wechat = screen.getByRole('button', { name: 'Share via WeChat' });
    expect(wechat.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('img', { name: 'QR code for your invite link' })).toBeNull();
    await user.click(wechat);
    expect(wechat.getAttribute('aria-expanded')).toBe('true');
    const qr = screen.getByRole('img', { name: 'QR code for your invite link' });
    expect(decodeQr(qr as unknown as SVGSVGElement)).toBe(INVITE.url);
    expect(screen.getByText('Friends scan this in WeChat')).toBeTruthy();
    expect(koubei.emit).toHaveBeenCalledWith({
      type: 'share',
      widget: 'invite',
      detail: { channel: 'wechat' },
    });
  });

  it('offers the share poster with the QR code, and says so when it cannot be drawn', async () => {
    const user = userEvent.setup();
    renderPanel();
    expect(screen.queryByRole('button', { name: 'Download poster' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Share via QQ' }));
    // happy-dom has no 2D canvas: the panel says so instead of failing silently.
    // (Chromium draws it: see the script-tag browser test, which decodes the PNG.)
    expect(document.createElement('canvas').getContext('2d')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Download poster' }));
    expect(screen.getByRole('status').textContent).toBe(
      'The poster could not be made in this browser.',
    );
  });

  it('speaks Chinese with Chinese channel names', async () => {
    const user = userEvent.setup();
    renderPanel('zh-CN');
    expect(screen.getByRole('region', { name: '邀请好友' })).toBeTruthy();
    expect(screen.getByText('您将获得 ¥20.00')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '分享到QQ' }));
    expect(screen.getByText('好友用QQ扫一扫')).toBeTruthy();
    expect(screen.getByRole('link', { name: '分享到微博' })).toBeTruthy();
  });

  it('renders nothing for a link that is not http(s)', () => {
    const { container } = renderPanel('en', { code: 'K7MPQ2XZ', url: 'javascript:alert(1)' });
    expect(container.innerHTML).toBe('');
  });
});
