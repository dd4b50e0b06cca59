// Input abuse on every endpoint, on PGlite and PostgreSQL: SQL metacharacters,
// oversized and deeply nested bodies, wrong content types, path traversal in
// ids, invalid UTF-8, pagination limits, negative and huge numbers, forged
// store ids, missing or wrong merchant keys, CORS from unknown origins,
// uploads that lie about their type and decompression bombs. Each gets a
// clear 4xx problem document and changes nothing (row counts of every table
// before and after), and nothing pollutes Object.prototype.
import { createIdempotencyKey } from '@koubei/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../src/routes/merchant.ts';
import { blackPng, solidImage } from './fixtures/images.ts';
import type { TestServer } from './harness.ts';
import { API_KEY, DATABASES, ORIGIN, STORE, startTestServer } from './harness.ts';

const TABLES = [
  'stores',
  'products',
  'reviews',
  'summaries',
  'photos',
  'votes',
  'idempotency_keys',
  'events',
  'testimonials',
  'audit_log',
  'referral_programmes',
  'referral_invites',
  'referral_invitations',
  'referral_rewards',
];
const OTHER_STORE = 'other-shop';
const OTHER_KEY = 'other-merchant-key-0123456789';

interface Abuse {
  readonly name: string;
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: BodyInit;
  readonly origin?: string | null;
  readonly merchant?: boolean;
  /** An exact status, or the 4xx range. */
  readonly status?: number;
  /**
   * Bodies far past the limit: the server answers 413 before reading them and
   * closes the connection, so a client still sending may see only the close.
   */
  readonly mayClose?: boolean;
}

const S = `/v1/${STORE}`;
const key = () => ({ 'idempotency-key': createIdempotencyKey() });
const jsonHeaders = () => ({ 'content-type': 'application/json', ...key() });
const review = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    rating: 5,
    title: 'Fine',
    body: 'Pours well.',
    authorName: 'Mei',
    language: 'en',
    ...extra,
  });
const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const SQL = [`' OR 1=1--`, `1;DROP TABLE reviews`, `'||pg_sleep(5)--`, `"; select 1; --`];

function upload(bytes: Uint8Array, filename: string, type: string): Abuse {
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(bytes)], { type }), filename);
  return { name: '', method: 'POST', path: `${S}/photos`, headers: key(), body: form };
}

