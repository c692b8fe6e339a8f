import { ResponseError } from '@backstage/errors';

/**
 * The failure a person should read: for a backend error, the server's own message (e.g. the
 * failing gate) rather than the status line; otherwise the error's message.
 */
export function errorText(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Whether a backend error is a `ConflictError` (a promotion gate said no, or a lock is held). */
export function isConflict(error: unknown): boolean {
  return (
    error instanceof ResponseError &&
    (error.body?.error?.name === 'ConflictError' ||
      error.response.status === 409)
  );
}

/**
 * Whether a backend error means "cannot be done here as configured": a gate said no (409) or a
 * provider is not set up (503) — a warning for the user rather than a failure.
 */
export function isUnavailable(error: unknown): boolean {
  return (
    isConflict(error) ||
    (error instanceof ResponseError &&
      (error.body?.error?.name === 'ServiceUnavailableError' ||
        error.response.status === 503))
  );
}
