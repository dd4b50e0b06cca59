import type { SocialProof } from '@koubei/core';
import { createKoubeiClient } from '@koubei/core';
import type { Meta, StoryObj } from '@storybook/preact-vite';
import { framed } from '../shared/framed.tsx';
import type { KoubeiServices } from '../shared/services.ts';
import { createFixtureFetch } from '../stories/fixture-api.ts';
import { SOCIAL_PROOF, photo } from '../stories/fixtures.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import type { FriendsRecommendedVariant } from './FriendsRecommended.tsx';
import { FriendsRecommended } from './FriendsRecommended.tsx';

/** Social-proof payloads beyond the shared fixture (which is `friends`: 7, three named). */
export const PROOFS = {
  withAvatars: {
    ...SOCIAL_PROOF,
    friends: {
      count: 7,
      named: [
        { displayName: 'Ann', avatarUrl: photo('ann', 1).thumbnailUrl },
        // Refused by the URL guard: shows an initial instead.
        { displayName: '小王', avatarUrl: 'javascript:alert(1)' },
        { displayName: 'Jonas', avatarUrl: photo('jonas', 5).thumbnailUrl },
      ],
    },
  },
  noNames: { ...SOCIAL_PROOF, friends: { count: 12, named: [] } },
  customers: {
    ...SOCIAL_PROOF,
    recent: [
      { kind: 'recommended', count: 52, windowDays: 30 },
      { kind: 'purchased', count: 38, windowDays: 7 },
    ],
  },
  belowMinimum: {
    ...SOCIAL_PROOF,
    minimumCount: 10,
    friends: { count: 7, named: [{ displayName: 'Ann' }] },
    recent: [{ kind: 'purchased', count: 9, windowDays: 7 }],
  },
} satisfies Record<string, SocialProof>;

/** Story services whose API answers social proof with `proof` (real client, real validation). */
export function proofKoubei(proof: SocialProof, locale?: string): KoubeiServices {
  const fixtures = createFixtureFetch('normal');
  const client = createKoubeiClient({
    apiBase: 'https://api.koubei.test',
    store: 'tea-house',
    readRetries: 0,
    fetch: (input, init) =>
      String(input instanceof Request ? input.url : input).includes('/social-proof')
        ? Promise.resolve(
            new Response(JSON.stringify(proof), {
              headers: { 'content-type': 'application/json' },
            }),
          )
        : fixtures(input, init),
  });
  return { ...storyKoubei('normal', locale), client: () => Promise.resolve(client) };
}

/** A token the story server accepts, and one it refuses as expired. */
export const STORY_TOKENS = {
  valid: 'customer:story-mei.tag',
  expired: 'customer:old.tag',
} as const;

/**
 * Story services whose API answers like the real server: GET with the
 * anonymous counts only, POST with the token's friends (`personal`), 401 for
 * an expired token. `requests` records method and body of each social-proof call.
 */
export function friendsKoubei(
  personal: SocialProof,
  locale?: string,
): KoubeiServices & { requests: { method: string; body: string | null }[] } {
  const requests: { method: string; body: string | null }[] = [];
  const anonymous: SocialProof = { ...personal, friends: { count: 0, named: [] } };
  const fixtures = createFixtureFetch('normal');
  const reply = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: {
        'content-type': status === 200 ? 'application/json' : 'application/problem+json',
      },
    });
  const client = createKoubeiClient({
    apiBase: 'https://api.koubei.test',
    store: 'tea-house',
    readRetries: 0,
    fetch: async (input, init) => {
      const request = input instanceof Request ? input : new Request(String(input), init);
      if (!request.url.includes('/social-proof')) return fixtures(input, init);
      const body = request.method === 'POST' ? await request.text() : null;
      requests.push({ method: request.method, body });
      if (request.method !== 'POST') return reply(anonymous);
      const { customerToken } = JSON.parse(body ?? '{}') as { customerToken?: string };
      return customerToken === STORY_TOKENS.valid
        ? reply(personal)
        : reply({ title: 'The customer token has expired', status: 401 }, 401);
    },
  });
  return {
    ...storyKoubei('normal', locale),
    client: () => Promise.resolve(client),
    requests,
  };
}

