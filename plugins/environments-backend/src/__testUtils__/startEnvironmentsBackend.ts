import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { ServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { ACCOUNT, DEPLOYER_KEYS } from '@stageline/aws-stand-in';
import { environmentsPlugin } from '../plugin';
import { exampleEntities } from './fixtures';

/** Config that turns GitHub on (a token for github.com). */
export const githubConfig: JsonObject = {
  integrations: {
    github: [
      { host: 'github.com', token: 'ghp_testtokentesttokentesttoken1234' },
    ],
  },
};
/** Config that turns AWS on: the static keys of the AWS stand-in's deployer in its account. */
export const awsConfig: JsonObject = {
  aws: { accounts: [{ accountId: ACCOUNT, ...DEPLOYER_KEYS }] },
};

/**
 * Starts a real test backend with the environments plugin, an in-memory catalog and the given
 * config; scheduled refresh is off unless the config turns it on, and the health probe may reach
 * the stand-in health host `health.test`.
 */
export async function startEnvironmentsBackend(
  options: {
    config?: JsonObject;
    entities?: Entity[];
    features?: Array<ServiceFactory | Promise<{ default: unknown }> | any>;
  } = {},
) {
  const environments = (options.config?.environments ?? {}) as JsonObject;
  const status = (environments.status ?? {}) as JsonObject;
  const config: JsonObject = {
    ...options.config,
    environments: {
      ...environments,
      // The stand-in health endpoint's host, named so the deny-by-default probe reaches it.
      health: {
        allowedHosts: ['health.test'],
        ...(environments.health as JsonObject),
      },
      status: {
        // A cost estimate's first synthesis loads the CDK into a fresh worker thread: seconds
        // when the whole suite shares two cores. Tests of timeouts set their own.
        providerTimeout: { seconds: 10 },
        scheduledRefresh: false,
        ...status,
      },
    },
  };
  return startTestBackend({
    features: [
      environmentsPlugin,
      mockServices.rootConfig.factory({ data: config }),
      catalogServiceMock.factory({
        entities: options.entities ?? exampleEntities,
      }),
      ...(options.features ?? []),
    ],
  });
}
