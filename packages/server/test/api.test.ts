import { readdirSync } from 'node:fs';
import {
  MediaPageSchema,
  ReviewPageSchema,
  SocialProofSchema,
  SummariesResponseSchema,
  TestimonialListSchema,
  createIdempotencyKey,
  validate,
} from '@koubei/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../src/http/signing.ts';
import type { TestServer } from './harness.ts';
import { DATABASES, ORIGIN, STORE, startTestServer } from './harness.ts';

const SECRET = 'test-secret-0123456789abcdef0123456789';
/** A form token from ten seconds ago: a person had time to write. */
const formToken = () => sign(`form:${Date.now() - 10_000}`, SECRET);

function review(overrides: Record<string, unknown> = {}) {
  return {
    rating: 5,
    title: 'Lovely pot',
    body: 'Pours well and keeps tea hot.',
    authorName: 'Mei',
    language: 'en',
    formToken: formToken(),
    ...overrides,
  };
}

describe.each(DATABASES)('Koubei API on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  function submit(
    product: string,
    body: unknown,
    key = createIdempotencyKey(),
    { origin = ORIGIN, ...headers }: Record<string, string> = {},
  ) {
    return server.request(`/v1/${STORE}/products/${product}/reviews`, {
      method: 'POST',
      origin,
      headers: { 'content-type': 'application/json', 'idempotency-key': key, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  it('answers health checks and serves its OpenAPI document', async () => {
    expect(await (await server.request('/healthz')).json()).toEqual({ ok: true });
    const openApi = await (await server.request('/openapi.json')).json();
    expect(openApi.paths['/v1/{store}/summaries'].get.operationId).toBe('summaries');
  });

  it('stores a review, publishes it and keeps the summary up to date', async () => {
    const response = await submit('teapot', review());
    expect(response.status).toBe(201);
    const result = await response.json();
    expect(result).toEqual({ reviewId: expect.any(String), status: 'published' });

    const summaries = await (
      await server.request(`/v1/${STORE}/summaries?products=teapot,unknown`)
    ).json();
    expect(summaries.summaries).toEqual([
      expect.objectContaining({ product: 'teapot', count: 1, mean: 5, histogram: [0, 0, 0, 0, 1] }),
      expect.objectContaining({ product: 'unknown', count: 0 }),
    ]);
    const page = await (await server.request(`/v1/${STORE}/products/teapot/reviews`)).json();
    expect(page.items).toEqual([
      expect.objectContaining({
        id: result.reviewId,
        body: 'Pours well and keeps tea hot.',
        authorName: 'Mei',
      }),
    ]);
    expect(JSON.stringify(page)).not.toContain('email');
    // What the widgets validate against: the shared contract.
    expect(validate(ReviewPageSchema, page).ok).toBe(true);
    expect(validate(SummariesResponseSchema, summaries).ok).toBe(true);
  });

  it('serves reads from its cache until a write changes the store', async () => {
    const read = async () =>
      (await (await server.request(`/v1/${STORE}/summaries?products=cached`)).json()).summaries[0]
        .count;
    expect(await read()).toBe(0);
    expect(await read()).toBe(0);
    expect((await submit('cached', review())).status).toBe(201);
    expect(await read()).toBe(1);
  });

  it('sends cache headers and answers 304 to a matching ETag', async () => {
    const first = await server.request(`/v1/${STORE}/summaries?products=teapot`);
    expect(first.headers.get('cache-control')).toBe(
      'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400',
    );
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    const etag = first.headers.get('etag') as string;
    const again = await server.request(`/v1/${STORE}/summaries?products=teapot`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it.each([
    [{ rating: '5' }, 'rating'],
    [{ rating: 6 }, 'rating'],
    [{ body: '' }, 'body'],
    [{ authorName: 'x'.repeat(81) }, 'authorName'],
    [{ email: 'not-an-email' }, 'email'],
    [{ status: 'published' }, 'status'],
    [{ verifiedPurchase: true }, 'verifiedPurchase'],
  ])('rejects %j with 422 naming %s', async (change, field) => {
    const response = await submit('teapot', review(change));
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await response.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it('refuses the wrong content type, a missing key, bad JSON and oversized bodies', async () => {
    expect(
      (
        await submit('teapot', JSON.stringify(review()), undefined, {
          'content-type': 'text/plain',
        })
      ).status,
    ).toBe(415);
    const noKey = await server.request(`/v1/${STORE}/products/teapot/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(review()),
    });
    expect(noKey.status).toBe(400);
    expect((await submit('teapot', '{"rating":5,')).status).toBe(400);
    expect((await submit('teapot', review({ body: 'x'.repeat(70_000) }))).status).toBe(413);
  });

  it('stores one review however often a request is retried, and refuses a reused key with new content', async () => {
    const key = createIdempotencyKey();
    const body = review({ body: 'Retried after the connection dropped.' });
    const first = await (await submit('kettle', body, key)).json();
    const retry = await submit('kettle', body, key);
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(first);
    const reused = await submit('kettle', review({ body: 'Something else entirely.' }), key);
    expect(reused.status).toBe(422);
    const page = await (await server.request(`/v1/${STORE}/products/kettle/reviews`)).json();
    expect(page.items).toHaveLength(1);
  });

  it('stores one review when the same request arrives five times at once', async () => {
    const key = createIdempotencyKey();
    const body = review({ body: 'Double-clicked the submit button.' });
    const responses = await Promise.all(Array.from({ length: 5 }, () => submit('cup', body, key)));
    const ok = await Promise.all(responses.filter((r) => r.status === 201).map((r) => r.json()));
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok.map((r) => r.reviewId)).size).toBe(1);
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const page = await (await server.request(`/v1/${STORE}/products/cup/reviews`)).json();
    expect(page.items).toHaveLength(1);
  });

  it('quietly drops bots: a filled honeypot or a form sent too fast stores nothing', async () => {
    const honeypot = await submit('trap', review({ website: 'https://spam.example' }));
    expect(honeypot.status).toBe(201);
    const fast = await submit('trap', review({ formToken: sign(`form:${Date.now()}`, SECRET) }));
    expect(fast.status).toBe(201);
    const page = await (await server.request(`/v1/${STORE}/products/trap/reviews`)).json();
    expect(page.items).toEqual([]);
  });

  it('holds reviews without a form token for moderation (never because of their rating)', async () => {
    const response = await submit('held', review({ formToken: undefined, rating: 1 }));
    expect(await response.json()).toEqual({ reviewId: expect.any(String), status: 'pending' });
    const page = await (await server.request(`/v1/${STORE}/products/held/reviews`)).json();
    expect(page.items).toEqual([]);
  });

  it('pages with a signed keyset cursor and refuses a tampered one', async () => {
    for (let i = 0; i < 7; i++)
      expect(
        (await submit('paged', review({ rating: (i % 5) + 1, body: `Review number ${i}` }))).status,
      ).toBe(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/v1/${STORE}/products/paged/reviews?sort=lowest&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await (await server.request(path)).json();
      seen.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const first = await (
      await server.request(`/v1/${STORE}/products/paged/reviews?limit=3`)
    ).json();
    const tampered = `${first.nextCursor.slice(0, -3)}abc`;
    expect(
      (
        await server.request(
          `/v1/${STORE}/products/paged/reviews?cursor=${encodeURIComponent(tampered)}`,
        )
      ).status,
    ).toBe(400);
  });

  it('counts concurrent helpful votes from one visitor once', async () => {
    const { reviewId } = await (await submit('voted', review())).json();
    const vote = (voter: string, helpful = true) =>
      server.request(`/v1/${STORE}/reviews/${reviewId}/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ voter, helpful }),
      });
    const results = await Promise.all(Array.from({ length: 8 }, () => vote('visitor-aaaaaaaa')));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const final = await (await vote('visitor-bbbbbbbb')).json();
    expect(final).toEqual({ reviewId, helpfulCount: 2, unhelpfulCount: 0 });
    expect(await (await vote('visitor-aaaaaaaa', false)).json()).toMatchObject({
      helpfulCount: 1,
      unhelpfulCount: 1,
    });
  });

  it('lets only the store’s own storefront write, and anyone read', async () => {
    expect(
      (await submit('teapot', review(), undefined, { origin: 'https://evil.example' })).status,
    ).toBe(403);
    const denied = await server.request(`/v1/${STORE}/products/teapot/reviews`, {
      method: 'OPTIONS',
      origin: 'https://evil.example',
      headers: { 'access-control-request-method': 'POST' },
    });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await server.request(`/v1/${STORE}/products/teapot/reviews`, {
      method: 'OPTIONS',
      headers: { 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const read = await server.request(`/v1/${STORE}/summaries?products=teapot`, {
      origin: 'https://other.example',
    });
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('lists testimonials featured first, valid against the contract', async () => {
    await server.db.query(
      `insert into testimonials (store_id, id, quote, author_name, language, source, featured, position, created_ms)
       values ($1, 't-a', 'Good tea.', 'Ann', 'en', 'review', false, 0, $2), ($1, 't-b', '好茶', '李', 'zh-CN', 'survey', true, 1, $2)`,
      [STORE, Date.now()],
    );
    const list = await (await server.request(`/v1/${STORE}/testimonials`)).json();
    expect(validate(TestimonialListSchema, list).ok).toBe(true);
    expect(list.items.map((t: { id: string }) => t.id)).toEqual(['t-b', 't-a']);
    const featured = await (await server.request(`/v1/${STORE}/testimonials?featured=1`)).json();
    expect(featured.items.map((t: { id: string }) => t.id)).toEqual(['t-b']);
  });

  it('shows recent activity as social proof only from the minimum count up', async () => {
    const proof = async () =>
      (await server.request(`/v1/${STORE}/products/proof-pot/social-proof`)).json();
    expect((await proof()).recent).toEqual([]);
    for (let i = 0; i < 3; i++)
      await submit('proof-pot', review({ recommends: true, body: `Recommended ${i}` }));
    const shown = await proof();
    expect(validate(SocialProofSchema, shown).ok).toBe(true);
    expect(shown.recent).toEqual([
      { kind: 'reviewed', count: 3, windowDays: 30 },
      { kind: 'recommended', count: 3, windowDays: 30 },
    ]);
  });

  it('takes event beacons as text/plain', async () => {
    const response = await server.request(`/v1/${STORE}/events`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({
        events: [
          {
            v: 1,
            type: 'impression',
            store: STORE,
            widget: 'stars',
            product: 'teapot',
            at: new Date().toISOString(),
            pageView: 'pv_12345678',
          },
        ],
      }),
    });
    expect(response.status).toBe(202);
    const rows = await server.db.query<{ n: number }>(
      "select count(*)::int as n from events where type = 'impression'",
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('answers 404 for unknown stores and routes without echoing input', async () => {
    const response = await server.request('/v1/no-such-store/summaries?products=<script>');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<script>');
  });

  describe('merchant API', () => {
    it('needs a valid key', async () => {
      expect((await server.request('/v1/merchant/reviews')).status).toBe(401);
      expect(
        (
          await server.request('/v1/merchant/reviews', {
            headers: { authorization: 'Bearer wrong-key-0123456789' },
          })
        ).status,
      ).toBe(401);
    });

    it('replies publicly, and the reply shows in the widgets’ data', async () => {
      const { reviewId } = await (
        await submit('replied', review({ rating: 2, body: 'Arrived chipped.' }))
      ).json();
      const reply = await server.merchant(`/v1/merchant/reviews/${reviewId}/reply`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'Sorry! A replacement is on its way.' }),
      });
      expect(reply.status).toBe(200);
      const page = await (await server.request(`/v1/${STORE}/products/replied/reviews`)).json();
      expect(page.items[0].reply).toMatchObject({ body: 'Sorry! A replacement is on its way.' });
    });

    it('hides with a listed reason (audited) and the summary follows', async () => {
      const { reviewId } = await (await submit('moderated', review({ rating: 4 }))).json();
      const noReason = await server.merchant(`/v1/merchant/reviews/${reviewId}/moderation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'hide' }),
      });
      expect(noReason.status).toBe(422);
      const hidden = await server.merchant(`/v1/merchant/reviews/${reviewId}/moderation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'hide', reason: 'spam' }),
      });
      expect(await hidden.json()).toEqual({ reviewId, status: 'hidden' });
      const summary = await (
        await server.request(`/v1/${STORE}/summaries?products=moderated`)
      ).json();
      expect(summary.summaries[0].count).toBe(0);
      const audit = await server.db.query<{ action: string; reason: string }>(
        'select action, reason from audit_log where review_id = $1',
        [reviewId],
      );
      expect(audit).toEqual([{ action: 'moderation:hide', reason: 'spam' }]);
    });

    it('erases one reviewer everywhere and answers the same for unknown addresses', async () => {
      await submit('erased', review({ email: 'li@example.com', body: 'Please forget me later.' }));
      const erase = (email: string) =>
        server.merchant('/v1/merchant/erasure', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email }),
        });
      const known = await erase('LI@example.com');
      const unknown = await erase('nobody@example.com');
      expect(known.status).toBe(202);
      expect(await unknown.json()).toEqual(await known.json());
      const left = await server.db.query("select 1 from reviews where email = 'li@example.com'");
      expect(left).toEqual([]);
      const summary = await (await server.request(`/v1/${STORE}/summaries?products=erased`)).json();
      expect(summary.summaries[0].count).toBe(0);
    });
  });
});

describe.each(DATABASES)('photos on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function upload(bytes: Uint8Array, name = 'photo.jpg', key = createIdempotencyKey()) {
    const form = new FormData();
    form.append('photo', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
    return server.request(`/v1/${STORE}/photos`, {
      method: 'POST',
      headers: { 'idempotency-key': key },
      body: form,
    });
  }

  it('takes a JPEG, serves it re-encoded with nosniff, attaches it to a review and erases it with the reviewer', async () => {
    const jpeg = new Uint8Array(
      await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c47a3c' } })
        .jpeg()
        .toBuffer(),
    );
    const key = createIdempotencyKey();
    const response = await upload(jpeg, 'holiday.jpg', key);
    expect(response.status).toBe(201);
    const photo = await response.json();
    expect(photo).toMatchObject({ id: expect.any(String), width: 800, height: 600 });
    expect(await (await upload(jpeg, 'holiday.jpg', key)).json()).toEqual(photo);

    const file = await server.request(`/v1/${STORE}/photos/${photo.id}.webp`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/webp');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('cache-control')).toContain('immutable');
    expect((await server.request(`/v1/${STORE}/photos/${photo.id}-thumb.webp`)).status).toBe(200);

    const submitted = await server.request(`/v1/${STORE}/products/photo-pot/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': createIdempotencyKey() },
      body: JSON.stringify({
        rating: 4,
        body: 'Here it is on my table.',
        authorName: 'Ana',
        language: 'en',
        email: 'ana@example.com',
        photoIds: [photo.id],
        formToken: sign(`form:${Date.now() - 10_000}`, SECRET),
      }),
    });
    expect(submitted.status).toBe(201);
    const page = await (await server.request(`/v1/${STORE}/products/photo-pot/reviews`)).json();
    expect(page.items[0].media).toEqual([
      expect.objectContaining({ kind: 'photo', id: photo.id, width: 800, height: 600 }),
    ]);
    const gallery = await (await server.request(`/v1/${STORE}/media?product=photo-pot`)).json();
    expect(validate(MediaPageSchema, gallery).ok).toBe(true);
    expect(gallery.items).toEqual([
      expect.objectContaining({ product: 'photo-pot', authorName: 'Ana', rating: 4 }),
    ]);

    const erased = await server.merchant('/v1/merchant/erasure', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ana@example.com' }),
    });
    expect(erased.status).toBe(202);
    expect((await server.request(`/v1/${STORE}/photos/${photo.id}.webp`)).status).toBe(404);
    expect(readdirSync(server.photoDir).filter((name) => name.startsWith(photo.id))).toEqual([]);
  });

  it.each([
    [
      'an SVG with a script',
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      415,
    ],
    ['HTML named .jpg', new TextEncoder().encode('<html><script>alert(1)</script></html>'), 415],
  ])('refuses %s', async (_, bytes, status) => {
    const response = await upload(bytes as Uint8Array, 'photo.jpg');
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain('<script>');
  });

  it('limits all writes to one store, whoever sends them', async () => {
    const limited = await startTestServer(kind, { storeWritesPerMinute: 2 });
    try {
      const send = (ip: string) =>
        limited.request(`/v1/${STORE}/events`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain', 'x-forwarded-for': ip },
          body: JSON.stringify({
            events: [
              {
                v: 1,
                type: 'view',
                store: STORE,
                widget: 'reviews',
                at: new Date().toISOString(),
                pageView: 'pv_12345678',
              },
            ],
          }),
        });
      expect((await send('10.0.0.1')).status).toBe(202);
      expect((await send('10.0.0.2')).status).toBe(202);
      expect((await send('10.0.0.3')).status).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('limits writes per visitor with Retry-After', async () => {
    const limited = await startTestServer(kind, { writesPerMinute: 2 });
    try {
      const vote = () =>
        limited.request(`/v1/${STORE}/events`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({
            events: [
              {
                v: 1,
                type: 'view',
                store: STORE,
                widget: 'reviews',
                at: new Date().toISOString(),
                pageView: 'pv_12345678',
              },
            ],
          }),
        });
      expect((await vote()).status).toBe(202);
      expect((await vote()).status).toBe(202);
      const third = await vote();
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe.each(DATABASES)('review import on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  const importFile = (body: string, type: string) =>
    server.merchant('/v1/merchant/import', {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });

  it('imports a CSV file and the reviews show with an updated summary', async () => {
    const csv = [
      'product,rating,title,body,author,language,date,verified',
      'imported-pot,5,Great,"Lovely, and it pours well",Ann,en,2025-03-01T10:00:00Z,yes',
      'imported-pot,3,一般,"还行\n就是有点重",李,zh-CN,2025-04-01T10:00:00Z,no',
    ].join('\n');
    const response = await importFile(csv, 'text/csv');
    expect(await response.json()).toEqual({ imported: 2 });
    const summary = await (
      await server.request(`/v1/${STORE}/summaries?products=imported-pot`)
    ).json();
    expect(summary.summaries[0]).toMatchObject({ count: 2, mean: 4 });
    const page = await (
      await server.request(`/v1/${STORE}/products/imported-pot/reviews?sort=newest`)
    ).json();
    expect(page.items.map((r: { body: string }) => r.body)).toEqual([
      '还行\n就是有点重',
      'Lovely, and it pours well',
    ]);
  });

  it('imports nothing and names row and field when a row is bad', async () => {
    const json = JSON.stringify([
      {
        product: 'bad-import',
        rating: 5,
        body: 'ok',
        author: 'A',
        language: 'en',
        date: '2025-01-01T00:00:00Z',
      },
      {
        product: 'bad-import',
        rating: 9,
        body: '',
        author: 'B',
        language: 'en',
        date: 'yesterday',
      },
    ]);
    const response = await importFile(json, 'application/json');
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['2.rating', '2.body', '2.date']),
    );
    const summary = await (
      await server.request(`/v1/${STORE}/summaries?products=bad-import`)
    ).json();
    expect(summary.summaries[0].count).toBe(0);
  });
});

describe.each(DATABASES)('found in review, kept fixed, on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { moderation: 'moderate-first' });
  });
  afterAll(async () => {
    await server?.close();
  });

  const post = (product: string, body: Record<string, unknown>) =>
    server.request(`/v1/${STORE}/products/${product}/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': createIdempotencyKey() },
      body: JSON.stringify({
        rating: 4,
        body: 'Fine.',
        authorName: 'Bo',
        language: 'en',
        formToken: sign(`form:${Date.now() - 10_000}`, SECRET),
        ...body,
      }),
    });
  const moderate = (id: string, action: string, reason?: string) =>
    server.merchant(`/v1/merchant/reviews/${id}/moderation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action, ...(reason ? { reason } : {}) }),
    });

  it('counts every review approved at the same moment for a new product', async () => {
    const ids = await Promise.all(
      [1, 2, 3, 4].map(async () => (await (await post('race-pot', {})).json()).reviewId as string),
    );
    await Promise.all(ids.map((id) => moderate(id, 'approve')));
    const summary = await (await server.request(`/v1/${STORE}/summaries?products=race-pot`)).json();
    expect(summary.summaries[0].count).toBe(4);
  });

  it('stops serving the photos of a review once it is hidden', async () => {
    const jpeg = await sharp({
      create: { width: 64, height: 64, channels: 3, background: '#336699' },
    })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(jpeg)]), 'p.jpg');
    const photo = await (
      await server.request(`/v1/${STORE}/photos`, {
        method: 'POST',
        headers: { 'idempotency-key': createIdempotencyKey() },
        body: form,
      })
    ).json();
    const { reviewId } = await (await post('hidden-photo', { photoIds: [photo.id] })).json();
    expect((await server.request(`/v1/${STORE}/photos/${photo.id}.webp`)).status).toBe(404);
    await moderate(reviewId, 'approve');
    expect((await server.request(`/v1/${STORE}/photos/${photo.id}.webp`)).status).toBe(200);
    await moderate(reviewId, 'hide', 'personal-data');
    expect((await server.request(`/v1/${STORE}/photos/${photo.id}.webp`)).status).toBe(404);
  });

  it('never caches form tokens, and refuses other signed values as one', async () => {
    const first = await server.request(`/v1/${STORE}/form-token`);
    expect(first.headers.get('cache-control')).toBe('no-store');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await server.request(`/v1/${STORE}/form-token`);
    expect((await first.json()).token).not.toBe((await second.json()).token);
    const page = await (await server.request(`/v1/${STORE}/media?limit=1`)).json();
    const wrongKind = await server.request(
      `/v1/${STORE}/media?cursor=${encodeURIComponent((await (await server.request(`/v1/${STORE}/form-token`)).json()).token)}`,
    );
    expect(wrongKind.status).toBe(400);
    expect(page.items).toBeDefined();
  });

  it('answers 400, not 500, for a product id the contract does not allow', async () => {
    expect((await server.request(`/v1/${STORE}/products/%00/reviews`)).status).toBe(400);
    expect((await post('x'.repeat(200), {})).status).toBe(400);
  });
});
