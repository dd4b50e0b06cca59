import { describe, expect, it, vi } from 'vitest';
import { createSwrCache, detectStorage } from '@koubei/core';
import type { StorageLike, SwrCacheOptions } from '@koubei/core';

const PREFIX = 'koubei:v1:';

/** An in-memory Web Storage stand-in whose contents the test can inspect and tamper with. */
function memoryStorage() {
  const items = new Map<string, string>();
  const storage = {
    items,
    getItem: vi.fn((key: string) => items.get(key) ?? null),
    setItem: vi.fn((key: string, value: string) => {
      items.set(key, value);
    }),
    removeItem: vi.fn((key: string) => {
      items.delete(key);
    }),
  };
  return storage satisfies StorageLike;
}

function clock(start = 1_000_000) {
  let time = start;
  return {
    now: () => time,
    set(value: number) {
      time = value;
    },
    advance(ms: number) {
      time += ms;
    },
  };
}

function makeCache(overrides: Partial<SwrCacheOptions> = {}) {
  const time = clock();
  const cache = createSwrCache({
    freshMs: 1_000,
    staleMs: 5_000,
    keepForErrorsMs: 60_000,
    maxEntries: 10,
    now: time.now,
    ...overrides,
  });
  return { cache, time };
}

describe('createSwrCache freshness', () => {
  it('returns undefined for a key it never saw', () => {
    const { cache } = makeCache();
    expect(cache.get('nothing')).toBeUndefined();
  });

  it('moves an entry from fresh to stale to expired as the clock advances', () => {
    const { cache, time } = makeCache();
    const start = time.now();
    cache.set('k', { n: 1 });

    expect(cache.get('k')).toEqual({ value: { n: 1 }, storedAt: start, freshness: 'fresh' });
    time.set(start + 1_000);
    expect(cache.get('k')?.freshness).toBe('fresh');
    time.set(start + 1_001);
    expect(cache.get('k')?.freshness).toBe('stale');
    time.set(start + 6_000);
    expect(cache.get('k')?.freshness).toBe('stale');
    time.set(start + 6_001);
    expect(cache.get('k')?.freshness).toBe('expired');
    expect(cache.get('k')?.value).toEqual({ n: 1 });
  });

  it('keeps expired entries for errors, then forgets them', () => {
    const storage = memoryStorage();
    const { cache, time } = makeCache({ storage });
    const start = time.now();
    cache.set('k', 'v');

    // freshMs + max(staleMs, keepForErrorsMs) = 61 s
    time.set(start + 61_000);
    expect(cache.get('k')?.freshness).toBe('expired');
    time.set(start + 61_001);
    expect(cache.get('k')).toBeUndefined();
    expect(storage.items.has(`${PREFIX}k`)).toBe(false);

    time.set(start);
    expect(cache.get('k')).toBeUndefined();
  });

  it('treats an entry from the future (clock went back) as stale, not fresh', () => {
    const { cache, time } = makeCache();
    cache.set('k', 'v');
    time.advance(-10_000);
    expect(cache.get('k')?.freshness).toBe('stale');
  });

  it('restarts freshness when a key is set again', () => {
    const { cache, time } = makeCache();
    cache.set('k', 'old');
    time.advance(2_000);
    expect(cache.get('k')?.freshness).toBe('stale');

    cache.set('k', 'new');
    expect(cache.get('k')).toMatchObject({
      value: 'new',
      freshness: 'fresh',
      storedAt: time.now(),
    });
  });

  it('forgets a key on remove and everything on clear', () => {
    const { cache } = makeCache();
    cache.set('a', 1);
    cache.set('b', 2);
    cache.remove('a');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.value).toBe(2);

    cache.clear();
    expect(cache.get('b')).toBeUndefined();
  });
});

describe('createSwrCache size limit', () => {
  it('evicts the oldest entry once maxEntries is exceeded', () => {
    const { cache } = makeCache({ maxEntries: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);

    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.value).toBe(2);
    expect(cache.get('c')?.value).toBe(3);
  });

  it('counts a re-set key as the newest', () => {
    const { cache } = makeCache({ maxEntries: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10);
    cache.set('c', 3);

    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.value).toBe(10);
    expect(cache.get('c')?.value).toBe(3);
  });

  it('never holds more than maxEntries in memory', () => {
    const { cache } = makeCache({ maxEntries: 3 });
    for (let i = 0; i < 20; i++) cache.set(`k${i}`, i);
    const present = Array.from({ length: 20 }, (_, i) => cache.get(`k${i}`)).filter(Boolean);
    expect(present.map((entry) => entry?.value)).toEqual([17, 18, 19]);
  });

  it('finds an entry evicted from memory again in storage', () => {
    const storage = memoryStorage();
    const { cache } = makeCache({ maxEntries: 1, storage });
    cache.set('a', 'from storage');
    cache.set('b', 'in memory');

    expect(cache.get('a')?.value).toBe('from storage');
  });
});

