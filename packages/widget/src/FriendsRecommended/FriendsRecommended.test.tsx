import type { SocialProof } from '@koubei/core';
import type { VNode } from 'preact';
import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { framed } from '../shared/framed.tsx';
import { SOCIAL_PROOF } from '../stories/fixtures.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import { chunk } from './chunk.tsx';
import { FriendsRecommended } from './FriendsRecommended.tsx';
import { PROOFS, STORY_TOKENS, friendsKoubei, proofKoubei } from './FriendsRecommended.stories.tsx';

const Badge = framed(FriendsRecommended);

/** The badge's text once loading is over (the skeleton is gone). */
async function settled(container: Element): Promise<string> {
  await waitFor(() => expect(container.querySelector('[part="skeleton"]')).toBeNull());
  return container.textContent ?? '';
}

describe('FriendsRecommended', () => {
  it('says how many friends recommend the product, naming those who agreed, and recent activity', async () => {
    const { container } = render(<Badge koubei={storyKoubei('normal')} product="teapot-celadon" />);
    expect(await screen.findByText('7 friends recommend this')).toBeTruthy();
    const names = [...container.querySelectorAll('bdi')].map((bdi) => bdi.textContent);
    expect(names).toEqual(['Ann', '小王', 'Jonas']);
    // The names are elements inside the sentence, so match the span's whole text.
    const including = screen.getByText(
      (_, element) =>
        element?.localName === 'span' &&
        /^including Ann, 小王,? and Jonas$/.test(element.textContent ?? ''),
    );
    expect(including.querySelectorAll('bdi')).toHaveLength(3);
    expect(screen.getByText('38 people bought this in the last 7 days')).toBeTruthy();
    // Faces repeat the sentence: hidden from screen readers, and no heading.
    expect(container.querySelector('[aria-hidden="true"]')?.textContent).toBe('A小J');
    expect(screen.queryByRole('heading')).toBeNull();
  });

  it('names at most three friends, and never more than the count', async () => {
    const five = ['Ann', 'Bo', 'Cai', 'Dee', 'Eli'].map((displayName) => ({ displayName }));
    const { container } = render(
      <Badge
        koubei={proofKoubei({ ...SOCIAL_PROOF, friends: { count: 9, named: five } })}
        product="teapot-celadon"
      />,
    );
    await screen.findByText('9 friends recommend this');
    expect([...container.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual([
      'Ann',
      'Bo',
      'Cai',
    ]);
    expect(screen.queryByText(/Dee|Eli/)).toBeNull();
  });

  it('shows the count alone when no friend agreed to be named', async () => {
    const { container } = render(
      <Badge koubei={proofKoubei(PROOFS.noNames)} product="teapot-celadon" />,
    );
    expect(await screen.findByText('12 friends recommend this')).toBeTruthy();
    expect(container.querySelector('bdi')).toBeNull();
    expect(screen.queryByText(/including/)).toBeNull();
  });

  it('renders nothing at all when every count is below the minimum', async () => {
    const { container } = render(
      <Badge koubei={proofKoubei(PROOFS.belowMinimum)} product="teapot-celadon" />,
    );
    expect(await settled(container)).toBe('');
    expect(container.querySelector('[part="social-proof"]')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
  });

  it('keeps recent activity above the minimum while the friends count is below it', async () => {
    const proof: SocialProof = {
      ...SOCIAL_PROOF,
      minimumCount: 10,
      friends: { count: 4, named: [{ displayName: 'Ann' }] },
      recent: [
        { kind: 'purchased', count: 38, windowDays: 7 },
        { kind: 'reviewed', count: 9, windowDays: 30 },
      ],
    };
    const { container } = render(<Badge koubei={proofKoubei(proof)} product="teapot-celadon" />);
    expect(await settled(container)).toBe('38 people bought this in the last 7 days');
  });

  it('shows a photo only for avatar URLs that pass the guard, an initial otherwise', async () => {
    const proof: SocialProof = {
      ...SOCIAL_PROOF,
      friends: {
        count: 5,
        named: [
          { displayName: 'Ann', avatarUrl: 'https://cdn.koubei.test/ann.png' },
          { displayName: 'Bo', avatarUrl: 'javascript:alert(1)' },
          { displayName: 'Cai', avatarUrl: 'http://tracker.example/cai.png' },
        ],
      },
    };
    const { container } = render(<Badge koubei={proofKoubei(proof)} product="teapot-celadon" />);
    await screen.findByText('5 friends recommend this');
    const images = [...container.querySelectorAll('img')];
    expect(images.map((img) => img.getAttribute('src'))).toEqual([
      'https://cdn.koubei.test/ann.png',
    ]);
    expect(images[0]?.getAttribute('alt')).toBe('');
    expect(images[0]?.closest('[aria-hidden="true"]')).toBeTruthy();
    expect(container.querySelector('[aria-hidden="true"]')?.textContent).toBe('BC');
  });

  it('shows names as text only, isolated from the sentence around them', async () => {
    const hostile = '<img src=x onerror=alert(1)>\u202Eevil';
    const { container } = render(
      <Badge
        koubei={proofKoubei({
          ...SOCIAL_PROOF,
          friends: { count: 4, named: [{ displayName: hostile }] },
        })}
        product="teapot-celadon"
      />,
    );
    await screen.findByText('4 friends recommend this');
    expect(container.querySelector('bdi')?.textContent).toBe(hostile);
    expect(container.querySelector('img')).toBeNull();
  });

  it('keeps the customers variant impersonal: no friends, names or faces', async () => {
    const { container } = render(
      <Badge koubei={proofKoubei(PROOFS.customers)} product="teapot-celadon" variant="customers" />,
    );
    expect(await screen.findByText('52 customers recommend this')).toBeTruthy();
    expect(screen.getByText('38 people bought this in the last 7 days')).toBeTruthy();
    expect(screen.queryByText(/friend/)).toBeNull();
    expect(screen.queryByText(/Ann|小王|Jonas/)).toBeNull();
    expect(container.querySelector('bdi, img, [aria-hidden="true"]')).toBeNull();
  });

  it('never calls a purchase a recommendation in the customers variant', async () => {
    const { container } = render(
      <Badge koubei={storyKoubei('normal')} product="teapot-celadon" variant="customers" />,
    );
    expect(await settled(container)).toBe('38 people bought this in the last 7 days');
  });

  it('speaks Chinese', async () => {
    const { container } = render(
      <Badge koubei={storyKoubei('normal', 'zh-CN')} product="teapot-celadon" />,
    );
    expect(await screen.findByText('7 位好友推荐')).toBeTruthy();
    expect(screen.getByText('近 7 天有 38 人购买')).toBeTruthy();
    expect(container.textContent).toContain('包括 Ann、小王和Jonas');
    render(
      <Badge
        koubei={proofKoubei(PROOFS.customers, 'zh-CN')}
        product="teapot-celadon"
        variant="customers"
      />,
    );
    expect(await screen.findByText('52 位买家推荐')).toBeTruthy();
  });

  it('reserves the badge’s height while loading', () => {
    const { container } = render(
      <Badge koubei={storyKoubei('loading')} product="teapot-celadon" />,
    );
    const bar = container.querySelector<HTMLElement>('[part="skeleton"] > *');
    expect(bar?.style.height).toBe('24px');
    expect(container.querySelector('[part="skeleton"]')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('disappears quietly when the server fails: no message, no retry', async () => {
    const { container } = render(<Badge koubei={storyKoubei('error')} product="teapot-celadon" />);
    expect(await settled(container)).toBe('');
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('leaves the placeholder’s fallback content showing on a shop’s page when the server fails', async () => {
    const koubei = { ...storyKoubei('error'), hasFallbackSlot: true };
    const { container } = render(<Badge koubei={koubei} product="teapot-celadon" />);
    await waitFor(() => expect(container.querySelector('slot')).toBeTruthy());
    expect(container.textContent).toBe('');
  });
});

describe('FriendsRecommended for a signed-in shopper', () => {
  const MEI_FRIENDS: SocialProof = {
    ...SOCIAL_PROOF,
    friends: {
      count: 6,
      named: [
        { displayName: '林美', avatarUrl: 'https://cdn.koubei.test/mei.png' },
        { displayName: 'Ann Lee' },
      ],
    },
  };

  it('posts the customer token and shows the friends who consented, by name and face', async () => {
    const koubei = friendsKoubei(MEI_FRIENDS);
    const { container } = render(
      <Badge koubei={koubei} product="teapot-celadon" customerToken={STORY_TOKENS.valid} />,
    );
    expect(await screen.findByText('6 friends recommend this')).toBeTruthy();
    expect([...container.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual([
      '林美',
      'Ann Lee',
    ]);
    expect(container.querySelector('img')?.getAttribute('src')).toBe(
      'https://cdn.koubei.test/mei.png',
    );
    expect(koubei.requests).toEqual([
      { method: 'POST', body: JSON.stringify({ customerToken: STORY_TOKENS.valid }) },
    ]);
  });

  it('shows a count alone when none of the friends consented', async () => {
    const koubei = friendsKoubei({ ...MEI_FRIENDS, friends: { count: 4, named: [] } });
    const { container } = render(
      <Badge koubei={koubei} product="teapot-celadon" customerToken={STORY_TOKENS.valid} />,
    );
    expect(await screen.findByText('4 friends recommend this')).toBeTruthy();
    expect(container.querySelector('bdi, img')).toBeNull();
  });

  it('reads the anonymous counts without a token: no friends line', async () => {
    const koubei = friendsKoubei(MEI_FRIENDS);
    const { container } = render(<Badge koubei={koubei} product="teapot-celadon" />);
    expect(await settled(container)).toBe('38 people bought this in the last 7 days');
    expect(koubei.requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('falls back to the anonymous counts, with a warning, when the token is refused', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const koubei = friendsKoubei(MEI_FRIENDS);
    const { container } = render(
      <Badge koubei={koubei} product="teapot-celadon" customerToken={STORY_TOKENS.expired} />,
    );
    expect(await settled(container)).toBe('38 people bought this in the last 7 days');
    expect(koubei.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
    expect(String(warn.mock.calls[0]?.[0])).toContain('customer token refused');
    expect(String(warn.mock.calls[0]?.[0])).toContain('expired');
    warn.mockRestore();
  });

  it('never sends the token from the impersonal customers variant', async () => {
    const koubei = friendsKoubei(MEI_FRIENDS);
    const { container } = render(
      <Badge
        koubei={koubei}
        product="teapot-celadon"
        variant="customers"
        customerToken={STORY_TOKENS.valid}
      />,
    );
    await settled(container);
    expect(koubei.requests).toEqual([{ method: 'GET', body: null }]);
    expect(container.textContent).not.toContain('林美');
  });

  it('speaks Chinese for friends too', async () => {
    render(
      <Badge
        koubei={friendsKoubei(MEI_FRIENDS, 'zh-CN')}
        product="teapot-celadon"
        customerToken={STORY_TOKENS.valid}
      />,
    );
    expect(await screen.findByText('6 位好友推荐')).toBeTruthy();
  });
});

describe('social-proof chunk', () => {
  const mount = (attrs: Record<string, string>, product?: string) =>
    chunk.render({ koubei: storyKoubei('normal'), product, attr: (name) => attrs[name] ?? null });

  it('defaults to the friends variant and accepts customers', () => {
    expect(mount({}, 'teapot-celadon')).not.toBeNull();
    expect(mount({ variant: 'customers' }, 'teapot-celadon')).not.toBeNull();
  });

  it('refuses an unknown data-variant or a missing product, with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(mount({ variant: 'everyone' }, 'teapot-celadon')).toBeNull();
    expect(mount({})).toBeNull();
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('hands data-customer-token to the badge, which asks for the shopper’s friends', async () => {
    const koubei = friendsKoubei(SOCIAL_PROOF);
    const attrs: Record<string, string> = {
      'customer-token': ` ${STORY_TOKENS.valid} `,
    };
    const vnode = chunk.render({
      koubei,
      product: 'teapot-celadon',
      attr: (name) => attrs[name] ?? null,
    });
    render(vnode as VNode);
    expect(await screen.findByText('7 friends recommend this')).toBeTruthy();
    expect(koubei.requests).toEqual([
      { method: 'POST', body: JSON.stringify({ customerToken: STORY_TOKENS.valid }) },
    ]);
  });

  it('ignores an oversized data-customer-token with a warning and shows the counts', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const koubei = friendsKoubei(SOCIAL_PROOF);
    const vnode = chunk.render({
      koubei,
      product: 'teapot-celadon',
      attr: (name) => (name === 'customer-token' ? 'x'.repeat(2000) : null),
    });
    const { container } = render(vnode as VNode);
    expect(await settled(container)).toBe('38 people bought this in the last 7 days');
    expect(koubei.requests.map((r) => r.method)).toEqual(['GET']);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('brings the social-proof wording in both languages', () => {
    expect(chunk.messages.en?.['socialProof.friends']).toBeTruthy();
    expect(chunk.messages['zh-CN']?.['socialProof.including']).toBe('包括 {names}');
  });
});
