// The fault matrix: every endpoint a widget reads or writes, under every
// network fault, with msw answering on the wire (the real client, ky and
// validation run). One table row per endpoint, one column per fault; each
// cell checks what the shopper sees, how often the request was tried (only
// where retrying is safe), that the widget recovers when the network comes
// back (no failure is remembered), and that the host page saw no error.
import type { KoubeiClient } from '@koubei/core';
import { createKoubeiClient } from '@koubei/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import type { JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import type { ComponentChild } from 'preact';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKoubei } from '../../src/create-koubei.ts';
import {
  FriendsRecommended,
  PhotoGallery,
  ReviewForm,
  ReviewList,
  Stars,
  TestimonialWall,
} from '../../src/index.ts';
import type { KoubeiServices } from '../../src/shared/services.ts';
import { SOCIAL_PROOF, TESTIMONIALS, makeReviews, summaryOf } from '../../src/stories/fixtures.ts';

const API = 'https://api.koubei.test';
const STORE = 'tea-house';
const PRODUCT = 'teapot-celadon';
const TIMEOUT_MS = 300;
const RETRIES = 1;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  // Unmounting saves the form's draft: unmount first, then forget it.
  cleanup();
  localStorage.clear();
});
afterAll(() => server.close());

let hostErrors: unknown[] = [];
const onError = (event: ErrorEvent) => hostErrors.push(event.error ?? event.message);
const onRejection = (event: PromiseRejectionEvent) => hostErrors.push(event.reason);
beforeEach(() => {
  hostErrors = [];
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
});
afterEach(() => {
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
});

// ------------------------------------------------------------------ faults

const FAULTS = [
  'timeout',
  'hang',
  '4xx',
  '5xx',
  '429',
  'malformed JSON',
  'HTML error page',
  'wrong shape',
  'partial',
  'empty',
  'offline',
  'slow',
] as const;
type Fault = (typeof FAULTS)[number];

/** What the shopper sees. `hidden`: a decorative badge steps aside (the host's fallback shows). */
type Visible = 'content' | 'partial' | 'empty' | 'error' | 'rate-limited' | 'hidden';

/** Faults a client may retry: the request never reached a decision, or the server said "later". */
const RETRIED: ReadonlySet<Fault> = new Set(['timeout', 'hang', '5xx', '429', 'offline']);

function problem(status: number, headers: Record<string, string> = {}) {
  return HttpResponse.json(
    { title: 'Problem', status },
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );
}

/** The response for one fault; `healthy` for the rest. */
async function faulty(
  fault: Fault,
  healthy: () => Response,
  partial: () => Response,
  empty: () => Response,
) {
  switch (fault) {
    case 'timeout':
      await delay(TIMEOUT_MS * 3);
      return healthy();
    case 'hang':
      await delay('infinite');
      return healthy();
    case '4xx':
      return problem(400);
    case '5xx':
      return problem(503);
    case '429':
      return problem(429, { 'retry-after': '1' });
    case 'malformed JSON':
      return new HttpResponse('{"items": [{"id": "r1", ', {
        headers: { 'content-type': 'application/json' },
      });
    case 'HTML error page':
      return new HttpResponse('<!doctype html><title>Sign in to Wi-Fi</title><h1>Welcome</h1>', {
        headers: { 'content-type': 'text/html' },
      });
    case 'wrong shape':
      return HttpResponse.json({ data: { reviews: 'none' }, items: 'x' });
    case 'partial':
      return partial();
    case 'empty':
      return empty();
    case 'offline':
      return HttpResponse.error();
    case 'slow':
      await delay(TIMEOUT_MS / 2);
      return healthy();
  }
}

// --------------------------------------------------------------- endpoints

const REVIEWS = makeReviews(6, PRODUCT);
/** Two of eight break the contract: a rating of 9 and a `javascript:` id. */
const PARTIAL_REVIEWS = [
  ...REVIEWS,
  { ...REVIEWS[0], id: 'javascript:alert(1)' },
  { ...REVIEWS[1], id: 'bad-rating', rating: 9 },
];
const mediaOf = (reviews: readonly object[]) =>
  (reviews as typeof REVIEWS).flatMap((review) =>
    review.media.map((photo) => ({
      photo,
      product: PRODUCT,
      authorName: review.authorName,
      rating: review.rating,
      createdAt: review.createdAt,
    })),
  );
