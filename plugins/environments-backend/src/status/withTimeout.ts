/**
 * Runs `work` with an AbortSignal that fires after `timeoutMs`; resolves with `onTimeout()` at
 * the deadline even when `work` ignores the signal, so a hanging provider delays nobody beyond
 * its timeout. Errors from `work` reject as usual.
 */
export async function withTimeout<T>(
  work: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  onTimeout: () => T,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<T>(resolve => {
    timer = setTimeout(() => {
      controller.abort(new Error(`timed out after ${timeoutMs} ms`));
      resolve(onTimeout());
    }, timeoutMs);
    timer.unref?.();
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
