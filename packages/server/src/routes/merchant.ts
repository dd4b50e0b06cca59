import { createHash, timingSafeEqual } from 'node:crypto';
import { IncentiveSchema, normalizeUserText } from '@koubei/core';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { Queryable } from '../db/database.ts';
import { mediaFor } from '../db/review-queries.ts';
import type { ReviewRow } from '../db/review-rows.ts';
import { rowToReview } from '../db/review-rows.ts';
import { changeAggregate, ratedItem } from '../db/summaries.ts';
import { readImport } from './import-reviews.ts';
import { newId } from './public-writes.ts';
import type { AppServices, StoreRow } from '../http/context.ts';
import { ProblemError } from '../http/problem.ts';
import { readJsonBody, readUtf8Body } from '../http/json-body.ts';
import { merchantReferralRoutes } from './referrals.ts';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Reasons a merchant may hide or flag a review: a fixed list, never "it was negative". */
export const MODERATION_REASONS = [
  'off-topic',
  'unlawful',
  'obscene',
  'personal-data',
  'spam',
  'not-a-customer',
] as const;

const ModerationSchema = v.strictObject({
  action: v.picklist(['approve', 'hide', 'flag']),
  reason: v.optional(v.picklist(MODERATION_REASONS)),
});
// The reply is cleaned before these limits apply (see the route), like a review.
const ReplySchema = v.strictObject({
  body: v.pipe(
    v.string(),
    v.transform((text) => normalizeUserText(text, { multiline: true })),
    v.minLength(1, 'The reply is empty'),
    v.maxLength(3000),
  ),
});
const ErasureSchema = v.strictObject({ email: v.pipe(v.string(), v.email(), v.maxLength(254)) });

type MerchantEnv = { Variables: { merchantStore: StoreRow } };

/**
 * The merchant API: bearer API key (stored hashed), scoped to that key's
 * store for every query. Merchants reply and moderate; they can never edit a
 * customer's words or rating. Every change lands in the audit log.
 */
