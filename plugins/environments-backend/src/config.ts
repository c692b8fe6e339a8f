import { readCostSettings } from '@stageline/plugin-environments-node';
import {
  Config,
  ConfigReader,
  readDurationFromConfig,
} from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { parseHostPattern } from './health/allowedHosts';
import type { BudgetCurrency } from '@stageline/plugin-environments-common';

/** Settings of the environments backend, read from `environments.*` (see config.d.ts). */
export interface EnvironmentsBackendSettings {
  providerTimeoutMs: number;
  statusCacheTtlMs: number;
  /** Cache time of a status with a section in `error` (timeouts included). */
  statusErrorCacheTtlMs: number;
  refreshInterval: HumanDuration;
  refreshInitialDelay: HumanDuration;
  scheduledRefresh: boolean;
  /** How GitHub is asked what waits to be promoted. */
  githubReads: 'graphql' | 'rest';
  httpHealthTimeoutMs: number;
  /** Host patterns the HTTP health check may probe; undefined allows every host. */
  healthAllowedHosts?: string[];
  currency: BudgetCurrency;
  /** USD → GBP; undefined uses the cost model's default. */
  rate?: number;
  estimateTtlMs: number;
  actualsTtlMs: number;
  /** Longest wait for Cost Explorer, below `providerTimeoutMs`. */
  actualsTimeoutMs: number;
  nearBudgetRatio: number;
  lockTimeoutMs: number;
}

function duration(
  config: Config,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  return config.has(key) ? readDurationFromConfig(config, { key }) : fallback;
}

const ms = (config: Config, key: string, fallback: HumanDuration) =>
  durationToMilliseconds(duration(config, key, fallback));

/** Reads and checks the settings; throws an InputError naming the key of a bad value. */
export function readEnvironmentsBackendSettings(
  root: Config,
): EnvironmentsBackendSettings {
  const config = root.getOptionalConfig('environments') ?? new ConfigReader({});
  const providerTimeoutMs = ms(config, 'status.providerTimeout', {
    seconds: 2,
  });
  const {
    currency = 'GBP',
    rate,
    nearBudgetRatio = 0.8,
  } = readCostSettings(root);
  const actualsTimeoutMs = ms(config, 'cost.actualsTimeout', {
    milliseconds: Math.floor(providerTimeoutMs / 2),
  });
  if (!(actualsTimeoutMs > 0 && actualsTimeoutMs < providerTimeoutMs)) {
    throw new InputError(
      `environments.cost.actualsTimeout must be shorter than environments.status.providerTimeout (${providerTimeoutMs} ms), so a slow Cost Explorer cannot cost the estimate; got ${actualsTimeoutMs} ms`,
    );
  }
  return {
    providerTimeoutMs,
    statusCacheTtlMs: ms(config, 'status.cacheTtl', { minutes: 10 }),
    statusErrorCacheTtlMs: ms(config, 'status.errorCacheTtl', { seconds: 30 }),
    refreshInterval: duration(config, 'status.refreshInterval', { minutes: 5 }),
    refreshInitialDelay: duration(config, 'status.refreshInitialDelay', {
      seconds: 20,
    }),
    scheduledRefresh:
      config.getOptionalBoolean('status.scheduledRefresh') ?? true,
    githubReads: readGithubReads(config),
    httpHealthTimeoutMs: ms(config, 'health.httpTimeout', {
      milliseconds: providerTimeoutMs,
    }),
    healthAllowedHosts: readAllowedHosts(config),
    currency,
    rate,
    estimateTtlMs: ms(config, 'cost.estimateTtl', { hours: 24 }),
    actualsTtlMs: ms(config, 'cost.actualsTtl', { hours: 24 }),
    actualsTimeoutMs,
    nearBudgetRatio,
    lockTimeoutMs: ms(config, 'promotion.lockTimeout', { minutes: 5 }),
  };
}

function readAllowedHosts(config: Config): string[] | undefined {
  const patterns = config.getOptionalStringArray('health.allowedHosts');
  return patterns?.map((pattern, index) => {
    try {
      return parseHostPattern(pattern);
    } catch (error) {
      throw new InputError(
        `environments.health.allowedHosts[${index}]: ${
          (error as Error).message
        }`,
      );
    }
  });
}

function readGithubReads(config: Config): 'graphql' | 'rest' {
  const reads = config.getOptionalString('status.githubReads') ?? 'graphql';
  if (reads !== 'graphql' && reads !== 'rest') {
    throw new InputError(
      `environments.status.githubReads must be graphql or rest; got ${JSON.stringify(
        reads,
      )}`,
    );
  }
  return reads;
}