type Data = 'fixture' | keyof typeof PROOFS | 'loading' | 'error';

function koubeiFor(data: Data, locale?: string): KoubeiServices {
  if (data === 'fixture') return storyKoubei('normal', locale);
  if (data === 'loading' || data === 'error') return storyKoubei(data, locale);
  return proofKoubei(PROOFS[data], locale);
}

const Framed = framed(FriendsRecommended);

const meta: Meta<{
  data: Data;
  variant: FriendsRecommendedVariant;
  tokens?: Record<string, string>;
}> = {
  title: 'Widgets/Friends recommended',
  excludeStories: ['PROOFS', 'proofKoubei', 'STORY_TOKENS', 'friendsKoubei'],
  args: { data: 'fixture', variant: 'friends', tokens: {} },
  argTypes: {
    data: {
      control: 'select',
      options: ['fixture', ...Object.keys(PROOFS), 'loading', 'error'],
    },
    variant: { control: 'inline-radio', options: ['friends', 'customers'] },
    tokens: {
      control: 'object',
      description: 'Theme tokens, e.g. {"--koubei-color-muted": "#334155"}',
    },
  },
  render: ({ data, variant }, { globals }) => (
    <Framed
      koubei={koubeiFor(data, globals.locale)}
      product="teapot-celadon"
      variant={variant}
      theme={globals.theme}
    />
  ),
};
export default meta;

type Story = StoryObj<typeof meta>;
/** Seven friends, three of them named; initials where there is no photo. */
export const FriendsWithNames: Story = {};
/** Photos for two friends; the third avatar URL is refused by the guard and shows an initial. */
export const WithAvatars: Story = { args: { data: 'withAvatars' } };
export const FriendsWithoutNames: Story = { args: { data: 'noNames' } };
/** Nothing personal: aggregate recommendations and purchases. */
export const Customers: Story = { args: { data: 'customers', variant: 'customers' } };
/** Every count is under the shop's minimum: the badge renders nothing at all. */
export const BelowMinimum: Story = { args: { data: 'belowMinimum' } };
export const Loading: Story = { args: { data: 'loading' } };
/** The badge is decoration: on failure it disappears (a placeholder's fallback content stays). */
export const ServerError: Story = { args: { data: 'error' } };
export const Chinese: Story = { globals: { locale: 'zh-CN' } };
export const ChineseCustomers: Story = {
  args: { data: 'customers', variant: 'customers' },
  globals: { locale: 'zh-CN' },
};
export const Dark: Story = { args: { data: 'withAvatars' }, globals: { theme: 'dark' } };
export const RightToLeft: Story = { args: { data: 'withAvatars' }, globals: { dir: 'rtl' } };

/**
 * A signed-in shopper (`customerToken`): the badge asks the server for their
 * friends by POST, and shows the two who agreed to be named.
 */
export const SignedInShopper: Story = {
  render: (_, { globals }) => (
    <Framed
      koubei={friendsKoubei(
        {
          ...SOCIAL_PROOF,
          friends: { count: 6, named: [{ displayName: '林美' }, { displayName: 'Ann Lee' }] },
        },
        globals.locale,
      )}
      product="teapot-celadon"
      customerToken={STORY_TOKENS.valid}
      theme={globals.theme}
    />
  ),
};
/** The server refused the token (expired): recent activity only, no friends. */
export const ExpiredToken: Story = {
  render: (_, { globals }) => (
    <Framed
      koubei={friendsKoubei(SOCIAL_PROOF, globals.locale)}
      product="teapot-celadon"
      customerToken={STORY_TOKENS.expired}
      theme={globals.theme}
    />
  ),
};
