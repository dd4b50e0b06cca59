import { afterEach, describe, expect, it, vi } from 'vitest';
import { AbortedError, createBatcher, isAbortedError } from '@koubei/core';

interface Call {
  readonly keys: readonly string[];
  readonly signal: AbortSignal;
}

/** A loadMany that records its calls and answers `value:<key>` for every key. */
function recordingLoader(answer: (key: string) => string | undefined = (key) => `value:${key}`) {
  const calls: Call[] = [];
  const loadMany = vi.fn(async (keys: readonly string[], signal: AbortSignal) => {
    calls.push({ keys: [...keys], signal });
    const values = new Map<string, string>();
    for (const key of keys) {
      const value = answer(key);
      if (value !== undefined) values.set(key, value);
    }
    return values;
  });
  return { calls, loadMany };
}

/** A loadMany whose batches stay open until the test settles them. */
function deferredLoader() {
  const calls: (Call & {
    resolve(values: ReadonlyMap<string, string>): void;
    reject(error: unknown): void;
  })[] = [];
  const loadMany = vi.fn(
    (keys: readonly string[], signal: AbortSignal) =>
      new Promise<ReadonlyMap<string, string>>((resolve, reject) => {
        calls.push({ keys: [...keys], signal, resolve, reject });
      }),
  );
  return { calls, loadMany };
}

