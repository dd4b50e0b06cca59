import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../src/db/database.ts';
import { openPglite, openPostgres } from '../src/db/database.ts';
import { migrate } from '../src/db/migrations.ts';
import type { PhotoStore } from '../src/photos/photo-store.ts';
import { createPhotoStore } from '../src/photos/photo-store.ts';
import { hashApiKey } from '../src/routes/merchant.ts';
import type { RunningServer } from '../src/server.ts';
import { startServer } from '../src/server.ts';

/**
 * The databases the server suite runs against: always the embedded PGlite;
 * PostgreSQL too when KOUBEI_TEST_DATABASE_URL points at a server (.ci/run
 * starts Debian's PostgreSQL and sets it; CI fails without it).
 */
export const DATABASES: readonly ('pglite' | 'postgres')[] = process.env.KOUBEI_TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : process.env.CI
    ? (() => {
        throw new Error(
          'CI must run the server suite on PostgreSQL too: set KOUBEI_TEST_DATABASE_URL',
        );
      })()
    : ['pglite'];

export const STORE = 'tea-house';
export const ORIGIN = 'https://shop.example';
export const API_KEY = 'test-merchant-key-0123456789';
/** The test servers' signing secret, so a test can make tokens the server would (e.g. expired ones). */
export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789';

let schemaCounter = 0;

/** A fresh database: in-memory PGlite, or a new empty schema on PostgreSQL. */
async function freshDatabase(
  kind: 'pglite' | 'postgres',
): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') return { db: await openPglite(null), drop: async () => undefined };
  const url = process.env.KOUBEI_TEST_DATABASE_URL as string;
  const schema = `koubei_test_${process.pid}_${++schemaCounter}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const separator = url.includes('?') ? '&' : '?';
  const db = await openPostgres(`${url}${separator}options=-c%20search_path%3D${schema}`);
  return {
    db,
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

export interface TestServer extends RunningServer {
  /** fetch against the server with the storefront's Origin by default. */
  request(path: string, init?: RequestInit & { origin?: string | null }): Promise<Response>;
  merchant(path: string, init?: RequestInit): Promise<Response>;
  readonly photoDir: string;
}

export { freshDatabase };

export async function startTestServer(
  kind: 'pglite' | 'postgres',
  options: {
    moderation?: 'publish-first' | 'moderate-first';
    writesPerMinute?: number;
    storeWritesPerMinute?: number;
    friendsMinimumCount?: number;
    /** Wraps the database the server uses (fault injection); setup and cleanup use the real one. */
    wrapDatabase?: (db: Database) => Database;
    /** Wraps the photo store the server uses. */
    wrapPhotos?: (photos: PhotoStore) => PhotoStore;
  } = {},
): Promise<TestServer> {
  const { db, drop } = await freshDatabase(kind);
  await migrate(db);
  await db.query(
    'insert into stores (id, name, origins, moderation, api_key_hash) values ($1, $2, $3, $4, $5)',
    [STORE, 'Tea House', [ORIGIN], options.moderation ?? 'publish-first', hashApiKey(API_KEY)],
  );
  const photoDir = mkdtempSync(join(tmpdir(), 'koubei-photos-'));
  const running = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      publicUrl: 'http://127.0.0.1',
      secret: TEST_SECRET,
      photoDir,
      ...(options.friendsMinimumCount ? { friendsMinimumCount: options.friendsMinimumCount } : {}),
    },
    options.wrapDatabase ? options.wrapDatabase(db) : db,
    {
      writesPerMinute: options.writesPerMinute ?? 10_000,
      readsPerMinute: 100_000,
      storeWritesPerMinute: options.storeWritesPerMinute ?? 10_000,
    },
    options.wrapPhotos ? { photos: options.wrapPhotos(createPhotoStore(photoDir)) } : {},
  );
  return {
    ...running,
    db,
    photoDir,
    request(path, init = {}) {
      const { origin = ORIGIN, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (origin) headers.set('origin', origin);
      return fetch(`${running.url}${path}`, { ...rest, headers });
    },
    merchant(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${API_KEY}`);
      return fetch(`${running.url}${path}`, { ...init, headers });
    },
    async close() {
      await running.close();
      await db.close();
      await drop();
      rmSync(photoDir, { recursive: true, force: true });
    },
  };
}
