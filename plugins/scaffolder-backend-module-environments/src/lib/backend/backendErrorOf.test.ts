import { backendErrorOf } from './backendErrorOf';

const BASE_URL = 'http://localhost:7007/api/environments';

/** A response with a Backstage error body, as the backend's error handler writes it. */
function errorResponse(status: number, name: string, message: string) {
  return new Response(
    JSON.stringify({
      error: { name, message },
      request: { method: 'POST', url: '/environments/default/x/promote' },
      response: { statusCode: status },
    }),
    { status, headers: { 'Content-Type': 'application/json' } },
  );
}

describe('backendErrorOf', () => {
  it.each([
    [400, 'InputError', 'Invalid promote request: unknown field force'],
    [403, 'NotAllowedError', 'user:default/bob may not promote into x'],
    [
      404,
      'NotFoundError',
      'No environment environment:default/x in the catalog',
    ],
    [409, 'ConflictError', 'Promotion blocked by gate checks-green (...)'],
    [503, 'ServiceUnavailableError', 'GitHub is not configured: ...'],
  ])('keeps the type and message of a %i %s', async (status, name, message) => {
    const error = await backendErrorOf(
      errorResponse(status, name, message),
      BASE_URL,
    );

    expect(error).toMatchObject({ name, message });
  });

  it('names the status of any other failure, with the backend message', async () => {
    const error = await backendErrorOf(
      errorResponse(500, 'TypeError', 'Cannot read properties of undefined'),
      BASE_URL,
    );

    expect(error.message).toBe(
      'The environments backend failed with 500: Cannot read properties of undefined',
    );
  });

  it('says the environments backend is missing for a 404 without an error body', async () => {
    const error = await backendErrorOf(
      new Response(null, { status: 404, statusText: 'Not Found' }),
      BASE_URL,
    );

    expect(error).toMatchObject({
      name: 'NotFoundError',
      message: `No environments backend answered at ${BASE_URL}: add @stageline/plugin-environments-backend to the backend; environment:promote, environment:rollback and the deployment history go through it`,
    });
  });
});