const json = (body: unknown) => () => HttpResponse.json(body as JsonBodyType);

interface ReadEndpoint {
  readonly name: string;
  readonly path: string;
  readonly healthy: () => Response;
  readonly partial: () => Response;
  readonly empty: () => Response;
  readonly render: (koubei: KoubeiServices) => ComponentChild;
  /** How many items the healthy and the partial answer show. */
  readonly count: (container: Element) => number;
  readonly items: { healthy: number; partial: number };
  /** Decorative badges step aside on failure (the host's fallback shows); lists show an error. */
  readonly onFailure?: 'hidden';
  /** What the widget shows for each fault, where it differs from the default. */
  readonly expect: Partial<Record<Fault, Visible>>;
}

const READS: readonly ReadEndpoint[] = [
  {
    name: 'summaries',
    path: `${API}/v1/${STORE}/summaries`,
    healthy: json({ summaries: [summaryOf(REVIEWS, PRODUCT)] }),
    // Another product's broken summary next to ours.
    partial: json({ summaries: [summaryOf(REVIEWS, PRODUCT), { product: 'other', count: -1 }] }),
    // No summary for the product: read as no reviews, and the badge says "no reviews yet".
    empty: json({ summaries: [] }),
    render: (koubei) => <Stars koubei={koubei} product={PRODUCT} showEmpty />,
    count: (container) => container.querySelectorAll('[part="badge"]').length,
    items: { healthy: 1, partial: 1 },
    onFailure: 'hidden',
    expect: { partial: 'content', empty: 'content' },
  },
  {
    name: 'reviews',
    path: `${API}/v1/${STORE}/products/:product/reviews`,
    healthy: json({ product: PRODUCT, items: REVIEWS, nextCursor: null }),
    partial: json({ product: PRODUCT, items: PARTIAL_REVIEWS, nextCursor: null }),
    empty: json({ product: PRODUCT, items: [], nextCursor: null }),
    render: (koubei) => <ReviewList koubei={koubei} product={PRODUCT} />,
    count: (container) => container.querySelectorAll('article').length,
    items: { healthy: 6, partial: 6 },
    expect: {},
  },
  {
    name: 'media',
    path: `${API}/v1/${STORE}/media`,
    healthy: json({ items: mediaOf(REVIEWS), nextCursor: null }),
    partial: json({
      items: [...mediaOf(REVIEWS), { photo: { kind: 'photo', url: 'javascript:x' } }],
      nextCursor: null,
    }),
    empty: json({ items: [], nextCursor: null }),
    render: (koubei) => <PhotoGallery koubei={koubei} product={PRODUCT} />,
    count: (container) => container.querySelectorAll('img').length,
    items: { healthy: mediaOf(REVIEWS).length, partial: mediaOf(REVIEWS).length },
    expect: {},
  },
  {
    name: 'testimonials',
    path: `${API}/v1/${STORE}/testimonials`,
    healthy: json({ items: TESTIMONIALS }),
    partial: json({ items: [...TESTIMONIALS, { id: 'broken', quote: 42 }] }),
    empty: json({ items: [] }),
    render: (koubei) => <TestimonialWall koubei={koubei} />,
    count: (container) => container.querySelectorAll('blockquote').length,
    items: { healthy: TESTIMONIALS.length, partial: TESTIMONIALS.length },
    expect: {},
  },
  {
    name: 'social proof',
    path: `${API}/v1/${STORE}/products/:product/social-proof`,
    healthy: json(SOCIAL_PROOF),
    // One named friend breaks the contract: the badge still counts, without faces.
    partial: json({
      ...SOCIAL_PROOF,
      friends: { ...SOCIAL_PROOF.friends, named: [{ displayName: '' }] },
    }),
    empty: json({ ...SOCIAL_PROOF, friends: { count: 0, named: [] }, recent: [] }),
    render: (koubei) => <FriendsRecommended koubei={koubei} product={PRODUCT} />,
    count: (container) => (container.textContent?.includes('recommend') ? 1 : 0),
    items: { healthy: 1, partial: 1 },
    onFailure: 'hidden',
    // Not a list: a broken part fails the whole answer, and the badge steps aside.
    expect: { partial: 'hidden', empty: 'hidden' },
  },
];

