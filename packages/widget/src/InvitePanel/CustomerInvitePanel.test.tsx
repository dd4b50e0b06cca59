import { createKoubeiClient } from '@koubei/core';
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { KoubeiServices } from '../shared/services.ts';
import type { Scenario } from '../stories/fixture-api.ts';
import { createFixtureFetch } from '../stories/fixture-api.ts';
import { INVITER_STATUS } from '../stories/fixtures.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import { CustomerInvitePanel } from './CustomerInvitePanel.tsx';

function serving(
  scenario: Scenario,
  fetch: (request: Request) => Promise<Response> = createFixtureFetch(scenario),
): KoubeiServices {
  const client = createKoubeiClient({
    apiBase: 'https://api.koubei.test',
    store: 'tea-house',
    readRetries: 0,
    fetch: (input, init) => fetch(input instanceof Request ? input : new Request(input, init)),
  });
  return { ...storyKoubei(scenario), client: () => Promise.resolve(client) };
}

describe('CustomerInvitePanel', () => {
  it("reads the customer's code, link and both rewards by their token, in one request", async () => {
    const requests: string[] = [];
    const fixture = createFixtureFetch('normal');
    const koubei = serving('normal', (request) => {
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      return fixture(request);
    });
    render(<CustomerInvitePanel koubei={koubei} customerToken="t" storeName="Tea House" />);
    await screen.findByRole('region', { name: 'Invite friends' });
    expect(screen.getByText(INVITER_STATUS.invite.code)).toBeTruthy();
    expect((screen.getByRole('textbox') as HTMLInputElement).value).toBe(INVITER_STATUS.invite.url);
    expect(screen.getByText('You get CN¥20.00')).toBeTruthy();
    expect(screen.getByText('Your friend gets ¥20 off your first order')).toBeTruthy();
    // The status carries the programme: no second request for the invite's landing.
    expect(requests).toEqual(['POST /v1/tea-house/referral/status']);
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
