import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** Where the discovery provider's config lives. */
export const STACK_DISCOVERY_CONFIG_KEY = 'catalog.providers.stagelineStacks';

/**
 * The discovery provider's settings, read and checked.
 *
 * @public
 */
export interface StackDiscoveryConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** The AWS accounts to look in; undefined: every account of `aws.accounts`. */
  accounts: string[];
  regions: string[];
  /** A stack without Stageline's tags counts when its name matches. */
  stackNamePattern?: RegExp;
  /** Owner of a discovered stack without a `stageline.dev/owner` tag. */
  defaultOwner?: string;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 30 },
};

const fail = (key: string, expected: string, got: unknown): never => {
  throw new InputError(
    `${STACK_DISCOVERY_CONFIG_KEY}.${key} must be ${expected}; got ${JSON.stringify(
      got,
    )}`,
  );
};

/**
 * `catalog.providers.stagelineStacks`, or undefined when it is not configured (the provider is
 * then not installed).
 *
 * @throws InputError naming the key of a bad value
 */
export function readStackDiscoveryConfig(
  root: Config,
): StackDiscoveryConfig | undefined {
  const config = root.getOptionalConfig(STACK_DISCOVERY_CONFIG_KEY);
  if (!config) return undefined;
  const regions = config.getOptionalStringArray('regions') ?? [];
  if (regions.length === 0) {
    fail('regions', 'a list of AWS regions such as [eu-west-2]', regions);
  }
  regions.forEach((region, i) => {
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
      fail(`regions[${i}]`, 'an AWS region such as eu-west-2', region);
    }
  });
  const configured =
    config.getOptionalStringArray('accounts') ??
    (root.getOptionalConfigArray('aws.accounts') ?? []).map(account =>
      account.getString('accountId'),
    );
  configured.forEach((account, i) => {
    if (!/^\d{12}$/.test(account)) {
      fail(`accounts[${i}]`, 'a 12-digit AWS account id in quotes', account);
    }
  });
  if (configured.length === 0) {
    fail(
      'accounts',
      'a list of AWS account ids (default: those of aws.accounts)',
      configured,
    );
  }
  const pattern = config.getOptionalString('stackNamePattern');
  let stackNamePattern: RegExp | undefined;
  if (pattern !== undefined) {
    try {
      stackNamePattern = new RegExp(pattern);
    } catch (error) {
      fail('stackNamePattern', 'a regular expression', pattern);
    }
  }
  const owner = config.getOptionalString('defaultOwner');
  let defaultOwner: string | undefined;
  if (owner !== undefined) {
    try {
      defaultOwner = stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch {
      fail(
        'defaultOwner',
        'an entity ref such as group:default/platform',
        owner,
      );
    }
  }
  return {
    schedule: config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    accounts: [...new Set(configured)],
    regions: [...new Set(regions)],
    stackNamePattern,
    defaultOwner,
  };
}
