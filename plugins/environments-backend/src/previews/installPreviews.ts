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
import { PreviewCleanup } from './PreviewCleanup';
import { previewLifecycleOf } from './previewLifecycleOf';
import { previewRoutes } from './previewRoutes';
import { PreviewStore } from './PreviewStore';
import { readPreviewCleanupSettings } from './readPreviewCleanupSettings';

/** The task id of the preview cleanup. */
export const PREVIEW_CLEANUP_TASK = 'environments-preview-cleanup';

/**
 * The previews' lifecycle in the backend: the cleanup (scheduled, `scope: global`, once
 * `schedule` is called), the "Destroy now" route, and what a preview's status says about its
 * pull request and cleanup.
 */
export async function installPreviews(options: {
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
}): Promise<{
  /** Schedules the cleanup (unless `environments.previews.cleanup.enabled` is false). */
  schedule(): Promise<void>;
  router: express.Router;
  /** The status with the preview's lifecycle, for a preview Environment. */
  decorate(
    status: EnvironmentStatus,
    environment: EnvironmentEntity,
  ): Promise<EnvironmentStatus>;
}> {
  const settings = readPreviewCleanupSettings(options.config);
  const trustedOwners = readTrustedEnvironmentOwners(options.config);
  const store = new PreviewStore(options.knex);
  const cleanup = new PreviewCleanup({
    store,
    catalog: options.catalogService,
    auth: options.auth,
    auditor: options.auditor,
    aws: options.aws,
    github: GithubRepositoryClients.fromConfig(options.config),
    settings,
    trustedOwners,
    vouching: options.vouching,
    logger: options.logger.child({ task: PREVIEW_CLEANUP_TASK }),
  });
  return {
    async schedule() {
      if (!settings.enabled) return;
      await options.scheduler.scheduleTask({
        id: PREVIEW_CLEANUP_TASK,
        frequency: settings.frequency,
        timeout: { milliseconds: settings.destroyTimeoutMs * 2 },
        initialDelay: { minutes: 1 },
        scope: 'global',
        fn: () => cleanup.run(),
      });
    },
    router: previewRoutes({
      ...options,
      trustedOwners,
      store,
      cleanup,
    }),
    async decorate(status, environment) {
      if (environment.spec.type !== 'preview') return status;
      const record = await store.get(stringifyEntityRef(environment));
      const preview = previewLifecycleOf(
        environment,
        record,
        status.cost,
        new Date(),
      );
      return preview ? { ...status, preview } : status;
    },
  };
}
