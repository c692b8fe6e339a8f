import type {
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { EnvironmentEntity } from '@stageline/plugin-environments-common';
import type { AwsAccess } from '@stageline/plugin-environments-node';
import type { StackReader } from '../aws/StackReader';
import { DriftDetection } from './DriftDetection';
import { DriftStore } from './DriftStore';
import { readDriftSettings } from './readDriftSettings';

/**
 * Drift detection of the environments' stacks: the store of results, and — where AWS is
 * configured and `environments.drift.enabled` is not false — the scheduled task that detects
 * (one backend instance at a time: scope `global`).
 */
export async function setUpDriftDetection(options: {
  config: Config;
  aws: AwsAccess;
  stacks: StackReader;
  database: DatabaseService;
  scheduler: SchedulerService;
  logger: LoggerService;
  environments: () => Promise<EnvironmentEntity[]>;
  /** Called with the environments after a run, so their cached statuses show the results. */
  afterRun?: (environments: EnvironmentEntity[]) => Promise<void>;
}): Promise<DriftDetection> {
  const settings = readDriftSettings(options.config);
  const drift = new DriftDetection({
    store: await DriftStore.create(options.database),
    stacks: options.stacks,
    aws: options.aws,
    settings,
    logger: options.logger,
  });
  if (settings.enabled && options.aws.getConfiguration().configured) {
    await options.scheduler.scheduleTask({
      id: 'environments-drift-detection',
      frequency: settings.interval,
      timeout: { hours: 1 },
      initialDelay: settings.initialDelay,
      scope: 'global',
      fn: async signal => {
        const environments = await options.environments();
        const run = await drift.runOnce(
          environments,
          signal as AbortSignal | undefined,
        );
        if (run.detected + run.failed > 0) {
          await options.afterRun?.(environments);
        }
        options.logger.info(
          `Drift detection: ${run.detected} stacks detected, ${run.skippedFresh} checked within the interval, ${run.skippedNotDeployed} not deployed or busy, ${run.failed} failed`,
        );
      },
    });
  }
  return drift;
}
