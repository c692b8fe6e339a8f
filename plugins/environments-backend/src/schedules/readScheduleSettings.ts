import {
  Config,
  ConfigReader,
  readDurationFromConfig,
} from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import type { ScheduleSettings } from './ScheduleRunner';

const KEY = 'environments.schedules';

function ms(config: Config, key: string, fallback: HumanDuration): number {
  const result = durationToMilliseconds(
    config.has(key) ? readDurationFromConfig(config, { key }) : fallback,
  );
  if (!(result > 0))
    throw new InputError(`${KEY}.${key} must be a positive duration`);
  return result;
}

/** Reads and checks `environments.schedules`; throws an InputError naming a bad key. */
export function readScheduleSettings(root: Config): ScheduleSettings {
  const config = root.getOptionalConfig(KEY) ?? new ConfigReader({});
  return {
    enabled: config.getOptionalBoolean('enabled') ?? true,
    dryRun: config.getOptionalBoolean('dryRun') ?? false,
    retryInitialMs: ms(config, 'retry.initial', { minutes: 5 }),
    retryMaxMs: ms(config, 'retry.max', { hours: 1 }),
    timeoutMs: ms(config, 'timeout', { minutes: 60 }),
    pollIntervalMs: ms(config, 'pollInterval', { seconds: 10 }),
  };
}
