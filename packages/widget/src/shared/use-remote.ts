import type { Fetched, KoubeiError } from '@koubei/core';
import { NetworkError, isKoubeiError } from '@koubei/core';
import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { takeTurn } from './take-turn.ts';

export interface RemoteState<T> {
  readonly status: 'loading' | 'ready' | 'error';
  /** The last data shown; kept while a new request runs so lists do not flash empty. */
  readonly data: T | null;
  readonly error: KoubeiError | null;
  /** The network failed and `data` is an older copy. */
  readonly stale: boolean;
}

interface KeyedState<T> extends RemoteState<T> {
  /** The request that `status` describes. */
  readonly key: string;
}

/**
 * Runs a read when `key` changes and aborts it on unmount or when the key
 * changes again, so a widget never renders data for a query it no longer
 * shows. Returns the state and a retry function. Errors never escape: they
 * become the `error` state, which is retried when the browser goes online.
 */
export function useRemote<T>(
  key: string,
  load: (signal: AbortSignal, onRevalidated: (data: T) => void) => Promise<Fetched<T>>,
): [RemoteState<T>, () => void] {
  const [state, setState] = useState<KeyedState<T>>({
    key,
    status: 'loading',
    data: null,
    error: null,
    stale: false,
  });
  const [attempt, setAttempt] = useState(0);

  // A layout effect, not useEffect: the request starts right after the
  // render instead of after the next paint, so data arrives a frame sooner.
  useLayoutEffect(() => {
    const controller = new AbortController();
    const alive = () => !controller.signal.aborted;
    // Answers are shown in turns, one widget per task (see takeTurn).
    const show = (data: T, error: KoubeiError | null, stale: boolean) =>
      takeTurn().then(() => alive() && setState({ key, status: 'ready', data, error, stale }));
    // Returning the same state when nothing changes spares a second render on mount.
    setState((previous) =>
      previous.key === key && previous.status === 'loading' && previous.error === null
        ? previous
        : { ...previous, key, status: 'loading', error: null },
    );
    load(controller.signal, (data) => show(data, null, false)).then(
      (fetched) => show(fetched.data, fetched.error, fetched.source === 'stale'),
      async (error: unknown) => {
        const failure = isKoubeiError(error)
          ? error
          : new NetworkError(undefined, { cause: error });
        if (failure.kind === 'aborted') return;
        await takeTurn();
        if (alive())
          setState((previous) => ({ ...previous, key, status: 'error', error: failure }));
      },
    );
    return () => controller.abort();
    // `load` is recreated every render; `key` says when the request changes.
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  // When the network comes back, a read that failed (or fell back to a saved
  // copy) tries again by itself, once per 'online' event: no failure is kept.
  const failed = state.status === 'error' || state.stale;
  useEffect(() => {
    if (!failed || typeof window === 'undefined') return undefined;
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [failed, retry]);
  const { key: stateKey, ...remote } = state;
  // Until the effect for a new key has run, the data on hand belongs to the old request.
  return [stateKey === key ? remote : { ...remote, status: 'loading' }, retry];
}