/** Lets the zero-delay flush timer run. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('createBatcher', () => {
  it('merges loads made in the same tick into one loadMany call, each key once', async () => {
    const { calls, loadMany } = recordingLoader();
    const batcher = createBatcher<string, string>({ loadMany, maxBatchSize: 100, delayMs: 0 });

    const results = await Promise.all([
      batcher.load('a'),
      batcher.load('b'),
      batcher.load('a'),
      batcher.load('c'),
    ]);

    expect(results).toEqual(['value:a', 'value:b', 'value:a', 'value:c']);
    expect(loadMany).toHaveBeenCalledTimes(1);
    expect(calls[0]?.keys).toEqual(['a', 'b', 'c']);
  });

  it('does not send anything before the flush and sends loads from later tasks separately', async () => {
    const { calls, loadMany } = recordingLoader();
    const batcher = createBatcher<string, string>({ loadMany, maxBatchSize: 100, delayMs: 0 });

    const first = batcher.load('a');
    expect(loadMany).not.toHaveBeenCalled();
    await expect(first).resolves.toBe('value:a');

    await expect(batcher.load('b')).resolves.toBe('value:b');
    expect(calls.map((call) => call.keys)).toEqual([['a'], ['b']]);
  });

  it('collects keys for delayMs before sending', async () => {
    vi.useFakeTimers();
    const { calls, loadMany } = recordingLoader();
    const batcher = createBatcher<string, string>({ loadMany, maxBatchSize: 100, delayMs: 50 });

    const a = batcher.load('a');
    await vi.advanceTimersByTimeAsync(30);
    const b = batcher.load('b');
    expect(loadMany).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(20);

    await expect(Promise.all([a, b])).resolves.toEqual(['value:a', 'value:b']);
    expect(calls.map((call) => call.keys)).toEqual([['a', 'b']]);
  });

  it('splits a batch into chunks of at most maxBatchSize keys', async () => {
    const { calls, loadMany } = recordingLoader();
    const batcher = createBatcher<string, string>({ loadMany, maxBatchSize: 2, delayMs: 0 });

    const keys = ['a', 'b', 'c', 'd', 'e'];
    const results = await Promise.all(keys.map((key) => batcher.load(key)));

    expect(results).toEqual(keys.map((key) => `value:${key}`));
    expect(calls.map((call) => call.keys)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('rejects at once for a signal that is already aborted, without sending', async () => {
    const { loadMany } = recordingLoader();
    const batcher = createBatcher<string, string>({ loadMany, maxBatchSize: 10, delayMs: 0 });

    const error = await batcher.load('a', AbortSignal.abort()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AbortedError);
    await nextTask();
    expect(loadMany).not.toHaveBeenCalled();
  });

  it('lets one caller abort before the flush while the others still get their values', async () => {
    const { calls, loadMany } = recordingLoader();
    const batcher = createBatcher<string, string>({ loadMany, maxBatchSize: 10, delayMs: 0 });
    const controller = new AbortController();

    const leaving = batcher.load('a', controller.signal);
    const sharingKey = batcher.load('a');
    const other = batcher.load('b');
    controller.abort();

    await expect(leaving).rejects.toSatisfy(isAbortedError);
    await expect(sharingKey).resolves.toBe('value:a');
    await expect(other).resolves.toBe('value:b');
    expect(loadMany).toHaveBeenCalledTimes(1);
    expect(calls[0]?.signal.aborted).toBe(false);
  });

  it('lets one caller abort while the batch is in flight without cancelling it', async () => {
    const { calls, loadMany } = deferredLoader();
    const batcher = createBatcher<string, string>({ loadMany, maxBatchSize: 10, delayMs: 0 });
    const controller = new AbortController();

    const leaving = batcher.load('a', controller.signal);
    const staying = batcher.load('b');
    await nextTask();
    expect(calls).toHaveLength(1);

    controller.abort();
    await expect(leaving).rejects.toSatisfy(isAbortedError);
    expect(calls[0]?.signal.aborted).toBe(false);

    calls[0]?.resolve(
      new Map([
        ['a', 'late a'],
        ['b', 'b'],
      ]),
    );
    await expect(staying).resolves.toBe('b');
  });

  it('sends nothing when every caller aborts before the flush', async () => {
    const { loadMany } = recordingLoader();
    const batcher = createBatcher<string, string>({ loadMany, maxBatchSize: 10, delayMs: 0 });
    const first = new AbortController();
    const second = new AbortController();

    const a = batcher.load('a', first.signal);
    const b = batcher.load('b', second.signal);
    first.abort();
    second.abort();

    await expect(a).rejects.toSatisfy(isAbortedError);
    await expect(b).rejects.toSatisfy(isAbortedError);
    await nextTask();
    await nextTask();
    expect(loadMany).not.toHaveBeenCalled();
  });

  it('serves a load made after every earlier caller of the same tick aborted', async () => {
    const { calls, loadMany } = recordingLoader();
    const batcher = createBatcher<string, string>({ loadMany, maxBatchSize: 10, delayMs: 0 });
    const controller = new AbortController();

    const abandoned = batcher.load('a', controller.signal);
    controller.abort();
    await expect(abandoned).rejects.toSatisfy(isAbortedError);

    // Same task as far as the flush timer is concerned: the first batch has not flushed yet.
    const fresh = batcher.load('b');
    const settled = await Promise.race([
      fresh,
      new Promise((resolve) => setTimeout(() => resolve('never settled'), 200)),
    ]);

    expect(settled).toBe('value:b');
    expect(calls.map((call) => call.keys)).toEqual([['b']]);
  });

  it('cancels the request once every caller of an in-flight batch has aborted', async () => {
    const { calls, loadMany } = deferredLoader();
    const batcher = createBatcher<string, string>({ loadMany, maxBatchSize: 10, delayMs: 0 });
    const first = new AbortController();
    const second = new AbortController();

    const a = batcher.load('a', first.signal);
    const b = batcher.load('b', second.signal);
    await nextTask();
    const signal = calls[0]?.signal;
    expect(signal?.aborted).toBe(false);

    first.abort();
    expect(signal?.aborted).toBe(false);
    second.abort();
    expect(signal?.aborted).toBe(true);

    await expect(a).rejects.toSatisfy(isAbortedError);
    await expect(b).rejects.toSatisfy(isAbortedError);
  });

  it('rejects every waiter of a chunk with the error loadMany rejects with', async () => {
    const { calls, loadMany } = deferredLoader();
    const batcher = createBatcher<string, string>({ loadMany, maxBatchSize: 10, delayMs: 0 });
    const failure = new Error('server down');

    const waiters = [batcher.load('a'), batcher.load('b'), batcher.load('a')];
    await nextTask();
    calls[0]?.reject(failure);

    const outcomes = await Promise.allSettled(waiters);
    expect(outcomes).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
  });

  it('confines a rejected chunk to its own keys', async () => {
    const { calls, loadMany } = deferredLoader();
    const batcher = createBatcher<string, string>({ loadMany, maxBatchSize: 1, delayMs: 0 });

    const a = batcher.load('a');
    const b = batcher.load('b');
    await nextTask();
    expect(calls.map((call) => call.keys)).toEqual([['a'], ['b']]);
    calls[0]?.reject(new Error('chunk a failed'));
    calls[1]?.resolve(new Map([['b', 'value:b']]));

    await expect(a).rejects.toThrow('chunk a failed');
    await expect(b).resolves.toBe('value:b');
  });

  it('rejects only the key that loadMany left out of its answer', async () => {
    const { loadMany } = recordingLoader((key) => (key === 'missing' ? undefined : `value:${key}`));
    const batcher = createBatcher<string, string>({ loadMany, maxBatchSize: 10, delayMs: 0 });

    const [present, missing, alsoPresent] = await Promise.allSettled([
      batcher.load('present'),
      batcher.load('missing'),
      batcher.load('also'),
    ]);

    expect(present).toEqual({ status: 'fulfilled', value: 'value:present' });
    expect(alsoPresent).toEqual({ status: 'fulfilled', value: 'value:also' });
    expect(missing?.status).toBe('rejected');
    expect(missing?.status === 'rejected' && String(missing.reason)).toContain(
      'No value for missing',
    );
    expect(loadMany).toHaveBeenCalledTimes(1);
  });

  it('resolves a key whose value is undefined when loadMany answered it', async () => {
    const loadMany = vi.fn(
      async (keys: readonly string[]) => new Map(keys.map((k) => [k, undefined])),
    );
    const batcher = createBatcher<string, undefined>({ loadMany, maxBatchSize: 10, delayMs: 0 });

    await expect(batcher.load('a')).resolves.toBeUndefined();
  });
});
