import type { InviteLanding as Landing } from '@koubei/core';
import { createKoubeiClient } from '@koubei/core';
import { render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { framed } from '../shared/framed.tsx';
import type { KoubeiServices } from '../shared/services.ts';
import type { Scenario } from '../stories/fixture-api.ts';
import { createFixtureFetch } from '../stories/fixture-api.ts';
import { INVITE_LANDING } from '../stories/fixtures.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import { InviteLanding } from './InviteLanding.tsx';

const Banner = framed(InviteLanding);
const CODE = INVITE_LANDING.code;

/** Services whose real client answers from the fixture API, or from `landing` when given. */
function serving(
  scenario: Scenario,
  locale = 'en',
  landing?: Landing,
): KoubeiServices & { requests: string[] } {
  const fixture = createFixtureFetch(scenario);
  const requests: string[] = [];
  const client = createKoubeiClient({
    apiBase: 'https://api.koubei.test',
    store: 'tea-house',
    readRetries: 0,
    fetch: (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      requests.push(new URL(request.url).pathname);
      return landing
        ? Promise.resolve(
            new Response(JSON.stringify(landing), {
              headers: { 'content-type': 'application/json' },
            }),
          )
        : fixture(request);
    },
  });
  return { ...storyKoubei(scenario, locale), client: () => Promise.resolve(client), requests };
}

/** Waits until every request of the banner has been answered and rendered. */
async function settled(koubei: { requests: string[] }, count = 1) {
  await waitFor(() => expect(koubei.requests).toHaveLength(count));
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('InviteLanding', () => {
  afterEach(() => vi.restoreAllMocks());

  it("shows who invited the visitor, the friend's reward, that the code is kept, and until when", async () => {
    render(<Banner koubei={serving('normal')} code={CODE} />);
    const banner = await screen.findByRole('region', { name: 'Mei invited you' });
    expect(banner.querySelector('bdi')?.textContent).toBe('Mei');
    expect(screen.getByText('Your welcome reward: ¥20 off your first order')).toBeTruthy();
    expect(
      screen.getByText('Invite code K7MPQ2XZ is saved on this device for checkout.'),
    ).toBeTruthy();
    expect(screen.getByText('Offer ends Dec 31, 2026')).toBeTruthy();
  });

  it('names no one when the inviter gave no name', async () => {
    render(
      <Banner
        koubei={serving('normal', 'en', {
          ...INVITE_LANDING,
          inviterFirstName: null,
          expiresAt: null,
        })}
        code={CODE}
      />,
    );
    expect(await screen.findByRole('region', { name: 'A friend invited you' })).toBeTruthy();
    expect(screen.queryByText(/Offer ends/)).toBeNull();
  });

  it('closes with its button, by keyboard, and says so to the page', async () => {
    const user = userEvent.setup();
    const onDismiss = vi.fn();
    const koubei = { ...serving('normal'), emit: vi.fn() };
    render(<Banner koubei={koubei} code={CODE} onDismiss={onDismiss} />);
    await screen.findByRole('region', { name: 'Mei invited you' });
    await waitFor(() =>
      expect(koubei.emit).toHaveBeenCalledWith({ type: 'view', widget: 'invitee-banner' }),
    );
    await user.tab();
    const close = screen.getByRole('button', { name: 'Dismiss' });
    expect(document.activeElement).toBe(close);
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('region')).toBeNull();
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(koubei.emit).toHaveBeenCalledWith({
      type: 'interaction',
      widget: 'invitee-banner',
      detail: { action: 'dismiss' },
    });
  });

  it('closes with Escape', async () => {
    const user = userEvent.setup();
    render(<Banner koubei={serving('normal')} code={CODE} />);
    await screen.findByRole('region', { name: 'Mei invited you' });
    await user.tab();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region')).toBeNull();
  });

  it.each([
    ['an unknown code', 'normal' as Scenario, 'NOSUCHCODE'],
    ['an ended programme', 'ended' as Scenario, CODE],
    ['a server error', 'error' as Scenario, CODE],
    ['no network', 'offline' as Scenario, CODE],
  ])('shows nothing, and no error, for %s', async (_, scenario, code) => {
    const errors = vi.spyOn(console, 'error');
    const koubei = { ...serving(scenario), emit: vi.fn() };
    const { container } = render(<Banner koubei={koubei} code={code} />);
    await settled(koubei);
    expect(screen.queryByRole('region')).toBeNull();
    expect(container.textContent).toBe('');
    expect(errors).not.toHaveBeenCalled();
    expect(koubei.emit).not.toHaveBeenCalled();
  });

  it('shows nothing for an offer that has already ended by the clock', async () => {
    const koubei = serving('normal', 'en', {
      ...INVITE_LANDING,
      expiresAt: '2026-11-01T00:00:00Z',
    });
    render(<Banner koubei={koubei} code={CODE} />);
    await settled(koubei);
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('asks nothing and shows nothing without a code', async () => {
    const koubei = serving('normal');
    render(<Banner koubei={koubei} code={null} />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(koubei.requests).toEqual([]);
    expect(screen.queryByRole('region')).toBeNull();
  });

  it("renders a hostile inviter's name as isolated text", async () => {
    const name = '<img src=x onerror=alert(1)>\u202E';
    const { container } = render(
      <Banner
        koubei={serving('normal', 'en', { ...INVITE_LANDING, inviterFirstName: name })}
        code={CODE}
      />,
    );
    await screen.findByRole('region');
    expect(container.querySelector('bdi')?.textContent).toBe(name);
    expect(container.querySelector('img')).toBeNull();
  });

  it('speaks Chinese', async () => {
    render(<Banner koubei={serving('normal', 'zh-CN')} code={CODE} />);
    expect(await screen.findByRole('region', { name: 'Mei 邀请您来逛逛' })).toBeTruthy();
    expect(screen.getByText('您的新人礼：¥20 off your first order')).toBeTruthy();
    expect(screen.getByText('邀请码 K7MPQ2XZ 已保存在本设备，结账时可用。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '关闭' })).toBeTruthy();
  });
});
