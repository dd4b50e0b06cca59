import { STORE_ID_PATTERN } from '@koubei/core';
import { buildOpenApiDocument } from '@koubei/core/openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { publicReads } from '../routes/public-reads.ts';
import { publicWrites } from '../routes/public-writes.ts';
import { merchantRoutes } from '../routes/merchant.ts';
import { publicReferralRoutes } from '../routes/referrals.ts';
import type { AppEnv, AppServices, StoreRow } from './context.ts';
import { cachedText } from './cache.ts';
import { serveConsole, servePreview, serveWidgetCdn } from './console-files.ts';
import { ProblemError, problem } from './problem.ts';

const JSON_LIMIT = 64 * 1024;
const CACHE_PARAMS = new Set([
  'products',
  'sort',
  'stars',
  'media',
  'verified',
  'photosFirst',
  'language',
  'cursor',
  'limit',
  'product',
  'featured',
]);
const PHOTO_LIMIT = 11 * 1024 * 1024;
/** POSTs that only read (they carry a customer token): read limits, no cache invalidation. */
const PERSONAL_READS = /\/(products\/[^/]+\/social-proof|referral\/status)$/;
// Lazy, so `abc-thumb.webp` is the thumbnail of `abc` (photo ids never end in -thumb).
const PHOTO_FILE = /^([A-Za-z0-9_-]{1,64}?)(-thumb)?\.webp$/;

/**
 * The visitor's address for rate limits: the socket's peer, unless the
 * operator says how many proxies stand in front (KOUBEI_TRUSTED_PROXIES);
 * then the address those proxies appended to X-Forwarded-For, read from the
 * right, because everything to its left the client could have written.
 */
function clientIp(c: Context, trustedProxies: number): string {
  const peer = getConnInfo(c).remote.address ?? 'unknown';
  if (trustedProxies <= 0) return peer;
  const chain = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return chain[chain.length - trustedProxies] ?? peer;
}

/**
 * The Koubei API as a Hono app: public reads (cacheable, any origin), public
 * writes (the store's storefront origins only, rate limited, size limited),
 * photo files, and the merchant API (API key). Errors are RFC 9457 problem
 * documents that name the offending fields and never echo input.
 */