function koubeiFor(options: { cache?: boolean } = {}): {
  koubei: KoubeiServices;
  client: KoubeiClient;
} {
  const client = createKoubeiClient({
    apiBase: API,
    store: STORE,
    // Looked up on every call, so msw's interception is what answers.
    fetch: (input, init) => globalThis.fetch(input, init),
    timeoutMs: TIMEOUT_MS,
    readRetries: RETRIES,
    writeRetries: RETRIES,
    ...(options.cache === false ? {} : {}),
  });
  const koubei: KoubeiServices = {
    ...createKoubei({ apiBase: API, store: STORE, client, locale: 'en' }),
    urlOptions: { allowHttpLoopback: true },
  };
  return { koubei, client };
}

function visibleState(container: Element, endpoint: ReadEndpoint): Visible | 'loading' {
  if (container.querySelector('[part="skeleton"]')) return 'loading';
  const error = container.querySelector('[part="error"]');
  if (error) return error.textContent?.includes('Too many requests') ? 'rate-limited' : 'error';
  if (container.querySelector('[part="empty"]')) return 'empty';
  if (container.querySelectorAll('[part="root"] *').length === 0) return 'hidden';
  const shown = endpoint.count(container);
  if (shown === 0) return 'loading';
  return shown === endpoint.items.healthy ? 'content' : 'partial';
}

const defaultVisible = (fault: Fault): Visible =>
  fault === '429'
    ? 'rate-limited'
    : fault === 'partial' || fault === 'slow'
      ? 'content'
      : fault === 'empty'
        ? 'empty'
        : 'error';

