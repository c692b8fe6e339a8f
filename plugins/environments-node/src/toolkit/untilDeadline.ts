/**
 * Waits for `work` until `timeoutMs` passes or `signal` aborts, whichever comes first. The CDK
 * toolkit library cannot be stopped, so `work` carries on (CloudFormation finishes the
 * operation); `onGiveUp` is told first, so its output can be dropped.
 *
 * @throws Error `message` when the time is up, `Cancelled` when the signal aborted
 *
 * @public
 */
export async function untilDeadline<T>(
  work: Promise<T>,
  options: {
    timeoutMs: number;
    signal?: AbortSignal;
    message: string;
    onGiveUp: () => void;
  },
): Promise<T> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const stop = options.signal
    ? AbortSignal.any([options.signal, deadline])
    : deadline;
  let onStop: () => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    onStop = () => {
      options.onGiveUp();
      reject(
        new Error(options.signal?.aborted ? 'Cancelled' : options.message),
      );
    };
    if (stop.aborted) onStop();
    else stop.addEventListener('abort', onStop, { once: true });
  });
  try {
    return await Promise.race([work, stopped]);
  } finally {
    stop.removeEventListener('abort', onStop);
  }
}
