import type {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  EnvironmentEntity,
  EnvironmentStatus,
} from '@stageline/plugin-environments-common';
import {
  AwsAccess,
  GithubRepositoryClients,
  readTrustedEnvironmentOwners,
  RepositoryVouchingOptions,
} from '@stageline/plugin-environments-node';
import type express from 'express';
import type { Knex } from 'knex';
import type { EnvironmentCatalog } from '../catalog/EnvironmentCatalog';
import { readScheduleSettings } from './readScheduleSettings';
import { scheduleLifecycleOf } from './scheduleLifecycleOf';
import { scheduleRoutes } from './scheduleRoutes';
import { ScheduleRunner } from './ScheduleRunner';
import { ScheduleStore } from './ScheduleStore';

/** The task id of the schedule runner. */
export const SCHEDULE_TASK = 'environments-schedules';

/**
 * Schedules in the backend: the runner (every minute, `scope: global`, once `schedule` is
 * called), Start now / Stop now / keep running, and what a scheduled environment's status says.
 */
export function installSchedules(options: {
  config: Config;
  knex: Knex;
  logger: LoggerService;
  scheduler: SchedulerService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: EnvironmentCatalog;
  catalogService: CatalogService;
  aws: AwsAccess;
  vouching: RepositoryVouchingOptions;
}) {
  const settings = readScheduleSettings(options.config);
  const store = new ScheduleStore(options.knex);
  const trustedOwners = readTrustedEnvironmentOwners(options.config);
  const runner = new ScheduleRunner({
    store,
    catalog: options.catalogService,
    auth: options.auth,
    auditor: options.auditor,
    aws: options.aws,
    github: GithubRepositoryClients.fromConfig(options.config),
    trustedOwners,
    vouching: options.vouching,
    settings,
    logger: options.logger.child({ task: SCHEDULE_TASK }),
  });
  return {
    runner,
    router: scheduleRoutes({
      ...options,
      trustedOwners,
      store,
      runner,
    }) as express.Router,
    async schedule() {
      if (!settings.enabled) return;
      await options.scheduler.scheduleTask({
        id: SCHEDULE_TASK,
        frequency: { minutes: 1 },
        timeout: { milliseconds: settings.timeoutMs * 2 },
        initialDelay: { seconds: 10 },
        scope: 'global',
        fn: () => runner.run(),
      });
    },
    async decorate(
      status: EnvironmentStatus,
      environment: EnvironmentEntity,
    ): Promise<EnvironmentStatus> {
      const record = environment.spec.schedule
        ? await store.get(stringifyEntityRef(environment))
        : undefined;
      const schedule = scheduleLifecycleOf(environment, record, new Date());
      return schedule ? { ...status, schedule } : status;
    },
  };
}
