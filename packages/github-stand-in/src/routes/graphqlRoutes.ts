import { execute, GraphQLError, parse, validate } from 'graphql';
import { http, RequestHandler } from 'msw';
import type { GithubStandIn } from '../GithubStandIn';
import { tokenOf } from '../respond';
import { githubGraphqlSchema } from '../graphql/schema';
import { QueryLimitError, queryCost } from '../graphql/queryCost';
import { GraphqlTypedError, rootValue } from '../graphql/resolvers';
import { API } from './paths';

/** Points an hour of a GitHub App installation (GitHub's minimum) or a personal token. */
export const GRAPHQL_POINTS_PER_HOUR = 5000;

/** An error as GitHub lists it in `errors`: its `type` (when it has one), path and message. */
function githubError(error: GraphQLError) {
  const typed = error.originalError;
  return {
    ...(typed instanceof GraphqlTypedError ? { type: typed.type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    message: error.message,
  };
}

/**
 * `POST /graphql` (https://docs.github.com/graphql/guides/forming-calls-with-graphql): the
 * query is parsed and validated against the stand-in's excerpt of GitHub's schema, its cost
 * computed before it runs as GitHub documents (`queryCost`: requests per connection / 100, at
 * least 1, first/last required and at most 100, at most 500,000 nodes), then executed against
 * the same repositories the REST routes answer from. The answer is always 200 with `data` and
 * `errors` side by side (a repository that does not exist is `null` with a NOT_FOUND error);
 * `rateLimit { cost limit remaining resetAt used nodeCount }` and the `x-ratelimit-*` headers
 * count points per token in an hourly window. Calls are counted in `counts.graphqlQueries` and
 * `counts.graphqlPoints`, never in the REST `counts.rateLimited`.
 */
export function graphqlRoutes(standIn: GithubStandIn): RequestHandler[] {
  const { respond } = standIn;
  const windows = standIn.graphqlRateLimits;
  return [
    http.post(`${API}/graphql`, async ({ request }) => {
      const token = tokenOf(request);
      if (!token) {
        return respond.error(
          'POST graphql',
          401,
          'This endpoint requires you to be authenticated.',
          'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql',
        );
      }
      const body = (await request.json()) as {
        query: string;
        variables?: Record<string, unknown>;
        operationName?: string;
      };
      let document;
      try {
        document = parse(body.query);
      } catch (error) {
        return respond.graphql(
          { errors: [githubError(error as GraphQLError)] },
          0,
          {},
        );
      }
      const invalid = validate(githubGraphqlSchema, document);
      if (invalid.length > 0) {
        return respond.graphql({ errors: invalid.map(githubError) }, 0, {});
      }
      let cost;
      try {
        cost = queryCost(
          githubGraphqlSchema,
          document,
          body.variables,
          body.operationName,
        );
      } catch (error) {
        if (!(error instanceof QueryLimitError)) throw error;
        return respond.graphql(
          { errors: [{ type: error.type, message: error.message }] },
          0,
          {},
        );
      }
      const now = standIn.clock();
      let window = windows.get(token);
      if (!window || window.resetAt <= now) {
        window = { used: 0, resetAt: new Date(now.getTime() + 3_600_000) };
        windows.set(token, window);
      }
      window.used += cost.cost;
      const remaining = Math.max(0, GRAPHQL_POINTS_PER_HOUR - window.used);
      const resetAt = window.resetAt.toISOString().replace(/\.\d+Z$/, 'Z');
      const result = await execute({
        schema: githubGraphqlSchema,
        document,
        variableValues: body.variables,
        operationName: body.operationName,
        rootValue: rootValue(standIn, {
          cost: cost.cost,
          limit: GRAPHQL_POINTS_PER_HOUR,
          nodeCount: cost.nodeCount,
          remaining,
          resetAt,
          used: window.used,
        }),
      });
      return respond.graphql(
        {
          data: result.data ?? null,
          ...(result.errors?.length
            ? { errors: result.errors.map(githubError) }
            : {}),
        },
        cost.cost,
        {
          'x-ratelimit-limit': String(GRAPHQL_POINTS_PER_HOUR),
          'x-ratelimit-remaining': String(remaining),
          'x-ratelimit-used': String(window.used),
          'x-ratelimit-reset': String(
            Math.floor(window.resetAt.getTime() / 1000),
          ),
          'x-ratelimit-resource': 'graphql',
        },
      );
    }),
  ];
}
