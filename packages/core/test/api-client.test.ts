import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  EMPTY_AGGREGATE,
  createIdempotencyKey,
  createKoubeiClient,
  isAbortedError,
  isHttpError,
  isInvalidPayloadError,
  isInvalidRequestError,
  isKoubeiError,
  isNetworkError,
  isTimeoutError,
  summarizeAggregate,
} from '@koubei/core';
import type {
  Fetched,
  KoubeiClientOptions,
  KoubeiEvent,
  ProductSummary,
  Review,
  ReviewSubmissionInput,
  SocialProof,
  StorageLike,
} from '@koubei/core';

const BASE = 'https://api.koubei.test';
const STORE = 'demo-store';
const REVIEWS_URL = `${BASE}/v1/${STORE}/products/:product/reviews`;
const SUMMARIES_URL = `${BASE}/v1/${STORE}/summaries`;
const SOCIAL_PROOF_URL = `${BASE}/v1/${STORE}/products/:product/social-proof`;
const EVENTS_URL = `${BASE}/v1/${STORE}/events`;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// ---------------------------------------------------------------- fixtures

function review(id: string, overrides: Record<string, unknown> = {}): Review {
  return {
    id,
    product: 'p1',
    rating: 5,
    title: 'Lovely',
    body: 'Soft and warm.',
    language: 'en',
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
    authorName: 'Ann',
    verifiedPurchase: true,
    incentive: null,
    recommends: true,
    helpfulCount: 3,
    unhelpfulCount: 0,
    media: [],
    aspects: [],
    reply: null,
    status: 'published',
    ...overrides,
  } as Review;
}

function summary(product: string, count = 2): ProductSummary {
  return {
    product,
    count,
    mean: 4.5,
    bayesianMean: 3.6,
    histogram: [0, 0, 0, count - 1, 1],
    photoShare: 0.5,
    recommendRate: 1,
    aspects: [],
  };
}

const socialProof: SocialProof = {
  product: 'p1',
  minimumCount: 3,
  friends: { count: 4, named: [{ displayName: 'Wei' }] },
  recent: [{ kind: 'purchased', count: 12, windowDays: 7 }],
};

function event(overrides: Partial<KoubeiEvent> = {}): KoubeiEvent {
  return {
    v: 1,
    type: 'impression',
    store: STORE,
    widget: 'stars',
    product: 'p1',
    at: '2024-05-01T10:00:00.000Z',
    pageView: 'pv_12345678',
    ...overrides,
  };
}

const submission: ReviewSubmissionInput = {
  rating: 4,
  body: 'Fits well, washes well.',
  authorName: 'Li',
  language: 'zh-CN',
};

const IDEMPOTENCY_KEY = 'key_0123456789abcdef';

// ---------------------------------------------------------------- helpers

function clock(start = 1_700_000_000_000) {
  let time = start;
  return {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
  };
}

function makeClient(overrides: Partial<KoubeiClientOptions> = {}) {
  const time = clock();
  const onInvalidItems = vi.fn();
  const client = createKoubeiClient({
    apiBase: BASE,
    store: STORE,
    readRetries: 1,
    writeRetries: 2,
    timeoutMs: 2_000,
    now: time.now,
    onInvalidItems,
    ...overrides,
  });
  return { client, time, onInvalidItems };
}

/** The rejection of `promise`; fails the test if it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject');
}

/** A promise the test opens by hand, to hold a handler until the test is ready. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

function reviewPage(items: unknown[], extra: Record<string, unknown> = {}) {
  return { product: 'p1', items, nextCursor: null, ...extra };
}

/** Serves reviews for p1 and counts requests. */
function serveReviews(
  respond: (attempt: number, request: Request) => Response | Promise<Response>,
) {
  const requests: Request[] = [];
  server.use(
    http.get(REVIEWS_URL, ({ request }) => {
      requests.push(request);
      return respond(requests.length, request);
    }),
  );
  return requests;
}

/** Serves summaries from a table of known products, recording each requested id list. */
function serveSummaries(known: (product: string) => ProductSummary | undefined = summary) {
  const batches: string[][] = [];
  server.use(
    http.get(SUMMARIES_URL, ({ request }) => {
      const products = (new URL(request.url).searchParams.get('products') ?? '').split(',');
      batches.push(products);
      return HttpResponse.json({
        summaries: products.flatMap((product) => {
          const found = known(product);
          return found ? [found] : [];
        }),
      });
    }),
  );
  return batches;
}

const helpfulQuery = { sort: 'helpful' } as const;

// ---------------------------------------------------------------- tests

describe('createKoubeiClient configuration', () => {
  it('refuses an apiBase that is not https (or http on loopback)', () => {
    expect(() => createKoubeiClient({ apiBase: 'http://api.koubei.test', store: STORE })).toThrow(
      TypeError,
    );
    expect(() => createKoubeiClient({ apiBase: 'javascript:alert(1)', store: STORE })).toThrow(
      TypeError,
    );
    expect(() =>
      createKoubeiClient({ apiBase: 'http://localhost:8787', store: STORE }),
    ).not.toThrow();
  });
});

