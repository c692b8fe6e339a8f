import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** Where the provider's config lives. */
export const PREVIEW_PROVIDER_CONFIG_KEY =
  'catalog.providers.stagelinePreviews';

/**
 * The preview provider's settings, read and checked.
 *
 * @public
 */
export interface PreviewProviderConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  filters: {
    /** Only repositories (`owner/repo`) matching it. */
    repository?: RegExp;
    /** Only pull requests whose head branch matches it. */
    branch?: RegExp;
    includeDrafts: boolean;
    includeForks: boolean;
  };
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 15 },
};

function pattern(config: Config, key: string): RegExp | undefined {
  const value = config.getOptionalString(key);
  if (value === undefined) return undefined;
  try {
    return new RegExp(value);
  } catch (error) {
    throw new InputError(
      `${PREVIEW_PROVIDER_CONFIG_KEY}.${key} must be a regular expression; got ${JSON.stringify(
        value,
      )} (${(error as Error).message})`,
    );
  }
}

/**
 * `catalog.providers.stagelinePreviews`, or undefined when it is not configured (the provider is
 * then not installed, as Backstage's own providers).
 *
 * @throws InputError naming the key of a bad value
 */
export function readPreviewProviderConfig(
  root: Config,
): PreviewProviderConfig | undefined {
  const config = root.getOptionalConfig(PREVIEW_PROVIDER_CONFIG_KEY);
  if (!config) return undefined;
  const schedule = config.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('schedule'),
      )
    : DEFAULT_SCHEDULE;
  return {
    schedule,
    filters: {
      repository: pattern(config, 'filters.repository'),
      branch: pattern(config, 'filters.branch'),
      includeDrafts: config.getOptionalBoolean('filters.includeDrafts') ?? true,
      includeForks: config.getOptionalBoolean('filters.includeForks') ?? false,
    },
  };
}
