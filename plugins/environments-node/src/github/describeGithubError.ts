import {
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { redactSecrets } from '../providers/sections';

/** One entry of a GitHub error's `errors` (https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api). */
type GithubErrorEntry =
  | string
  | { message?: string; resource?: string; field?: string; code?: string };

/** What GitHub said: its `message`, and what its `errors` add (e.g. "No commits between main and develop"). */
function githubDetail(error: unknown): string {
  const data = (
    error as {
      response?: { data?: { message?: string; errors?: GithubErrorEntry[] } };
    }
  ).response?.data;
  if (!data?.message) {
    return error instanceof Error ? error.message : String(error);
  }
  const entries = (Array.isArray(data.errors) ? data.errors : [])
    .map(entry =>
      typeof entry === 'string'
        ? entry
        : entry.message ??
          [entry.resource, entry.field, entry.code].filter(Boolean).join(' '),
    )
    .filter(Boolean);
  return entries.length
    ? `${data.message}: ${entries.join('; ')}`
    : data.message;
}

/** A 403 that is about the credentials rather than about what was asked. */
const CREDENTIALS_REFUSAL =
  /credential|not accessible|permission|must have|scope|forbids access|SAML|authenticat|rate limit/i;

/**
 * Turns an Octokit `RequestError` into a `@backstage/errors` error whose message says what to
 * do; `what` names the request, e.g. `reading branch develop of acme/macro-ai`. A 401, or a 403
 * about the credentials, says to check them; any other 403 is GitHub refusing what was asked
 * (e.g. re-running a run over a month old), a conflict with the repository's state.
 *
 * @public
 */
export function describeGithubError(error: unknown, what: string): Error {
  const status = (error as { status?: number }).status;
  const detail = redactSecrets(githubDetail(error));
  if (status === 404) {
    return new NotFoundError(
      `GitHub answered 404 ${what}: it does not exist or the configured credentials cannot see it`,
    );
  }
  if (status === 401 || (status === 403 && CREDENTIALS_REFUSAL.test(detail))) {
    return new ServiceUnavailableError(
      `GitHub refused ${what} (${status}: ${detail}); check the token or app permissions in integrations.github`,
    );
  }
  if (status === 403) {
    return new ConflictError(`GitHub refused ${what} (403: ${detail})`);
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