describe('valid responses', () => {
  it('parses a review page into typed data and encodes the query', async () => {
    const requests = serveReviews(() =>
      HttpResponse.json(
        reviewPage([review('r1'), review('r2', { rating: 3 })], { nextCursor: 'c2' }),
      ),
    );
    const { client, onInvalidItems } = makeClient();

    const page = await client.getReviews('p1', {
      sort: 'newest',
      filter: { stars: [5, 4, 4], withMedia: true },
      limit: 500,
    });

    expect(page.source).toBe('network');
    expect(page.error).toBeNull();
    expect(page.data.items.map((item) => [item.id, item.rating])).toEqual([
      ['r1', 5],
      ['r2', 3],
    ]);
    expect(page.data.nextCursor).toBe('c2');
    expect(onInvalidItems).not.toHaveBeenCalled();
    expectTypeOf(page.data.items).toEqualTypeOf<Review[]>();
    expectTypeOf(page.source).toEqualTypeOf<'network' | 'cache' | 'stale'>();

    expect(requests).toHaveLength(1);
    const url = new URL(requests[0]?.url ?? '');
    expect(url.pathname).toBe(`/v1/${STORE}/products/p1/reviews`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      sort: 'newest',
      stars: '4,5',
      media: '1',
      limit: '50',
    });
    expect(requests[0]?.headers.get('accept')).toBe('application/json');
  });

  it('drops fields the contract does not know', async () => {
    serveReviews(() =>
      HttpResponse.json(
        reviewPage([{ ...review('r1'), internalNote: 'do not show' }], { debug: 1 }),
      ),
    );
    const { client } = makeClient();

    const page = await client.getReviews('p1', helpfulQuery);

    expect(page.data.items[0]).not.toHaveProperty('internalNote');
    expect(page.data).not.toHaveProperty('debug');
    expect(page.data.items[0]).toEqual(review('r1'));
  });

  it('percent-encodes path parameters so an id cannot add path segments', async () => {
    const paths: string[] = [];
    server.use(
      http.get(`${BASE}/*`, ({ request }) => {
        paths.push(new URL(request.url).pathname);
        return HttpResponse.json(socialProof);
      }),
    );
    const { client } = makeClient();

    await client.getSocialProof('../../admin');

    expect(paths).toEqual([`/v1/${STORE}/products/..%2F..%2Fadmin/social-proof`]);
  });

  it('parses a non-list resource (social proof)', async () => {
    server.use(http.get(SOCIAL_PROOF_URL, () => HttpResponse.json(socialProof)));
    const { client } = makeClient();

    const result = await client.getSocialProof('p1');

    expect(result).toEqual({ data: socialProof, source: 'network', error: null });
    expectTypeOf(result).toEqualTypeOf<Fetched<SocialProof>>();
  });

  it('posts the customer token for friends, never in the URL', async () => {
    const seen: { url: string; body: unknown }[] = [];
    server.use(
      http.post(SOCIAL_PROOF_URL, async ({ request }) => {
        seen.push({ url: request.url, body: await request.json() });
        return HttpResponse.json(socialProof);
      }),
    );
    const { client } = makeClient();

    const result = await client.getFriendsSocialProof('p1', 'customer:abc.tag');

    expect(result).toEqual(socialProof);
    expect(seen).toEqual([
      {
        url: `${BASE}/v1/${STORE}/products/p1/social-proof`,
        body: { customerToken: 'customer:abc.tag' },
      },
    ]);
    await expect(client.getFriendsSocialProof('p1', '')).rejects.toMatchObject({
      kind: 'invalid-request',
    });
    expect(seen).toHaveLength(1);
  });
});

describe('responses that break the contract', () => {
  const cases: [string, () => Response][] = [
    [
      'malformed JSON',
      () =>
        new HttpResponse('{"product":"p1","items":[', {
          headers: { 'content-type': 'application/json' },
        }),
    ],
    ['an HTML error page sent with 200', () => HttpResponse.html('<!doctype html><h1>Oops</h1>')],
    ['an empty body', () => new HttpResponse(null, { status: 200 })],
    ['JSON null', () => HttpResponse.json(null)],
    ['JSON of the wrong shape', () => HttpResponse.json({ product: 'p1', items: 'none' })],
    ['a list without its envelope fields', () => HttpResponse.json({ items: [review('r1')] })],
    ['a bare array', () => HttpResponse.json([review('r1')])],
  ];

  it.each(cases)('turns %s into InvalidPayloadError', async (_name, respond) => {
    serveReviews(() => respond());
    const { client, onInvalidItems } = makeClient();

    const error = await rejectionOf(client.getReviews('p1', helpfulQuery));

    expect(isInvalidPayloadError(error)).toBe(true);
    expect(isKoubeiError(error) && error.kind).toBe('invalid-payload');
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect(onInvalidItems).not.toHaveBeenCalled();
  });

  it('names the offending fields of a wrong-shaped object', async () => {
    server.use(
      http.get(SOCIAL_PROOF_URL, () =>
        HttpResponse.json({ ...socialProof, minimumCount: 'three', friends: undefined }),
      ),
    );
    const { client } = makeClient();

    const error = await rejectionOf(client.getSocialProof('p1'));

    expect(isInvalidPayloadError(error)).toBe(true);
    const paths = isInvalidPayloadError(error) ? error.issues.map((issue) => issue.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['minimumCount', 'friends']));
  });
});