describe('fault matrix: reads', { timeout: 20_000 }, () => {
  const cells = READS.flatMap((endpoint) =>
    FAULTS.map((fault) => [endpoint.name, fault, endpoint] as const),
  );

  it.each(cells)('%s × %s', async (_, fault, endpoint) => {
    const fallback = defaultVisible(fault);
    const expected =
      endpoint.expect[fault] ??
      (endpoint.onFailure && (fallback === 'error' || fallback === 'rate-limited')
        ? endpoint.onFailure
        : fallback);
    let attempts = 0;
    let networkBack = false;
    server.use(
      http.get(endpoint.path, async () => {
        attempts++;
        if (networkBack) return endpoint.healthy();
        return faulty(fault, endpoint.healthy, endpoint.partial, endpoint.empty);
      }),
    );
    const { koubei } = koubeiFor();
    const started = Date.now();
    const view = render(<>{endpoint.render(koubei)}</>);
    // A skeleton holds the space until the answer (or the failure) is in.
    if (fault === 'slow' || fault === 'hang')
      expect(visibleState(view.container, endpoint)).toBe('loading');
    const tries = RETRIED.has(fault) ? 1 + RETRIES : 1;
    // A badge shows nothing while loading too, so wait for the last attempt to be answered.
    await waitFor(
      () => {
        expect(attempts).toBe(tries);
        expect(visibleState(view.container, endpoint)).not.toBe('loading');
      },
      { timeout: 8000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(visibleState(view.container, endpoint)).toBe(expected);
    expect(attempts).toBe(tries);
    if (fault === '429') expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    if (expected !== 'content' && expected !== 'partial') {
      // The network returns: a failed read is never remembered.
      networkBack = true;
      const before = attempts;
      const retry = within(view.container as HTMLElement).queryByRole('button', { name: 'Retry' });
      if (retry) fireEvent.click(retry);
      else if (expected === 'hidden' || expected === 'error')
        window.dispatchEvent(new window.Event('online'));
      else {
        view.unmount();
        view.rerender(<>{endpoint.render(koubeiFor().koubei)}</>);
      }
      if (fault !== 'empty' && !(fault === 'partial' && expected === 'hidden'))
        await waitFor(() => expect(visibleState(view.container, endpoint)).toBe('content'), {
          timeout: 8000,
        });
      if (fault !== 'empty' && fault !== 'partial') expect(attempts).toBeGreaterThan(before);
    }
    view.unmount();
    expect(hostErrors).toEqual([]);
  });

  it.each(READS.map((endpoint) => [endpoint.name, endpoint] as const))(
    '%s × offline with a saved copy: shows it, marked stale, and refreshes when back online',
    async (_, endpoint) => {
      let offline = false;
      let requests = 0;
      server.use(
        http.get(endpoint.path, () => {
          requests++;
          return offline ? HttpResponse.error() : endpoint.healthy();
        }),
      );
      const client = createKoubeiClient({
        apiBase: API,
        store: STORE,
        fetch: (input, init) => globalThis.fetch(input, init),
        timeoutMs: TIMEOUT_MS,
        readRetries: 0,
        // Nothing is fresh: every mount asks the network, and the kept copy is the fallback.
        cache: { freshMs: 0, staleMs: 0, keepForErrorsMs: 3600_000 },
      });
      const koubei = {
        ...createKoubei({ apiBase: API, store: STORE, client, locale: 'en' }),
        urlOptions: { allowHttpLoopback: true },
      };
      const first = render(<>{endpoint.render(koubei)}</>);
      await waitFor(() => expect(visibleState(first.container, endpoint)).toBe('content'));
      first.unmount();
      offline = true;
      const second = render(<>{endpoint.render(koubei)}</>);
      // The second mount asked the network (which failed) and shows the kept copy.
      await waitFor(() => expect(requests).toBe(2));
      await waitFor(() => expect(visibleState(second.container, endpoint)).toBe('content'));
      if (endpoint.name !== 'summaries' && endpoint.name !== 'social proof')
        await waitFor(() =>
          expect(second.container.querySelector('[part="stale"]')).not.toBeNull(),
        );
      // Effects (the 'online' listener among them) run after the paint.
      await new Promise((resolve) => setTimeout(resolve, 50));
      offline = false;
      const before = requests;
      window.dispatchEvent(new window.Event('online'));
      await waitFor(() => expect(requests).toBeGreaterThan(before));
      await waitFor(() => expect(second.container.querySelector('[part="stale"]')).toBeNull());
      expect(visibleState(second.container, endpoint)).toBe('content');
      second.unmount();
      expect(hostErrors).toEqual([]);
    },
  );
});

// ------------------------------------------------------------------ writes

const SUBMIT_PATH = `${API}/v1/${STORE}/products/:product/reviews`;
const UPLOAD_PATH = `${API}/v1/${STORE}/photos`;

async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  await user.click(
    within(screen.getByRole('radiogroup', { name: 'Your rating' })).getByRole('radio', {
      name: '4 stars',
    }),
  );
  await user.type(screen.getByRole('textbox', { name: 'Your review' }), 'Pours well.');
  await user.type(screen.getByRole('textbox', { name: 'Name shown with your review' }), 'Mei');
  await user.click(screen.getByRole('checkbox', { name: /^I agree/ }));
}

const WRITE_FAULTS = FAULTS.filter((fault) => fault !== 'partial' && fault !== 'empty');

describe('fault matrix: submit and upload', { timeout: 20_000 }, () => {
  beforeEach(() => {
    server.use(
      http.get(`${API}/v1/${STORE}/form-token`, () => HttpResponse.json({ token: 'form-token' })),
    );
  });

  it.each(WRITE_FAULTS)(
    'submit × %s: the draft is kept, retried with one key, then sent',
    async (fault) => {
      const keys: string[] = [];
      let networkBack = false;
      server.use(
        http.post(SUBMIT_PATH, async ({ request }) => {
          keys.push(request.headers.get('idempotency-key') ?? '');
          const created = () =>
            HttpResponse.json({ reviewId: 'review-1', status: 'published' }, { status: 201 });
          if (networkBack) return created();
          return faulty(fault, created, created, created);
        }),
      );
      const user = userEvent.setup();
      render(<ReviewForm koubei={koubeiFor().koubei} product={PRODUCT} />);
      await fillIn(user);
      await user.click(screen.getByRole('button', { name: 'Submit review' }));
      if (fault === 'slow') {
        expect(await screen.findByText('Thank you! Your review is published.')).toBeTruthy();
        expect(keys).toHaveLength(1);
        return;
      }
      const tryAgain = await screen.findByRole('button', { name: 'Try again' }, { timeout: 8000 });
      expect(screen.getByRole('alert').textContent).toMatch(
        fault === '429' ? /Too many requests/ : fault === '4xx' ? /.+/ : /nothing was lost/,
      );
      // Only faults where the server may not have stored it are retried, always with the same key.
      expect(keys).toHaveLength(RETRIED.has(fault) ? 1 + RETRIES : 1);
      expect(
        (screen.getByRole('textbox', { name: 'Your review' }) as HTMLTextAreaElement).value,
      ).toBe('Pours well.');
      networkBack = true;
      await user.click(tryAgain);
      expect(await screen.findByText('Thank you! Your review is published.')).toBeTruthy();
      expect(new Set(keys).size).toBe(1);
      expect(hostErrors).toEqual([]);
    },
  );

  it.each(WRITE_FAULTS)(
    'upload × %s: the photo shows its own retry and then uploads',
    async (fault) => {
      const keys: string[] = [];
      let networkBack = false;
      server.use(
        http.post(UPLOAD_PATH, async ({ request }) => {
          keys.push(request.headers.get('idempotency-key') ?? '');
          const created = () =>
            HttpResponse.json(
              {
                id: 'photo-1',
                url: `${API}/v1/${STORE}/photos/photo-1.webp`,
                thumbnailUrl: `${API}/v1/${STORE}/photos/photo-1-thumb.webp`,
                width: 800,
                height: 600,
              },
              { status: 201 },
            );
          if (networkBack) return created();
          return faulty(fault, created, created, created);
        }),
      );
      const user = userEvent.setup();
      render(<ReviewForm koubei={koubeiFor().koubei} product={PRODUCT} />);
      await user.upload(
        screen.getByLabelText('Add photos'),
        new File([new Uint8Array(64)], 'cup.png', { type: 'image/png' }),
      );
      if (fault === 'slow') {
        expect(await screen.findByText('Uploaded', {}, { timeout: 8000 })).toBeTruthy();
        return;
      }
      const retry = await screen.findByRole('button', { name: 'Retry photo 1' }, { timeout: 8000 });
      // After a network error the form tries once more without progress reporting
      // (in case only request streaming failed), with the same key.
      const rounds = fault === 'offline' ? 2 : 1;
      expect(keys).toHaveLength(rounds * (RETRIED.has(fault) ? 1 + RETRIES : 1));
      expect(new Set(keys).size).toBe(1);
      networkBack = true;
      await user.click(retry);
      await waitFor(
        () => expect(screen.queryByRole('button', { name: 'Retry photo 1' })).toBeNull(),
        {
          timeout: 8000,
        },
      );
      expect(hostErrors).toEqual([]);
    },
  );
});

// ---------------------------------------------------------------- referral

describe('fault matrix: referral (client)', { timeout: 20_000 }, () => {
  const LANDING = {
    code: 'K7MPQ2XZ',
    inviterFirstName: 'Mei',
    inviteeReward: { kind: 'coupon', description: '¥20 off' },
    expiresAt: null,
  };
  const REFERRAL_FAULTS = WRITE_FAULTS;

  it.each(REFERRAL_FAULTS)('invite landing × %s', async (fault) => {
    let attempts = 0;
    let networkBack = false;
    const healthy = () => HttpResponse.json(LANDING);
    server.use(
      http.get(`${API}/v1/${STORE}/referral/invites/:code`, async () => {
        attempts++;
        if (networkBack) return healthy();
        return faulty(fault, healthy, healthy, healthy);
      }),
    );
    const { client } = koubeiFor();
    const result = await client.getInviteLanding('K7MPQ2XZ').then(
      (fetched) => ({ ok: true as const, data: fetched.data }),
      (error: { kind: string }) => ({ ok: false as const, kind: error.kind }),
    );
    if (fault === 'slow') {
      expect(result).toEqual({ ok: true, data: LANDING });
      return;
    }
    expect(result.ok).toBe(false);
    expect(attempts).toBe(RETRIED.has(fault) ? 1 + RETRIES : 1);
    networkBack = true;
    // No failure is cached: the next look-up reaches the network and succeeds.
    expect((await client.getInviteLanding('K7MPQ2XZ')).data).toEqual(LANDING);
  });
});
