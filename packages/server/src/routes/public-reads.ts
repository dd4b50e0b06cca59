import type { ReviewQuery, SocialProof } from '@koubei/core';
import {
  API_ROUTES,
  LIMITS,
  parseProductIds,
  parseReviewQuery,
  visibleSocialProof,
} from '@koubei/core';
import { DEFAULT_FRIENDS_MINIMUM } from '../config.ts';
import { friendsWhoRecommend } from '../db/friends.ts';
import { Hono } from 'hono';
import { BadCursorError, reviewPage } from '../db/review-queries.ts';
import type { PhotoWithReviewRow } from '../db/review-rows.ts';
import { PHOTOS_WITH_REVIEWS, rowToMediaItem, rowToTestimonial } from '../db/review-rows.ts';
import { summariesFor } from '../db/summaries.ts';
import { cachedJson } from '../http/cache.ts';
import type { AppEnv, AppServices } from '../http/context.ts';
import { readCustomerToken } from '../http/customer-token.ts';
import { readJsonBody } from '../http/json-body.ts';
import { ProblemError } from '../http/problem.ts';
import { sign, verify } from '../http/signing.ts';
import { productParam } from './public-writes.ts';

const DAY = 24 * 3600 * 1000;
const NO_FRIENDS = { count: 0, named: [] };
const friendsMinimum = (config: AppServices['config']) =>
  config.friendsMinimumCount ?? DEFAULT_FRIENDS_MINIMUM;

/** The position inside a media cursor; anything else signed by us (a form token) is refused. */
function mediaCursor(inner: string | null): [number, string] {
  try {
    const position: unknown = inner?.startsWith('media:') ? JSON.parse(inner.slice(6)) : null;
    if (
      Array.isArray(position) &&
      typeof position[0] === 'number' &&
      typeof position[1] === 'string'
    ) {
      return [position[0], position[1]];
    }
  } catch {
    // falls through to the refusal below
  }
  throw new ProblemError(400, 'The page cursor is not valid here', [
    { path: 'cursor', message: 'Invalid cursor' },
  ]);
}

function pageSize(value: string | undefined, fallback: number): number {
  const size = Number(value ?? fallback);
  if (!Number.isInteger(size) || size < 1)
    throw new ProblemError(400, 'limit must be a whole number from 1', [
      { path: 'limit', message: 'Expected a page size from 1 to 50' },
    ]);
  return Math.min(size, LIMITS.pageSize);
}

