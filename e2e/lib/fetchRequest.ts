/*
 * The fake servers of the browser tests answer with msw handlers (the tests' stand-ins), which
 * take Fetch requests: this turns a Node HTTP request into one.
 */
import type http from 'node:http';

/** The Node request as a Fetch `Request` for `origin` + its path, with its method, headers and body. */
export async function toFetchRequest(
  req: http.IncomingMessage,
  origin: string,
): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) {
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }
  const method = req.method ?? 'GET';
  return new Request(`${origin}${req.url ?? '/'}`, {
    method,
    headers,
    body: ['GET', 'HEAD'].includes(method) ? undefined : Buffer.concat(chunks),
  });
}