export function createApp(services: AppServices) {
  const app = new Hono<AppEnv>();
  const openApi = JSON.stringify(buildOpenApiDocument());

  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'strict-origin-when-cross-origin');
  });

  app.onError((error, c) => {
    if (error instanceof ProblemError) return problem(c, error);
    // Message and code only: database errors carry query parameters (names, emails).
    const { message, code } = error as Error & { code?: string };
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      // The write was rolled back; the client may send it again later with the same key.
      console.error('koubei-server: storage full:', code);
      return problem(
        c,
        new ProblemError(
          507,
          'The server has no room to store this right now; try again later',
          [],
          {
            'retry-after': '60',
          },
        ),
      );
    }
    console.error('koubei-server:', message, code ?? '');
    return problem(c, new ProblemError(500, 'Something went wrong on our side'));
  });
  app.notFound((c) => problem(c, new ProblemError(404, 'Not found')));

  app.get('/healthz', async (c) => {
    await services.db.query('select 1');
    return c.json({ ok: true });
  });
  app.get('/console', (c) => c.redirect('/console/'));
  app.get('/console/preview', servePreview);
  app.get('/console/*', (c) => serveConsole(c, c.req.path.slice('/console/'.length)));
  app.get('/cdn/*', (c) => serveWidgetCdn(c, c.req.path.slice('/cdn/'.length)));
  app.get('/openapi.json', (c) => c.body(openApi, 200, { 'content-type': 'application/json' }));

  app.use('/v1/merchant/*', async (c, next) => {
    await next();
    const store = (c.var as { merchantStore?: StoreRow }).merchantStore;
    if (store && c.req.method !== 'GET') services.readCache.invalidate(store.id);
  });
  app.route('/v1/merchant', merchantRoutes(services));

  // Store settings change rarely; a few seconds of memory spares a query per request.
  const stores = new Map<string, { row: StoreRow | undefined; at: number }>();
  async function loadStore(id: string): Promise<StoreRow | undefined> {
    const known = stores.get(id);
    if (known && services.now() - known.at < 5_000) return known.row;
    const [row] = await services.db.query<StoreRow>(
      'select id, name, origins, moderation, api_key_hash from stores where id = $1',
      [id],
    );
    if (stores.size > 10_000) stores.clear();
    stores.set(id, { row, at: services.now() });
    return row;
  }

  // Everything under /v1/:store: load the store, then CORS and limits.
  const storeApp = new Hono<AppEnv>();
  storeApp.use('*', async (c, next) => {
    const id = c.req.param('store') ?? '';
    if (!STORE_ID_PATTERN.test(id)) throw new ProblemError(404, 'No such store');
    const store = await loadStore(id);
    if (!store) throw new ProblemError(404, 'No such store');
    c.set('store', store);

    const origin = c.req.header('origin');
    const isRead = c.req.method === 'GET' || c.req.method === 'HEAD';
    const allowed = origin !== undefined && store.origins.includes(origin);
    if (c.req.method === 'OPTIONS') {
      if (!allowed) throw new ProblemError(403, 'This origin may not write to this store');
      c.header('access-control-allow-origin', origin);
      c.header('access-control-allow-methods', 'GET, POST');
      c.header('access-control-allow-headers', 'content-type, idempotency-key');
      c.header('access-control-max-age', '600');
      c.header('vary', 'origin');
      return c.body(null, 204);
    }
    if (isRead) {
      // Public data, no credentials: any page may read it, and one cached copy serves all.
      c.header('access-control-allow-origin', '*');
    } else {
      // CORS is not authentication, but a browser on another site cannot post reviews here.
      if (origin !== undefined && !allowed)
        throw new ProblemError(403, 'This origin may not write to this store');
      if (origin) {
        c.header('access-control-allow-origin', origin);
        c.header('vary', 'origin');
      }
    }
    // Personal reads are POSTs (the customer token stays out of URLs) but change nothing.
    const changesNothing = isRead || PERSONAL_READS.test(c.req.path);
    const limiter = changesNothing ? services.readLimiter : services.writeLimiter;
    // Per visitor, and for writes also per store: a flood from many addresses
    // (review bombing) hits the store's own ceiling.
    const wait =
      limiter.hit(`${clientIp(c, services.trustedProxies)}:${store.id}`) ??
      (changesNothing ? null : services.storeWriteLimiter.hit(store.id));
    if (wait !== null)
      throw new ProblemError(429, 'Too many requests; try again shortly', [], {
        'retry-after': String(wait),
      });
    if (isRead) {
      // Public JSON reads come from the in-process cache while nothing changed.
      // The key holds only the parameters the API reads, so made-up ones
      // cannot fill the cache.
      const url = new URL(c.req.url);
      const known = [...url.searchParams].filter(([name]) => CACHE_PARAMS.has(name)).sort();
      const key = `${url.pathname}?${new URLSearchParams(known).toString()}`;
      const cached = services.readCache.get(store.id, key);
      if (cached !== null) return cachedText(c, cached);
      const version = services.readCache.version(store.id);
      await next();
      // Only what cachedJson built (public, cacheable) is kept; form tokens are not.
      if (
        c.res.status === 200 &&
        c.res.headers.get('cache-control')?.startsWith('public, max-age=60')
      ) {
        services.readCache.set(store.id, key, await c.res.clone().text(), version);
      }
      return;
    }
    await next();
    // Whatever a write changed must show on the next read.
    if (!changesNothing) services.readCache.invalidate(store.id);
  });

  storeApp.use(
    '*',
    bodyLimit({
      maxSize: PHOTO_LIMIT,
      onError: () => {
        // Unread body bytes would poison a kept-alive connection for the next request.
        throw new ProblemError(413, 'The request is too large', [], { connection: 'close' });
      },
    }),
  );

  // JSON bodies are small; only photo uploads get the large limit above.
  for (const path of ['/products/*', '/events', '/referral/*']) {
    storeApp.use(
      path,
      bodyLimit({
        maxSize: JSON_LIMIT,
        onError: () => {
          // Unread body bytes would poison a kept-alive connection for the next request.
          throw new ProblemError(413, 'The request is too large', [], { connection: 'close' });
        },
      }),
    );
  }

  storeApp.get('/photos/:file', async (c) => {
    const match = PHOTO_FILE.exec(c.req.param('file'));
    if (!match) throw new ProblemError(404, 'Not found');
    const [, id, thumb] = match;
    // Photos of published reviews, and fresh uploads (the form shows them as
    // previews) for a day; never those of hidden or pending reviews.
    const [photo] = await services.db.query(
      `select 1 from photos p left join reviews r on r.store_id = p.store_id and r.id = p.review_id
       where p.store_id = $1 and p.id = $2
         and (r.status = 'published' or (p.review_id is null and p.created_ms > $3))`,
      [c.var.store.id, id as string, services.now() - 24 * 3600_000],
    );
    const bytes = photo
      ? await services.photos.read(id as string, thumb ? 'thumbnail' : 'full')
      : null;
    if (!bytes) throw new ProblemError(404, 'Not found');
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': 'image/webp',
      'cache-control': 'public, max-age=31536000, immutable',
      // Even if a browser were talked into rendering it as a page, it could do nothing.
      'content-security-policy': "default-src 'none'; sandbox",
      'cross-origin-resource-policy': 'cross-origin',
    });
  });

  storeApp.route('/', publicReads(services));
  storeApp.route('/', publicWrites(services));
  storeApp.route('/', publicReferralRoutes(services));
  app.route('/v1/:store', storeApp);
  return app;
}