describe('lists with invalid items', () => {
  it('drops only the invalid reviews and reports how many', async () => {
    serveReviews(() =>
      HttpResponse.json(
        reviewPage([
          review('r1'),
          review('r2', { rating: '5' }),
          review('r3', { rating: 2 }),
          review('r4', { rating: 9 }),
        ]),
      ),
    );
    const { client, onInvalidItems } = makeClient();

    const page = await client.getReviews('p1', helpfulQuery);

    expect(page.source).toBe('network');
    expect(page.data.items.map((item) => item.id)).toEqual(['r1', 'r3']);
    expect(page.data.product).toBe('p1');
    expect(onInvalidItems).toHaveBeenCalledTimes(1);
    expect(onInvalidItems).toHaveBeenCalledWith(
      '/v1/{store}/products/{product}/reviews',
      2,
      expect.stringContaining('rating'),
    );
  });

  it('returns an empty list when every item is invalid', async () => {
    serveReviews(() =>
      HttpResponse.json(reviewPage([review('r1', { rating: 0 }), { id: 'r2' }, 'junk', null])),
    );
    const { client, onInvalidItems } = makeClient();

    const page = await client.getReviews('p1', helpfulQuery);

    expect(page.data.items).toEqual([]);
    expect(onInvalidItems).toHaveBeenCalledWith(expect.any(String), 4, expect.any(String));
  });

  it('keeps the valid summaries of a batch when one is invalid', async () => {
    server.use(
      http.get(SUMMARIES_URL, () =>
        HttpResponse.json({ summaries: [summary('p1'), { ...summary('p2'), mean: 7 }] }),
      ),
    );
    const { client, onInvalidItems } = makeClient();

    const result = await client.getSummary('p1');

    expect(result.data).toEqual(summary('p1'));
    expect(onInvalidItems).toHaveBeenCalledWith('/v1/{store}/summaries', 1, expect.any(String));
  });

  it('fails the lookup of a product whose summary was invalid instead of showing 0 reviews', async () => {
    server.use(
      http.get(SUMMARIES_URL, () =>
        HttpResponse.json({ summaries: [summary('p1'), { ...summary('p2'), mean: 7 }] }),
      ),
    );
    const { client } = makeClient();

    const [p1, p2] = await Promise.allSettled([client.getSummary('p1'), client.getSummary('p2')]);

    expect(p1.status === 'fulfilled' && p1.value.data).toEqual(summary('p1'));
    expect(p2.status === 'rejected' && isInvalidPayloadError(p2.reason)).toBe(true);
  });

  it('keeps at most 50 reviews of a page that claims more', async () => {
    serveReviews(() =>
      HttpResponse.json({
        product: 'p1',
        items: Array.from({ length: 60 }, (_, i) => review(`r${i}`)),
        nextCursor: null,
      }),
    );
    const { client, onInvalidItems } = makeClient();

    const page = await client.getReviews('p1', helpfulQuery);

    expect(page.data.items).toHaveLength(50);
    expect(onInvalidItems).toHaveBeenCalledWith(
      expect.any(String),
      10,
      expect.stringContaining('more than 50'),
    );
  });
});

