import { AbortedError } from './errors.ts';

export interface BatcherOptions<K, V> {
  /**
   * Loads one batch. A key mapped to an `Error` rejects with it; a key
   * missing from the map rejects with `missingKeyError`.
   */
  readonly loadMany: (
    keys: readonly K[],
    signal: AbortSignal,
  ) => Promise<ReadonlyMap<K, V | Error>>;
  readonly maxBatchSize: number;
  /** How long to collect keys before sending; 0 collects what is asked in the same task. */
  readonly delayMs: number;
  /** The error for a key the batch did not return. */
  readonly missingKeyError?: (key: K) => unknown;
}

interface Waiter<V> {
  resolve(value: V): void;
  reject(error: unknown): void;
}

interface Batch<K, V> {
  readonly waiters: Map<K, Waiter<V>[]>;
  readonly controller: AbortController;
  pending: number;
}

/**
 * Collects single-key loads made close together into one request (a listing
 * page with 48 star badges makes one summaries request, not 48). A caller
 * that aborts leaves the batch; the request itself is cancelled only when
 * every caller in it has left.
 */
export function createBatcher<K, V>(options: BatcherOptions<K, V>) {
  let queue: Batch<K, V> | null = null;

  function flush(batch: Batch<K, V>): void {
    if (queue === batch) queue = null;
    // Every caller left before the batch was sent: send nothing.
    if (batch.controller.signal.aborted) return;
    const keys = [...batch.waiters.keys()];
    for (let start = 0; start < keys.length; start += options.maxBatchSize) {
      const chunk = keys.slice(start, start + options.maxBatchSize);
      const settle = (key: K, outcome: { value: V } | { error: unknown }) => {
        for (const waiter of batch.waiters.get(key) ?? []) {
          if ('value' in outcome) waiter.resolve(outcome.value);
          else waiter.reject(outcome.error);
        }
      };
      options.loadMany(chunk, batch.controller.signal).then(
        (values) => {
          for (const key of chunk) {
            const value = values.get(key);
            settle(
              key,
              value instanceof Error
                ? { error: value }
                : values.has(key)
                  ? { value: value as V }
                  : {
                      error:
                        options.missingKeyError?.(key) ?? new Error(`No value for ${String(key)}`),
                    },
            );
          }
        },
        (error: unknown) => {
          for (const key of chunk) settle(key, { error });
        },
      );
    }
  }

  function load(key: K, signal?: AbortSignal): Promise<V> {
    if (signal?.aborted) return Promise.reject(new AbortedError());
    if (!queue) {
      const batch: Batch<K, V> = {
        waiters: new Map(),
        controller: new AbortController(),
        pending: 0,
      };
      queue = batch;
      setTimeout(() => flush(batch), options.delayMs);
    }
    const batch = queue;
    return new Promise<V>((resolve, reject) => {
      let settled = false;
      const leave = () => {
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        if (settled) return;
        settled = true;
        leave();
        batch.pending--;
        if (batch.pending === 0) {
          batch.controller.abort();
          // Loads made later in the same task must start a new batch, not join a cancelled one.
          if (queue === batch) queue = null;
        }
        reject(new AbortedError());
      };
      const waiter: Waiter<V> = {
        resolve(value) {
          if (settled) return;
          settled = true;
          leave();
          batch.pending--;
          resolve(value);
        },
        reject(error) {
          if (settled) return;
          settled = true;
          leave();
          batch.pending--;
          reject(error);
        },
      };
      batch.pending++;
      const list = batch.waiters.get(key);
      if (list) list.push(waiter);
      else batch.waiters.set(key, [waiter]);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  return { load };
}
