import { createHash, timingSafeEqual } from 'node:crypto';
import {
  ErasureInputSchema,
  IncentiveSchema,
  ModerationInputSchema,
  ReplyInputSchema,
} from '@koubei/core';
import { Hono } from 'hono';
import { mediaFor } from '../db/review-queries.ts';
import type { ReviewRow } from '../db/review-rows.ts';
import { rowToReview } from '../db/review-rows.ts';
import { changeAggregate, ratedItem } from '../db/summaries.ts';
import {
  audit,
  moderateReview,
  removeReply,
  requireReason,
  reviewFor,
} from './merchant-actions.ts';
import { merchantConsoleRoutes } from './merchant-console.ts';
import { readImport } from './import-reviews.ts';
import { newId } from './public-writes.ts';
import type { AppServices, StoreRow } from '../http/context.ts';
import { ProblemError } from '../http/problem.ts';
import { readJsonBody, readUtf8Body } from '../http/json-body.ts';
import { merchantCustomerRoutes } from './customers.ts';
import { eraseCustomer, merchantReferralRoutes } from './referrals.ts';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

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
    const { action, reason } = await readJsonBody(c, ModerationInputSchema);
    requireReason(action, reason);
    const status = await db.transaction(async (tx) => {
      const row = await reviewFor(tx, store, c.req.param('id'));
      return moderateReview(tx, store, row, action, reason, services.now());
    });
    return c.json({ reviewId: c.req.param('id'), status });
  });

  app.put('/reviews/:id/reply', async (c) => {
    const store = c.var.merchantStore.id;
    const text = (await readJsonBody(c, ReplyInputSchema)).body;
    const reply = await db.transaction(async (tx) => {
      const row = await reviewFor(tx, store, c.req.param('id'));
      // One clock reading: the reply's date and the first-reply time must agree.
      const nowMs = services.now();
      const now = new Date(nowMs).toISOString();
      const next = {
        body: text,
        createdAt: row.reply?.createdAt ?? now,
        ...(row.reply ? { updatedAt: now } : {}),
      };
      await tx.query(
        'update reviews set reply = $3, first_reply_ms = coalesce(first_reply_ms, $4) where store_id = $1 and id = $2',
        [store, row.id, next, nowMs],
      );
      await audit(tx, store, row.reply ? 'reply:edit' : 'reply:add', { reviewId: row.id });
      return next;
    });
    return c.json({ reviewId: c.req.param('id'), reply });
  });

  app.delete('/reviews/:id/reply', async (c) => {
    const store = c.var.merchantStore.id;
    await db.transaction(async (tx) => {
      const row = await reviewFor(tx, store, c.req.param('id'));
      await removeReply(tx, store, row);
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
      await audit(tx, store, 'incentive:mark', { reviewId: row.id, reason: incentive.kind });
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
      await audit(tx, store, `import:${rows.length}`);
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
        // seq orders entries made in one transaction (they share `at`); target names
        // what a console entry is about (a testimonial, the settings).
        'select at, actor, action, review_id, reason, target from audit_log where store_id = $1 order by seq',
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
   * GDPR/PIPL erasure of one person by email (and the store's customer id,
   * when given): their reviews, votes on them, photos (rows and files),
   * aggregates adjusted; and their customer side (see eraseCustomer). The
   * answer is the same whether or not we knew them, and the audit entry
   * holds no personal data.
   */
  app.post('/erasure', async (c) => {
    const store = c.var.merchantStore.id;
    const { email, customerId } = await readJsonBody(c, ErasureInputSchema);
    const photoIds = await db.transaction(async (tx) => {
      await eraseCustomer(tx, store, email, customerId ?? null);
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
      await audit(tx, store, `erasure:${ids.length}`);
      return photos.map((photo) => photo.id);
    });
    for (const id of photoIds) await services.photos.remove(id);
    return c.json({ accepted: true }, 202);
  });

  app.route('/', merchantReferralRoutes(services));
  app.route('/', merchantConsoleRoutes(services));
  app.route('/', merchantCustomerRoutes(services));

  return app;
}
