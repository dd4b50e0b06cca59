import type { InboxItem, StoreSettings } from '@koubei/core';
import {
  AuditQuerySchema,
  BulkActionSchema,
  InboxQuerySchema,
  NewTestimonialSchema,
  StatsQuerySchema,
  StoreSettingsChangeSchema,
  TestimonialChangeSchema,
  TestimonialOrderSchema,
  TopicsQuerySchema,
  LIMITS,
  summarizeTopics,
  validate,
} from '@koubei/core';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type * as v from 'valibot';
import type { SqlValue } from '../db/database.ts';
import { json } from '../db/database.ts';
import { mediaFor } from '../db/review-queries.ts';
import type { ReviewRow } from '../db/review-rows.ts';
import { rowToReview, rowToTestimonial } from '../db/review-rows.ts';
import type { AppServices, StoreRow } from '../http/context.ts';
import { readJsonBody } from '../http/json-body.ts';
import { ProblemError } from '../http/problem.ts';
import { sign, verify } from '../http/signing.ts';
import { audit, moderateReview, removeReply, requireReason } from './merchant-actions.ts';
import { newId } from './public-writes.ts';

type MerchantEnv = { Variables: { merchantStore: StoreRow } };

/** The first reply's time, also for replies stored before the column existed (seed, imports). */
const FIRST_REPLY_MS = `coalesce(first_reply_ms, (extract(epoch from (reply->>'createdAt')::timestamptz) * 1000)::bigint)`;

/** Event types that count as a shopper using a widget (the beacon's vocabulary). */
const INTERACTION_EVENTS = [
  'interaction',
  'filter',
  'page',
  'photo-open',
  'helpful-vote',
  'share',
  'referral-copy',
];

/** Products need this many published reviews to be ranked by rating (one 5-star review is not a top product). */
export const TOP_BY_RATING_MIN_REVIEWS = 3;

