import {
  Config,
  ConfigReader,
  readDurationFromConfig,
} from '@backstage/config';
import type { HumanDuration } from '@backstage/types';

/** `environments.cost.priceListApi` (see config.d.ts). */
export interface PriceListSettings {
  enabled: boolean;
  /** AWS account whose credentials call the API; undefined uses the main account's. */
  accountId?: string;
  refreshInterval: HumanDuration;
}

/** Reads `environments.cost.priceListApi`; the config schema checks the types. */
export function readPriceListSettings(root: Config): PriceListSettings {
  const config =
    root.getOptionalConfig('environments.cost.priceListApi') ??
    new ConfigReader({});
  return {
    enabled: config.getOptionalBoolean('enabled') ?? true,
    accountId: config.getOptionalString('accountId'),
    refreshInterval: config.has('refreshInterval')
      ? readDurationFromConfig(config, { key: 'refreshInterval' })
      : { hours: 24 },
  };
}
