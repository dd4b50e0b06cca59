/**
 * A short-lived in-process cache of public read responses, keyed by store and
 * URL. Any write to a store bumps that store's version, which retires all its
 * entries at once, so a new review or reply shows on the next read. Entries
 * also expire after `ttlMs` (several processes each keep their own copy; the
 * TTL bounds how stale another process can be). It takes the database off
 * the hot path for the storefront traffic a CDN would otherwise absorb.
 */
export function createReadCache(options: { ttlMs: number; maxEntries: number; now: () => number }) {
  const versions = new Map<string, number>();
  const entries = new Map<string, { body: string; version: number; storedAt: number }>();

  return {
    get(store: string, key: string): string | null {
      const entry = entries.get(`${store} ${key}`);
      if (!entry) return null;
      if (
        entry.version !== (versions.get(store) ?? 0) ||
        options.now() - entry.storedAt > options.ttlMs
      ) {
        entries.delete(`${store} ${key}`);
        return null;
      }
      return entry.body;
    },
    set(store: string, key: string, body: string): void {
      if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(`${store} ${key}`, {
        body,
        version: versions.get(store) ?? 0,
        storedAt: options.now(),
      });
    },
    /** Call after any change to a store's data. */
    invalidate(store: string): void {
      versions.set(store, (versions.get(store) ?? 0) + 1);
    },
  };
}

export type ReadCache = ReturnType<typeof createReadCache>;
