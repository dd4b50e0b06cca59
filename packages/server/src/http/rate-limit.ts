/**
 * A fixed-window counter per key (IP and store). In memory, so per process:
 * enough for one reference server; behind several processes put the same
 * limits in the proxy or a shared store.
 */
export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** `null` when allowed; otherwise the seconds to wait (for Retry-After). */
    hit(key: string): number | null {
      const time = now();
      let window = windows.get(key);
      if (!window || time - window.start >= options.windowMs) {
        window = { start: time, count: 0 };
        windows.set(key, window);
        if (windows.size > 50_000) windows.clear();
      }
      window.count++;
      return window.count <= options.limit
        ? null
        : Math.ceil((window.start + options.windowMs - time) / 1000);
    },
  };
}