describe('retries', () => {
  it('retries a GET that failed with 500 and returns the later success', async () => {
    const requests = serveReviews((attempt) =>
      attempt === 1
        ? HttpResponse.json({ title: 'Internal', status: 500 }, { status: 500 })
        : HttpResponse.json(reviewPage([review('r1')])),
    );
    const { client } = makeClient({ readRetries: 1 });

    const page = await client.getReviews('p1', helpfulQuery);

    expect(page.data.items).toHaveLength(1);
    expect(requests).toHaveLength(2);
  });

  it('gives up with HttpError 500 after 1 + readRetries attempts', async () => {
    const requests = serveReviews(
      () => new HttpResponse('<h1>Internal Server Error</h1>', { status: 500 }),
    );
    const { client } = makeClient({ readRetries: 1 });

    const error = await rejectionOf(client.getReviews('p1', helpfulQuery));

    expect(isHttpError(error)).toBe(true);
    expect(isHttpError(error) && error.status).toBe(500);
    expect(isHttpError(error) && error.retryable).toBe(true);
    expect(requests).toHaveLength(2);
  });

  it('does not retry a 404 and keeps the problem detail', async () => {
    const requests = serveReviews(() =>
      HttpResponse.json(
        { title: 'Not Found', status: 404, detail: 'No product p1 in this store' },
        { status: 404, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    const { client } = makeClient({ readRetries: 2 });

    const error = await rejectionOf(client.getReviews('p1', helpfulQuery));

    expect(isHttpError(error) && error.status).toBe(404);
    expect(isHttpError(error) && error.retryable).toBe(false);
    expect(isHttpError(error) && error.message).toContain('No product p1 in this store');
    expect(requests).toHaveLength(1);
  });

  it('retries a 429 that says Retry-After: 0', async () => {
    const requests = serveReviews((attempt) =>
      attempt === 1
        ? new HttpResponse(null, { status: 429, headers: { 'retry-after': '0' } })
        : HttpResponse.json(reviewPage([review('r1')])),
    );
    const { client } = makeClient({ readRetries: 1 });

    const started = performance.now();
    const page = await client.getReviews('p1', helpfulQuery);

    expect(page.data.items.map((item) => item.id)).toEqual(['r1']);
    expect(requests).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('reports Retry-After in seconds when it gives up', async () => {
    serveReviews(() => new HttpResponse(null, { status: 503, headers: { 'retry-after': '7' } }));
    const { client } = makeClient({ readRetries: 0 });

    const error = await rejectionOf(client.getReviews('p1', helpfulQuery));

    expect(isHttpError(error) && error.status).toBe(503);
    expect(isHttpError(error) && error.retryAfterSeconds).toBe(7);
  });
});

describe('network failures and timeouts', () => {
  it('turns a network error into NetworkError after retrying it', async () => {
    const requests = serveReviews(() => HttpResponse.error());
    const { client } = makeClient({ readRetries: 1 });

    const error = await rejectionOf(client.getReviews('p1', helpfulQuery));

    expect(isNetworkError(error)).toBe(true);
    expect(isNetworkError(error) && error.retryable).toBe(true);
    expect(requests).toHaveLength(2);
  });

  it('turns a hanging server into TimeoutError', async () => {
    const requests = serveReviews(async () => {
      await delay('infinite');
      return HttpResponse.json(reviewPage([]));
    });
    const { client } = makeClient({ timeoutMs: 100, readRetries: 0 });

    const started = performance.now();
    const error = await rejectionOf(client.getReviews('p1', helpfulQuery));

    expect(isTimeoutError(error)).toBe(true);
    expect(isTimeoutError(error) && error.timeoutMs).toBe(100);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(requests).toHaveLength(1);
  });

  it('retries a read that timed out', async () => {
    const requests = serveReviews(async (attempt) => {
      if (attempt === 1) await delay('infinite');
      return HttpResponse.json(reviewPage([review('r1')]));
    });
    const { client } = makeClient({ timeoutMs: 100, readRetries: 1 });

    const page = await client.getReviews('p1', helpfulQuery);

    expect(page.data.items).toHaveLength(1);
    expect(requests).toHaveLength(2);
  });
});

describe('aborting', () => {
  it('rejects with AbortedError and sends nothing for an already aborted signal', async () => {
    const requests = serveReviews(() => HttpResponse.json(reviewPage([])));
    const { client } = makeClient();

    const error = await rejectionOf(
      client.getReviews('p1', helpfulQuery, { signal: AbortSignal.abort() }),
    );

    expect(isAbortedError(error)).toBe(true);
    expect(requests).toHaveLength(0);
  });

  it('rejects with AbortedError and cancels the request when the only caller aborts', async () => {
    const entered = gate();
    const cancelled = gate();
    serveReviews(async (_attempt, request) => {
      request.signal.addEventListener('abort', () => cancelled.open());
      entered.open();
      await delay('infinite');
      return HttpResponse.json(reviewPage([]));
    });
    const { client } = makeClient();
    const controller = new AbortController();

    const pending = client.getReviews('p1', helpfulQuery, { signal: controller.signal });
    await entered.opened;
    controller.abort();

    const error = await rejectionOf(pending);
    expect(isAbortedError(error)).toBe(true);
    await expect(cancelled.opened).resolves.toBeUndefined();
  });

  it('keeps a shared read going for the caller that did not abort', async () => {
    const release = gate();
    const requests = serveReviews(async () => {
      await release.opened;
      return HttpResponse.json(reviewPage([review('r1')]));
    });
    const { client } = makeClient();
    const controller = new AbortController();

    const leaving = client.getReviews('p1', helpfulQuery, { signal: controller.signal });
    const staying = client.getReviews('p1', helpfulQuery);
    controller.abort();
    const leavingError = await rejectionOf(leaving);
    release.open();

    expect(isAbortedError(leavingError)).toBe(true);
    const page = await staying;
    expect(page.data.items.map((item) => item.id)).toEqual(['r1']);
    expect(requests).toHaveLength(1);
  });

  it('gives a new caller data even when it asks right after the only earlier caller aborted', async () => {
    const entered = gate();
    const requests = serveReviews(async (attempt) => {
      if (attempt === 1) {
        entered.open();
        await delay('infinite');
      }
      return HttpResponse.json(reviewPage([review('r1')]));
    });
    const { client } = makeClient();
    const controller = new AbortController();

    const first = client.getReviews('p1', helpfulQuery, { signal: controller.signal });
    await entered.opened;
    controller.abort();
    // e.g. a widget unmounted and mounted again in the same task
    const second = client.getReviews('p1', helpfulQuery);

    expect(isAbortedError(await rejectionOf(first))).toBe(true);
    const page = await second;
    expect(page.source).toBe('network');
    expect(page.data.items.map((item) => item.id)).toEqual(['r1']);
    expect(requests).toHaveLength(2);
  });

  it('gives a new summary caller data after the only earlier caller aborted in the same task', async () => {
    const batches = serveSummaries();
    const { client } = makeClient();
    const controller = new AbortController();

    const first = client.getSummary('p1', { signal: controller.signal });
    controller.abort();
    const second = client.getSummary('p1');

    expect(isAbortedError(await rejectionOf(first))).toBe(true);
    const result = await Promise.race([
      second,
      new Promise((resolve) => setTimeout(() => resolve('never settled'), 500)),
    ]);
    expect(result).toEqual({ data: summary('p1'), source: 'network', error: null });
    expect(batches).toEqual([['p1']]);
  });

  it('does not serve stale data to a caller that aborted', async () => {
    let healthy = true;
    const release = gate();
    serveReviews(async () => {
      if (healthy) return HttpResponse.json(reviewPage([review('r1')]));
      await release.opened;
      return HttpResponse.json(reviewPage([review('r2')]));
    });
    const { client, time } = makeClient({
      cache: { freshMs: 1_000, staleMs: 1_000, keepForErrorsMs: 3_600_000 },
    });
    await client.getReviews('p1', helpfulQuery);
    healthy = false;
    time.advance(10_000);

    const controller = new AbortController();
    const pending = client.getReviews('p1', helpfulQuery, { signal: controller.signal });
    controller.abort();

    expect(isAbortedError(await rejectionOf(pending))).toBe(true);
    release.open();
  });
});

describe('summaries batching', () => {
  it('sends the lookups of one task as ONE request with each id once', async () => {
    const batches = serveSummaries();
    const { client } = makeClient();

    const [many, single, repeated] = await Promise.all([
      client.getSummaries(['p1', 'p2', 'p3', 'p2']),
      client.getSummary('p4'),
      client.getSummary('p1'),
    ]);

    expect(batches).toHaveLength(1);
    const ids = batches[0] ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(many.map((result) => result.data.product)).toEqual(['p1', 'p2', 'p3', 'p2']);
    expect(single.data).toEqual(summary('p4'));
    expect(repeated.data).toEqual(summary('p1'));
    expectTypeOf(single.data).toEqualTypeOf<ProductSummary>();
  });

  it('splits 150 ids into two requests of at most 100', async () => {
    const batches = serveSummaries();
    const { client } = makeClient();
    const ids = Array.from({ length: 150 }, (_, i) => `sku-${i}`);

    const results = await client.getSummaries(ids);

    expect(batches.map((batch) => batch.length).sort((a, b) => b - a)).toEqual([100, 50]);
    expect(batches.flat().sort()).toEqual([...ids].sort());
    expect(results.map((result) => result.data.product)).toEqual(ids);
  });

  it('returns products missing from the response as summaries with a count of 0', async () => {
    serveSummaries((product) => (product === 'known' ? summary('known', 5) : undefined));
    const { client } = makeClient();

    const [known, unknown] = await client.getSummaries(['known', 'never-reviewed']);

    expect(known?.data.count).toBe(5);
    expect(unknown?.data).toEqual(summarizeAggregate('never-reviewed', EMPTY_AGGREGATE));
    expect(unknown?.data).toMatchObject({
      product: 'never-reviewed',
      count: 0,
      histogram: [0, 0, 0, 0, 0],
    });
  });

  it('serves summaries from the cache afterwards, asking only for new ids', async () => {
    const batches = serveSummaries();
    const { client } = makeClient();

    await client.getSummaries(['p1', 'p2']);
    const again = await client.getSummaries(['p1', 'p2', 'p3']);

    expect(batches).toEqual([['p1', 'p2'], ['p3']]);
    expect(again.map((result) => result.source)).toEqual(['cache', 'cache', 'network']);
  });

  it('keeps the batch going for the others when one caller aborts', async () => {
    const batches = serveSummaries();
    const { client } = makeClient();
    const controller = new AbortController();

    const leaving = client.getSummary('p1', { signal: controller.signal });
    const staying = client.getSummary('p2');
    controller.abort();

    expect(isAbortedError(await rejectionOf(leaving))).toBe(true);
    expect((await staying).data).toEqual(summary('p2'));
    expect(batches).toHaveLength(1);
  });

  it('fails every lookup of a batch whose request failed', async () => {
    server.use(http.get(SUMMARIES_URL, () => new HttpResponse(null, { status: 404 })));
    const { client } = makeClient();

    const outcomes = await Promise.allSettled([client.getSummary('p1'), client.getSummary('p2')]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    for (const outcome of outcomes) {
      expect(outcome.status === 'rejected' && isHttpError(outcome.reason)).toBe(true);
    }
  });
});

describe('stale-while-revalidate', () => {
  const timings = { freshMs: 1_000, staleMs: 10_000, keepForErrorsMs: 3_600_000 };

  function versionedReviews() {
    let version = 1;
    let mode: 'ok' | 'fail' | 'offline' = 'ok';
    const requests = serveReviews(() => {
      if (mode === 'fail') return new HttpResponse(null, { status: 500 });
      if (mode === 'offline') return HttpResponse.error();
      return HttpResponse.json(reviewPage([review(`v${version}`)]));
    });
    return {
      requests,
      setVersion(next: number) {
        version = next;
      },
      setMode(next: typeof mode) {
        mode = next;
      },
    };
  }

  it('serves a second read within freshMs from the cache without a request', async () => {
    const api = versionedReviews();
    const { client, time } = makeClient({ cache: timings });

    const first = await client.getReviews('p1', helpfulQuery);
    time.advance(999);
    const second = await client.getReviews('p1', helpfulQuery);

    expect(first.source).toBe('network');
    expect(second).toEqual({ data: first.data, source: 'cache', error: null });
    expect(api.requests).toHaveLength(1);
  });

  it('caches each query separately', async () => {
    const api = versionedReviews();
    const { client } = makeClient({ cache: timings });

    await client.getReviews('p1', helpfulQuery);
    const newest = await client.getReviews('p1', { sort: 'newest' });

    expect(newest.source).toBe('network');
    expect(api.requests).toHaveLength(2);
  });

  it('serves stale data at once and refreshes it in the background', async () => {
    const api = versionedReviews();
    const { client, time } = makeClient({ cache: timings });
    await client.getReviews('p1', helpfulQuery);

    api.setVersion(2);
    time.advance(5_000);
    let revalidatedWith: (ids: string[]) => void = () => undefined;
    const revalidated = new Promise<string[]>((resolve) => {
      revalidatedWith = resolve;
    });
    const stale = await client.getReviews('p1', helpfulQuery, {
      onRevalidated: (data) => revalidatedWith(data.items.map((item) => item.id)),
    });

    expect(stale.source).toBe('cache');
    expect(stale.error).toBeNull();
    expect(stale.data.items.map((item) => item.id)).toEqual(['v1']);
    await expect(revalidated).resolves.toEqual(['v2']);
    expect(api.requests).toHaveLength(2);

    const after = await client.getReviews('p1', helpfulQuery);
    expect(after.source).toBe('cache');
    expect(after.data.items.map((item) => item.id)).toEqual(['v2']);
    expect(api.requests).toHaveLength(2);
  });

  it('keeps serving the stale copy when the background refresh fails', async () => {
    const api = versionedReviews();
    const { client, time } = makeClient({ cache: timings, readRetries: 0 });
    await client.getReviews('p1', helpfulQuery);

    api.setMode('fail');
    time.advance(5_000);
    const onRevalidated = vi.fn();
    const stale = await client.getReviews('p1', helpfulQuery, { onRevalidated });
    await vi.waitFor(() => expect(api.requests).toHaveLength(2));
    const again = await client.getReviews('p1', helpfulQuery);
    // The next read tries the refresh again.
    await vi.waitFor(() => expect(api.requests).toHaveLength(3));

    expect(stale.source).toBe('cache');
    expect(stale.data.items.map((item) => item.id)).toEqual(['v1']);
    expect(again.source).toBe('cache');
    expect(again.data.items.map((item) => item.id)).toEqual(['v1']);
    expect(onRevalidated).not.toHaveBeenCalled();
  });

  it('falls back to the kept copy, marked stale with the error, when the network fails', async () => {
    const api = versionedReviews();
    const { client, time } = makeClient({ cache: timings, readRetries: 0 });
    const first = await client.getReviews('p1', helpfulQuery);

    api.setMode('fail');
    time.advance(60_000);
    const failed = await client.getReviews('p1', helpfulQuery);

    expect(failed.source).toBe('stale');
    expect(failed.data).toEqual(first.data);
    expect(isHttpError(failed.error) && failed.error.status).toBe(500);

    api.setMode('offline');
    const offline = await client.getReviews('p1', helpfulQuery);
    expect(offline.source).toBe('stale');
    expect(isNetworkError(offline.error)).toBe(true);
  });

  it('throws once the kept copy is too old to show', async () => {
    const api = versionedReviews();
    const { client, time } = makeClient({ cache: timings, readRetries: 0 });
    await client.getReviews('p1', helpfulQuery);

    api.setMode('fail');
    time.advance(2 * 3_600_000);
    const error = await rejectionOf(client.getReviews('p1', helpfulQuery));

    expect(isHttpError(error)).toBe(true);
  });

  it('never caches a failure: the next read after recovery goes to the network', async () => {
    const api = versionedReviews();
    const { client } = makeClient({ cache: timings, readRetries: 0 });

    api.setMode('fail');
    const error = await rejectionOf(client.getReviews('p1', helpfulQuery));
    expect(isHttpError(error)).toBe(true);

    api.setMode('ok');
    const recovered = await client.getReviews('p1', helpfulQuery);
    expect(recovered).toMatchObject({ source: 'network', error: null });
    expect(recovered.data.items.map((item) => item.id)).toEqual(['v1']);
    expect(api.requests).toHaveLength(2);
  });

  it('never caches an invalid payload', async () => {
    let valid = false;
    const requests = serveReviews(() =>
      valid ? HttpResponse.json(reviewPage([review('r1')])) : HttpResponse.html('<p>maintenance'),
    );
    const { client } = makeClient({ cache: timings });

    expect(isInvalidPayloadError(await rejectionOf(client.getReviews('p1', helpfulQuery)))).toBe(
      true,
    );
    valid = true;
    const page = await client.getReviews('p1', helpfulQuery);

    expect(page.source).toBe('network');
    expect(requests).toHaveLength(2);
  });

  it('reads through storage left by an earlier page load and rejects tampered entries', async () => {
    const items = new Map<string, string>();
    const storage: StorageLike = {
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, value),
      removeItem: (key) => void items.delete(key),
    };
    const batches = serveSummaries();
    const time = clock();

    const firstLoad = makeClient({ storage, now: time.now });
    await firstLoad.client.getSummaries(['p1', 'p2']);
    expect(batches).toHaveLength(1);

    // Another script on the page corrupts one stored summary.
    const storedKey = [...items.keys()].find((key) => key.endsWith('summary:p2'));
    expect(storedKey).toBeDefined();
    items.set(storedKey ?? '', JSON.stringify({ t: time.now(), d: { product: 'p2', count: -1 } }));

    const secondLoad = makeClient({ storage, now: time.now });
    const [p1, p2] = await secondLoad.client.getSummaries(['p1', 'p2']);

    expect(p1).toEqual({ data: summary('p1'), source: 'cache', error: null });
    expect(p2).toEqual({ data: summary('p2'), source: 'network', error: null });
    expect(batches).toEqual([['p1', 'p2'], ['p2']]);
  });
});

describe('submitReview', () => {
  function serveSubmissions(respond: (attempt: number) => Response) {
    const received: { key: string | null; contentType: string | null; body: unknown }[] = [];
    server.use(
      http.post(REVIEWS_URL, async ({ request }) => {
        received.push({
          key: request.headers.get('idempotency-key'),
          contentType: request.headers.get('content-type'),
          body: await request.json(),
        });
        return respond(received.length);
      }),
    );
    return received;
  }

  it('sends a valid review with its Idempotency-Key and returns the result', async () => {
    const received = serveSubmissions(() =>
      HttpResponse.json({ reviewId: 'rev_1', status: 'pending' }, { status: 201 }),
    );
    const { client } = makeClient();
    const key = createIdempotencyKey();

    const result = await client.submitReview('p1', submission, { idempotencyKey: key });

    expect(result).toEqual({ reviewId: 'rev_1', status: 'pending' });
    expect(received).toHaveLength(1);
    expect(received[0]?.key).toBe(key);
    expect(received[0]?.contentType).toBe('application/json');
    expect(received[0]?.body).toEqual({
      ...submission,
      title: '',
      recommends: null,
      aspects: [],
      photoIds: [],
    });
  });

  it('rejects an invalid submission with InvalidRequestError naming the field, sending nothing', async () => {
    const received = serveSubmissions(() => HttpResponse.json({}, { status: 500 }));
    const { client } = makeClient();

    const error = await rejectionOf(
      client.submitReview('p1', { ...submission, rating: 6 }, { idempotencyKey: IDEMPOTENCY_KEY }),
    );

    expect(isInvalidRequestError(error)).toBe(true);
    expect(isInvalidRequestError(error) && error.retryable).toBe(false);
    expect(isInvalidRequestError(error) && error.issues.map((issue) => issue.path)).toContain(
      'rating',
    );
    expect(received).toHaveLength(0);
  });

  it('rejects fields the server derives instead of sending them', async () => {
    const received = serveSubmissions(() => HttpResponse.json({}, { status: 500 }));
    const { client } = makeClient();
    const forged = { ...submission, verifiedPurchase: true } as ReviewSubmissionInput;

    const error = await rejectionOf(
      client.submitReview('p1', forged, { idempotencyKey: IDEMPOTENCY_KEY }),
    );

    expect(isInvalidRequestError(error)).toBe(true);
    expect(isInvalidRequestError(error) && error.message).toContain('verifiedPurchase');
    expect(received).toHaveLength(0);
  });

  it.each(['short', 'x'.repeat(65), 'has spaces in the key', 'ключ-идемпотентности'])(
    'rejects the Idempotency-Key %j without sending',
    async (idempotencyKey) => {
      const received = serveSubmissions(() => HttpResponse.json({}, { status: 500 }));
      const { client } = makeClient();

      const error = await rejectionOf(client.submitReview('p1', submission, { idempotencyKey }));

      expect(isInvalidRequestError(error)).toBe(true);
      expect(isInvalidRequestError(error) && error.issues[0]?.path).toBe('idempotencyKey');
      expect(received).toHaveLength(0);
    },
  );

  it('retries a 503 with the same Idempotency-Key', async () => {
    const received = serveSubmissions((attempt) =>
      attempt === 1
        ? HttpResponse.json({ title: 'Unavailable', status: 503 }, { status: 503 })
        : HttpResponse.json({ reviewId: 'rev_2', status: 'published' }, { status: 201 }),
    );
    const { client } = makeClient({ writeRetries: 2 });

    const result = await client.submitReview('p1', submission, {
      idempotencyKey: IDEMPOTENCY_KEY,
    });

    expect(result).toEqual({ reviewId: 'rev_2', status: 'published' });
    expect(received.map((request) => request.key)).toEqual([IDEMPOTENCY_KEY, IDEMPOTENCY_KEY]);
    expect(received[1]?.body).toEqual(received[0]?.body);
  });

  it('gives up after 1 + writeRetries attempts, all with the same key', async () => {
    const received = serveSubmissions(() => new HttpResponse(null, { status: 502 }));
    const { client } = makeClient({ writeRetries: 1 });

    const error = await rejectionOf(
      client.submitReview('p1', submission, { idempotencyKey: IDEMPOTENCY_KEY }),
    );

    expect(isHttpError(error) && error.status).toBe(502);
    expect(received.map((request) => request.key)).toEqual([IDEMPOTENCY_KEY, IDEMPOTENCY_KEY]);
  });

  it('turns a 422 problem document into HttpError with its issues, without retrying', async () => {
    const problem = {
      title: 'Invalid review',
      status: 422,
      errors: [{ path: 'body', message: 'Contains a link' }],
    };
    const received = serveSubmissions(() =>
      HttpResponse.json(problem, {
        status: 422,
        headers: { 'content-type': 'application/problem+json' },
      }),
    );
    const { client } = makeClient({ writeRetries: 3 });

    const error = await rejectionOf(
      client.submitReview('p1', submission, { idempotencyKey: IDEMPOTENCY_KEY }),
    );

    expect(isHttpError(error)).toBe(true);
    expect(isHttpError(error) && error.status).toBe(422);
    expect(isHttpError(error) && error.issues).toEqual(problem.errors);
    expect(isHttpError(error) && error.message).toContain('Invalid review');
    expect(isHttpError(error) && error.retryable).toBe(false);
    expect(received).toHaveLength(1);
  });

  it('rejects with AbortedError when the form is closed mid-request', async () => {
    const entered = gate();
    server.use(
      http.post(REVIEWS_URL, async () => {
        entered.open();
        await delay('infinite');
        return HttpResponse.json({ reviewId: 'rev_3', status: 'published' }, { status: 201 });
      }),
    );
    const { client } = makeClient();
    const controller = new AbortController();

    const pending = client.submitReview('p1', submission, {
      idempotencyKey: IDEMPOTENCY_KEY,
      signal: controller.signal,
    });
    await entered.opened;
    controller.abort();

    expect(isAbortedError(await rejectionOf(pending))).toBe(true);
  });

  it('forgets cached reads after a successful submission', async () => {
    const batches = serveSummaries();
    serveSubmissions(() =>
      HttpResponse.json({ reviewId: 'rev_4', status: 'published' }, { status: 201 }),
    );
    const { client } = makeClient();

    await client.getSummary('p1');
    await client.submitReview('p1', submission, { idempotencyKey: IDEMPOTENCY_KEY });
    const after = await client.getSummary('p1');

    expect(after.source).toBe('network');
    expect(batches).toHaveLength(2);
  });
});

describe('sendEvents', () => {
  function serveEvents(respond: () => Response = () => new HttpResponse(null, { status: 202 })) {
    const received: { method: string; contentType: string | null; body: string }[] = [];
    server.use(
      http.post(EVENTS_URL, async ({ request }) => {
        received.push({
          method: request.method,
          contentType: request.headers.get('content-type'),
          body: await request.text(),
        });
        return respond();
      }),
    );
    return received;
  }

  it('hands events to sendBeacon as a text/plain Blob', async () => {
    const received = serveEvents();
    const beacons: { url: string; data: Blob }[] = [];
    const sendBeacon = vi.fn((url: string, data: Blob) => {
      beacons.push({ url, data });
      return true;
    });
    const { client } = makeClient({ sendBeacon });

    const delivered = await client.sendEvents([event(), event({ type: 'view' })]);

    expect(delivered).toBe(true);
    expect(beacons).toHaveLength(1);
    expect(beacons[0]?.url).toBe(EVENTS_URL);
    expect(beacons[0]?.data.type).toMatch(/^text\/plain/);
    expect(JSON.parse((await beacons[0]?.data.text()) ?? '')).toEqual({
      events: [event(), event({ type: 'view' })],
    });
    expect(received).toHaveLength(0);
  });

  it('sends large lists in batches of at most 50', async () => {
    const blobs: Blob[] = [];
    const sendBeacon = vi.fn((_url: string, data: Blob) => {
      blobs.push(data);
      return true;
    });
    const { client } = makeClient({ sendBeacon });

    const delivered = await client.sendEvents(Array.from({ length: 120 }, () => event()));

    expect(delivered).toBe(true);
    const sizes = await Promise.all(
      blobs.map(
        async (blob) => (JSON.parse(await blob.text()) as { events: unknown[] }).events.length,
      ),
    );
    expect(sizes).toEqual([50, 50, 20]);
  });

  it('falls back to a text/plain fetch POST when sendBeacon refuses', async () => {
    const received = serveEvents();
    const sendBeacon = vi.fn(() => false);
    const { client } = makeClient({ sendBeacon });

    const delivered = await client.sendEvents([event()]);

    expect(delivered).toBe(true);
    expect(sendBeacon).toHaveBeenCalledTimes(1);
    expect(received).toHaveLength(1);
    expect(received[0]?.method).toBe('POST');
    expect(received[0]?.contentType).toMatch(/^text\/plain/);
    expect(JSON.parse(received[0]?.body ?? '')).toEqual({ events: [event()] });
  });

  it('falls back to fetch when sendBeacon throws', async () => {
    const received = serveEvents();
    const sendBeacon = vi.fn(() => {
      throw new TypeError('Beacons are blocked');
    });
    const { client } = makeClient({ sendBeacon });

    expect(await client.sendEvents([event()])).toBe(true);
    expect(received).toHaveLength(1);
  });

  it('uses fetch when no sendBeacon is given', async () => {
    const received = serveEvents();
    const { client } = makeClient();

    await expect(client.sendEvents([event()])).resolves.toBe(true);
    expect(received).toHaveLength(1);
  });

  it('drops invalid events, sends the rest and reports that not everything went', async () => {
    const received = serveEvents();
    const { client } = makeClient();
    const invalid = [
      event({ type: 'made-up' as KoubeiEvent['type'] }),
      event({ pageView: 'no spaces allowed' }),
      { ...event(), v: 2 } as unknown as KoubeiEvent,
    ];

    const delivered = await client.sendEvents([event(), ...invalid, event({ type: 'view' })]);

    expect(delivered).toBe(false);
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]?.body ?? '')).toEqual({
      events: [event(), event({ type: 'view' })],
    });
  });

  it('sends nothing when every event is invalid', async () => {
    const received = serveEvents();
    const sendBeacon = vi.fn(() => true);
    const { client } = makeClient({ sendBeacon });

    await expect(
      client.sendEvents([event({ store: 'Not A Store!' }), event({ at: 'yesterday' })]),
    ).resolves.toBe(false);
    await expect(client.sendEvents([])).resolves.toBe(true);
    expect(sendBeacon).not.toHaveBeenCalled();
    expect(received).toHaveLength(0);
  });

  it('resolves false instead of throwing on a network error, without retrying', async () => {
    let attempts = 0;
    server.use(
      http.post(EVENTS_URL, () => {
        attempts++;
        return HttpResponse.error();
      }),
    );
    const { client } = makeClient({ sendBeacon: () => false });

    await expect(client.sendEvents([event()])).resolves.toBe(false);
    expect(attempts).toBe(1);
  });

  it('resolves false when the server refuses the batch', async () => {
    serveEvents(() => new HttpResponse(null, { status: 500 }));
    const { client } = makeClient();

    await expect(client.sendEvents([event()])).resolves.toBe(false);
  });
});
