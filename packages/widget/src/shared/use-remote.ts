import type { Fetched, KoubeiError } from '@koubei/core';
import { isKoubeiError, NetworkError } from '@koubei/core';
import { useCallback, useEffect, useState } from 'preact/hooks';

export interface RemoteState<T> {
  readonly status: 'loading' | 'ready' | 'error';
  /** The last data shown; kept while a new request runs so lists do not flash empty. */
  readonly data: T | null;
  readonly error: KoubeiError | null;
  /** The network failed and `data` is an older copy. */
  readonly stale: boolean;
}

/**
 * Runs a read when `key` changes and aborts it on unmount or when the key
 * changes again, so a widget never renders data for a query it no longer
 * shows. Returns the state and a retry function. Errors never escape: they
 * become the `error` state.
 */
export function useRemote<T>(
  key: string,
  load: (signal: AbortSignal, onRevalidated: (data: T) => void) => Promise<Fetched<T>>,
): [RemoteState<T>, () => void] {
  const [state, setState] = useState<RemoteState<T>>({
    status: 'loading',
    data: null,
    error: null,
    stale: false,
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, status: 'loading', error: null }));
    const alive = () => !controller.signal.aborted;
    load(
      controller.signal,
      (data) => alive() && setState({ status: 'ready', data, error: null, stale: false }),
    ).then(
      (fetched) =>
        alive() &&
        setState({
          status: 'ready',
          data: fetched.data,
          error: fetched.error,
          stale: fetched.source === 'stale',
        }),
      (error: unknown) => {
        if (!alive()) return;
        const failure = isKoubeiError(error)
          ? error
          : new NetworkError(undefined, { cause: error });
        if (failure.kind === 'aborted') return;
        setState((previous) => ({ ...previous, status: 'error', error: failure }));
      },
    );
    return () => controller.abort();
    // `load` is recreated every render; `key` says when the request changes.
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry];
}
