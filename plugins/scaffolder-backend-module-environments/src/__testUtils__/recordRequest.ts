import type { RecordedRequest } from './githubStandIn';

/** A request to a stand-in as the tests read it back: method, path and JSON body. */
export async function recordRequest(
  request: Request,
): Promise<RecordedRequest> {
  const text = ['GET', 'HEAD', 'DELETE'].includes(request.method)
    ? ''
    : await request.clone().text();
  return {
    method: request.method,
    path: new URL(request.url).pathname,
    ...(text ? { body: JSON.parse(text) } : {}),
  };
}
