// The API process is killed (SIGKILL, no chance to clean up) while reviews
// are being written, on PGlite (files on disk) and PostgreSQL. After a
// restart on the same data: the database opens, every review the server
// acknowledged is there, the rating summary agrees with the stored reviews,
// and resending every request with its Idempotency-Key leaves exactly one
// review per key (acknowledged ones replay their first answer).
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIdempotencyKey } from '@koubei/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { openPglite, openPostgres } from '../src/db/database.ts';
import { migrate } from '../src/db/migrations.ts';
import { sign } from '../src/http/signing.ts';
import { hashApiKey } from '../src/routes/merchant.ts';
import { API_KEY, DATABASES, ORIGIN, STORE } from './harness.ts';
import pg from 'pg';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const SECRET = 'crash-test-secret-0123456789abcdef0123';
const WRITES = 24;

interface Child {
  readonly process: ChildProcess;
  readonly url: string;
}

function startApi(env: Record<string, string>): Promise<Child> {
  const child = spawn(TSX, ['--conditions=koubei-source', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', KOUBEI_SECRET: SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ process: child, url: match[1] });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code}:\n${output}`));
    });
  });
}

function stop(child: Child, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.process.exitCode !== null || child.process.signalCode !== null) return resolve();
    child.process.once('exit', () => resolve());
    child.process.kill(signal);
  });
}

async function prepare(db: Database): Promise<void> {
  await migrate(db);
  await db.query(
    'insert into stores (id, name, origins, moderation, api_key_hash) values ($1, $2, $3, $4, $5)',
    [STORE, 'Tea House', [ORIGIN], 'publish-first', hashApiKey(API_KEY)],
  );
}

const requests = Array.from({ length: WRITES }, (_, i) => ({
  key: createIdempotencyKey(),
  body: JSON.stringify({
    rating: (i % 5) + 1,
    title: `Review ${i + 1}`,
    body: `Written before the crash, number ${i + 1}.`,
    authorName: 'Mei',
    language: 'en',
    formToken: sign(`form:${Date.now() - 60_000}`, SECRET),
  }),
}));

function send(url: string, request: (typeof requests)[number]) {
  return fetch(`${url}/v1/${STORE}/products/crash/reviews`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': request.key,
      origin: ORIGIN,
    },
    body: request.body,
  });
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(DATABASES)('the API killed mid-write on %s', (kind) => {
  it(
    'restarts with every acknowledged review intact and one review per key after retries',
    { timeout: 180_000 },
    async () => {
      let env: Record<string, string>;
      let reopen: () => Promise<Database>;
      const dataDir = mkdtempSync(join(tmpdir(), 'koubei-crash-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      if (kind === 'pglite') {
        env = { KOUBEI_DATA_DIR: dataDir };
        reopen = () => openPglite(join(dataDir, 'pglite'));
      } else {
        const url = process.env.KOUBEI_TEST_DATABASE_URL as string;
        const schema = `koubei_crash_${process.pid}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`drop schema if exists ${schema} cascade; create schema ${schema}`);
        await admin.end();
        cleanups.push(async () => {
          const cleanup = new pg.Client({ connectionString: url });
          await cleanup.connect();
          await cleanup.query(`drop schema if exists ${schema} cascade`);
          await cleanup.end();
        });
        const schemaUrl = `${url}${url.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
        env = { KOUBEI_DATA_DIR: dataDir, DATABASE_URL: schemaUrl };
        reopen = () => openPostgres(schemaUrl);
      }
      const setup = await reopen();
      await prepare(setup);
      await setup.close();

      // Crash: every write in flight at once, SIGKILL once a few are acknowledged.
      const first = await startApi(env);
      cleanups.push(() => stop(first, 'SIGKILL'));
      const acknowledged = new Map<string, string>();
      let killed = false;
      await Promise.all(
        requests.map(async (request) => {
          try {
            const response = await send(first.url, request);
            if (response.status === 201 && !killed) {
              const { reviewId } = (await response.json()) as { reviewId: string };
              acknowledged.set(request.key, reviewId);
              if (acknowledged.size >= 4 && !killed) {
                killed = true;
                first.process.kill('SIGKILL');
              }
            }
          } catch {
            // Cut off by the kill: the client does not know whether it was stored.
          }
        }),
      );
      await stop(first, 'SIGKILL');
      expect(acknowledged.size).toBeGreaterThan(0);
      console.log(`${kind}: killed with ${acknowledged.size} of ${WRITES} writes acknowledged`);

      // Restart on the same data: it opens, and the acknowledged reviews are there.
      const second = await startApi(env);
      cleanups.push(() => stop(second, 'SIGTERM'));
      expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
      // The client resends every write it is unsure of (here: all) with the same key.
      const results = await Promise.all(
        requests.map(async (request) => {
          const response = await send(second.url, request);
          expect(response.status).toBe(201);
          const { reviewId } = (await response.json()) as { reviewId: string };
          const before = acknowledged.get(request.key);
          if (before) expect(reviewId).toBe(before);
          return reviewId;
        }),
      );
      expect(new Set(results).size).toBe(WRITES);
      // The rating summary agrees with the reviews (no half-applied aggregate).
      const summaries = (await (
        await fetch(`${second.url}/v1/${STORE}/summaries?products=crash`)
      ).json()) as { summaries: { count: number }[] };
      expect(summaries.summaries[0]?.count).toBe(WRITES);
      await stop(second, 'SIGTERM');

      const db = await reopen();
      try {
        const rows = await db.query<{ id: string }>(
          'select id from reviews where store_id = $1 and product_id = $2',
          [STORE, 'crash'],
        );
        expect(rows.map((row) => row.id).sort()).toEqual([...results].sort());
      } finally {
        await db.close();
      }
    },
  );
});