function readQuery<T extends v.GenericSchema>(c: Context, schema: T): v.InferOutput<T> {
  const result = validate(schema, c.req.query());
  if (!result.ok) throw new ProblemError(400, result.message, result.issues);
  return result.value;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * The routes behind the merchant console: the inbox, bulk moderation, the
 * audit log, dashboard figures, topics, the testimonial wall and settings.
 * Mounted inside the merchant API, so the API key check runs first and
 * every query is scoped to that key's store.
 */
export function merchantConsoleRoutes(services: AppServices) {
  const { db, config } = services;
  const app = new Hono<MerchantEnv>();
  const signCursor = (kind: string, value: string) => sign(`${kind}:${value}`, config.secret);
  const readCursor = (kind: string, signed: string | undefined): string | null => {
    if (signed === undefined) return null;
    const inner = verify(signed, config.secret);
    if (!inner?.startsWith(`${kind}:`))
      throw new ProblemError(400, 'The page cursor is not valid here', [
        { path: 'cursor', message: 'Invalid cursor' },
      ]);
    return inner.slice(kind.length + 1);
  };

  app.get('/inbox', async (c) => {
    const store = c.var.merchantStore.id;
    const query = readQuery(c, InboxQuerySchema);
    const limit = query.limit ?? 25;
    const conditions = ['store_id = $1'];
    const params: SqlValue[] = [store];
    const param = (value: SqlValue) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.rating)
      conditions.push(`rating = any(${param(query.rating.split(',').map(Number))})`);
    if (query.product) conditions.push(`product_id = ${param(query.product)}`);
    if (query.status) conditions.push(`status = ${param(query.status)}`);
    if (query.photos)
      conditions.push(query.photos === 'true' ? 'media_count > 0' : 'media_count = 0');
    if (query.unanswered)
      conditions.push(query.unanswered === 'true' ? 'reply is null' : 'reply is not null');
    const cursor = readCursor('inbox', query.cursor);
    if (cursor) {
      const [created, id] = JSON.parse(cursor) as [number, string];
      conditions.push(`(created_ms, id) < (${param(created)}, ${param(id)})`);
    }
    const rows = await db.query<ReviewRow & { first_reply: number | null }>(
      `select *, ${FIRST_REPLY_MS} as first_reply from reviews where ${conditions.join(' and ')}
       order by created_ms desc, id desc limit ${limit + 1}`,
      params,
    );
    const page = rows.slice(0, limit);
    const media = await mediaFor(
      db,
      store,
      config.publicUrl,
      page.map((row) => row.id),
    );
    const last = page[page.length - 1];
    return c.json({
      items: page.map((row): InboxItem => ({
        ...rowToReview(row, media.get(row.id) ?? []),
        email: row.email,
        firstReplyAt:
          row.first_reply === null ? null : new Date(Number(row.first_reply)).toISOString(),
      })),
      nextCursor:
        rows.length > limit && last
          ? signCursor('inbox', JSON.stringify([Number(last.created_ms), last.id]))
          : null,
    });
  });

  app.post('/reviews/bulk', async (c) => {
    const store = c.var.merchantStore.id;
    const { reviewIds, action, reason } = await readJsonBody(c, BulkActionSchema);
    if (action !== 'remove-reply') requireReason(action, reason);
    const ids = [...new Set(reviewIds)];
    const result = await db.transaction(async (tx) => {
      const rows = await tx.query<ReviewRow>(
        'select * from reviews where store_id = $1 and id = any($2) order by id for update',
        [store, ids],
      );
      for (const row of rows) {
        if (action === 'remove-reply') {
          if (row.reply) await removeReply(tx, store, row);
        } else {
          await moderateReview(tx, store, row, action, reason, services.now());
        }
      }
      const found = new Set(rows.map((row) => row.id));
      return {
        done: ids.filter((id) => found.has(id)),
        missing: ids.filter((id) => !found.has(id)),
      };
    });
    return c.json(result);
  });

  app.get('/audit', async (c) => {
    const store = c.var.merchantStore.id;
    const query = readQuery(c, AuditQuerySchema);
    const limit = query.limit ?? 50;
    const params: SqlValue[] = [store];
    let where = 'store_id = $1';
    if (query.review) {
      params.push(query.review);
      where += ` and review_id = $${params.length}`;
    }
    const before = readCursor('audit', query.cursor);
    if (before) {
      params.push(Number(before));
      where += ` and seq < $${params.length}`;
    }
    const rows = await db.query<{
      seq: number;
      at: Date | string;
      actor: string;
      action: string;
      review_id: string | null;
      reason: string | null;
      target: string | null;
    }>(
      `select seq, at, actor, action, review_id, reason, target from audit_log where ${where}
       order by seq desc limit ${limit + 1}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return c.json({
      items: page.map((row) => ({
        id: String(row.seq),
        at: new Date(row.at).toISOString(),
        actor: row.actor,
        action: row.action,
        reviewId: row.review_id,
        reason: row.reason,
        target: row.target,
      })),
      nextCursor: rows.length > limit && last ? signCursor('audit', String(last.seq)) : null,
    });
  });

  app.get('/stats', async (c) => {
    const store = c.var.merchantStore.id;
    const { weeks = 12 } = readQuery(c, StatsQuerySchema);
    const now = services.now();
    const [totals] = await db.query<Record<string, number | null>>(
      `select count(*)::int as reviews,
         avg(rating)::float8 as mean,
         count(*) filter (where rating = 1)::int as s1,
         count(*) filter (where rating = 2)::int as s2,
         count(*) filter (where rating = 3)::int as s3,
         count(*) filter (where rating = 4)::int as s4,
         count(*) filter (where rating = 5)::int as s5,
         count(*) filter (where reply is not null)::int as answered,
         count(*) filter (where rating <= 2)::int as negative,
         count(*) filter (where rating <= 2 and reply is not null)::int as negative_answered,
         count(*) filter (where media_count > 0)::int as with_photos,
         (percentile_cont(0.5) within group (order by ${FIRST_REPLY_MS} - created_ms))::float8 as median_first_reply
       from reviews where store_id = $1 and status = 'published'`,
      [store],
    );
    const [{ pending = 0 } = {}] = await db.query<{ pending: number }>(
      `select count(*)::int as pending from reviews where store_id = $1 and status = 'pending'`,
      [store],
    );
    // Weeks are ISO weeks in UTC: Monday 00:00 to the next Monday.
    const trend = await db.query<{
      week: string;
      start: string;
      count: number;
      mean: number | null;
    }>(
      `select to_char(w, 'IYYY-"W"IW') as week,
         to_char(w, 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"') as start,
         count(r.id)::int as count,
         avg(r.rating)::float8 as mean
       from generate_series(
         date_trunc('week', $2::timestamptz at time zone 'UTC') - ($3::int - 1) * interval '1 week',
         date_trunc('week', $2::timestamptz at time zone 'UTC'),
         interval '1 week') as w
       left join reviews r on r.store_id = $1 and r.status = 'published'
         and r.created_ms >= extract(epoch from w) * 1000
         and r.created_ms < extract(epoch from w + interval '1 week') * 1000
       group by w order by w`,
      [store, new Date(now).toISOString(), weeks],
    );
    const products = await db.query<{ product: string; name: string; count: number; mean: number }>(
      `select r.product_id as product, coalesce(p.name, r.product_id) as name,
         count(*)::int as count, avg(r.rating)::float8 as mean
       from reviews r left join products p on p.store_id = r.store_id and p.id = r.product_id
       where r.store_id = $1 and r.status = 'published'
       group by r.product_id, p.name`,
      [store],
    );
    const byVolume = [...products]
      .sort((a, b) => b.count - a.count || b.mean - a.mean || a.product.localeCompare(b.product))
      .slice(0, 5);
    const byRating = products
      .filter((row) => row.count >= TOP_BY_RATING_MIN_REVIEWS)
      .sort((a, b) => b.mean - a.mean || b.count - a.count || a.product.localeCompare(b.product))
      .slice(0, 5);
    // Each invitation counts at the furthest step it reached and every step before it.
    const [funnel] = await db.query<Record<string, number>>(
      `select (select count(*)::int from referral_invites where store_id = $1) as invites,
         count(*) filter (where state in ('visited', 'signed-up', 'purchased', 'rewarded'))::int as visits,
         count(*) filter (where state in ('signed-up', 'purchased', 'rewarded'))::int as sign_ups,
         count(*) filter (where state in ('purchased', 'rewarded'))::int as purchases,
         count(*) filter (where state = 'rewarded')::int as rewards
       from referral_invitations where store_id = $1`,
      [store],
    );
    const topInviters = await db.query<{
      code: string;
      name: string;
      converted: number;
      rewarded: number;
    }>(
      `select i.code, coalesce(i.display_name, i.customer_id) as name,
         count(r.id) filter (where r.state in ('signed-up', 'purchased', 'rewarded'))::int as converted,
         count(r.id) filter (where r.state = 'rewarded')::int as rewarded
       from referral_invites i
       join referral_invitations r on r.store_id = i.store_id and r.code = i.code
       where i.store_id = $1
       group by i.code, i.display_name, i.customer_id
       having count(r.id) filter (where r.state in ('signed-up', 'purchased', 'rewarded')) > 0
       order by converted desc, rewarded desc, i.code
       limit 5`,
      [store],
    );
    const [widgets] = await db.query<Record<string, number>>(
      `select count(*) filter (where type = 'impression')::int as impressions,
         count(*) filter (where type = any($2))::int as interactions,
         count(*) filter (where type = 'submit')::int as submissions
       from events where store_id = $1`,
      [store, INTERACTION_EVENTS],
    );
    const t = totals as Record<string, number | null>;
    const n = (key: string) => Number(t[key] ?? 0);
    return c.json({
      generatedAt: new Date(now).toISOString(),
      reviews: n('reviews'),
      mean: t.mean ?? null,
      histogram: [n('s1'), n('s2'), n('s3'), n('s4'), n('s5')],
      trend: trend.map((row) => ({ ...row, mean: row.mean ?? null })),
      replies: {
        answered: n('answered'),
        rate: share(n('answered'), n('reviews')),
        medianFirstReplyMs: t.median_first_reply ?? null,
        negative: n('negative'),
        negativeAnswered: n('negative_answered'),
        negativeAnsweredShare: share(n('negative_answered'), n('negative')),
      },
      photos: { withPhotos: n('with_photos'), share: share(n('with_photos'), n('reviews')) },
      pending,
      topProducts: { byRating, byVolume },
      referrals: {
        invites: funnel?.invites ?? 0,
        visits: funnel?.visits ?? 0,
        signUps: funnel?.sign_ups ?? 0,
        purchases: funnel?.purchases ?? 0,
        rewards: funnel?.rewards ?? 0,
        topInviters,
      },
      widgets: {
        impressions: widgets?.impressions ?? 0,
        interactions: widgets?.interactions ?? 0,
        submissions: widgets?.submissions ?? 0,
      },
    });
  });

  /** Topics of the newest published reviews (at most this many are read per request). */
  const TOPIC_REVIEWS = 2000;
  app.get('/topics', async (c) => {
    const store = c.var.merchantStore.id;
    const { product } = readQuery(c, TopicsQuerySchema);
    const rows = await db.query<{ id: string; title: string; body: string }>(
      `select id, title, body from reviews where store_id = $1 and status = 'published'
       ${product ? 'and product_id = $2' : ''} order by created_ms desc, id desc limit ${TOPIC_REVIEWS}`,
      product ? [store, product] : [store],
    );
    return c.json({ reviewsRead: rows.length, topics: summarizeTopics(rows) });
  });

  const testimonialList = async (store: string) =>
    (
      await db.query(
        'select * from testimonials where store_id = $1 order by position, created_ms, id',
        [store],
      )
    ).map((row) => ({ ...rowToTestimonial(row), position: Number(row.position) }));

  app.get('/testimonials', async (c) =>
    c.json({ items: await testimonialList(c.var.merchantStore.id) }),
  );

  app.post('/testimonials', async (c) => {
    const store = c.var.merchantStore.id;
    const input = await readJsonBody(c, NewTestimonialSchema);
    const id = newId();
    await db.transaction(async (tx) => {
      const [{ next = 0 } = {}] = await tx.query<{ next: number }>(
        'select coalesce(max(position) + 1, 0)::int as next from testimonials where store_id = $1',
        [store],
      );
      if ('reviewId' in input) {
        const [review] = await tx.query<ReviewRow>(
          `select * from reviews where store_id = $1 and id = $2 and status = 'published'`,
          [store, input.reviewId],
        );
        if (!review) throw new ProblemError(404, 'No such published review');
        const [already] = await tx.query(
          'select 1 from testimonials where store_id = $1 and review_id = $2',
          [store, review.id],
        );
        if (already) throw new ProblemError(409, 'This review is already on the wall');
        const quote = input.quote ?? review.body;
        if (quote.length > LIMITS.testimonialQuote)
          throw new ProblemError(422, 'The review is long; choose a quote from it', [
            { path: 'quote', message: `At most ${LIMITS.testimonialQuote} characters` },
          ]);
        await tx.query(
          `insert into testimonials (store_id, id, quote, author_name, rating, language, source, review_id, featured, position, created_ms)
           values ($1, $2, $3, $4, $5, $6, 'review', $7, $8, $9, $10)`,
          [
            store,
            id,
            quote,
            review.author_name,
            review.rating,
            review.language,
            review.id,
            input.featured ?? false,
            next,
            services.now(),
          ],
        );
        await audit(tx, store, 'testimonial:promote', { reviewId: review.id, target: id });
      } else {
        await tx.query(
          `insert into testimonials (store_id, id, quote, author_name, author_role, author_company, rating, language, source, source_url, featured, position, created_ms)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            store,
            id,
            input.quote,
            input.authorName,
            input.authorRole ?? null,
            input.authorCompany ?? null,
            input.rating ?? null,
            input.language,
            input.source,
            input.sourceUrl ?? null,
            input.featured ?? false,
            next,
            services.now(),
          ],
        );
        await audit(tx, store, 'testimonial:add', { target: id });
      }
    });
    const added = (await testimonialList(store)).find((item) => item.id === id);
    return c.json(added, 201);
  });

  app.put('/testimonials/order', async (c) => {
    const store = c.var.merchantStore.id;
    const { ids } = await readJsonBody(c, TestimonialOrderSchema);
    await db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }>(
        'select id from testimonials where store_id = $1 for update',
        [store],
      );
      const known = new Set(rows.map((row) => row.id));
      if (
        ids.length !== known.size ||
        new Set(ids).size !== ids.length ||
        ids.some((id) => !known.has(id))
      )
        throw new ProblemError(422, 'List every testimonial of the store exactly once', [
          { path: 'ids', message: 'Expected each testimonial id once' },
        ]);
      for (const [position, id] of ids.entries())
        await tx.query('update testimonials set position = $3 where store_id = $1 and id = $2', [
          store,
          id,
          position,
        ]);
      await audit(tx, store, 'testimonial:order');
    });
    return c.json({ items: await testimonialList(store) });
  });

  app.patch('/testimonials/:id', async (c) => {
    const store = c.var.merchantStore.id;
    const { featured } = await readJsonBody(c, TestimonialChangeSchema);
    const id = c.req.param('id');
    await db.transaction(async (tx) => {
      const changed = await tx.query(
        'update testimonials set featured = $3 where store_id = $1 and id = $2 returning id',
        [store, id, featured],
      );
      if (changed.length === 0) throw new ProblemError(404, 'No such testimonial');
      await audit(tx, store, featured ? 'testimonial:feature' : 'testimonial:unfeature', {
        target: id,
      });
    });
    return c.json((await testimonialList(store)).find((item) => item.id === id));
  });

  app.delete('/testimonials/:id', async (c) => {
    const store = c.var.merchantStore.id;
    const id = c.req.param('id');
    await db.transaction(async (tx) => {
      const removed = await tx.query(
        'delete from testimonials where store_id = $1 and id = $2 returning id',
        [store, id],
      );
      if (removed.length === 0) throw new ProblemError(404, 'No such testimonial');
      await audit(tx, store, 'testimonial:remove', { target: id });
    });
    return c.body(null, 204);
  });

  const settingsOf = async (store: string): Promise<StoreSettings> => {
    const [row] = await db.query<{
      id: string;
      name: string;
      origins: string[];
      moderation: StoreSettings['moderation'];
      theme: Record<string, string>;
    }>('select id, name, origins, moderation, theme from stores where id = $1', [store]);
    if (!row) throw new ProblemError(404, 'No such store');
    return {
      store: row.id,
      name: row.name,
      origins: row.origins,
      moderation: row.moderation,
      theme: row.theme,
    };
  };

  app.get('/settings', async (c) => c.json(await settingsOf(c.var.merchantStore.id)));

  app.patch('/settings', async (c) => {
    const store = c.var.merchantStore.id;
    const change = await readJsonBody(c, StoreSettingsChangeSchema);
    await db.transaction(async (tx) => {
      if (change.origins)
        await tx.query('update stores set origins = $2 where id = $1', [
          store,
          [...new Set(change.origins)],
        ]);
      if (change.moderation)
        await tx.query('update stores set moderation = $2 where id = $1', [
          store,
          change.moderation,
        ]);
      if (change.theme)
        await tx.query('update stores set theme = $2::jsonb where id = $1', [
          store,
          json(change.theme),
        ]);
      await audit(tx, store, 'settings:change', {
        target: 'settings',
        reason: Object.keys(change).sort().join(',') || null,
      });
    });
    return c.json(await settingsOf(store));
  });

  return app;
}
