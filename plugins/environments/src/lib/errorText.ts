import { ResponseError } from '@backstage/errors';

/**
 * The failure a person should read: for a backend error, the server's own message (e.g. the
 * failing gate) rather than the status line; otherwise the error's message.
 */
export function errorText(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.message;
  }
  // not `instanceof Error`: errors from another realm (a test's, an iframe's) are not
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}
