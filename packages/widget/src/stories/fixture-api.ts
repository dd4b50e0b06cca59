import type { InviterStatus, KoubeiClient, Review } from '@koubei/core';
import { createKoubeiClient, paginateReviews, parseReviewQuery } from '@koubei/core';
import {
  INVITER_STATUS,
  INVITE_LANDING,
  SOCIAL_PROOF,
  TESTIMONIALS,
  makeReviews,
  photo,
  summaryOf,
} from './fixtures.ts';

export type Scenario =
  | 'normal'
  | 'empty'
  | 'one'
  | 'long'
  | 'many-photos'
  | 'hostile'
  | 'loading'
  | 'error'
  /** Reads as `normal`; submitted reviews wait for moderation. */
  | 'pending'
  /** Every request fails as if the network were down. */
  | 'offline'
  /** Reads as `normal`, but the referral programme has ended (410 for invite codes). */
  | 'ended';

/** Reads a request body a piece at a time, as a network would, so upload progress shows. */
async function drain(request: Request): Promise<void> {
  const reader = request.body?.getReader();
  if (!reader) return;
  while (!(await reader.read()).done) await new Promise((resolve) => setTimeout(resolve, 60));
}

/**
 * A `fetch` that answers the Koubei API from fixtures, for Storybook and
 * component tests only (never shipped): it runs the real client, real
 * paging and real validation on canned data, and can fail on purpose.
 */
export function createFixtureFetch(
  scenario: Scenario,
  reviews: Review[] = reviewsFor(scenario),
): typeof fetch {
  const json = (body: unknown, status = 200) =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  // The server's Idempotency-Key memory: a retried review gets its first answer back.
  const submitted = new Map<string, string>();
  let uploads = 0;
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    if (scenario === 'loading') return new Promise<Response>(() => undefined);
    if (scenario === 'error') return json({ title: 'Server error', status: 500 }, 500);
    if (scenario === 'offline') throw new TypeError('Failed to fetch');
    const path = url.pathname;
    if (request.method === 'POST' && /\/products\/[^/]+\/reviews$/.test(path)) {
      const key = request.headers.get('idempotency-key') ?? '';
      const reviewId = submitted.get(key) ?? `fixture-review-${submitted.size + 1}`;
      submitted.set(key, reviewId);
      return json({ reviewId, status: scenario === 'pending' ? 'pending' : 'published' }, 201);
    }
    if (request.method === 'POST' && path.endsWith('/photos')) {
      await drain(request);
      const n = (uploads++ % 6) + 1;
      const { url: photoUrl, thumbnailUrl, width, height } = photo('upload', n);
      return json(
        { id: `fixture-photo-${uploads}`, url: photoUrl, thumbnailUrl, width, height },
        201,
      );
    }
    if (path.endsWith('/form-token')) return json({ token: 'fixture-form-token' });
    if (path.endsWith('/summaries')) {
      const products = (url.searchParams.get('products') ?? '').split(',');
      return json({
        summaries: products.map((product) =>
          summaryOf(
            reviews.filter((r) => r.product === product),
            product,
          ),
        ),
      });
    }
    if (/\/products\/[^/]+\/reviews$/.test(path)) {
      const product = decodeURIComponent(path.split('/').at(-2) ?? '');
      const query = parseReviewQuery(Object.fromEntries(url.searchParams));
      if (!query.ok) return json({ title: query.message, status: 400 }, 400);
      const page = paginateReviews(
        reviews.filter((r) => r.product === product),
        { ...query.value, sort: query.value.sort },
      );
      return json({ product, items: page.items, nextCursor: page.nextCursor });
    }
    if (path.endsWith('/media')) {
      const items = reviews.flatMap((review) =>
        review.media.flatMap((media) =>
          media.kind === 'photo'
            ? [
                {
                  photo: media,
                  product: review.product,
                  authorName: review.authorName,
                  rating: review.rating,
                  createdAt: review.createdAt,
                },
              ]
            : [],
        ),
      );
      return json({ items: items.slice(0, 50), nextCursor: null });
    }
    if (path.endsWith('/testimonials'))
      return json({ items: scenario === 'empty' ? [] : TESTIMONIALS });
    if (path.endsWith('/social-proof'))
      return json(
        scenario === 'empty'
          ? { ...SOCIAL_PROOF, friends: { count: 0, named: [] }, recent: [] }
          : SOCIAL_PROOF,
      );
    if (path.endsWith('/votes')) {
      const id = path.split('/').at(-2) ?? '';
      const review = reviews.find((r) => r.id === id);
      return json({
        reviewId: id,
        helpfulCount: (review?.helpfulCount ?? 0) + 1,
        unhelpfulCount: review?.unhelpfulCount ?? 0,
      });
    }
    if (path.endsWith('/referral/status')) return json(inviterStatusFor(scenario));
    if (/\/referral\/(invites\/[^/]+|visits)$/.test(path)) {
      if (scenario === 'ended')
        return json({ title: 'This referral programme has ended', status: 410 }, 410);
      const code =
        request.method === 'POST'
          ? ((await request.json()) as { code: string }).code
          : decodeURIComponent(path.split('/').at(-1) ?? '');
      return code === INVITE_LANDING.code
        ? json(INVITE_LANDING)
        : json({ title: 'No such invite code', status: 404 }, 404);
    }
    if (path.endsWith('/events')) return Promise.resolve(new Response(null, { status: 202 }));
    return json({ title: 'Not found', status: 404 }, 404);
  };
}

