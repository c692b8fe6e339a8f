import Router from 'express-promise-router';
import express from 'express';
import type {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EnvironmentEntity,
  environmentsDeployPermission,
} from '@stageline/plugin-environments-common';
import {
  authorizeOnStackChange,
  environmentTargetOf,
  RepositoryVouchingOptions,
} from '@stageline/plugin-environments-node';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { EnvironmentCatalog } from '../catalog/EnvironmentCatalog';
import { actorOf } from '../promotion/PromotionService';
import { environmentPathSchema, parseInput } from '../router/validation';
import type { ScheduleRunner } from './ScheduleRunner';
import type { ScheduleStore } from './ScheduleStore';

/** The longest "keep running until" override. */
const MAX_KEEP_RUNNING_MS = 7 * 86_400_000;

type Options = {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: EnvironmentCatalog;
  catalogService: CatalogService;
  trustedOwners: string[];
  vouching: RepositoryVouchingOptions;
  store: ScheduleStore;
  runner: ScheduleRunner;
  logger: LoggerService;
};

/**
 * Start now, Stop now and "keep running until" of a scheduled environment. Each needs
 * `environments.deploy`, authorized as `environment:deploy` authorizes a deploy: on every
 * Environment describing the stack (the strictest decides), and for a `pipeline` Environment on
 * every Environment on its branch. Each request is an audit event; a stop or start itself then
 * runs as the schedule's do (`environment-stop` / `environment-start`).
 */
export function scheduleRoutes(options: Options): express.Router {
  const router = Router();

  /** The scheduled Environment of the path, authorized for the user, inside an audit event. */
  async function authorized(
    req: express.Request,
    eventId: string,
    meta: Record<string, string | null>,
    then: (
      environment: EnvironmentEntity,
      actor: string,
      credentials: BackstageCredentials,
    ) => Promise<unknown>,
  ) {
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
      eventId,
      severityLevel: 'high',
      request: req,
      meta: { environment: ref, actor, ...meta },
    });
    try {
      const environment = await options.catalog.get(ref, credentials);
      if (
        !environment.spec.schedule?.shutdown &&
        !environment.spec.schedule?.startup
      ) {
        throw new ConflictError(
          `${stringifyEntityRef(
            environment,
          )} has no spec.schedule: deploy or destroy it with the environment:deploy and environment:destroy actions`,
        );
      }
      const target = environmentTargetOf(environment);
      const authorization = {
        permissions: options.permissions,
        auth: options.auth,
        trustedOwners: options.trustedOwners,
        vouching: options.vouching,
        permission: environmentsDeployPermission,
        catalog: options.catalogService,
        target,
        credentials,
      };
      const authorizedOn = await authorizeOnStackChange(authorization);
      const result = await then(environment, actor, credentials);
      await audit.success({ meta: { authorizedOn, stack: target.stackName } });
      return result;
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    }
  }

  for (const [path, action] of [
    ['stop', 'shutdown'],
    ['start', 'startup'],
  ] as const) {
    router.post(`/environments/:namespace/:name/${path}`, async (req, res) => {
      const body = await authorized(
        req,
        `environment-${path}-request`,
        {},
        async (environment, actor) => {
          options.runner
            .now(environment, action, actor)
            .catch(error =>
              options.logger.error(
                `${path} of ${stringifyEntityRef(
                  environment,
                )} failed: ${error}`,
              ),
            );
          return {
            entityRef: stringifyEntityRef(environment),
            state: action === 'shutdown' ? 'stopping' : 'starting',
          };
        },
      );
      res.status(202).json(body);
    });
  }

  router.post(
    '/environments/:namespace/:name/keep-running',
    express.json(),
    async (req, res) => {
      const until = (req.body ?? {}).until as unknown;
      let date: Date | undefined;
      if (until !== null) {
        date = typeof until === 'string' ? new Date(until) : undefined;
        const now = Date.now();
        if (
          !date ||
          Number.isNaN(date.getTime()) ||
          date.getTime() <= now ||
          date.getTime() - now > MAX_KEEP_RUNNING_MS
        ) {
          throw new InputError(
            `Invalid keep-running request: until must be a time (ISO 8601) in the next 7 days, or null to end the override; got ${JSON.stringify(
              until,
            )}`,
          );
        }
      }
      const body = await authorized(
        req,
        'environment-keep-running',
        { until: date?.toISOString() ?? null },
        async (environment, actor) => {
          const ref = stringifyEntityRef(environment);
          await options.store.getOrCreate(ref, new Date(), undefined);
          await options.store.keepRunning(ref, date, actor);
          return {
            entityRef: ref,
            keepRunningUntil: date?.toISOString() ?? null,
          };
        },
      );
      res.json(body);
    },
  );
  return router;
}
