// Faults while writing, on PGlite and PostgreSQL: the database connection
// drops in the middle of a request, the response to a committed review is
// lost on the way back, and the disk is full while a photo is stored. Each
// time the client gets a clear error, nothing half-written stays behind, and
// a retry with the same Idempotency-Key leaves exactly one review.
// (The process being killed mid-write is in crash.test.ts.)
import { readdirSync } from 'node:fs';
import { createConnection, createServer as createTcpServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { createIdempotencyKey } from '@koubei/core';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../src/db/database.ts';
import { sign } from '../src/http/signing.ts';
import type { PhotoStore } from '../src/photos/photo-store.ts';
import { solidImage } from './fixtures/images.ts';
import type { TestServer } from './harness.ts';
import { DATABASES, ORIGIN, STORE, startTestServer } from './harness.ts';

const SECRET = 'test-secret-0123456789abcdef0123456789';
const formToken = () => sign(`form:${Date.now() - 10_000}`, SECRET);
const review = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    rating: 4,
    title: 'Good',
    body: 'Pours well.',
    authorName: 'Mei',
    language: 'en',
    formToken: formToken(),
    ...extra,
  });

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function count(db: Queryable, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row?.n ?? -1;
}

function submit(target: TestServer, product: string, key: string, body = review()) {
  return target.request(`/v1/${STORE}/products/${product}/reviews`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body,
  });
}

/**
 * The database with a fault armed: the next write whose SQL matches `pattern`
 * loses its connection. On PostgreSQL the server's own connection is really
 * terminated (pg_terminate_backend) in the middle of the transaction; PGlite
 * runs in-process, so there the query fails as a dropped connection would.
 */
function withConnectionDrop(pattern: RegExp) {
  let armed = false;
  let dropped = 0;
  const wrap = (db: Database): Database => {
    const faulty = (tx: Queryable): Queryable => ({
      async query(sql, params) {
        if (armed && pattern.test(sql)) {
          armed = false;
          dropped++;
          if (db.kind === 'postgres')
            await tx.query('select pg_terminate_backend(pg_backend_pid())').catch(() => undefined);
          else throw new Error('Connection terminated unexpectedly');
        }
        return tx.query(sql, params);
      },
    });
    return {
      kind: db.kind,
      query: (sql, params) => faulty(db).query(sql, params),
      transaction: (work) => db.transaction((tx) => work(faulty(tx))),
      close: () => db.close(),
    };
  };
  return { wrap, arm: () => (armed = true), dropped: () => dropped };
}

/** A TCP proxy in front of the server that, when told, swallows the next response whole. */
async function responseEater(target: string) {
  const upstream = new URL(target);
  let eatNext = false;
  let eaten = 0;
  const sockets = new Set<Socket>();
  const proxy = createTcpServer((client) => {
    const backend = createConnection(Number(upstream.port), upstream.hostname);
    sockets.add(client).add(backend);
    const eat = eatNext;
    eatNext = false;
    client.on('data', (chunk: Buffer) => backend.write(chunk));
    backend.on('data', (chunk: Buffer) => {
      if (eat) {
        // The server has answered (so it committed); the client never hears it.
        eaten++;
        client.destroy();
        backend.destroy();
      } else client.write(chunk);
    });
    client.on('close', () => backend.destroy());
    backend.on('close', () => client.destroy());
    client.on('error', () => undefined);
    backend.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    eatNextResponse: () => (eatNext = true),
    eaten: () => eaten,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => resolve());
      }),
  };
}

