import express from 'express';
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { EnvironmentCatalog } from '../catalog/EnvironmentCatalog';
import type { DeploymentStore } from '../deployments/DeploymentStore';
import type { RollbackPlanner } from '../deployments/RollbackPlanner';
import type { EnvironmentStatusService } from '../status/EnvironmentStatusService';
import type { DriftDetection } from '../drift/DriftDetection';
import {
  deploymentBodySchema,
  deploymentIdSchema,
  deploymentsQuerySchema,
} from './deploymentValidation';
import { parseInput } from './validation';

/** A snapshot carries a template of up to 1 MB; JSON adds its quoting. */
const RECORD_BODY_LIMIT = '3mb';

/**
 * The deployment history routes:
 *
 * - `GET …/deployments`: an environment's deploys, rollbacks and destroys, newest first, for
 *   anyone who may see the environment;
 * - `GET …/rollback`: what a rollback would do now ({@link RollbackPlanner});
 * - `POST …/deployments` and `GET …/deployments/:id/snapshot`: for backend plugins only (the
 *   scaffolder actions record what they did, and read what a rollback deploys again). Users
 *   cannot write history or read snapshots: a forged snapshot would be a template deployed with
 *   the backend's AWS credentials by the next rollback.
 */
export function addDeploymentRoutes(
  router: express.Router,
  options: {
    httpAuth: HttpAuthService;
    catalog: EnvironmentCatalog;
    deployments: DeploymentStore;
    rollbacks: RollbackPlanner;
    /** Cached statuses, dropped for an environment whose stack just changed. */
    statuses: Pick<EnvironmentStatusService, 'invalidate'>;
    /** Drift results, forgotten for a stack that was just deployed. */
    drift?: Pick<DriftDetection, 'forget'>;
    environmentRef: (params: unknown) => string;
  },
): void {
  const { httpAuth, catalog, deployments, rollbacks, environmentRef } = options;

  router.get('/environments/:namespace/:name/deployments', async (req, res) => {
    const ref = environmentRef(req.params);
    const { limit } = parseInput(deploymentsQuerySchema, req.query, 'query');
    const environment = await catalog.get(ref, await httpAuth.credentials(req));
    res.json({
      items: await deployments.list(stringifyEntityRef(environment), {
        limit: limit ?? 50,
      }),
    });
  });

  router.get('/environments/:namespace/:name/rollback', async (req, res) => {
    const environment = await catalog.get(
      environmentRef(req.params),
      await httpAuth.credentials(req),
    );
    res.json(await rollbacks.plan(environment));
  });

  router.post(
    '/environments/:namespace/:name/deployments',
    express.json({ limit: RECORD_BODY_LIMIT }),
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['service'],
      });
      const ref = environmentRef(req.params);
      if (!req.is('application/json')) {
        throw new InputError(
          'Invalid deployment record: the body must be JSON sent as Content-Type application/json',
        );
      }
      const body = parseInput(
        deploymentBodySchema,
        req.body,
        'deployment record',
      );
      const environment = await catalog.get(ref, credentials);
      const recorded = await deployments.record(
        stringifyEntityRef(environment),
        body,
      );
      if (recorded.result === 'succeeded') {
        await options.drift?.forget(environment);
      }
      await options.statuses.invalidate([recorded.environmentRef]);
      res.status(201).json(recorded);
    },
  );

  router.get(
    '/environments/:namespace/:name/deployments/:id/snapshot',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['service'],
      });
      const ref = environmentRef(req.params);
      const { id } = parseInput(deploymentIdSchema, req.params, 'path');
      const environment = await catalog.get(ref, credentials);
      const snapshot = await deployments.snapshot(
        stringifyEntityRef(environment),
        id,
      );
      if (!snapshot) {
        throw new NotFoundError(
          `Deployment ${id} of ${stringifyEntityRef(
            environment,
          )} has no snapshot to deploy again`,
        );
      }
      res.json(snapshot);
    },
  );
}
