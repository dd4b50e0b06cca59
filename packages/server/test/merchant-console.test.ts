import {
  AuditPageSchema,
  DashboardStatsSchema,
  InboxPageSchema,
  MerchantTestimonialListSchema,
  StoreSettingsSchema,
  TopicsResponseSchema,
  validate,
} from '@koubei/core';
import type * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeAggregate } from '../src/db/summaries.ts';
import type { TestServer } from './harness.ts';
import { DATABASES, STORE, startTestServer } from './harness.ts';

const DAY = 24 * 3600_000;
const PRODUCTS = ['celadon', 'oolong', 'puerh', 'matcha', 'kettle', 'cups'];
const BODIES = [
  'The tea is fresh and fragrant.',
  'Delivery was slow and the box was crushed.',
  '茶叶很新鲜，物流很快。',
  'Customer service was rude.',
  '价格偏贵，不太值。',
  'Great value for money.',
  'The teapot leaks.',
  'Lovely cups.',
];

/** A fixed, varied set of reviews written straight into the store, spread over eight weeks. */
function seedRows(now: number) {
  return Array.from({ length: 48 }, (_, i) => ({
    id: `seed-${String(i).padStart(2, '0')}`,
    product: PRODUCTS[i % PRODUCTS.length] as string,
    rating: [5, 4, 1, 5, 3, 2, 5, 4, 5, 1][i % 10] as number,
    body: BODIES[i % BODIES.length] as string,
    mediaCount: i % 4 === 0 ? 1 : 0,
    status: i % 11 === 5 ? 'pending' : i % 13 === 7 ? 'hidden' : 'published',
    createdMs: now - i * 1.2 * DAY - 3600_000,
    // Replies stored as old data would have them (no first_reply_ms), for a few reviews.
    legacyReplyAfterMs: i % 9 === 0 ? (i + 1) * 3600_000 : null,
  }));
}

type Stats = v.InferOutput<typeof DashboardStatsSchema>;