async function abuses(): Promise<Abuse[]> {
  const html = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
  const svg = new TextEncoder().encode(
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
  );
  // JPEG magic bytes in front of a page: sniffers say JPEG, decoders say no.
  const polyglot = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...html]);
  const gifScript = new TextEncoder().encode('GIF89a/*<svg onload=alert(1)>*/=alert(1)//');
  const bomb = blackPng(20_000, 20_000);
  const tiny = new Uint8Array(await solidImage(8, 8).jpeg().toBuffer());
  return [
    // SQL metacharacters wherever an id or parameter goes.
    ...SQL.flatMap((sql): Abuse[] => [
      {
        name: `summaries products=${sql}`,
        path: `${S}/summaries?products=${encodeURIComponent(sql)}`,
      },
      { name: `product id ${sql}`, path: `${S}/products/${encodeURIComponent(sql)}/reviews` },
      { name: `sort=${sql}`, path: `${S}/products/p1/reviews?sort=${encodeURIComponent(sql)}` },
      { name: `cursor=${sql}`, path: `${S}/products/p1/reviews?cursor=${encodeURIComponent(sql)}` },
      {
        name: `language=${sql}`,
        path: `${S}/products/p1/reviews?language=${encodeURIComponent(sql)}`,
      },
      { name: `media cursor=${sql}`, path: `${S}/media?cursor=${encodeURIComponent(sql)}` },
      { name: `media product=${sql}`, path: `${S}/media?product=${encodeURIComponent(sql)}` },
      {
        name: `vote review id ${sql}`,
        method: 'POST',
        path: `${S}/reviews/${encodeURIComponent(sql)}/votes`,
        headers: jsonHeaders(),
        body: '{"voter":"abcdefabcdefabcdef","helpful":true}',
      },
      { name: `invite code ${sql}`, path: `${S}/referral/invites/${encodeURIComponent(sql)}` },
      { name: `store ${sql}`, path: `/v1/${encodeURIComponent(sql)}/summaries?products=p1` },
    ]),
    {
      name: 'sort with a subquery',
      path: `${S}/products/p1/reviews?sort=${encodeURIComponent('rating DESC,(SELECT pg_sleep(5))')}`,
    },
    { name: 'sort=__proto__', path: `${S}/products/p1/reviews?sort=__proto__` },
    // Path traversal in ids.
    { name: 'product ../', path: `${S}/products/..%2F..%2Fetc%2Fpasswd/reviews` },
    { name: 'product with NUL', path: `${S}/products/p1%00.jpg/reviews` },
    { name: 'photo file ../', path: `${S}/photos/..%2F..%2Fsecret.webp` },
    { name: 'photo file .html', path: `${S}/photos/abc.html`, status: 404 },
    { name: 'photo file with NUL', path: `${S}/photos/abc%00.webp`, status: 404 },
    {
      name: 'review id ../ on a vote',
      method: 'POST',
      path: `${S}/reviews/..%2F..%2Fx/votes`,
      headers: jsonHeaders(),
      body: '{"voter":"abcdefabcdefabcdef","helpful":true}',
    },
    {
      name: 'merchant review id ../',
      merchant: true,
      method: 'POST',
      path: `/v1/merchant/reviews/..%2Fx/moderation`,
      headers: { 'content-type': 'application/json' },
      body: '{"action":"hide","reason":"spam"}',
    },
    // Pagination limits and numbers.
    { name: 'limit=-1', path: `${S}/products/p1/reviews?limit=-1` },
    { name: 'limit=0', path: `${S}/media?limit=0` },
    { name: 'limit=1e400', path: `${S}/testimonials?limit=1e400` },
    { name: 'limit=abc', path: `${S}/media?limit=abc` },
    { name: 'limit=1.5', path: `${S}/testimonials?limit=1.5` },
    { name: 'stars=9', path: `${S}/products/p1/reviews?stars=9` },
    { name: 'stars=-1', path: `${S}/products/p1/reviews?stars=-1` },
    {
      name: '101 products',
      path: `${S}/summaries?products=${Array.from({ length: 101 }, (_, i) => `p${i}`).join(',')}`,
    },
    { name: 'a 5000-character product id', path: `${S}/products/${'p'.repeat(5000)}/reviews` },
    { name: 'a forged cursor', path: `${S}/products/p1/reviews?cursor=eyJ0IjoxfQ.AAAA` },
    ...[-1, 0, 6, 4.5, 1e308, '5', null, [5], { $gt: 0 }].map((rating): Abuse => ({
      name: `rating ${JSON.stringify(rating)}`,
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: jsonHeaders(),
      body: review({ rating }),
    })),
    {
      name: 'title as an operator object',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: jsonHeaders(),
      body: review({ title: { $ne: '' } }),
    },
    {
      name: 'helpfulCount mass assignment',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: jsonHeaders(),
      body: review({ helpfulCount: 1e9, status: 'published' }),
    },
    {
      name: '__proto__ in the body',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: jsonHeaders(),
      body: review().replace(
        '{',
        '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},',
      ),
    },
    {
      name: 'vote with a huge voter',
      method: 'POST',
      path: `${S}/reviews/r1/votes`,
      headers: jsonHeaders(),
      body: JSON.stringify({ voter: 'v'.repeat(10_000), helpful: true }),
    },
    {
      name: 'events with a negative time',
      method: 'POST',
      path: `${S}/events`,
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({
        events: [{ v: 1, type: 'view', store: STORE, widget: 'stars', at: -1, pageView: 'x' }],
      }),
    },
    // Bodies: size, depth, encoding, type.
    {
      name: 'a 100 KB review',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: jsonHeaders(),
      body: review({ body: 'x'.repeat(100_000) }),
      status: 413,
    },
    {
      name: 'a 20 MB body',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: jsonHeaders(),
      body: 'x'.repeat(20 * 1024 * 1024),
      status: 413,
    },
    {
      name: 'a 1 MB event batch',
      method: 'POST',
      path: `${S}/events`,
      headers: { 'content-type': 'text/plain' },
      body: 'x'.repeat(1024 * 1024),
      status: 413,
      mayClose: true,
    },
    {
      name: 'JSON nested 30 000 deep (arrays)',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: jsonHeaders(),
      body: deep(30_000),
    },
    {
      name: 'JSON nested 10 000 deep (objects)',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: jsonHeaders(),
      body: deepObject(10_000),
    },
    {
      name: 'a deep value inside a field',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: jsonHeaders(),
      body: review().replace('"Fine"', deep(5000)),
    },
    {
      name: 'truncated JSON',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: jsonHeaders(),
      body: '{"rating":5,',
    },
    {
      name: 'invalid UTF-8',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: jsonHeaders(),
      body: new Uint8Array([
        ...new TextEncoder().encode(review().slice(0, -2)),
        0x22,
        0x2c,
        0x22,
        0x78,
        0x22,
        0x3a,
        0x22,
        0xc3,
        0x28,
        0xff,
        0xfe,
        0x22,
        0x7d,
      ]),
    },
    {
      name: 'invalid UTF-8 in the title',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: jsonHeaders(),
      body: new Uint8Array([
        ...new TextEncoder().encode('{"rating":5,"title":"'),
        0xed,
        0xa0,
        0x80,
        0xc0,
        0xaf,
        ...new TextEncoder().encode('","body":"Pours well.","authorName":"Mei","language":"en"}'),
      ]),
    },
    {
      name: 'text/plain review (no preflight)',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: { 'content-type': 'text/plain', ...key() },
      body: review(),
      status: 415,
    },
    {
      name: 'form-encoded review',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...key() },
      body: 'rating=5&body=x',
      status: 415,
    },
    {
      name: 'review without a content type',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: key(),
      body: new Blob([review()]),
      status: 415,
    },
    {
      name: 'JSON sent as a photo',
      method: 'POST',
      path: `${S}/photos`,
      headers: jsonHeaders(),
      body: '{}',
      status: 415,
    },
    {
      name: 'events as XML',
      method: 'POST',
      path: `${S}/events`,
      headers: { 'content-type': 'application/xml' },
      body: '<events/>',
      status: 415,
    },
    {
      name: 'vote as text/plain',
      method: 'POST',
      path: `${S}/reviews/r1/votes`,
      headers: { 'content-type': 'text/plain' },
      body: '{"voter":"abcdefabcdefabcdef","helpful":true}',
      status: 415,
    },
    // Idempotency keys.
    {
      name: 'no Idempotency-Key',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: { 'content-type': 'application/json' },
      body: review(),
      status: 400,
    },
    {
      name: 'an Idempotency-Key with SQL',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: {
        'content-type': 'application/json',
        'idempotency-key': `'; drop table reviews;--`,
      },
      body: review(),
      status: 400,
    },
    // Forged stores and merchant keys.
    {
      name: 'a store that does not exist',
      path: '/v1/no-such-store/summaries?products=p1',
      status: 404,
    },
    { name: 'a store id in capitals', path: '/v1/TEA-HOUSE/summaries?products=p1', status: 404 },
    {
      name: 'a review for another store from our origin',
      method: 'POST',
      path: `/v1/${OTHER_STORE}/products/p1/reviews`,
      headers: jsonHeaders(),
      body: review(),
      status: 403,
    },
    { name: 'merchant API without a key', path: '/v1/merchant/reviews', status: 401 },
    {
      name: 'merchant API with a wrong key',
      path: '/v1/merchant/reviews',
      headers: { authorization: 'Bearer wrong-key-0123456789abcdef' },
      status: 401,
    },
    {
      name: 'merchant API with a short key',
      path: '/v1/merchant/reviews',
      headers: { authorization: 'Bearer x' },
      status: 401,
    },
    {
      name: 'merchant API with Basic auth',
      path: '/v1/merchant/reviews',
      headers: { authorization: `Basic ${btoa(`x:${API_KEY}`)}` },
      status: 401,
    },
    {
      name: 'merchant erasure without a key',
      method: 'POST',
      path: '/v1/merchant/erasure',
      headers: { 'content-type': 'application/json' },
      body: '{"email":"a@b.example"}',
      status: 401,
    },
    // CORS from unknown origins.
    {
      name: 'a review from another site',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: jsonHeaders(),
      body: review(),
      origin: 'https://evil.example',
      status: 403,
    },
    {
      name: 'a review from Origin: null',
      method: 'POST',
      path: `${S}/products/p1/reviews`,
      headers: jsonHeaders(),
      body: review(),
      origin: 'null',
      status: 403,
    },
    {
      name: 'a preflight from another site',
      method: 'OPTIONS',
      path: `${S}/products/p1/reviews`,
      headers: { 'access-control-request-method': 'POST' },
      origin: 'https://evil.example',
      status: 403,
    },
    {
      ...upload(tiny, 'a.jpg', 'image/jpeg'),
      name: 'a photo from another site',
      origin: 'https://shop.example.evil.example',
      status: 403,
    },
    {
      name: 'a vote from a look-alike origin',
      method: 'POST',
      path: `${S}/reviews/r1/votes`,
      headers: jsonHeaders(),
      body: '{"voter":"abcdefabcdefabcdef","helpful":true}',
      origin: `${ORIGIN}.evil.example`,
      status: 403,
    },
    // Uploads that lie about their type, and a bomb.
    { ...upload(html, 'photo.jpg', 'image/jpeg'), name: 'HTML named .jpg' },
    { ...upload(svg, 'photo.jpg', 'image/jpeg'), name: 'SVG named .jpg' },
    { ...upload(svg, 'photo.svg', 'image/svg+xml'), name: 'SVG as SVG' },
    { ...upload(polyglot, 'photo.jpg', 'image/jpeg'), name: 'JPEG header + HTML polyglot' },
    { ...upload(gifScript, 'photo.gif', 'image/gif'), name: 'GIF/JavaScript polyglot' },
    { ...upload(new Uint8Array(0), 'photo.jpg', 'image/jpeg'), name: 'an empty file' },
    { ...upload(tiny.slice(0, 60), 'photo.jpg', 'image/jpeg'), name: 'a truncated JPEG' },
    {
      ...upload(new Uint8Array(bomb), 'bomb.png', 'image/png'),
      name: `a 20 000 × 20 000 PNG of ${Math.round(bomb.length / 1024)} KB`,
    },
    {
      ...upload(new Uint8Array(12 * 1024 * 1024), 'big.jpg', 'image/jpeg'),
      name: 'a 12 MB upload',
      status: 413,
    },
  ];
}

