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
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const deadline = new Promise<never>((_, reject) => {
    const giveUp = (error: Error) => {
      options.onGiveUp();
      reject(error);
    };
    timer = setTimeout(
      () => giveUp(new Error(options.message)),
      options.timeoutMs,
    );
    onAbort = () => giveUp(new Error('Cancelled'));
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
  }
}