describe.each(DATABASES)('merchant console API on %s', (kind) => {
  let server: TestServer;
  const now = Date.now();

  const json = (path: string, method: string, body: unknown) =>
    server.merchant(`/v1/merchant${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const get = async <T extends v.GenericSchema>(path: string, schema: T) => {
    const response = await server.merchant(`/v1/merchant${path}`);
    expect(response.status, path).toBe(200);
    const result = validate(schema, await response.json());
    if (!result.ok) throw new Error(`${path}: ${result.message}`);
    return result.value as v.InferOutput<T>;
  };
  const sql = <T>(text: string, params: unknown[] = []) =>
    server.db.query<T>(text, params as never[]);

  beforeAll(async () => {
    server = await startTestServer(kind);
    for (const product of PRODUCTS)
      await sql('insert into products (store_id, id, name) values ($1, $2, $3)', [
        STORE,
        product,
        `Product ${product}`,
      ]);
    for (const row of seedRows(now)) {
      await sql(
        `insert into reviews (store_id, id, product_id, rating, body, language, author_name, media_count, status, reply, created_ms, updated_ms)
         values ($1, $2, $3, $4, $5, 'en', 'Seed', $6, $7, $8, $9, $9)`,
        [
          STORE,
          row.id,
          row.product,
          row.rating,
          row.body,
          row.mediaCount,
          row.status,
          row.legacyReplyAfterMs === null
            ? null
            : {
                body: 'Thank you!',
                createdAt: new Date(row.createdMs + row.legacyReplyAfterMs).toISOString(),
              },
          row.createdMs,
        ],
      );
      // Summaries follow published reviews, as the server keeps them.
      if (row.status === 'published')
        await server.db.transaction((tx) =>
          changeAggregate(tx, STORE, row.product, { add: { rating: row.rating } }),
        );
    }
    // The referral programme's rows: three inviters, friends at every step.
    for (const [code, name] of [
      ['AAAA1111', 'Mei'],
      ['BBBB2222', 'Tom'],
      ['CCCC3333', null],
    ] as const)
      await sql(
        `insert into referral_invites (store_id, code, programme_id, customer_id, display_name, landing_url)
         values ($1, $2, 'spring', $3, $4, 'https://shop.example/')`,
        [STORE, code, `customer-${code}`, name],
      );
    const states = [
      ['AAAA1111', 'visited'],
      ['AAAA1111', 'signed-up'],
      ['AAAA1111', 'rewarded'],
      ['AAAA1111', 'rewarded'],
      ['BBBB2222', 'purchased'],
      ['BBBB2222', 'visited'],
      ['BBBB2222', 'invited'],
      ['CCCC3333', 'visited'],
    ];
    for (const [i, [code, state]] of states.entries())
      await sql(
        `insert into referral_invitations (store_id, id, code, state) values ($1, $2, $3, $4)`,
        [STORE, `inv-${i}`, code, state],
      );
    // Widget events arrive through the beacon, as from a storefront.
    const event = (type: string, widget = 'reviews') => ({
      v: 1,
      type,
      store: STORE,
      widget,
      product: 'oolong',
      at: new Date(now).toISOString(),
      pageView: 'pv_12345678',
    });
    const beacon = await server.request(`/v1/${STORE}/events`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({
        events: [
          ...Array.from({ length: 9 }, () => event('impression')),
          event('filter'),
          event('page'),
          event('photo-open', 'gallery'),
          event('view'),
          event('submit', 'form'),
        ],
      }),
    });
    expect(beacon.status).toBe(202);
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('inbox', () => {
    it('lists newest first, pages with a cursor and holds to the contract', async () => {
      const first = await get('/inbox?limit=10', InboxPageSchema);
      expect(first.items).toHaveLength(10);
      expect(first.items.map((item) => item.id)).toEqual(
        seedRows(now)
          .slice(0, 10)
          .map((row) => row.id),
      );
      const seen = [...first.items.map((item) => item.id)];
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await get(
          `/inbox?limit=10&cursor=${encodeURIComponent(cursor)}`,
          InboxPageSchema,
        );
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      }
      const [{ total }] = (await sql<{ total: number }>(
        'select count(*)::int as total from reviews where store_id = $1',
        [STORE],
      )) as [{ total: number }];
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    });

    it('filters by rating, product, status, photos and unanswered, like the same SQL', async () => {
      const page = await get(
        '/inbox?rating=1,2&product=oolong&status=published&unanswered=true&limit=100',
        InboxPageSchema,
      );
      const expected = await sql<{ id: string }>(
        `select id from reviews where store_id = $1 and rating in (1, 2) and product_id = 'oolong'
         and status = 'published' and reply is null order by created_ms desc`,
        [STORE],
      );
      expect(page.items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
      const withPhotos = await get('/inbox?photos=true&limit=100', InboxPageSchema);
      const [{ n }] = (await sql<{ n: number }>(
        'select count(*)::int as n from reviews where store_id = $1 and media_count > 0',
        [STORE],
      )) as [{ n: number }];
      expect(withPhotos.items).toHaveLength(n);
      expect(n).toBeGreaterThan(0);
    });

    it('refuses bad filters and forged cursors with a clear error', async () => {
      expect((await server.merchant('/v1/merchant/inbox?rating=9')).status).toBe(400);
      expect((await server.merchant('/v1/merchant/inbox?status=gone')).status).toBe(400);
      const forged = await server.merchant(
        '/v1/merchant/inbox?cursor=inbox%3A%5B1%2C%22x%22%5D.abc',
      );
      expect(forged.status).toBe(400);
      expect((await forged.json()).errors).toEqual([{ path: 'cursor', message: 'Invalid cursor' }]);
      expect((await server.request('/v1/merchant/inbox')).status).toBe(401);
    });
  });

  describe('actions and the audit log', () => {
    it('replies, edits, removes, moderates, marks incentives and bulk-acts, every step audited', async () => {
      const id = 'seed-02';
      expect((await json(`/reviews/${id}/reply`, 'PUT', { body: 'We are sorry.' })).status).toBe(
        200,
      );
      expect(
        (await json(`/reviews/${id}/reply`, 'PUT', { body: 'We are very sorry.' })).status,
      ).toBe(200);
      const [item] = (await get('/inbox?rating=1&limit=100', InboxPageSchema)).items.filter(
        (entry) => entry.id === id,
      );
      expect(item?.reply?.body).toBe('We are very sorry.');
      expect(item?.firstReplyAt).toBe(item?.reply?.createdAt);
      expect(
        (await server.merchant(`/v1/merchant/reviews/${id}/reply`, { method: 'DELETE' })).status,
      ).toBe(204);
      // The first reply's time stays after removal (it is when the shop first answered).
      const [kept] = await sql<{ first_reply_ms: number | null; reply: unknown }>(
        'select first_reply_ms, reply from reviews where store_id = $1 and id = $2',
        [STORE, id],
      );
      expect(kept?.reply).toBeNull();
      expect(Number(kept?.first_reply_ms)).toBeGreaterThan(0);

      expect((await json(`/reviews/${id}/incentive`, 'PUT', { kind: 'free-product' })).status).toBe(
        200,
      );
      const flag = await json(`/reviews/${id}/moderation`, 'POST', {
        action: 'flag',
        reason: 'spam',
      });
      expect(await flag.json()).toEqual({ reviewId: id, status: 'flagged' });
      expect((await json(`/reviews/${id}/moderation`, 'POST', { action: 'approve' })).status).toBe(
        200,
      );

      const bulk = await json('/reviews/bulk', 'POST', {
        reviewIds: ['seed-10', 'seed-20', 'not-ours'],
        action: 'hide',
        reason: 'off-topic',
      });
      expect(await bulk.json()).toEqual({ done: ['seed-10', 'seed-20'], missing: ['not-ours'] });
      const noReason = await json('/reviews/bulk', 'POST', {
        reviewIds: ['seed-10'],
        action: 'flag',
      });
      expect(noReason.status).toBe(422);
      expect(
        (
          await json('/reviews/bulk', 'POST', {
            reviewIds: ['seed-10', 'seed-20'],
            action: 'approve',
          })
        ).status,
      ).toBe(200);

      const log = await get(`/audit?review=${id}`, AuditPageSchema);
      expect(log.items.map((entry) => [entry.action, entry.reason])).toEqual([
        ['moderation:approve', null],
        ['moderation:flag', 'spam'],
        ['incentive:mark', 'free-product'],
        ['reply:remove', null],
        ['reply:edit', null],
        ['reply:add', null],
      ]);
      const bulkLog = await get('/audit?review=seed-10', AuditPageSchema);
      expect(bulkLog.items.map((entry) => entry.action)).toEqual([
        'moderation:approve',
        'moderation:hide',
      ]);
      // Paging walks the whole log once.
      const all: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const page: v.InferOutput<typeof AuditPageSchema> = await get(
          `/audit?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          AuditPageSchema,
        );
        all.push(...page.items.map((entry) => entry.id));
        cursor = page.nextCursor;
      }
      const [{ n }] = (await sql<{ n: number }>(
        'select count(*)::int as n from audit_log where store_id = $1',
        [STORE],
      )) as [{ n: number }];
      expect(all).toHaveLength(n);
      expect(new Set(all).size).toBe(n);
    });
  });

  describe('dashboard', () => {
    let stats: Stats;
    beforeAll(async () => {
      // Answer two negative reviews through the API, so first-reply times come from real replies.
      for (const id of ['seed-12', 'seed-15'])
        expect(
          (await json(`/reviews/${id}/reply`, 'PUT', { body: '抱歉，我们会改进。' })).status,
        ).toBe(200);
      stats = await get('/stats?weeks=10', DashboardStatsSchema);
    });

    it('counts reviews, the histogram, replies and photos like direct SQL', async () => {
      const byRating = await sql<{ rating: number; n: number }>(
        `select rating, count(*)::int as n from reviews where store_id = $1 and status = 'published' group by rating`,
        [STORE],
      );
      const histogram = [1, 2, 3, 4, 5].map(
        (stars) => byRating.find((row) => row.rating === stars)?.n ?? 0,
      );
      expect(stats.histogram).toEqual(histogram);
      expect(stats.reviews).toBe(histogram.reduce((a, b) => a + b, 0));
      const published = await sql<{
        rating: number;
        reply: unknown;
        media_count: number;
        created_ms: number;
        first_reply_ms: number | null;
      }>(
        `select rating, reply, media_count, created_ms, first_reply_ms from reviews where store_id = $1 and status = 'published'`,
        [STORE],
      );
      const mean = published.reduce((sum, row) => sum + row.rating, 0) / published.length;
      expect(stats.mean).toBeCloseTo(mean, 10);
      const answered = published.filter((row) => row.reply !== null).length;
      expect(stats.replies.answered).toBe(answered);
      expect(stats.replies.rate).toBeCloseTo(answered / published.length, 10);
      const negative = published.filter((row) => row.rating <= 2);
      expect(stats.replies.negative).toBe(negative.length);
      expect(stats.replies.negativeAnswered).toBe(
        negative.filter((row) => row.reply !== null).length,
      );
      expect(stats.photos.withPhotos).toBe(published.filter((row) => row.media_count > 0).length);
      const [{ pending }] = (await sql<{ pending: number }>(
        `select count(*)::int as pending from reviews where store_id = $1 and status = 'pending'`,
        [STORE],
      )) as [{ pending: number }];
      expect(stats.pending).toBe(pending);

      // The median, computed here from each review's first reply (new column, or the stored reply's date).
      const waits = published
        .map((row) => {
          const first =
            row.first_reply_ms ??
            (row.reply ? Date.parse((row.reply as { createdAt: string }).createdAt) : null);
          return first === null ? null : Number(first) - Number(row.created_ms);
        })
        .filter((wait): wait is number => wait !== null)
        .sort((a, b) => a - b);
      const middle = waits.length / 2;
      const median =
        waits.length % 2
          ? waits[Math.floor(middle)]
          : ((waits[middle - 1] as number) + (waits[middle] as number)) / 2;
      expect(waits.length).toBeGreaterThanOrEqual(3);
      expect(stats.replies.medianFirstReplyMs).toBeCloseTo(median as number, 0);
    });

    it('draws the weekly trend from ISO weeks, empty weeks included', async () => {
      expect(stats.trend).toHaveLength(10);
      const monday = (ms: number) => {
        const day = new Date(ms);
        day.setUTCHours(0, 0, 0, 0);
        return day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY;
      };
      const rows = await sql<{ rating: number; created_ms: number }>(
        `select rating, created_ms from reviews where store_id = $1 and status = 'published'`,
        [STORE],
      );
      for (const week of stats.trend) {
        const start = Date.parse(week.start);
        expect(start).toBe(monday(start));
        const inWeek = rows.filter(
          (row) => row.created_ms >= start && row.created_ms < start + 7 * DAY,
        );
        expect(week.count, week.week).toBe(inWeek.length);
        if (inWeek.length)
          expect(week.mean).toBeCloseTo(
            inWeek.reduce((s, r) => s + r.rating, 0) / inWeek.length,
            10,
          );
        else expect(week.mean).toBeNull();
      }
      expect(stats.trend.at(-1)?.start).toBe(new Date(monday(now)).toISOString());
      expect(stats.trend.reduce((sum, week) => sum + week.count, 0)).toBeGreaterThan(20);
    });

    it('ranks products, counts the referral funnel and widget events like direct SQL', async () => {
      const products = await sql<{ product: string; n: number; mean: number }>(
        `select product_id as product, count(*)::int as n, avg(rating)::float8 as mean from reviews
         where store_id = $1 and status = 'published' group by product_id order by n desc, mean desc, product_id limit 5`,
        [STORE],
      );
      expect(stats.topProducts.byVolume.map((row) => [row.product, row.count])).toEqual(
        products.map((row) => [row.product, row.n]),
      );
      expect(stats.topProducts.byVolume[0]?.name).toMatch(/^Product /);
      const best = [...stats.topProducts.byRating];
      for (let i = 1; i < best.length; i += 1)
        expect((best[i - 1] as { mean: number }).mean).toBeGreaterThanOrEqual(
          (best[i] as { mean: number }).mean,
        );

      expect(stats.referrals).toMatchObject({
        invites: 3,
        visits: 7,
        signUps: 4,
        purchases: 3,
        rewards: 2,
      });
      expect(stats.referrals.topInviters).toEqual([
        { code: 'AAAA1111', name: 'Mei', converted: 3, rewarded: 2 },
        { code: 'BBBB2222', name: 'Tom', converted: 1, rewarded: 0 },
      ]);
      expect(stats.widgets).toEqual({ impressions: 9, interactions: 3, submissions: 1 });
    });

    it('moves reply rate and negative answers when the shop replies', async () => {
      const target = (
        await get('/inbox?rating=1&status=published&unanswered=true&limit=1', InboxPageSchema)
      ).items[0];
      expect(target).toBeDefined();
      expect(
        (await json(`/reviews/${target?.id}/reply`, 'PUT', { body: 'Sorry about this.' })).status,
      ).toBe(200);
      const after = await get('/stats?weeks=10', DashboardStatsSchema);
      expect(after.replies.answered).toBe(stats.replies.answered + 1);
      expect(after.replies.negativeAnswered).toBe(stats.replies.negativeAnswered + 1);
      stats = after;
    });
  });

  it('summarises topics of published reviews per aspect, with examples', async () => {
    const { topics, reviewsRead } = await get('/topics', TopicsResponseSchema);
    const [{ n }] = (await sql<{ n: number }>(
      `select count(*)::int as n from reviews where store_id = $1 and status = 'published'`,
      [STORE],
    )) as [{ n: number }];
    expect(reviewsRead).toBe(n);
    const delivery = topics.find((topic) => topic.aspect === 'delivery');
    expect(delivery?.negative).toBeGreaterThan(0);
    expect(delivery?.positive).toBeGreaterThan(0);
    expect(delivery?.examples.length).toBeGreaterThan(0);
    const oolong = await get('/topics?product=oolong', TopicsResponseSchema);
    expect(oolong.reviewsRead).toBeLessThan(reviewsRead);
  });

  it('promotes reviews to the testimonial wall, adds quotes, features and orders them', async () => {
    const promoted = await json('/testimonials', 'POST', { reviewId: 'seed-00', featured: true });
    expect(promoted.status).toBe(201);
    const first = await promoted.json();
    expect(first).toMatchObject({
      reviewId: 'seed-00',
      source: 'review',
      featured: true,
      rating: 5,
    });
    expect((await json('/testimonials', 'POST', { reviewId: 'seed-00' })).status).toBe(409);
    expect((await json('/testimonials', 'POST', { reviewId: 'seed-05' })).status).toBe(404);
    const quote = await (
      await json('/testimonials', 'POST', {
        quote: '最好的茶器店。',
        authorName: '王女士',
        language: 'zh-CN',
        source: 'survey',
      })
    ).json();
    const wall = await get('/testimonials', MerchantTestimonialListSchema);
    expect(wall.items.map((item) => item.id)).toEqual([first.id, quote.id]);
    const reordered = await json('/testimonials/order', 'PUT', { ids: [quote.id, first.id] });
    expect((await reordered.json()).items.map((item: { id: string }) => item.id)).toEqual([
      quote.id,
      first.id,
    ]);
    expect((await json('/testimonials/order', 'PUT', { ids: [quote.id] })).status).toBe(422);
    expect((await json(`/testimonials/${quote.id}`, 'PATCH', { featured: true })).status).toBe(200);
    // The public wall shows the change at once (merchant writes clear the read cache).
    const publicWall = await (await server.request(`/v1/${STORE}/testimonials`)).json();
    expect(publicWall.items.map((item: { id: string }) => item.id)).toEqual([quote.id, first.id]);
    expect(
      (await server.merchant(`/v1/merchant/testimonials/${first.id}`, { method: 'DELETE' })).status,
    ).toBe(204);
    const log = await get('/audit?limit=5', AuditPageSchema);
    expect(log.items.map((entry) => entry.action)).toEqual([
      'testimonial:remove',
      'testimonial:feature',
      'testimonial:order',
      'testimonial:add',
      'testimonial:promote',
    ]);
  });

  it('reads and changes settings, refusing unsafe theme values', async () => {
    const settings = await get('/settings', StoreSettingsSchema);
    expect(settings).toMatchObject({ store: STORE, moderation: 'publish-first', theme: {} });
    const changed = await json('/settings', 'PATCH', {
      origins: ['https://shop.example', 'https://m.shop.example'],
      moderation: 'moderate-first',
      theme: { 'color-accent': '#0f766e', radius: '4px' },
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      origins: ['https://shop.example', 'https://m.shop.example'],
      moderation: 'moderate-first',
      theme: { 'color-accent': '#0f766e', radius: '4px' },
    });
    const unsafe = await json('/settings', 'PATCH', {
      theme: { 'color-accent': 'url(https://x)' },
    });
    expect(unsafe.status).toBe(422);
    const badOrigin = await json('/settings', 'PATCH', { origins: ['javascript:alert(1)'] });
    expect(badOrigin.status).toBe(422);
    expect((await get('/settings', StoreSettingsSchema)).theme).toEqual({
      'color-accent': '#0f766e',
      radius: '4px',
    });
    expect((await json('/settings', 'PATCH', { moderation: 'publish-first' })).status).toBe(200);
    const log = await get('/audit?limit=2', AuditPageSchema);
    expect(log.items.map((entry) => [entry.action, entry.reason])).toEqual([
      ['settings:change', 'moderation'],
      ['settings:change', 'moderation,origins,theme'],
    ]);
  });

  it('records referral programme changes in the audit log', async () => {
    const programme = {
      name: 'Spring invites',
      active: true,
      conversion: 'purchase',
      inviterReward: { kind: 'points', points: 500 },
      inviteeReward: { kind: 'percent', percent: 10 },
      tiers: [],
      maxRewardsPerInviter: null,
      maxInvitesPerDay: 20,
      expiresAt: null,
    };
    expect((await json('/referral-programme', 'PUT', programme)).status).toBe(200);
    const [entry] = (await get('/audit?limit=1', AuditPageSchema)).items;
    expect(entry).toMatchObject({ action: 'referral-programme:set', target: 'referral-programme' });
  });
});
