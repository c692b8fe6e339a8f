import express from 'express';
import Router from 'express-promise-router';
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type {
  EnvironmentEntity,
  EnvironmentListResponse,
  EnvironmentStatus,
} from '@stageline/plugin-environments-common';
import type { EnvironmentCatalog } from '../catalog/EnvironmentCatalog';
import type { EnvironmentStatusService } from '../status/EnvironmentStatusService';
import type { PromotionService } from '../promotion/PromotionService';
import type { PromotionStore } from '../database/PromotionStore';
import type { DeploymentStore } from '../deployments/DeploymentStore';
import type { RollbackPlanner } from '../deployments/RollbackPlanner';
import { addDeploymentRoutes } from './deploymentRoutes';
import type { DriftDetection } from '../drift/DriftDetection';
import {
  costQuerySchema,
  environmentPathSchema,
  listQuerySchema,
  parseInput,
  promoteBodySchema,
  promotionsQuerySchema,
} from './validation';
import { jsonBody } from './jsonBody';
import { eventLoopTurns } from './eventLoopTurns';
import type { RepositoryReads } from '../status/EnvironmentStatusService';

/** Few enough that a burst of warm reads leaves the readiness probe a turn every few ms. */
const REQUESTS_PER_EVENT_LOOP_TURN = 4;

/** A valid promote body, for the message of a body that is not JSON. */
const PROMOTE_BODY_EXAMPLE = '{ "dryRun": true, "strategy": "pull-request" }';

/** What the router needs. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  catalog: EnvironmentCatalog;
  statuses: EnvironmentStatusService;
  promotions: PromotionService;
  store: PromotionStore;
  /** Which environments' repositories may be read: their promotion history holds its commits. */
  repositoryReads: RepositoryReads;
  /** Adds to a status what is not cached with it (a preview's lifecycle). */
  decorate?: (
    status: EnvironmentStatus,
    environment: EnvironmentEntity,
  ) => Promise<EnvironmentStatus>;
  /** More routes under the same base (a preview's "Destroy now"). */
  routes?: express.Router[];
  deployments: DeploymentStore;
  rollbacks: RollbackPlanner;
  /** Drift results, forgotten for a stack that was just deployed. */
  drift?: Pick<DriftDetection, 'forget'>;
}

/**
 * The REST API mounted at `/api/environments` (routes as in docs/architecture.md, plus `GET /environments`
 * without `entityRef` for the overview page, and the deployment history routes).
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, catalog, statuses, promotions, store } = options;
  const router = Router();
  router.use(eventLoopTurns(REQUESTS_PER_EVENT_LOOP_TURN));
  const decorate = options.decorate ?? (async status => status);
  for (const routes of options.routes ?? []) router.use(routes);

  const environmentRef = (params: unknown) => {
    const { namespace, name } = parseInput(
      environmentPathSchema,
      params,
      'path',
    );
    return `environment:${namespace}/${name}`;
  };

  router.get('/environments', async (req, res) => {
    const query = parseInput(listQuerySchema, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    const environments = query.entityRef
      ? await catalog.forComponent(query.entityRef, credentials)
      : await catalog.all(credentials, {
          owner: query.owner,
          system: query.system,
        });
    // a target is nearly always one of the component's own environments
    const byRef = new Map(environments.map(e => [stringifyEntityRef(e), e]));
    const resolve = async (ref: string) =>
      byRef.get(ref) ?? catalog.find(ref, credentials);
    const items = await Promise.all(
      environments.map(async e => decorate(await statuses.get(e, resolve), e)),
    );
    const response: EnvironmentListResponse = { items };
    res.json(response);
  });

  router.get('/environments/:namespace/:name/status', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const environment = await catalog.get(
      environmentRef(req.params),
      credentials,
    );
    res.json(
      await decorate(
        await statuses.get(environment, ref => catalog.find(ref, credentials)),
        environment,
      ),
    );
  });

  router.post(
    '/environments/:namespace/:name/promote',
    jsonBody('promote request', PROMOTE_BODY_EXAMPLE),
    async (req, res) => {
      const sourceRef = environmentRef(req.params);
      const body = parseInput(
        promoteBodySchema,
        req.body ?? {},
        'promote request',
      );
      const credentials = await httpAuth.credentials(req);
      const promotion = await promotions.promote({
        sourceRef,
        body,
        credentials,
        request: req,
      });
      res.json(promotion);
    },
  );

  router.get('/environments/:namespace/:name/promotions', async (req, res) => {
    const ref = environmentRef(req.params);
    const { limit } = parseInput(promotionsQuerySchema, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    const environment = await catalog.get(ref, credentials);
    // The history lists the promoted commits, read from the repository: none for an
    // environment that may not have it read (a ref taken over from elsewhere, say).
    const problem = await options.repositoryReads.environmentProblem(
      environment,
    );
    if (problem) {
      res.json({ items: [], message: problem });
      return;
    }
    res.json({
      items: await store.list(stringifyEntityRef(environment), {
        limit: limit ?? 50,
      }),
    });
  });

  router.get('/environments/:namespace/:name/cost', async (req, res) => {
    const ref = environmentRef(req.params);
    const { scale } = parseInput(costQuerySchema, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    const environment = await catalog.get(ref, credentials);
    res.json(
      await statuses.whatIfCost(environment, scale ?? environment.spec.scale),
    );
  });

  addDeploymentRoutes(router, {
    httpAuth,
    catalog,
    deployments: options.deployments,
    rollbacks: options.rollbacks,
    statuses,
    drift: options.drift,
    environmentRef,
  });

  return router;
}
