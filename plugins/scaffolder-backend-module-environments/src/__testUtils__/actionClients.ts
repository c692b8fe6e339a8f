import { createServiceFactory } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { environmentActionClientsServiceRef } from '../actionClients';
import { unconfiguredAws } from './cloudFormationStandIn';
import { githubClientsWithoutWaits } from './githubStandIn';

/**
 * The module's clients for a test backend (a feature of `startTestBackend`): AWS with nothing
 * configured, whatever the machine has in `~/.aws` or its environment, and real GitHub clients
 * for `config` that do not wait between writes and before retries.
 */
export function actionClientsWithoutWaits(config: Config) {
  return createServiceFactory({
    service: environmentActionClientsServiceRef,
    deps: {},
    factory: () => ({
      aws: unconfiguredAws(),
      github: githubClientsWithoutWaits(config),
      pollIntervalMs: 0,
    }),
  });
}
