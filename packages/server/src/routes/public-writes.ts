import { createHash, randomBytes } from 'node:crypto';
import type { ReviewSubmission } from '@koubei/core';
import * as v from 'valibot';
import {
  EntityIdSchema,
  EventBatchSchema,
  ProductIdSchema,
  HelpfulVoteSchema,
  ReviewSubmissionSchema,
  normalizeUserText,
  validate,
  wilsonLowerBound,
} from '@koubei/core';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Queryable } from '../db/database.ts';
import { json } from '../db/database.ts';
import type { ReviewRow } from '../db/review-rows.ts';
import { photoUrls } from '../db/review-rows.ts';
import { changeAggregate, ratedItem } from '../db/summaries.ts';
import type { AppEnv, AppServices } from '../http/context.ts';
import { readJson } from '../http/json-body.ts';
import { ProblemError } from '../http/problem.ts';
import { sign, verify } from '../http/signing.ts';
import { PhotoRejectedError, processPhoto } from '../photos/process-photo.ts';

/** People need a few seconds to write a review; a form sent sooner is a bot. */
const MINIMUM_FILL_MS = 3000;
/** A form token is good for a day; older ones count as missing (held for moderation). */
const FORM_TOKEN_MAX_AGE_MS = 24 * 3600 * 1000;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** A product id from the path, held to the contract (no NUL, no 5 000-character ids stored). */
export function productParam(value: string): string {
  if (!v.is(ProductIdSchema, value)) {
    throw new ProblemError(400, 'Not a product id', [
      { path: 'product', message: 'Expected a product id' },
    ]);
  }
  return value;
}

export function newId(): string {
  return randomBytes(12).toString('base64url');
}

function idempotencyKey(c: Context): string {
  const key = c.req.header('idempotency-key');
  if (!key || !IDEMPOTENCY_KEY.test(key)) {
    throw new ProblemError(
      400,
      'An Idempotency-Key header of 16–64 letters, digits, _ or - is required',
      [{ path: 'Idempotency-Key', message: 'Missing or malformed' }],
    );
  }
  return key;
}

async function jsonBody(c: Context): Promise<unknown> {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new ProblemError(415, 'Send the review as application/json');
  }
  return readJson(c);
}

/** Text fields cleaned the same way for every client (controls, bidi overrides, spacing, length). */
function normalizeSubmission(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const input = raw as Record<string, unknown>;
  const clean = (key: string, multiline: boolean) =>
    typeof input[key] === 'string'
      ? { [key]: normalizeUserText(input[key] as string, { multiline }) }
      : {};
  return {
    ...input,
    ...clean('title', false),
    ...clean('body', true),
    ...clean('authorName', false),
    ...clean('email', false),
  };
}

interface StoredResponse {
  readonly status: 201 | 200;
  readonly body: unknown;
}

/**
 * Runs a write once per Idempotency-Key. The key is claimed inside the
 * write's own transaction, so a retry after a dropped response replays the
 * stored result, a concurrent duplicate waits and then replays (or gets 409
 * while the first is in flight), and the same key with different content is
 * refused.
 */
async function once(
  services: AppServices,
  store: string,
  key: string,
  request: unknown,
  work: (tx: Queryable) => Promise<StoredResponse>,
): Promise<StoredResponse> {
  const hash = createHash('sha256').update(JSON.stringify(request)).digest('base64url');
  return services.db.transaction(async (tx) => {
    const claimed = await tx.query(
      `insert into idempotency_keys (store_id, key, request_hash, created_ms) values ($1, $2, $3, $4)
       on conflict do nothing returning key`,
      [store, key, hash, services.now()],
    );
    if (claimed.length === 0) {
      const [existing] = await tx.query<{
        request_hash: string;
        response: unknown;
        response_status: number | null;
      }>(
        'select request_hash, response, response_status from idempotency_keys where store_id = $1 and key = $2',
        [store, key],
      );
      if (!existing || existing.request_hash !== hash) {
        throw new ProblemError(
          422,
          'This Idempotency-Key was already used for a different request',
        );
      }
      if (existing.response_status === null) {
        throw new ProblemError(409, 'The first request with this key is still being handled', [], {
          'retry-after': '1',
        });
      }
      return { status: existing.response_status as 201, body: existing.response };
    }
    const result = await work(tx);
    await tx.query(
      'update idempotency_keys set response = $3, response_status = $4 where store_id = $1 and key = $2',
      [store, key, result.body as Record<string, unknown>, result.status],
    );
    return result;
  });
}