describe('createSwrCache storage level', () => {
  it('writes entries under a versioned key with their timestamp', () => {
    const storage = memoryStorage();
    const { cache, time } = makeCache({ storage });
    cache.set('summary:p1', { count: 3 });

    expect(JSON.parse(storage.items.get(`${PREFIX}summary:p1`) ?? 'null')).toEqual({
      t: time.now(),
      d: { count: 3 },
      g: 0,
    });
  });

  it('reads entries written by an earlier cache (a previous page load) back with their age', () => {
    const storage = memoryStorage();
    const time = clock();
    const options = {
      freshMs: 1_000,
      staleMs: 5_000,
      keepForErrorsMs: 60_000,
      maxEntries: 10,
      now: time.now,
      storage,
    };
    const start = time.now();
    createSwrCache(options).set('k', { stars: 4 });

    time.advance(2_000);
    const reloaded = createSwrCache(options);
    expect(reloaded.get('k')).toEqual({ value: { stars: 4 }, storedAt: start, freshness: 'stale' });
  });

  it('runs accept on stored values and removes ones it rejects', () => {
    const storage = memoryStorage();
    storage.items.set(`${PREFIX}good`, JSON.stringify({ t: 1_000_000, d: { count: 1 } }));
    storage.items.set(`${PREFIX}tampered`, JSON.stringify({ t: 1_000_000, d: { count: 'lots' } }));
    const { cache } = makeCache({ storage });
    const accept = vi.fn(
      (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        typeof (value as { count?: unknown }).count === 'number',
    );

    expect(cache.get('good', accept)?.value).toEqual({ count: 1 });
    expect(cache.get('tampered', accept)).toBeUndefined();
    expect(accept).toHaveBeenCalledWith({ count: 'lots' });
    expect(storage.items.has(`${PREFIX}tampered`)).toBe(false);
    expect(storage.items.has(`${PREFIX}good`)).toBe(true);
  });

  it('ignores stored text that is not a cache entry', () => {
    const storage = memoryStorage();
    storage.items.set(`${PREFIX}html`, '<html>');
    storage.items.set(`${PREFIX}null`, 'null');
    storage.items.set(`${PREFIX}no-time`, JSON.stringify({ d: 1 }));
    storage.items.set(`${PREFIX}bad-time`, JSON.stringify({ t: 'yesterday', d: 1 }));
    const { cache } = makeCache({ storage });

    for (const key of ['html', 'null', 'no-time', 'bad-time']) {
      expect(cache.get(key)).toBeUndefined();
    }
  });

  it('swallows quota errors on write and keeps the memory copy', () => {
    const storage = memoryStorage();
    storage.setItem.mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const { cache } = makeCache({ storage });

    expect(() => cache.set('k', 'v')).not.toThrow();
    expect(storage.setItem).toHaveBeenCalledTimes(1);
    expect(cache.get('k')?.value).toBe('v');
  });

  it('survives storage that throws on read and on remove', () => {
    const storage = memoryStorage();
    storage.getItem.mockImplementation(() => {
      throw new DOMException('Access denied', 'SecurityError');
    });
    storage.removeItem.mockImplementation(() => {
      throw new DOMException('Access denied', 'SecurityError');
    });
    const { cache } = makeCache({ storage });

    expect(cache.get('missing')).toBeUndefined();
    cache.set('k', 'v');
    expect(() => cache.remove('k')).not.toThrow();
    expect(cache.get('k')).toBeUndefined();
  });

  it('does not write entries larger than maxStoredBytes to storage', () => {
    const storage = memoryStorage();
    const { cache } = makeCache({ storage, maxStoredBytes: 50 });
    cache.set('small', 'x');
    cache.set('large', 'x'.repeat(100));

    expect(storage.items.has(`${PREFIX}small`)).toBe(true);
    expect(storage.items.has(`${PREFIX}large`)).toBe(false);
    expect(cache.get('large')?.value).toBe('x'.repeat(100));
  });

  it('removes the storage copies of cleared entries', () => {
    const storage = memoryStorage();
    const { cache } = makeCache({ storage });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.clear();

    expect([...storage.items.keys()]).toEqual(['koubei:v1:generation']);
  });

  it('retires copies stored by an earlier page view when cleared', () => {
    const storage = memoryStorage();
    const time = clock();
    const options = {
      freshMs: 1000,
      staleMs: 1000,
      keepForErrorsMs: 0,
      maxEntries: 10,
      now: time.now,
      storage,
    };
    createSwrCache(options).set('old-page', 'stale review list');
    const current = createSwrCache(options);
    current.clear();

    expect(current.get('old-page')).toBeUndefined();
    expect(createSwrCache(options).get('old-page')).toBeUndefined();
    current.set('fresh', 1);
    expect(createSwrCache(options).get('fresh')?.value).toBe(1);
  });

  it('evicts the least recently used entry, counting reads as use', () => {
    const { cache } = makeCache({ maxEntries: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);

    expect(cache.get('a')?.value).toBe(1);
    expect(cache.get('b')).toBeUndefined();
  });
});

describe('detectStorage', () => {
  it('returns a working storage and leaves no probe behind', () => {
    const storage = memoryStorage();
    expect(detectStorage(() => storage)).toBe(storage);
    expect(storage.setItem).toHaveBeenCalledTimes(1);
    expect(storage.items.size).toBe(0);
  });

  it('returns null when there is no storage', () => {
    expect(detectStorage(() => null)).toBeNull();
    expect(detectStorage(() => undefined)).toBeNull();
  });

  it('returns null when reaching the storage throws (sandboxed iframe, blocked cookies)', () => {
    const getStorage = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    expect(detectStorage(getStorage)).toBeNull();
  });

  it('returns null when writing throws (Safari private mode, full quota)', () => {
    const storage = memoryStorage();
    storage.setItem.mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(detectStorage(() => storage)).toBeNull();
  });

  it('returns null when removing throws', () => {
    const storage = memoryStorage();
    storage.removeItem.mockImplementation(() => {
      throw new Error('revoked');
    });
    expect(detectStorage(() => storage)).toBeNull();
  });
});
