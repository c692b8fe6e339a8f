import express from 'express';
import { InputError } from '@backstage/errors';

/**
 * Parses a JSON request body for one route and turns what express's JSON parser refuses into a
 * 400 `InputError` that says what the body should look like, instead of its bare `SyntaxError`
 * ("Unexpected token …", naming nothing). A body of another content type is refused the same way
 * rather than ignored — ignoring it would read `dryRun=true` sent as a form as `{}`, i.e. a real
 * promotion. An empty body passes as `{}`.
 *
 * @param what - what the body is, e.g. `promote request`
 * @param example - a valid body, e.g. `{ "dryRun": true }`
 */
export function jsonBody(
  what: string,
  example: string,
): express.RequestHandler {
  const parse = express.json();
  const refusal = (why: string) =>
    new InputError(`Invalid ${what}: ${why}, e.g. ${example}`);
  return (req, res, next) => {
    const empty = req.get('content-length') === '0';
    if (!empty && req.is('application/json') === false) {
      next(
        refusal(
          `the body must be JSON sent as Content-Type application/json, not ${req.get(
            'content-type',
          )}`,
        ),
      );
      return;
    }
    parse(req, res, error => {
      if (
        (error as { type?: string } | undefined)?.type === 'entity.parse.failed'
      ) {
        next(refusal('the body must be a JSON object'));
        return;
      }
      next(error);
    });
  };
}
