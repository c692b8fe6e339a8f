/**
 * Runs `work` with an `AbortSignal.timeout(timeoutMs)`; resolves with `onTimeout()` when the
 * signal fires even if `work` ignores it (providers come from other modules), so a hanging
 * provider delays nobody beyond its timeout. Errors from `work` reject as usual.
 */
export async function withTimeout<T>(
  work: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  onTimeout: () => T,
): Promise<T> {
  const signal = AbortSignal.timeout(timeoutMs);
  let onAbort: () => void = () => undefined;
  const deadline = new Promise<T>(resolve => {
    onAbort = () => resolve(onTimeout());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work(signal), deadline]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
