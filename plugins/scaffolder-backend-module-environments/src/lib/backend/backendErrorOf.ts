import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  parseErrorResponseBody,
  ServiceUnavailableError,
} from '@backstage/errors';

/** The `@backstage/errors` types the environments backend answers with, by name. */
const KNOWN_ERRORS: Record<string, new (message: string) => Error> = {
  InputError,
  AuthenticationError,
  NotAllowedError,
  NotFoundError,
  ConflictError,
  ServiceUnavailableError,
};

/**
 * The error a failed response of the environments backend stands for: the same
 * `@backstage/errors` type and message as the backend threw (e.g. a `ConflictError`
 * "Promotion blocked by gate checks-green (...)"), so the step fails with the backend's words.
 * A 404 without a Backstage error body means no environments backend is installed at `baseUrl`.
 */
export async function backendErrorOf(
  response: Response,
  baseUrl: string,
): Promise<Error> {
  const body = await parseErrorResponseBody(response);
  const { name, message } = body.error;
  const Known = KNOWN_ERRORS[name];
  if (Known) return new Known(message);
  if (response.status === 404) {
    return new NotFoundError(
      `No environments backend answered at ${baseUrl}: add @stageline/plugin-environments-backend to the backend; environment:promote, environment:rollback and the deployment history go through it`,
    );
  }
  return new Error(
    `The environments backend failed with ${response.status}: ${message}`,
  );
}
