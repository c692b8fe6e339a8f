import { PLACEHOLDER_MARKER } from './placeholderCode';

/**
 * Source of the placeholder that answers the health route until the service deploys its own
 * code. The body has the shape of seed 004's `/api/health`:
 * `{ status, timestamp, version, environment, scale, checks: { handler: {...} } }`.
 * Every other path answers 404.
 */
function respondSource(healthPath: string): string {
  return `
const HEALTH_PATH = ${JSON.stringify(healthPath)};
function respond(path) {
  if (path !== HEALTH_PATH) {
    return { statusCode: 404, body: JSON.stringify({ message: 'Not found: this placeholder only answers ' + HEALTH_PATH }) };
  }
  return {
    statusCode: 200,
    body: JSON.stringify({
      status: 'healthy',
      timestamp: new Date().toISOString(),
      version: process.env.APP_VERSION || 'placeholder',
      environment: process.env.APP_ENV,
      scale: process.env.STAGELINE_SCALE,
      checks: {
        handler: { status: 'healthy', message: '${PLACEHOLDER_MARKER}: deploy the service code to replace it' },
      },
    }),
  };
}`;
}

/**
 * The source without indentation or blank lines: it is inlined into the template, whose size
 * CloudFormation limits. (None of the code has multi-line strings that this could change.)
 */
function compact(source: string): string {
  return `${source
    .replace(/^[ \t]+/gm, '')
    .replace(/\n{2,}/g, '\n')
    .trim()}\n`;
}

/**
 * Inline source of a Lambda handler (`index.handler`, API Gateway HTTP API payload 2.0 or
 * REST payload 1.0) that answers `healthPath`.
 *
 * @param healthPath - the route, e.g. `/api/health`
 */
export function placeholderLambdaSource(healthPath: string): string {
  return compact(`${respondSource(healthPath)}
exports.handler = async event => {
  const answer = respond(event.rawPath || event.path || '/');
  return { ...answer, headers: { 'content-type': 'application/json' } };
};`);
}

/**
 * Source for `node -e`: an HTTP server on `$PORT` (or `port`) that answers `healthPath`.
 *
 * @param healthPath - the route, e.g. `/api/health`
 * @param port - the port when `PORT` is unset
 */
export function placeholderServerSource(
  healthPath: string,
  port: number,
): string {
  return compact(`${respondSource(healthPath)}
require('http').createServer((req, res) => {
  const answer = respond((req.url || '/').split('?')[0]);
  res.writeHead(answer.statusCode, { 'content-type': 'application/json' });
  res.end(answer.body);
}).listen(Number(process.env.PORT || ${port}));`);
}