/** Reviews with many links are usually spam: they wait for the merchant instead of going live. */
function looksLikeSpam(submission: ReviewSubmission): boolean {
  return (`${submission.title} ${submission.body}`.match(/https?:\/\/|www\./gi) ?? []).length > 2;
}

export function publicWrites(services: AppServices) {
  const { db, config } = services;

  /** When the form was shown, from a valid, unexpired token; NaN otherwise. */
  function formTokenTime(token: string | undefined): number {
    const value = token ? verify(token, config.secret) : null;
    const time = value?.startsWith('form:') ? Number(value.slice(5)) : Number.NaN;
    return services.now() - time <= FORM_TOKEN_MAX_AGE_MS ? time : Number.NaN;
  }
  const app = new Hono<AppEnv>();

  app.get('/form-token', (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ token: sign(`form:${services.now()}`, config.secret) });
  });

  app.post('/products/:product/reviews', async (c) => {
    const store = c.var.store;
    const product = productParam(c.req.param('product'));
    const key = idempotencyKey(c);
    const parsed = validate(ReviewSubmissionSchema, normalizeSubmission(await jsonBody(c)));
    if (!parsed.ok) throw new ProblemError(422, parsed.message, parsed.issues);
    const submission = parsed.value;

    // Bots fill the hidden field or send the form in a blink: they get a
    // success that stores nothing, so they learn nothing.
    const issuedAt = formTokenTime(submission.formToken);
    const tooFast = Number.isFinite(issuedAt) && services.now() - issuedAt < MINIMUM_FILL_MS;
    if (submission.website || tooFast) return c.json({ reviewId: newId(), status: 'pending' }, 201);

    const result = await once(services, store.id, key, { product, submission }, async (tx) => {
      const photoIds = submission.photoIds;
      if (photoIds.length > 0) {
        const free = await tx.query<{ id: string }>(
          'select id from photos where store_id = $1 and id = any($2) and review_id is null for update',
          [store.id, photoIds],
        );
        if (free.length !== new Set(photoIds).size) {
          throw new ProblemError(422, 'A photo is unknown or belongs to another review', [
            { path: 'photoIds', message: 'Unknown photo' },
          ]);
        }
      }
      // Without a valid form token (an API client, or the token request failed)
      // the review waits for the merchant, as do link-heavy ones. Never by rating.
      const held =
        store.moderation === 'moderate-first' ||
        !Number.isFinite(issuedAt) ||
        looksLikeSpam(submission);
      const now = services.now();
      const row: ReviewRow = {
        store_id: store.id,
        id: newId(),
        product_id: product,
        rating: submission.rating,
        title: submission.title,
        body: submission.body,
        language: submission.language,
        author_name: submission.authorName,
        email: submission.email ?? null,
        verified_purchase: false,
        incentive: null,
        recommends: submission.recommends ?? null,
        helpful_count: 0,
        unhelpful_count: 0,
        helpful_score: 0,
        media_count: photoIds.length,
        aspects: submission.aspects,
        reply: null,
        status: held ? 'pending' : 'published',
        created_ms: now,
        updated_ms: now,
      };
      await tx.query(
        `insert into products (store_id, id, name) values ($1, $2, $2) on conflict do nothing`,
        [store.id, product],
      );
      await tx.query(
        `insert into reviews (store_id, id, product_id, rating, title, body, language, author_name, email,
           recommends, media_count, aspects, status, created_ms, updated_ms)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          row.store_id,
          row.id,
          row.product_id,
          row.rating,
          row.title,
          row.body,
          row.language,
          row.author_name,
          row.email,
          row.recommends,
          row.media_count,
          json(row.aspects),
          row.status,
          row.created_ms,
          row.updated_ms,
        ],
      );
      if (photoIds.length > 0) {
        await tx.query('update photos set review_id = $3 where store_id = $1 and id = any($2)', [
          store.id,
          photoIds,
          row.id,
        ]);
      }
      if (row.status === 'published')
        await changeAggregate(tx, store.id, product, { add: ratedItem(row) });
      return { status: 201, body: { reviewId: row.id, status: row.status } };
    });
    return c.json(result.body as object, result.status);
  });

  app.post('/photos', async (c) => {
    const store = c.var.store.id;
    const key = idempotencyKey(c);
    if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
      throw new ProblemError(415, 'Upload the photo as multipart/form-data');
    }
    const form = await c.req.parseBody();
    const file = form.photo;
    if (!(file instanceof File))
      throw new ProblemError(422, 'Expected a file in the "photo" field', [
        { path: 'photo', message: 'Missing' },
      ]);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (!services.photoSlots.take()) {
      throw new ProblemError(503, 'Busy with other photos; try again in a moment', [], {
        'retry-after': '2',
      });
    }
    let processed;
    try {
      processed = await processPhoto(bytes);
    } catch (error) {
      if (error instanceof PhotoRejectedError)
        throw new ProblemError(error.status, error.message, [
          { path: 'photo', message: error.message },
        ]);
      throw error;
    } finally {
      services.photoSlots.give();
    }
    const digest = createHash('sha256').update(bytes).digest('base64url');
    const result = await once(services, store, key, { photo: digest }, async (tx) => {
      const id = newId();
      await services.photos.save(id, processed);
      await tx.query(
        `insert into photos (store_id, id, width, height, thumbnail_width, thumbnail_height, created_ms)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [
          store,
          id,
          processed.width,
          processed.height,
          processed.thumbnailWidth,
          processed.thumbnailHeight,
          services.now(),
        ],
      );
      return {
        status: 201,
        body: {
          id,
          ...photoUrls(config.publicUrl, store, id),
          width: processed.width,
          height: processed.height,
        },
      };
    });
    return c.json(result.body as object, result.status);
  });

  app.post('/reviews/:review/votes', async (c) => {
    const store = c.var.store.id;
    const reviewId = c.req.param('review');
    if (!v.is(EntityIdSchema, reviewId)) throw new ProblemError(404, 'No such review');
    const vote = validate(HelpfulVoteSchema, await jsonBody(c));
    if (!vote.ok) throw new ProblemError(422, vote.message, vote.issues);
    const result = await db.transaction(async (tx) => {
      const [review] = await tx.query<{ id: string }>(
        "select id from reviews where store_id = $1 and id = $2 and status = 'published' for update",
        [store, reviewId],
      );
      if (!review) throw new ProblemError(404, 'No such review');
      // One vote per visitor and review: a repeat replaces it, concurrent ones collapse into one row.
      await tx.query(
        `insert into votes (store_id, review_id, voter, helpful) values ($1, $2, $3, $4)
         on conflict (store_id, review_id, voter) do update set helpful = excluded.helpful`,
        [store, reviewId, vote.value.voter, vote.value.helpful],
      );
      const [counts] = await tx.query<{ up: number; down: number }>(
        `select count(*) filter (where helpful)::int as up, count(*) filter (where not helpful)::int as down
         from votes where store_id = $1 and review_id = $2`,
        [store, reviewId],
      );
      const up = counts?.up ?? 0;
      const down = counts?.down ?? 0;
      await tx.query(
        'update reviews set helpful_count = $3, unhelpful_count = $4, helpful_score = $5 where store_id = $1 and id = $2',
        [store, reviewId, up, down, wilsonLowerBound(up, down)],
      );
      return { reviewId, helpfulCount: up, unhelpfulCount: down };
    });
    return c.json(result);
  });

  app.post('/events', async (c) => {
    // sendBeacon posts text/plain (no preflight); fetch clients may send JSON.
    if (!/^(text\/plain|application\/json)\b/i.test(c.req.header('content-type') ?? '')) {
      throw new ProblemError(415, 'Send events as text/plain or application/json');
    }
    const batch = validate(EventBatchSchema, await readJson(c));
    if (!batch.ok) throw new ProblemError(422, batch.message, batch.issues);
    const store = c.var.store.id;
    for (const event of batch.value.events) {
      if (event.store !== store) continue;
      await db.query(
        'insert into events (store_id, type, widget, product_id, at, page_view, detail) values ($1, $2, $3, $4, $5, $6, $7)',
        [
          store,
          event.type,
          event.widget,
          event.product ?? null,
          event.at,
          event.pageView,
          (event.detail ?? null) as never,
        ],
      );
    }
    return c.body(null, 202);
  });

  return app;
}
