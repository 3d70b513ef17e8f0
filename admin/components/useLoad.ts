/**
 * Loading data for a screen: `useLoad(fetcher, deps)` runs the fetcher when the deps change and
 * exposes the result, the error (an ApiError's Chinese message) and `reload()`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  errorCode: string | null;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (d: T | undefined) => void;
}

export function useLoad<T>(fetcher: (() => Promise<T>) | null, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [loading, setLoading] = useState<boolean>(fetcher !== null);
  const seq = useRef(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  const run = useCallback(async () => {
    const f = fetcherRef.current;
    const mine = ++seq.current;
    if (!f) {
      setLoading(false);
      return;
    }
    setLoading(true);
    try {
      const d = await f();
      if (mine === seq.current) {
        setData(d);
        setError(null);
        setErrorCode(null);
      }
    } catch (e) {
      if (mine === seq.current) {
        setError(errorMessage(e));
        setErrorCode(e instanceof ApiError ? e.code : null);
      }
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { data, error, errorCode, loading, reload: run, setData };
}
