import {
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { redactSecrets } from '../providers/sections';

/**
 * Turns an Octokit `RequestError` into a `@backstage/errors` error whose message says what to
 * do; `what` names the request, e.g. `reading branch develop of acme/macro-ai`.
 *
 * @public
 */
export function describeGithubError(error: unknown, what: string): Error {
  const status = (error as { status?: number }).status;
  const detail = redactSecrets(
    (error as { response?: { data?: { message?: string } } }).response?.data
      ?.message ?? (error instanceof Error ? error.message : String(error)),
  );
  if (status === 404) {
    return new NotFoundError(
      `GitHub answered 404 ${what}: it does not exist or the configured credentials cannot see it`,
    );
  }
  if (status === 401 || status === 403) {
    return new ServiceUnavailableError(
      `GitHub refused ${what} (${status}: ${detail}); check the token or app permissions in integrations.github`,
    );
  }
  if (status === 405) {
    return new ConflictError(`GitHub refused ${what}: ${detail}`);
  }
  if (status === 409) {
    return new ConflictError(`GitHub reported a conflict ${what}: ${detail}`);
  }
  if (status === 422) {
    return new ConflictError(`GitHub could not process ${what}: ${detail}`);
  }
  return new ServiceUnavailableError(
    `GitHub failed ${what}${status ? ` (${status})` : ''}: ${detail}`,
  );
}
