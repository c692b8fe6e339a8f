/*
 * msw handlers that answer like the environments backend, so tests go through the real
 * EnvironmentsClient over HTTP.
 */
import { http, HttpResponse, delay, type HttpHandler } from 'msw';
import type {
  CostSection,
  DeploymentRecord,
  EnvironmentStatus,
  PromoteRequest,
  PromotionRecord,
  RollbackPlan,
} from '@stageline/plugin-environments-common';

/** Where `mockApis.discovery()` puts the environments backend. */
export const ENVIRONMENTS_BASE_URL = 'http://example.com/api/environments';

/**
 * A Backstage error body, as the backend's error middleware serializes an error thrown by a
 * route: `{ error: { name, message }, request: { method, url }, response: { statusCode } }`.
 */
export function errorResponse(
  status: number,
  name: string,
  message: string,
  request: { method: string; url: string } = {
    method: 'GET',
    url: '/environments',
  },
) {
  return HttpResponse.json(
    {
      error: { name, message },
      request,
      response: { statusCode: status },
    },
    { status },
  );
}

/** The `@backstage/errors` type the backend throws for each status a promotion can answer. */
const PROMOTE_ERROR_NAMES: Record<number, string> = {
  403: 'NotAllowedError',
  409: 'ConflictError',
  500: 'Error',
  503: 'ServiceUnavailableError',
};

/**
 * The backend refusing `POST …/macro-ai-api-staging/promote`: 409 `ConflictError` for a blocked
 * promotion, 503 `ServiceUnavailableError` when GitHub is not configured, 403 `NotAllowedError`
 * when the permission policy says no.
 */
export function promoteRefusal(status: 403 | 409 | 500 | 503, message: string) {
  return errorResponse(status, PROMOTE_ERROR_NAMES[status], message, {
    method: 'POST',
    url: '/environments/default/macro-ai-api-staging/promote',
  });
}

/** `GET /environments` answering with these items; records each query it receives. */
export function listHandler(
  items: EnvironmentStatus[],
  queries: URLSearchParams[] = [],
) {
  return http.get(`${ENVIRONMENTS_BASE_URL}/environments`, ({ request }) => {
    queries.push(new URL(request.url).searchParams);
    return HttpResponse.json({ items });
  });
}

/** A `GET` on an environments route that never answers within the test: the loading state. */
export function pendingHandler(path = '/environments') {
  return http.get(`${ENVIRONMENTS_BASE_URL}${path}`, async () => {
    await delay('infinite');
    return HttpResponse.json({});
  });
}

/** A failing `GET` on any environments route. */
export function failingHandler(
  path: string,
  status = 500,
  message = 'database is unreachable',
) {
  return http.get(`${ENVIRONMENTS_BASE_URL}${path}`, () =>
    errorResponse(status, status === 404 ? 'NotFoundError' : 'Error', message),
  );
}

/** `GET /environments/:namespace/:name/status` from a list of statuses. */
export function statusHandler(items: EnvironmentStatus[]) {
  return http.get(
    `${ENVIRONMENTS_BASE_URL}/environments/:namespace/:name/status`,
    ({ params }) => {
      const found = items.find(
        s => s.entityRef === `environment:${params.namespace}/${params.name}`,
      );
      return found
        ? HttpResponse.json(found)
        : errorResponse(
            404,
            'NotFoundError',
            `No environment ${params.namespace}/${params.name}`,
          );
    },
  );
}

/** `GET /environments/:namespace/:name/promotions`. */
export function promotionsHandler(records: PromotionRecord[]) {
  return http.get(
    `${ENVIRONMENTS_BASE_URL}/environments/:namespace/:name/promotions`,
    () => HttpResponse.json({ items: records }),
  );
}

/** `GET /environments/:namespace/:name/cost`, answering per `?scale=`; records the scales asked. */
export function costHandler(
  byScale: Record<string, CostSection>,
  asked: string[] = [],
) {
  return http.get(
    `${ENVIRONMENTS_BASE_URL}/environments/:namespace/:name/cost`,
    ({ request }) => {
      const scale = new URL(request.url).searchParams.get('scale') ?? 'current';
      asked.push(scale);
      const cost = byScale[scale];
      return cost
        ? HttpResponse.json(cost)
        : errorResponse(400, 'InputError', `Unknown scale ${scale}`);
    },
  );
}

/** `POST /environments/:namespace/:name/promote`, recording every body it receives. */
export function promoteHandler(
  answer: (body: PromoteRequest) => Response,
  received: PromoteRequest[] = [],
): HttpHandler {
  return http.post(
    `${ENVIRONMENTS_BASE_URL}/environments/:namespace/:name/promote`,
    async ({ request }) => {
      const body = (await request.json()) as PromoteRequest;
      received.push(body);
      return answer(body);
    },
  );
}

/** `POST /environments/:namespace/:name/destroy` (a preview's "Destroy now"), recording each ref. */
export function destroyHandler(
  answer: (entityRef: string) => Response,
  received: string[] = [],
): HttpHandler {
  return http.post(
    `${ENVIRONMENTS_BASE_URL}/environments/:namespace/:name/destroy`,
    ({ params }) => {
      const entityRef = `environment:${params.namespace}/${params.name}`;
      received.push(entityRef);
      return answer(entityRef);
    },
  );
}

/** `GET /environments/:namespace/:name/deployments`. */
export function deploymentsHandler(records: DeploymentRecord[]) {
  return http.get(
    `${ENVIRONMENTS_BASE_URL}/environments/:namespace/:name/deployments`,
    () => HttpResponse.json({ items: records }),
  );
}

/** `GET /environments/:namespace/:name/rollback`. */
export function rollbackPlanHandler(plan: RollbackPlan) {
  return http.get(
    `${ENVIRONMENTS_BASE_URL}/environments/:namespace/:name/rollback`,
    () => HttpResponse.json(plan),
  );
}