/** The public, cacheable reads every widget uses. */
export function publicReads(services: AppServices) {
  const { db, config } = services;
  const app = new Hono<AppEnv>();
  const signCursor = (cursor: string) => sign(`reviews:${cursor}`, config.secret);
  const verifyCursor = (signed: string) => {
    const inner = verify(signed, config.secret);
    return inner?.startsWith('reviews:') ? inner.slice(8) : null;
  };

  app.get('/summaries', async (c) => {
    const products = parseProductIds(c.req.query('products') ?? '');
    if (!products.ok) throw new ProblemError(400, products.message, products.issues);
    return cachedJson(c, { summaries: await summariesFor(db, c.var.store.id, products.value) });
  });

  app.get('/products/:product/reviews', async (c) => {
    const product = productParam(c.req.param('product'));
    const query = parseReviewQuery(c.req.query());
    if (!query.ok) throw new ProblemError(400, query.message, query.issues);
    try {
      const page = await reviewPage(db, {
        store: c.var.store.id,
        product,
        query: query.value as ReviewQuery,
        publicUrl: config.publicUrl,
        signCursor,
        verifyCursor,
      });
      return cachedJson(c, page);
    } catch (error) {
      if (error instanceof BadCursorError)
        throw new ProblemError(400, error.message, [{ path: 'cursor', message: error.message }]);
      throw error;
    }
  });

  app.get('/media', async (c) => {
    const store = c.var.store.id;
    const limit = pageSize(c.req.query('limit'), 24);
    const productQuery = c.req.query('product');
    const product = productQuery === undefined ? undefined : productParam(productQuery);
    const params: unknown[] = [store];
    const where = ['p.store_id = $1', "r.status = 'published'"];
    if (product) where.push(`r.product_id = $${params.push(product)}`);
    const cursor = c.req.query('cursor');
    if (cursor) {
      const [time, id] = mediaCursor(verify(cursor, config.secret));
      where.push(
        `(p.created_ms < $${params.push(time)} or (p.created_ms = $${params.length} and p.id collate "C" > $${params.push(id)}))`,
      );
    }
    const rows = await db.query<PhotoWithReviewRow>(
      `${PHOTOS_WITH_REVIEWS}
       where ${where.join(' and ')} order by p.created_ms desc, p.id collate "C" limit ${limit + 1}`,
      params as never,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return cachedJson(c, {
      items: page.map((row) => rowToMediaItem(config.publicUrl, store, row)),
      nextCursor:
        rows.length > limit && last
          ? sign(`media:${JSON.stringify([Number(last.created_ms), last.id])}`, config.secret)
          : null,
    });
  });

  app.get('/testimonials', async (c) => {
    const limit = pageSize(c.req.query('limit'), 24);
    const featuredOnly = c.req.query('featured') === '1';
    const rows = await db.query<Record<string, unknown>>(
      `select * from testimonials where store_id = $1 ${featuredOnly ? 'and featured' : ''}
       order by featured desc, position, created_ms desc limit ${limit}`,
      [c.var.store.id],
    );
    return cachedJson(c, {
      items: rows.map(rowToTestimonial),
    });
  });

  /** What any visitor may see: recent counts, nothing below the minimum. */
  async function recentActivity(store: string, product: string, minimum: number) {
    const since = services.now() - 30 * DAY;
    const [counts] = await db.query<{ reviewed: number; recommended: number; purchased: number }>(
      `select count(*)::int as reviewed, count(*) filter (where recommends)::int as recommended,
         (select count(*)::int from customer_purchases
          where store_id = $1 and product_id = $2 and purchased_at >= $4) as purchased
       from reviews where store_id = $1 and product_id = $2 and status = 'published' and created_ms >= $3`,
      [store, product, since, new Date(since)],
    );
    const recent = [
      { kind: 'purchased' as const, count: counts?.purchased ?? 0, windowDays: 30 },
      { kind: 'reviewed' as const, count: counts?.reviewed ?? 0, windowDays: 30 },
      { kind: 'recommended' as const, count: counts?.recommended ?? 0, windowDays: 30 },
    ];
    return visibleSocialProof({ product, minimumCount: minimum, friends: NO_FRIENDS, recent })
      .recent;
  }

  // Anonymous and cacheable by anyone: never anything about friends.
  app.get('/products/:product/social-proof', async (c) => {
    const product = productParam(c.req.param('product'));
    const minimumCount = friendsMinimum(config);
    const proof: SocialProof = {
      product,
      minimumCount,
      friends: NO_FRIENDS,
      recent: [...(await recentActivity(c.var.store.id, product, minimumCount))],
    };
    return cachedJson(c, proof);
  });

  /**
   * The same badge for a signed-in customer, with their friends. POST with
   * the token in the body, answered `private, no-store`: it must never sit
   * in a URL, a log or a shared cache.
   */
  app.post('/products/:product/social-proof', async (c) => {
    const store = c.var.store.id;
    const product = productParam(c.req.param('product'));
    const { customerToken } = await readJsonBody(c, API_ROUTES.friendsSocialProof.body);
    const customerId = readCustomerToken(services, store, customerToken);
    const minimumCount = friendsMinimum(config);
    const [friends, recent] = await Promise.all([
      friendsWhoRecommend(db, store, customerId, product, minimumCount),
      recentActivity(store, product, minimumCount),
    ]);
    const proof: SocialProof = { product, minimumCount, friends, recent: [...recent] };
    c.header('cache-control', 'private, no-store');
    c.header('vary', 'origin');
    return c.json(proof);
  });

  return app;
}
