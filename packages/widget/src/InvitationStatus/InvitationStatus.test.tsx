import type { InviterStatus } from '@koubei/core';
import { createKoubeiClient } from '@koubei/core';
import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { framed } from '../shared/framed.tsx';
import type { KoubeiServices } from '../shared/services.ts';
import type { Scenario } from '../stories/fixture-api.ts';
import { createFixtureFetch } from '../stories/fixture-api.ts';
import { INVITER_STATUS } from '../stories/fixtures.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import { InvitationStatus } from './InvitationStatus.tsx';

const Status = framed(InvitationStatus);
const TOKEN = 'signed-status-token';

/**
 * Services whose real client (validation included) is answered by the
 * fixture API, after `fetch` has had its say: return a Response to override.
 */
function serving(
  scenario: Scenario,
  locale = 'en',
  fetch?: (request: Request) => Response | Promise<Response> | undefined,
): KoubeiServices & { requests: string[] } {
  const fixture = createFixtureFetch(scenario);
  const requests: string[] = [];
  const client = createKoubeiClient({
    apiBase: 'https://api.koubei.test',
    store: 'tea-house',
    readRetries: 0,
    fetch: async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      return (await fetch?.(request.clone())) ?? fixture(request);
    },
  });
  return { ...storyKoubei(scenario, locale), client: () => Promise.resolve(client), requests };
}

const problem = (status: number, title: string) =>
  new Response(JSON.stringify({ title, status }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

/** The invitation table's rows as [friend, state, step label]. */
function rows(): string[][] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [
      within(row).getByRole('rowheader').textContent ?? '',
      within(row).getAllByRole('cell')[0]?.textContent ?? '',
      within(row).getByRole('img').getAttribute('aria-label') ?? '',
    ]);
}

describe('InvitationStatus', () => {
  it('lists every friend, masked, with each state in words and steps', async () => {
    const koubei = serving('normal');
    render(<Status koubei={koubei} customerToken={TOKEN} />);
    await screen.findByRole('table');
    expect(screen.getByRole('region', { name: 'Your invitations' })).toBeTruthy();
    expect(
      within(screen.getByRole('table'))
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Friend', 'Status', 'Updated']);
    expect(rows()).toEqual([
      ['l***@qq.com', 'Rewarded', 'Step 5 of 5'],
      ['138****5678', 'Purchased', 'Step 4 of 5'],
      ['J***', 'Signed up', 'Step 3 of 5'],
      ['王*', 'Visited', 'Step 2 of 5'],
      // The server had no email for this friend: a neutral name, never an empty cell.
      ['A friend', 'Invited', 'Step 1 of 5'],
    ]);
    expect(screen.getByText('Nov 20, 2026').getAttribute('datetime')).toBe('2026-11-20T09:30:00Z');
    // The token travels in the POST body, never in a URL.
    expect(koubei.requests[0]).toBe('POST /v1/tea-house/referral/status');
  });

  it('shows rewards earned, coupon codes included, and progress to the next tier', async () => {
    render(<Status koubei={serving('normal')} customerToken={TOKEN} />);
    const rewards = await screen.findByRole('list');
    expect(
      within(rewards)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['CN¥20.00', 'Free gift tin · code KB-7QW3ZP']);
    expect(screen.getByText('1 friend joined')).toBeTruthy();
    expect(screen.getByText('Invite 2 more friends who join to get 500 points')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Progress to the next reward' });
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuemax')]).toEqual([
      '1',
      '3',
    ]);
  });

  it('shows a busy, empty-looking skeleton while loading, and no list', () => {
    render(<Status koubei={serving('loading')} customerToken={TOKEN} />);
    const region = screen.getByRole('region', { name: 'Your invitations' });
    expect(region.getAttribute('aria-busy')).toBe('true');
    expect(region.querySelector('[part="skeleton"]')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says so when nobody has been invited yet, with the first tier still in view', async () => {
    render(<Status koubei={serving('empty')} customerToken={TOKEN} />);
    expect(
      await screen.findByText(
        'No invitations yet. Share your link and friends who visit will appear here.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Invite 3 more friends who join to get 500 points')).toBeTruthy();
    expect(screen.getByText('No rewards yet: they arrive when a friend joins.')).toBeTruthy();
  });

  it('offers a retry after an error, and shows the list once it works', async () => {
    const user = userEvent.setup();
    let failures = 1;
    const koubei = serving('normal', 'en', (request) =>
      request.url.endsWith('/referral/status') && failures-- > 0
        ? problem(500, 'Server error')
        : undefined,
    );
    render(<Status koubei={koubei} customerToken={TOKEN} />);
    const error = await screen.findByRole('status');
    expect(error.textContent).toContain('Your invitations could not be loaded.');
    await user.click(within(error).getByRole('button', { name: 'Retry' }));
    await screen.findByRole('table');
    expect(rows()).toHaveLength(5);
  });

  it('tells the inviter when the token is refused, without a list', async () => {
    const koubei = serving('normal', 'en', (request) =>
      request.url.endsWith('/referral/status') ? problem(401, 'Not valid') : undefined,
    );
    render(<Status koubei={koubei} customerToken="forged" />);
    expect((await screen.findByRole('status')).textContent).toContain(
      'Your invitations could not be loaded.',
    );
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says the programme has ended, keeps the history and drops the next tier', async () => {
    render(<Status koubei={serving('ended')} customerToken={TOKEN} />);
    expect(
      await screen.findByText(
        'This referral programme has ended. Rewards you earned are still yours.',
      ),
    ).toBeTruthy();
    expect(rows()).toHaveLength(5);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toContain(
      'Free gift tin · code KB-7QW3ZP',
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByText(/Invite \d more/)).toBeNull();
  });

  it('shows only the ended notice when the server refuses the status as ended', async () => {
    const koubei = serving('normal', 'en', (request) =>
      request.url.endsWith('/referral/status') ? problem(410, 'Ended') : undefined,
    );
    render(<Status koubei={koubei} customerToken={TOKEN} />);
    await screen.findByText(
      'This referral programme has ended. Rewards you earned are still yours.',
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('shows no next tier at the top tier', async () => {
    const top: InviterStatus = { ...INVITER_STATUS, nextTier: null };
    const koubei = serving('normal', 'en', (request) =>
      request.url.endsWith('/referral/status')
        ? new Response(JSON.stringify(top), { headers: { 'content-type': 'application/json' } })
        : undefined,
    );
    render(<Status koubei={koubei} customerToken={TOKEN} />);
    await screen.findByRole('table');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('renders hostile masked names as inert text', async () => {
    const { container } = render(<Status koubei={serving('hostile')} customerToken={TOKEN} />);
    await screen.findByRole('table');
    expect(rows()[0]?.[0]).toBe('<img src=x onerror=alert(1)>\u202Emoc.qq@***l');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('bdi')).toBeTruthy();
  });

  it('speaks Chinese', async () => {
    render(<Status koubei={serving('normal', 'zh-CN')} customerToken={TOKEN} />);
    await screen.findByRole('table');
    expect(screen.getByRole('region', { name: '我的邀请' })).toBeTruthy();
    expect(rows()[0]).toEqual(['l***@qq.com', '已奖励', '第 5 步，共 5 步']);
    expect(screen.getByText('再邀请 2 位好友成功加入，即可获得 500 积分')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('已有 1 位好友加入')).toBeTruthy());
  });
});
