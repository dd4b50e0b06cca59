/** The subset of the Web Storage API the cache uses; pass `detectStorage(...)`'s result. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Returns the storage only if it really works. Safari private mode, sandboxed
 * iframes and blocked third-party storage throw on access or on write, and a
 * widget must not break over a cache.
 */
export function detectStorage(
  getStorage: () => StorageLike | null | undefined,
): StorageLike | null {
  try {
    const storage = getStorage();
    if (!storage) return null;
    const probe = 'koubei:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

export interface SwrCacheOptions {
  /** Served without asking the server. */
  readonly freshMs: number;
  /** Served at once while a background request refreshes it. */
  readonly staleMs: number;
  /** Kept to show when the network fails (stale-if-error). */
  readonly keepForErrorsMs: number;
  readonly maxEntries: number;
  readonly now: () => number;
  /** Optional second level; only public data is ever written to it. */
  readonly storage?: StorageLike | null;
  /** Entries longer than this (in UTF-16 code units of JSON) are not written to storage. */
  readonly maxStoredBytes?: number;
}

export type CacheFreshness = 'fresh' | 'stale' | 'expired';

export interface CacheEntry {
  readonly value: unknown;
  readonly storedAt: number;
}

const STORAGE_PREFIX = 'koubei:v1:';
const GENERATION_KEY = 'koubei:v1:generation';

/**
 * A small stale-while-revalidate cache. It only ever holds successful
 * responses: a failure is never cached, so a page recovers as soon as the
 * network does. Values read back from storage are untrusted and are
 * revalidated by the caller's schema.
 */
export function createSwrCache(options: SwrCacheOptions) {
  const memory = new Map<string, CacheEntry>();
  // Stored entries carry the generation they were written in; `clear()` moves
  // to a new generation, which retires every stored copy at once (storage
  // cannot be listed through StorageLike, and other tabs share it).
  let generation = readGeneration();

  function readGeneration(): number {
    try {
      const value = Number(options.storage?.getItem(GENERATION_KEY) ?? 0);
      return Number.isSafeInteger(value) ? value : 0;
    } catch {
      return 0;
    }
  }

  function freshness(entry: CacheEntry): CacheFreshness {
    const age = options.now() - entry.storedAt;
    if (age < 0) return 'stale';
    if (age <= options.freshMs) return 'fresh';
    if (age <= options.freshMs + options.staleMs) return 'stale';
    return 'expired';
  }

  function readStorage(key: string): CacheEntry | undefined {
    if (!options.storage) return undefined;
    try {
      const text = options.storage.getItem(STORAGE_PREFIX + key);
      if (!text) return undefined;
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null) return undefined;
      const { t, d, g } = parsed as { t?: unknown; d?: unknown; g?: unknown };
      if ((g ?? 0) !== generation) return undefined;
      return typeof t === 'number' && Number.isFinite(t) ? { value: d, storedAt: t } : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The entry for `key` with its freshness. `accept` vets values read back
   * from storage (another script on the page may have written there).
   */
  function get(
    key: string,
    accept: (value: unknown) => boolean = () => true,
  ): (CacheEntry & { freshness: CacheFreshness }) | undefined {
    let entry = memory.get(key);
    if (entry) {
      // Most recently used goes last, so eviction drops the least recently used.
      memory.delete(key);
      memory.set(key, entry);
    } else {
      entry = readStorage(key);
      if (entry && !accept(entry.value)) {
        remove(key);
        entry = undefined;
      }
      if (entry) memory.set(key, entry);
    }
    if (!entry) return undefined;
    const age = options.now() - entry.storedAt;
    if (age > options.freshMs + Math.max(options.staleMs, options.keepForErrorsMs)) {
      remove(key);
      return undefined;
    }
    return { ...entry, freshness: freshness(entry) };
  }

  function set(key: string, value: unknown): void {
    const entry: CacheEntry = { value, storedAt: options.now() };
    memory.delete(key);
    memory.set(key, entry);
    while (memory.size > options.maxEntries) {
      const oldest = memory.keys().next().value;
      if (oldest === undefined) break;
      memory.delete(oldest);
    }
    if (!options.storage) return;
    try {
      const text = JSON.stringify({ t: entry.storedAt, d: value, g: generation });
      if (text.length <= (options.maxStoredBytes ?? 100_000))
        options.storage.setItem(STORAGE_PREFIX + key, text);
    } catch {
      // Quota exceeded or storage revoked: the memory copy is enough.
    }
  }

  function remove(key: string): void {
    memory.delete(key);
    try {
      options.storage?.removeItem(STORAGE_PREFIX + key);
    } catch {
      // Storage revoked meanwhile: nothing to clean.
    }
  }

  /** Forgets everything, including copies stored by earlier page views. */
  function clear(): void {
    for (const key of [...memory.keys()]) remove(key);
    generation = readGeneration() + 1;
    try {
      options.storage?.setItem(GENERATION_KEY, String(generation));
    } catch {
      // Storage revoked: memory is already empty.
    }
  }

  return { get, set, remove, clear };
}

export type SwrCache = ReturnType<typeof createSwrCache>;