export function merchantRoutes(services: AppServices) {
  const { db } = services;
  const app = new Hono<MerchantEnv>();

  app.use('*', async (c, next) => {
    const key = /^Bearer (\S{16,200})$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!key)
      throw new ProblemError(401, 'An API key is required', [], { 'www-authenticate': 'Bearer' });
    const hash = hashApiKey(key);
    const [store] = await db.query<StoreRow>(
      'select id, name, origins, moderation, api_key_hash from stores where api_key_hash = $1',
      [hash],
    );
    if (
      !store?.api_key_hash ||
      !timingSafeEqual(Buffer.from(store.api_key_hash), Buffer.from(hash))
    ) {
      throw new ProblemError(401, 'The API key is not valid', [], { 'www-authenticate': 'Bearer' });
    }
    c.set('merchantStore', store);
    c.header('cache-control', 'no-store');
    await next();
  });

  async function reviewFor(tx: Queryable, store: string, id: string): Promise<ReviewRow> {
    const [row] = await tx.query<ReviewRow>(
      'select * from reviews where store_id = $1 and id = $2 for update',
      [store, id],
    );
    // Another store's review id gets the same answer as a missing one.
    if (!row) throw new ProblemError(404, 'No such review');
    return row;
  }

  async function audit(
    tx: Queryable,
    store: string,
    action: string,
    reviewId: string | null,
    reason: string | null,
  ) {
    await tx.query(
      'insert into audit_log (store_id, actor, action, review_id, reason) values ($1, $2, $3, $4, $5)',
      [store, 'merchant-api', action, reviewId, reason],
    );
  }

  app.get('/reviews', async (c) => {
    const store = c.var.merchantStore.id;
    const status = c.req.query('status');
    const rows = await db.query<ReviewRow>(
      `select * from reviews where store_id = $1 ${status ? 'and status = $2' : ''} order by created_ms desc, id limit 100`,
      status ? [store, status] : [store],
    );
    const media = await mediaFor(
      db,
      store,
      services.config.publicUrl,
      rows.map((row) => row.id),
    );
    return c.json({
      items: rows.map((row) => ({
        ...rowToReview(row, media.get(row.id) ?? []),
        email: row.email,
      })),
    });
  });

  app.post('/reviews/:id/moderation', async (c) => {
    const store = c.var.merchantStore.id;
    const { action, reason } = await readJsonBody(c, ModerationSchema);
    if (action !== 'approve' && !reason) {
      throw new ProblemError(422, 'Hiding or flagging needs a reason from the list', [
        { path: 'reason', message: 'Required' },
      ]);
    }
    const status = action === 'approve' ? 'published' : action === 'hide' ? 'hidden' : 'flagged';
    const review = await db.transaction(async (tx) => {
      const row = await reviewFor(tx, store, c.req.param('id'));
      if (row.status !== status) {
        await tx.query(
          'update reviews set status = $3, updated_ms = $4 where store_id = $1 and id = $2',
          [store, row.id, status, services.now()],
        );
        if (row.status === 'published')
          await changeAggregate(tx, store, row.product_id, { remove: ratedItem(row) });
        if (status === 'published')
          await changeAggregate(tx, store, row.product_id, { add: ratedItem(row) });
      }
      await audit(tx, store, `moderation:${action}`, row.id, reason ?? null);
      return { ...row, status };
    });
    return c.json({ reviewId: review.id, status: review.status });
  });

  app.put('/reviews/:id/reply', async (c) => {
    const store = c.var.merchantStore.id;
    const text = (await readJsonBody(c, ReplySchema)).body;
    const reply = await db.transaction(async (tx) => {
      const row = await reviewFor(tx, store, c.req.param('id'));
      const now = new Date(services.now()).toISOString();
      const next = {
        body: text,
        createdAt: row.reply?.createdAt ?? now,
        ...(row.reply ? { updatedAt: now } : {}),
      };
      await tx.query('update reviews set reply = $3 where store_id = $1 and id = $2', [
        store,
        row.id,
        next,
      ]);
      await audit(tx, store, row.reply ? 'reply:edit' : 'reply:add', row.id, null);
      return next;
    });
    return c.json({ reviewId: c.req.param('id'), reply });
  });

  app.delete('/reviews/:id/reply', async (c) => {
    const store = c.var.merchantStore.id;
    await db.transaction(async (tx) => {
      const row = await reviewFor(tx, store, c.req.param('id'));
      await tx.query('update reviews set reply = null where store_id = $1 and id = $2', [
        store,
        row.id,
      ]);
      await audit(tx, store, 'reply:remove', row.id, null);
    });
    return c.body(null, 204);
  });

  app.put('/reviews/:id/incentive', async (c) => {
    const store = c.var.merchantStore.id;
    const incentive = await readJsonBody(c, IncentiveSchema);
    await db.transaction(async (tx) => {
      const row = await reviewFor(tx, store, c.req.param('id'));
      await tx.query('update reviews set incentive = $3 where store_id = $1 and id = $2', [
        store,
        row.id,
        incentive,
      ]);
      await audit(tx, store, 'incentive:mark', row.id, incentive.kind);
    });
    return c.json({ reviewId: c.req.param('id'), incentive });
  });

  app.post('/import', async (c) => {
    const store = c.var.merchantStore.id;
    const type = c.req.header('content-type') ?? '';
    const format = /^text\/csv\b/i.test(type)
      ? 'csv'
      : /^application\/json\b/i.test(type)
        ? 'json'
        : null;
    if (!format)
      throw new ProblemError(415, 'Import a CSV (text/csv) or JSON (application/json) file');
    const { rows, problems } = readImport(await readUtf8Body(c), format);
    if (problems.length > 0)
      throw new ProblemError(
        422,
        'Some rows need fixing; nothing was imported',
        problems.slice(0, 100),
      );
    await db.transaction(async (tx) => {
      for (const row of rows) {
        const id = newId();
        const created = Date.parse(row.date);
        await tx.query(
          'insert into products (store_id, id, name) values ($1, $2, $2) on conflict do nothing',
          [store, row.product],
        );
        await tx.query(
          `insert into reviews (store_id, id, product_id, rating, title, body, language, author_name, email,
             verified_purchase, status, created_ms, updated_ms)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'published', $11, $11)`,
          [
            store,
            id,
            row.product,
            row.rating,
            row.title,
            row.body,
            row.language,
            row.author,
            row.email ?? null,
            row.verified,
            created,
          ],
        );
        await changeAggregate(tx, store, row.product, { add: { rating: row.rating } });
      }
      await audit(tx, store, `import:${rows.length}`, null, null);
    });
    return c.json({ imported: rows.length }, 201);
  });

  app.get('/export', async (c) => {
    const store = c.var.merchantStore.id;
    const [reviews, photos, testimonials, audit_log] = await Promise.all([
      db.query('select * from reviews where store_id = $1 order by created_ms', [store]),
      db.query('select * from photos where store_id = $1 order by created_ms', [store]),
      db.query('select * from testimonials where store_id = $1 order by position', [store]),
      db.query(
        'select at, actor, action, review_id, reason from audit_log where store_id = $1 order by at',
        [store],
      ),
    ]);
    c.header('content-disposition', `attachment; filename="koubei-${store}.json"`);
    return c.json({
      store,
      exportedAt: new Date(services.now()).toISOString(),
      reviews,
      photos,
      testimonials,
      auditLog: audit_log,
    });
  });

  /**
   * GDPR erasure of one reviewer: their reviews, votes on them, photos (rows
   * and files), aggregates adjusted. The answer is the same whether or not
   * the address had reviews, and the audit entry holds no personal data.
   */
  app.post('/erasure', async (c) => {
    const store = c.var.merchantStore.id;
    const { email } = await readJsonBody(c, ErasureSchema);
    const photoIds = await db.transaction(async (tx) => {
      const rows = await tx.query<ReviewRow>(
        'select * from reviews where store_id = $1 and lower(email) = lower($2) for update',
        [store, email],
      );
      const ids = rows.map((row) => row.id);
      for (const row of rows) {
        if (row.status === 'published')
          await changeAggregate(tx, store, row.product_id, { remove: ratedItem(row) });
      }
      const photos = await tx.query<{ id: string }>(
        'delete from photos where store_id = $1 and review_id = any($2) returning id',
        [store, ids],
      );
      await tx.query('delete from votes where store_id = $1 and review_id = any($2)', [store, ids]);
      await tx.query('delete from reviews where store_id = $1 and id = any($2)', [store, ids]);
      await audit(tx, store, `erasure:${ids.length}`, null, null);
      return photos.map((photo) => photo.id);
    });
    for (const id of photoIds) await services.photos.remove(id);
    return c.json({ accepted: true }, 202);
  });

  app.route('/', merchantReferralRoutes(services));

  return app;
}
