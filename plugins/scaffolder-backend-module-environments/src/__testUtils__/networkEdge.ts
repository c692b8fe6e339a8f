import type { SetupServer } from 'msw/node';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** One request to a test backend on this machine, as it went over the wire. */
export type LocalRequest = {
  method: string;
  path: string;
  body?: unknown;
  authorization?: string;
};

/**
 * Starts msw for the test file: requests to outside hosts must be answered by a handler (an
 * unhandled one fails the test), requests to test backends on localhost go through and are
 * recorded in the returned list, in order.
 */
export function registerNetworkEdge(server: SetupServer): LocalRequest[] {
  const local: LocalRequest[] = [];
  const pending: Array<Promise<void>> = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (!LOCAL_HOSTS.has(url.hostname)) return;
    const entry: LocalRequest = { method: request.method, path: url.pathname };
    const authorization = request.headers.get('authorization');
    if (authorization) entry.authorization = authorization;
    local.push(entry);
    if (request.method !== 'GET') {
      pending.push(
        request
          .clone()
          .text()
          .then(text => {
            if (text) entry.body = JSON.parse(text);
          }),
      );
    }
  });
  beforeAll(() =>
    server.listen({
      onUnhandledRequest(request, print) {
        if (!LOCAL_HOSTS.has(new URL(request.url).hostname)) print.error();
      },
    }),
  );
  afterEach(async () => {
    await Promise.all(pending.splice(0));
    local.splice(0);
    server.resetHandlers();
  });
  afterAll(() => server.close());
  return local;
}
