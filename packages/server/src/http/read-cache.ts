/**
 * A short-lived in-process cache of public read responses, keyed by store and
 * URL. Any write to a store bumps that store's version, which retires all its
 * entries at once, so a new review or reply shows on the next read; a read
 * that overlapped a write is not kept. Entries also expire after `ttlMs`
 * (several processes each keep their own copy; the TTL bounds how stale
 * another can be), and the whole cache stays within `maxBytes`. It takes the
 * database off the hot path for the storefront traffic a CDN would absorb.
 */
export function createReadCache(options: { ttlMs: number; maxBytes: number; now: () => number }) {
  const versions = new Map<string, number>();
  const entries = new Map<string, { body: string; version: number; storedAt: number }>();
  let bytes = 0;
  const sizeOf = (body: string) => body.length * 2; // UTF-16

  function drop(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= sizeOf(entry.body);
    entries.delete(key);
  }

  return {
    /** The store's version now: read it before a response is made and pass it to `set`. */
    version(store: string): number {
      return versions.get(store) ?? 0;
    },
    get(store: string, key: string): string | null {
      const id = `${store} ${key}`;
      const entry = entries.get(id);
      if (!entry) return null;
      if (
        entry.version !== (versions.get(store) ?? 0) ||
        options.now() - entry.storedAt > options.ttlMs
      ) {
        drop(id);
        return null;
      }
      return entry.body;
    },
    /** Keeps `body` unless the store was written to after `version` was read. */
    set(store: string, key: string, body: string, version: number): void {
      if (version !== (versions.get(store) ?? 0) || sizeOf(body) > options.maxBytes) return;
      const id = `${store} ${key}`;
      drop(id);
      while (bytes + sizeOf(body) > options.maxBytes && entries.size > 0) {
        drop(entries.keys().next().value as string);
      }
      entries.set(id, { body, version, storedAt: options.now() });
      bytes += sizeOf(body);
    },
    /** Call after any change to a store's data. */
    invalidate(store: string): void {
      versions.set(store, (versions.get(store) ?? 0) + 1);
    },
  };
}

export type ReadCache = ReturnType<typeof createReadCache>;
