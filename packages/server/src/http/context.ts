import type { ServerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { createPhotoStore } from '../photos/photo-store.ts';

export type PhotoStore = Awaited<ReturnType<typeof createPhotoStore>>;
import type { createRateLimiter } from './rate-limit.ts';
import type { ReadCache } from './read-cache.ts';

export interface StoreRow {
  id: string;
  name: string;
  origins: string[];
  moderation: 'publish-first' | 'moderate-first';
  api_key_hash: string | null;
}

/** What every route handler can reach; built once per process in createApp. */
export interface AppServices {
  readonly db: Database;
  readonly config: Pick<ServerConfig, 'publicUrl' | 'secret'> &
    Partial<Pick<ServerConfig, 'customerTokenTtlMs' | 'friendsMinimumCount'>>;
  readonly photos: PhotoStore;
  readonly writeLimiter: ReturnType<typeof createRateLimiter>;
  readonly readLimiter: ReturnType<typeof createRateLimiter>;
  /** All writes to one store, whoever sends them. */
  readonly storeWriteLimiter: ReturnType<typeof createRateLimiter>;
  readonly readCache: ReadCache;
  /** Proxies in front of the server that append to X-Forwarded-For (0: none; use the socket). */
  readonly trustedProxies: number;
  /** Photo decodes running at once; more wait with 503 (each can take ~200 MB). */
  readonly photoSlots: { take(): boolean; give(): void };
  readonly now: () => number;
}

export type AppEnv = { Variables: { store: StoreRow } };
