import { serve } from '@hono/node-server';
import type { ServerConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { openPglite, openPostgres } from './db/database.ts';
import { migrate } from './db/migrations.ts';
import { createApp } from './http/app.ts';
import { createRateLimiter } from './http/rate-limit.ts';
import { createReadCache } from './http/read-cache.ts';
import type { PhotoStore } from './photos/photo-store.ts';
import { createPhotoStore } from './photos/photo-store.ts';

/** A counting semaphore without waiting: `take()` is false when all slots are busy. */
function createSlots(size: number) {
  let free = size;
  return {
    take: () => (free > 0 ? (free--, true) : false),
    give: () => {
      free++;
    },
  };
}

export interface RunningServer {
  readonly url: string;
  readonly db: Database;
  close(): Promise<void>;
}

export async function openDatabase(
  config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>,
  inMemory = false,
): Promise<Database> {
  const db = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPglite(inMemory ? null : `${config.dataDir}/pglite`);
  await migrate(db);
  // PGlite runs no autovacuum, so the planner's statistics would stay those of
  // the first start; refresh them on every start (it samples, so it is quick).
  if (db.kind === 'pglite') await db.query('analyze');
  return db;
}

/** Starts the HTTP server on an open, migrated database. */
export async function startServer(
  config: Pick<ServerConfig, 'port' | 'host' | 'publicUrl' | 'secret' | 'photoDir'> &
    Partial<Pick<ServerConfig, 'customerTokenTtlMs' | 'friendsMinimumCount'>>,
  db: Database,
  limits: { writesPerMinute?: number; readsPerMinute?: number; storeWritesPerMinute?: number } = {},
  /** Parts to use instead of the defaults (tests put faults in them). */
  parts: { photos?: PhotoStore } = {},
): Promise<RunningServer> {
  const app = createApp({
    db,
    config,
    photos: parts.photos ?? (await createPhotoStore(config.photoDir)),
    writeLimiter: createRateLimiter({ limit: limits.writesPerMinute ?? 30, windowMs: 60_000 }),
    readLimiter: createRateLimiter({ limit: limits.readsPerMinute ?? 3000, windowMs: 60_000 }),
    storeWriteLimiter: createRateLimiter({
      limit: limits.storeWritesPerMinute ?? 600,
      windowMs: 60_000,
    }),
    readCache: createReadCache({ ttlMs: 5_000, maxBytes: 32 * 1024 * 1024, now: Date.now }),
    trustedProxies: Number(process.env.KOUBEI_TRUSTED_PROXIES ?? 0) || 0,
    photoSlots: createSlots(2),
    now: Date.now,
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
      resolve({
        url: `http://${config.host}:${info.port}`,
        db,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
