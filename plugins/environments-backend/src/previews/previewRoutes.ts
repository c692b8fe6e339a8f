import Router from 'express-promise-router';
import type express from 'express';
import type {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { environmentsDestroyPermission } from '@stageline/plugin-environments-common';
import {
  authorizeOnStackChange,
  environmentTargetOf,
  resolveComponentScope,
  RepositoryVouchingOptions,
  assertRepositoryVouched,
} from '@stageline/plugin-environments-node';
import type { EnvironmentCatalog } from '../catalog/EnvironmentCatalog';
import { actorOf } from '../promotion/PromotionService';
import { environmentPathSchema, parseInput } from '../router/validation';
import type { PreviewCleanup } from './PreviewCleanup';
import type { PreviewStore } from './PreviewStore';
import { sightingOf } from './sightingOf';

/**
 * `POST /environments/:namespace/:name/destroy` — "Destroy now" of a preview: authorized as
 * `environment:destroy` authorizes (`environments.destroy` on every Environment describing the
 * stack, found with the plugin's own credentials, the strictest deciding; for a pipeline also on
 * every Environment on the branch it dispatches on), audited (`environment-destroy`), then handed
 * to the preview cleanup, which destroys it at once through the same path as its scheduled runs.
 * Answers 202; the card follows the cleanup's state in the preview's status.
 */
export function previewRoutes(options: {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: EnvironmentCatalog;
  catalogService: CatalogService;
  trustedOwners: string[];
  vouching: RepositoryVouchingOptions;
  store: PreviewStore;
  cleanup: PreviewCleanup;
  logger: LoggerService;
}): express.Router {
  const router = Router();
  router.post('/environments/:namespace/:name/destroy', async (req, res) => {
    const { namespace, name } = parseInput(
      environmentPathSchema,
      req.params,
      'path',
    );
    const ref = `environment:${namespace}/${name}`;
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user'],
    });
    const actor = actorOf(credentials);
    const audit = await options.auditor.createEvent({
      eventId: 'environment-destroy',
      severityLevel: 'high',
      request: req,
      meta: { environment: ref, actor, via: 'destroy-now' },
    });
    try {
      const environment = await options.catalog.get(ref, credentials);
      const entityRef = stringifyEntityRef(environment);
      if (environment.spec.type !== 'preview') {
        throw new ConflictError(
          `${entityRef} is a ${environment.spec.type} Environment: only previews are destroyed from here; use the environment:destroy action (production needs its stack name confirmed)`,
        );
      }
      const target = environmentTargetOf(environment);
      const authorization = {
        permissions: options.permissions,
        auth: options.auth,
        trustedOwners: options.trustedOwners,
        vouching: options.vouching,
        permission: environmentsDestroyPermission,
        catalog: options.catalogService,
        target,
        credentials,
      };
      const authorizedOn = await authorizeOnStackChange(authorization);
      const scope = await resolveComponentScope({
        environment,
        loadComponent: async componentRef =>
          (await options.catalogService.getEntityByRef(componentRef, {
            credentials,
          })) ?? undefined,
        trustedOwners: options.trustedOwners,
      });
      if (scope.repository) {
        // the cleanup reads the preview's pull request and may dispatch its workflow there
        await assertRepositoryVouched(
          { component: scope.component, repository: scope.repository },
          options.vouching,
          `${entityRef} is not destroyed from ${scope.repository.owner}/${scope.repository.repo}`,
        );
      }
      const sighting = sightingOf(scope.environment, new Map());
      if (!sighting) {
        throw new ConflictError(
          `${entityRef} names no pull request (stageline.dev/pull-request) or its component no GitHub repository`,
        );
      }
      await options.store.request(sighting, actor, new Date());
      await audit.success({
        meta: { authorizedOn, stack: target.stackName },
      });
      options.cleanup
        .destroyRequested(entityRef)
        .catch(error =>
          options.logger.error(
            `Destroying ${entityRef} on request failed: ${error}`,
          ),
        );
      res.status(202).json({
        entityRef,
        state: 'requested',
        message: `Destroying ${target.stackName}: the preview's cleanup has it now`,
      });
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    }
  });
  return router;
}