describe.each(DATABASES)('faults on %s', (kind) => {
  it('the connection drops mid-write: a clear 5xx, nothing stored, the retry stores one review', async () => {
    const fault = withConnectionDrop(/insert into reviews/);
    server = await startTestServer(kind, { wrapDatabase: fault.wrap });
    const before = await count(server.db, 'reviews');
    const key = createIdempotencyKey();
    const body = review();
    fault.arm();
    const failed = await submit(server, 'drop', key, body);
    expect(fault.dropped()).toBe(1);
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(failed.headers.get('content-type')).toContain('application/problem+json');
    expect(await failed.text()).not.toMatch(/pg_|terminat|Connection/i);
    // The transaction rolled back: no review, no claimed key, no summary change.
    expect(await count(server.db, 'reviews')).toBe(before);
    expect(await count(server.db, 'idempotency_keys')).toBe(0);
    // The server carries on with a new connection, and the same key goes through once.
    expect((await server.request('/healthz')).status).toBe(200);
    const retried = await submit(server, 'drop', key, body);
    expect(retried.status).toBe(201);
    const again = await submit(server, 'drop', key, body);
    expect(await again.json()).toEqual(await retried.json());
    expect(await count(server.db, 'reviews')).toBe(before + 1);
  });

  it.runIf(kind === 'postgres')(
    'PostgreSQL drops every idle connection (a restart): the server neither crashes nor keeps dead connections',
    async () => {
      server = await startTestServer(kind);
      // Fill the pool with a few connections, then let them go idle.
      await Promise.all(
        Array.from({ length: 5 }, () => server!.request(`/v1/${STORE}/summaries?products=a,b`)),
      );
      const admin = new pg.Client({ connectionString: process.env.KOUBEI_TEST_DATABASE_URL });
      await admin.connect();
      const { rows } = await admin.query<{ n: number }>(
        `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and state = 'idle'
           and query not like '%pg_stat_activity%'`,
      );
      await admin.end();
      expect(rows[0]?.n).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (let i = 0; i < 5; i++) expect((await server.request('/healthz')).status).toBe(200);
      expect((await submit(server, 'after-restart', createIdempotencyKey())).status).toBe(201);
    },
  );

  it('the response is lost after the commit: the retry with the same key returns it, one review', async () => {
    server = await startTestServer(kind);
    const proxy = await responseEater(server.url);
    try {
      const key = createIdempotencyKey();
      const body = review({ title: 'Lost answer' });
      proxy.eatNextResponse();
      const lost = await fetch(`${proxy.url}/v1/${STORE}/products/lost/reviews`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, origin: ORIGIN },
        body,
      }).then(
        () => 'answered',
        () => 'lost',
      );
      expect(lost).toBe('lost');
      expect(proxy.eaten()).toBe(1);
      const [stored] = await server.db.query<{ id: string }>(
        'select id from reviews where product_id = $1',
        ['lost'],
      );
      expect(stored).toBeDefined();
      // The client tries again, as it does on a network error, with the same key.
      const retried = await submit(server, 'lost', key, body);
      expect(retried.status).toBe(201);
      expect(((await retried.json()) as { reviewId: string }).reviewId).toBe(stored?.id);
      expect(
        await server.db.query('select 1 from reviews where product_id = $1', ['lost']),
      ).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('the disk is full while a photo is stored: 507, no photo row, no file, no review with it', async () => {
    let full = true;
    server = await startTestServer(kind, {
      wrapPhotos: (photos: PhotoStore): PhotoStore => ({
        ...photos,
        async save(id, photo) {
          if (full)
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
              code: 'ENOSPC',
            });
          return photos.save(id, photo);
        },
      }),
    });
    const jpeg = await solidImage(64, 48).jpeg().toBuffer();
    const upload = (key: string) => {
      const form = new FormData();
      form.append('photo', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'cup.jpg');
      return server!.request(`/v1/${STORE}/photos`, {
        method: 'POST',
        headers: { 'idempotency-key': key },
        body: form,
      });
    };
    const key = createIdempotencyKey();
    const refused = await upload(key);
    expect(refused.status).toBe(507);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(((await refused.json()) as { title: string }).title).toMatch(/no room/);
    expect(await count(server.db, 'photos')).toBe(0);
    expect(await count(server.db, 'idempotency_keys')).toBe(0);
    expect(readdirSync(server.photoDir)).toEqual([]);
    // A review naming a photo that was never stored is refused whole.
    const withPhoto = await submit(
      server,
      'full',
      createIdempotencyKey(),
      review({ photoIds: ['AAAAAAAAAAAAAAAA'] }),
    );
    expect(withPhoto.status).toBe(422);
    expect(await count(server.db, 'reviews')).toBe(0);
    // Room again: the same key stores the photo once.
    full = false;
    const stored = await upload(key);
    expect(stored.status).toBe(201);
    expect(await count(server.db, 'photos')).toBe(1);
    expect(readdirSync(server.photoDir).filter((name) => name.endsWith('.webp'))).toHaveLength(2);
  });
});
