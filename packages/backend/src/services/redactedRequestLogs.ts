import type { RequestHandler } from 'express';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';

/** Query parameters whose values are credentials or one-time codes. */
const SENSITIVE =
  /token|secret|password|passwd|key|signature|credential|session|auth|code/i;

/** A request path with the values of credential-like query parameters replaced. */
export function redactQuery(url: string): string {
  const index = url.indexOf('?');
  if (index < 0) return url;
  const params = new URLSearchParams(url.slice(index + 1));
  let changed = false;
  for (const name of new Set(params.keys())) {
    if (SENSITIVE.test(name)) {
      params.set(name, 'redacted');
      changed = true;
    }
  }
  return changed ? `${url.slice(0, index)}?${params}` : url;
}

/**
 * Redacts credential-like query parameters (`?token=…`, `?code=…`) from the URL Backstage's
 * request log writes. The log line is written when the response finishes; this middleware, placed
 * first, rewrites `req.originalUrl` at that moment, before the logger reads it. Tokens belong in
 * the Authorization header: Stageline's own routes never read one from the query.
 */
export const redactQueryInRequestLog: RequestHandler = (req, res, next) => {
  res.on('finish', () => {
    req.originalUrl = redactQuery(req.originalUrl ?? req.url);
  });
  next();
};

/** The root HTTP router with Backstage's defaults, and credentials redacted from its request log. */
export const redactedRootHttpRouterServiceFactory =
  rootHttpRouterServiceFactory({
    configure({ app, applyDefaults }) {
      app.use(redactQueryInRequestLog);
      applyDefaults();
    },
  });
