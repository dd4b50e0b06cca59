import { createKoubeiClient } from '@koubei/core';
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { KoubeiServices } from '../shared/services.ts';
import type { Scenario } from '../stories/fixture-api.ts';
import { createFixtureFetch } from '../stories/fixture-api.ts';
import { INVITER_STATUS } from '../stories/fixtures.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import { CustomerInvitePanel } from './CustomerInvitePanel.tsx';

function serving(scenario: Scenario): KoubeiServices {
  const client = createKoubeiClient({
    apiBase: 'https://api.koubei.test',
    store: 'tea-house',
    readRetries: 0,
    fetch: createFixtureFetch(scenario),
  });
  return { ...storyKoubei(scenario), client: () => Promise.resolve(client) };
}

describe('CustomerInvitePanel', () => {
  it("reads the customer's code and link by their token, with the friend's reward", async () => {
    render(
      <CustomerInvitePanel koubei={serving('normal')} customerToken="t" storeName="Tea House" />,
    );
    await screen.findByRole('region', { name: 'Invite friends' });
    expect(screen.getByText(INVITER_STATUS.invite.code)).toBeTruthy();
    expect((screen.getByRole('textbox') as HTMLInputElement).value).toBe(INVITER_STATUS.invite.url);
    expect(screen.getByText('Your friend gets ¥20 off your first order')).toBeTruthy();
    // The public API does not tell the inviter's own reward: no line rather than a wrong one.
    expect(screen.queryByText(/^You get/)).toBeNull();
  });

  it('says the programme has ended instead of offering a link', async () => {
    render(
      <CustomerInvitePanel koubei={serving('ended')} customerToken="t" storeName="Tea House" />,
    );
    await screen.findByText(
      'This referral programme has ended. Rewards you earned are still yours.',
    );
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('offers a retry when the link cannot be loaded', async () => {
    render(
      <CustomerInvitePanel koubei={serving('error')} customerToken="t" storeName="Tea House" />,
    );
    const error = await screen.findByRole('status');
    expect(error.textContent).toContain('Your invite link could not be loaded.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