async function counts(server: TestServer): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await server.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    result[table] = row?.n ?? -1;
  }
  return result;
}

describe.each(DATABASES)('abuse on %s', (kind) => {
  let server: TestServer;
  let table: Abuse[];
  beforeAll(async () => {
    server = await startTestServer(kind);
    await server.db.query(
      'insert into stores (id, name, origins, moderation, api_key_hash) values ($1, $2, $3, $4, $5)',
      [OTHER_STORE, 'Other', ['https://other.example'], 'publish-first', hashApiKey(OTHER_KEY)],
    );
    table = await abuses();
  });
  afterAll(async () => {
    await server?.close();
  });

  function send(abuse: Abuse): Promise<Response> {
    const init: RequestInit & { origin?: string | null } = {
      method: abuse.method ?? 'GET',
      ...(abuse.headers ? { headers: abuse.headers } : {}),
      ...(abuse.body !== undefined ? { body: abuse.body } : {}),
    };
    if (abuse.merchant) return server.merchant(abuse.path, init);
    return server.request(abuse.path, {
      ...init,
      origin: abuse.origin === undefined ? ORIGIN : abuse.origin,
    });
  }

  it('has a table of abuses for every endpoint', () => {
    console.log(`abuse table: ${table.length} requests`);
    expect(table.length).toBeGreaterThanOrEqual(100);
  });

  it('answers every abuse with a clear 4xx problem and changes nothing', async () => {
    const before = await counts(server);
    const failures: string[] = [];
    for (const abuse of table) {
      const started = Date.now();
      const response = await send(abuse).catch((error: unknown) => {
        if (abuse.mayClose || abuse.status === 413) return null;
        throw new Error(`${abuse.name}: ${String(error)}`);
      });
      if (!response) continue;
      const text = await response.text();
      const elapsed = Date.now() - started;
      const type = response.headers.get('content-type') ?? '';
      const ok =
        (abuse.status === undefined
          ? response.status >= 400 && response.status < 500
          : response.status === abuse.status) &&
        (abuse.method === 'OPTIONS' || type.startsWith('application/problem+json')) &&
        // Nothing of the input is echoed back, and pg_sleep never ran.
        !text.includes('<script') &&
        !text.includes('pg_sleep') &&
        elapsed < 4000;
      if (!ok)
        failures.push(
          `${abuse.name}: ${response.status} ${type} ${elapsed} ms ${text.slice(0, 120)}`,
        );
      if (abuse.origin && abuse.origin !== ORIGIN)
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect(failures).toEqual([]);
    expect(await counts(server)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // And the server still serves.
    expect((await server.request('/healthz')).status).toBe(200);
  });

  it('answers huge limits with a clear 400 or a page of at most 50', async () => {
    for (const path of [
      `${S}/products/p1/reviews?limit=100000`,
      `${S}/media?limit=1000000000000`,
      `${S}/testimonials?limit=9007199254740993`,
    ]) {
      const response = await server.request(path);
      expect([200, 400]).toContain(response.status);
      const body = (await response.json()) as { items?: unknown[]; title?: string };
      if (response.status === 200) expect(body.items?.length).toBeLessThanOrEqual(50);
      else expect(body.title).toMatch(/limit|page/i);
    }
  });

  it('closes the connection after refusing a large body, so the next request on the client works', async () => {
    const refused = await server.request(`${S}/events`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x'.repeat(1024 * 1024),
    });
    expect(refused.status).toBe(413);
    expect(refused.headers.get('connection')).toBe('close');
    await refused.text();
    expect((await server.request(`${S}/summaries?products=p1`)).status).toBe(200);
  });

  it('stores SQL metacharacters in a review as plain text and keeps every table', async () => {
    const text = SQL.join(' ');
    const response = await server.request(`${S}/products/p-sql/reviews`, {
      method: 'POST',
      headers: jsonHeaders(),
      body: review({ title: SQL[0], body: text, authorName: SQL[2] }),
    });
    expect(response.status).toBe(201);
    const [row] = await server.db.query<{ body: string; title: string }>(
      'select title, body from reviews where product_id = $1',
      ['p-sql'],
    );
    expect(row).toEqual({ title: SQL[0], body: text });
    expect((await counts(server)).reviews).toBeGreaterThan(0);
  });

  it('never lets one store read or moderate another store’s reviews', async () => {
    const created = await server.request(`${S}/products/p-idor/reviews`, {
      method: 'POST',
      headers: jsonHeaders(),
      body: review(),
    });
    const { reviewId } = (await created.json()) as { reviewId: string };
    const other = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}${path}`, {
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${OTHER_KEY}` },
      });
    const moderation = await other(`/v1/merchant/reviews/${reviewId}/moderation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'hide', reason: 'spam' }),
    });
    expect(moderation.status).toBe(404);
    const list = (await (await other('/v1/merchant/reviews')).json()) as { items: unknown[] };
    expect(JSON.stringify(list)).not.toContain(reviewId);
    const [row] = await server.db.query<{ status: string }>(
      'select status from reviews where id = $1',
      [reviewId],
    );
    expect(row?.status).not.toBe('hidden');
  });
});
