import {
  Config,
  ConfigReader,
  readDurationFromConfig,
} from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/** How the preview cleanup runs (`environments.previews.cleanup`). */
export interface PreviewCleanupSettings {
  enabled: boolean;
  frequency: HumanDuration;
  /** The wait before the first retry of a failed destroy; it doubles with each failure. */
  retryInitialMs: number;
  /** The longest wait between retries. */
  retryMaxMs: number;
  /** How long one destroy may take before it is given up (and retried). */
  destroyTimeoutMs: number;
  /** Milliseconds between polls of CloudFormation and GitHub while a destroy runs. */
  pollIntervalMs: number;
}

const KEY = 'environments.previews.cleanup';

function ms(config: Config, key: string, fallback: HumanDuration): number {
  const value = config.has(key)
    ? readDurationFromConfig(config, { key })
    : fallback;
  const result = durationToMilliseconds(value);
  if (!(result > 0)) {
    throw new InputError(`${KEY}.${key} must be a positive duration`);
  }
  return result;
}

/** Reads and checks `environments.previews.cleanup`; throws an InputError naming a bad key. */
export function readPreviewCleanupSettings(
  root: Config,
): PreviewCleanupSettings {
  const config = root.getOptionalConfig(KEY) ?? new ConfigReader({});
  const retryInitialMs = ms(config, 'retry.initial', { minutes: 5 });
  const retryMaxMs = ms(config, 'retry.max', { hours: 6 });
  if (retryMaxMs < retryInitialMs) {
    throw new InputError(
      `${KEY}.retry.max must not be shorter than ${KEY}.retry.initial`,
    );
  }
  return {
    enabled: config.getOptionalBoolean('enabled') ?? true,
    frequency: config.has('frequency')
      ? readDurationFromConfig(config, { key: 'frequency' })
      : { minutes: 10 },
    retryInitialMs,
    retryMaxMs,
    destroyTimeoutMs: ms(config, 'destroyTimeout', { minutes: 60 }),
    pollIntervalMs: ms(config, 'pollInterval', { seconds: 10 }),
  };
}

/** The wait before attempt `failures + 1`: `initial`, doubling, at most `max`. */
export function retryDelayMs(
  settings: Pick<PreviewCleanupSettings, 'retryInitialMs' | 'retryMaxMs'>,
  failures: number,
): number {
  return Math.min(
    settings.retryInitialMs * 2 ** Math.max(failures - 1, 0),
    settings.retryMaxMs,
  );
}