/** The inviter's list for each scenario: none yet, one, hostile text, or the usual five. */
export function inviterStatusFor(scenario: Scenario): InviterStatus {
  switch (scenario) {
    case 'empty':
      return {
        ...INVITER_STATUS,
        invitations: [],
        conversions: 0,
        rewardsEarned: [],
        nextTier: { conversionsNeeded: 3, reward: { kind: 'points', points: 500 } },
      };
    case 'one':
      return {
        ...INVITER_STATUS,
        invitations: INVITER_STATUS.invitations.slice(-1),
        conversions: 0,
        rewardsEarned: [],
      };
    case 'hostile':
      return {
        ...INVITER_STATUS,
        invitations: INVITER_STATUS.invitations.map((invitation) => ({
          ...invitation,
          inviteeMasked: '<img src=x onerror=alert(1)>\u202Emoc.qq@***l',
        })),
      };
    case 'long':
      return {
        ...INVITER_STATUS,
        invitations: Array.from({ length: 40 }, (_, i) => ({
          ...(INVITER_STATUS.invitations[i % 5] as InviterStatus['invitations'][number]),
          id: `long-${i}`,
        })),
        nextTier: null,
      };
    default:
      return INVITER_STATUS;
  }
}

export function reviewsFor(scenario: Scenario): Review[] {
  switch (scenario) {
    case 'empty':
      return [];
    case 'one':
      return makeReviews(1);
    case 'long':
      return makeReviews(3).map((review) => ({
        ...review,
        body: `${review.body} `.repeat(30).trim(),
      }));
    case 'many-photos':
      return makeReviews(24).map((review, i) => ({
        ...review,
        media: [1, 2, 3].map((n) => photo(review.id, ((i + n) % 6) + 1)),
      }));
    case 'hostile':
      return makeReviews(3).map((review) => ({
        ...review,
        title: '<b onmouseover=alert(1)>hi</b>',
        body: 'Hostile\n<script>alert(1)</script>',
        authorName: 'Jane\u202Eyub deifirev',
      }));
    default:
      return makeReviews(64);
  }
}

export function createFixtureClient(scenario: Scenario): KoubeiClient {
  return createKoubeiClient({
    apiBase: 'https://api.koubei.test',
    store: 'tea-house',
    fetch: createFixtureFetch(scenario),
    readRetries: 0,
    timeoutMs: 60_000,
  });
}
