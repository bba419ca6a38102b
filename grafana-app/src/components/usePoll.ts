import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Loads data now and every `intervalMs` while `active`; keeps the last good data on a failed
 * refresh and exposes the error. `reload` forces a load.
 */
export function usePoll<T>(load: () => Promise<T>, deps: unknown[], intervalMs = 30_000, active = true) {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const seq = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const value = await loadRef.current();
      if (mine === seq.current) {
        setData(value);
        setError(undefined);
      }
    } catch (err) {
      if (mine === seq.current) {
        setError(err);
      }
    } finally {
      if (mine === seq.current) {
        setLoading(false);
      }
    }
  }, []);

  useEffect(() => {
    void reload();
    // `deps` are the caller's: a change of filter or id loads again
  }, deps);

  useEffect(() => {
    if (!active || intervalMs <= 0) {
      return;
    }
    const timer = setInterval(() => void reload(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, reload]);

  return { data, error, loading, reload };
}
