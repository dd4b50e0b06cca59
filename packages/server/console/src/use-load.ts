import { useCallback, useEffect, useState } from 'preact/hooks';
import { ConsoleApiError } from './merchant-api.ts';
import { signOut } from './session.ts';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: string | null;
  readonly loading: boolean;
  reload(): void;
}

/** Loads data for a view; a 401 (key revoked) signs out, other errors are shown in words. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setLoading(true);
    load()
      .then((value) => {
        if (!current) return;
        setData(value);
        setError(null);
      })
      .catch((problem: unknown) => {
        if (!current) return;
        if (problem instanceof ConsoleApiError && problem.status === 401) signOut();
        setError((problem as Error).message);
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload };
}

/** Runs a change, reports failure in words; true when it worked. */
export async function attempt(
  work: () => Promise<unknown>,
  onError: (message: string) => void,
): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (problem) {
    if (problem instanceof ConsoleApiError && problem.status === 401) signOut();
    onError((problem as Error).message);
    return false;
  }
}
