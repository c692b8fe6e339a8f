import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { AwsAccess } from '@stageline/plugin-environments-node';
import { GithubClients } from './lib/github/GithubClients';

/** The AWS and GitHub clients of the environment actions, built once when the backend starts. */
export interface EnvironmentActionClients {
  aws: AwsAccess;
  github: GithubClients;
  /** Milliseconds between CloudFormation polls while waiting. Default 5000. */
  pollIntervalMs?: number;
}

/**
 * Where the module gets its clients: by default from the app-config (`aws`,
 * `integrations.github`). Tests replace it with a service factory of their own in
 * `startTestBackend`'s features (stand-in clients that do not wait between polls and retries),
 * so the module itself takes no options.
 */
export const environmentActionClientsServiceRef =
  createServiceRef<EnvironmentActionClients>({
    id: 'stageline.scaffolder.environment-action-clients',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: { config: coreServices.rootConfig },
        factory: ({ config }) => ({
          aws: AwsAccess.fromConfig(config),
          github: GithubClients.fromConfig(config),
        }),
      }),
  });
