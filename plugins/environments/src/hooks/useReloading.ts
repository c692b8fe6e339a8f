import { useCallback, useEffect, useState } from 'react';

/** How often a card reloads while something it shows is under way. */
export const RELOAD_MS = 2_000;
/**
 * Reloads after a user's stop, start or destroy request: the backend answers 202 and carries it
 * out after answering, so the first reload may not see it begin yet.
 */
const RELOADS_AFTER_CHANGE = 5;

/**
 * Reloads `state` every {@link RELOAD_MS} while `underWay` says something it shows is still being
 * carried out, and a few times after the returned `changed` is called (for a request the backend
 * answered before acting on it).
 */
export function useReloading<T>(
  state: { loading: boolean; value?: T; retry: () => void },
  underWay: (value: T) => boolean,
): () => void {
  const [left, setLeft] = useState(0);
  const { loading, value, retry } = state;
  const again =
    !loading && value !== undefined && (underWay(value) || left > 0);
  useEffect(() => {
    if (!again) return undefined;
    const timer = setTimeout(() => {
      setLeft(n => Math.max(0, n - 1));
      retry();
    }, RELOAD_MS);
    return () => clearTimeout(timer);
  }, [again, left, value, retry]);
  return useCallback(() => {
    setLeft(RELOADS_AFTER_CHANGE);
    retry();
  }, [retry]);
}
