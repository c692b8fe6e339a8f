import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { AwsAccess } from '@stageline/plugin-environments-node';
import { createEnvironmentDeployAction } from './actions/deploy/environmentDeploy';
import { createEnvironmentDestroyAction } from './actions/destroy/environmentDestroy';
import { createEnvironmentGithubSetupAction } from './actions/githubSetup/environmentGithubSetup';
import { createEnvironmentPlanAction } from './actions/plan/environmentPlan';
import { createEnvironmentPromoteAction } from './actions/promote/environmentPromote';
import { createEnvironmentRollbackAction } from './actions/rollback/environmentRollback';
import { GithubClients } from './lib/github/GithubClients';
import { DeploymentHistoryClient } from './lib/history/DeploymentHistoryClient';
import {
  readCostSettings,
  readTrustedEnvironmentOwners,
} from '@stageline/plugin-environments-node';

/**
 * Options of {@link createEnvironmentsScaffolderModule}, mostly for tests.
 *
 * @public
 */
export interface EnvironmentsScaffolderModuleOptions {
  /** Milliseconds between CloudFormation polls while waiting. Default 5000. */
  pollIntervalMs?: number;
  /** AWS access to use instead of `AwsAccess.fromConfig(config)`. */
  aws?: AwsAccess;
  /** GitHub clients to use instead of `GithubClients.fromConfig(config)`. */
  github?: GithubClients;
  /**
   * How long a `cdk-app` Environment's CDK app may take to synthesize before it is stopped.
   * Default 10 minutes.
   */
  synthTimeoutMs?: number;
}

/**
 * The scaffolder module that registers the Stageline environment actions: `environment:plan`,
 * `environment:deploy`, `environment:destroy`, `environment:rollback`, `environment:promote` and
 * `environment:github:setup`. Clients are built once, when the backend starts. `environment:promote`
 * promotes, and deploy, destroy and rollback record their history, through the environments
 * backend (`@stageline/plugin-environments-backend`), which must be installed in the same
 * Backstage.
 *
 * @public
 */
export function createEnvironmentsScaffolderModule(
  options: EnvironmentsScaffolderModuleOptions = {},
) {
  return createBackendModule({
    pluginId: 'scaffolder',
    moduleId: 'environments',
    register(reg) {
      reg.registerInit({
        deps: {
          scaffolder: scaffolderActionsExtensionPoint,
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          permissions: coreServices.permissions,
          discovery: coreServices.discovery,
          auth: coreServices.auth,
          auditor: coreServices.auditor,
          catalog: catalogServiceRef,
        },
        async init({
          scaffolder,
          config,
          logger,
          permissions,
          discovery,
          auth,
          auditor,
          catalog,
        }) {
          const aws = options.aws ?? AwsAccess.fromConfig(config);
          const github = options.github ?? GithubClients.fromConfig(config);
          const stackActions = {
            catalog,
            aws,
            permissions,
            auth,
            history: new DeploymentHistoryClient({ discovery, auth }),
            trustedOwners: readTrustedEnvironmentOwners(config),
            pollIntervalMs: options.pollIntervalMs,
            synthTimeoutMs: options.synthTimeoutMs,
          };
          scaffolder.addActions(
            createEnvironmentPlanAction({
              ...stackActions,
              cost: readCostSettings(config),
            }),
            createEnvironmentDeployAction({ ...stackActions, github }),
            createEnvironmentDestroyAction({ ...stackActions, github }),
            createEnvironmentRollbackAction({
              ...stackActions,
              github,
              auditor,
            }),
            createEnvironmentPromoteAction({ discovery, auth }),
            createEnvironmentGithubSetupAction({ ...stackActions, github }),
          );
          const configuration = aws.getConfiguration();
          if (!configuration.configured) {
            logger.info(
              `Environment actions: ${configuration.message}. environment:plan estimates cost only; deploy and destroy fail until it is configured`,
            );
          }
        },
      });
    },
  });
}
