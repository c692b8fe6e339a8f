import {
  type Config,
  ConfigReader,
  readDurationFromConfig,
} from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, type HumanDuration } from '@backstage/types';

/** How drift detection runs (`environments.drift`, see config.d.ts). */
export interface DriftSettings {
  enabled: boolean;
  /** How often the scheduled detection runs; no stack is detected more often. */
  interval: HumanDuration;
  intervalMs: number;
  /** At most this many detections started a minute, across all stacks. */
  detectionsPerMinute: number;
  /** How long to wait for one detection. */
  timeoutMs: number;
  /** How often to ask whether a detection finished. */
  pollIntervalMs: number;
  /** How long after the backend starts the first scheduled detection runs. */
  initialDelay: HumanDuration;
}

function duration(config: Config, key: string, fallback: HumanDuration) {
  return config.has(key) ? readDurationFromConfig(config, { key }) : fallback;
}

/** Reads `environments.drift`; throws an InputError naming a bad key. */
export function readDriftSettings(root: Config): DriftSettings {
  const config =
    root.getOptionalConfig('environments.drift') ?? new ConfigReader({});
  const interval = duration(config, 'interval', { hours: 6 });
  const detectionsPerMinute =
    config.getOptionalNumber('detectionsPerMinute') ?? 6;
  if (!(detectionsPerMinute > 0 && detectionsPerMinute <= 60)) {
    throw new InputError(
      `environments.drift.detectionsPerMinute must be a number from 1 to 60; got ${detectionsPerMinute}`,
    );
  }
  return {
    enabled: config.getOptionalBoolean('enabled') ?? true,
    interval,
    intervalMs: durationToMilliseconds(interval),
    detectionsPerMinute,
    timeoutMs: durationToMilliseconds(
      duration(config, 'detectionTimeout', { minutes: 5 }),
    ),
    pollIntervalMs: durationToMilliseconds(
      duration(config, 'pollInterval', { seconds: 5 }),
    ),
    initialDelay: duration(config, 'initialDelay', { minutes: 1 }),
  };
}
