import {
  Config,
  ConfigReader,
  readDurationFromConfig,
} from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import {
  BUDGET_CURRENCIES,
  BudgetCurrency,
} from '@stageline/plugin-environments-common';

/** Settings of the environments backend, read from `environments.*` (see config.d.ts). */
export interface EnvironmentsBackendSettings {
  providerTimeoutMs: number;
  statusCacheTtlMs: number;
  refreshInterval: HumanDuration;
  scheduledRefresh: boolean;
  httpHealthTimeoutMs: number;
  currency: BudgetCurrency;
  /** USD → GBP; undefined uses the cost model's default. */
  rate?: number;
  estimateTtlMs: number;
  actualsTtlMs: number;
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
  const currency = (config.getOptionalString('cost.currency') ??
    'GBP') as BudgetCurrency;
  if (!BUDGET_CURRENCIES.includes(currency)) {
    throw new InputError(
      `environments.cost.currency must be one of ${BUDGET_CURRENCIES.join(
        ', ',
      )}; got ${JSON.stringify(currency)}`,
    );
  }
  const rate = config.getOptionalNumber('cost.rate');
  if (rate !== undefined && !(rate > 0)) {
    throw new InputError(
      `environments.cost.rate must be a positive number; got ${rate}`,
    );
  }
  const nearBudgetRatio =
    config.getOptionalNumber('cost.nearBudgetRatio') ?? 0.8;
  if (!(nearBudgetRatio > 0 && nearBudgetRatio <= 1)) {
    throw new InputError(
      `environments.cost.nearBudgetRatio must be in (0, 1]; got ${nearBudgetRatio}`,
    );
  }
  return {
    providerTimeoutMs,
    statusCacheTtlMs: ms(config, 'status.cacheTtl', { minutes: 10 }),
    refreshInterval: duration(config, 'status.refreshInterval', { minutes: 5 }),
    scheduledRefresh:
      config.getOptionalBoolean('status.scheduledRefresh') ?? true,
    httpHealthTimeoutMs: ms(config, 'health.httpTimeout', {
      milliseconds: providerTimeoutMs,
    }),
    currency,
    rate,
    estimateTtlMs: ms(config, 'cost.estimateTtl', { hours: 24 }),
    actualsTtlMs: ms(config, 'cost.actualsTtl', { hours: 24 }),
    nearBudgetRatio,
    lockTimeoutMs: ms(config, 'promotion.lockTimeout', { minutes: 5 }),
  };
}
