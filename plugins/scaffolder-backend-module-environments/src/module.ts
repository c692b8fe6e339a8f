import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createEnvironmentDeployAction } from './actions/deploy/environmentDeploy';
import { createEnvironmentDestroyAction } from './actions/destroy/environmentDestroy';
import { createEnvironmentGithubSetupAction } from './actions/githubSetup/environmentGithubSetup';
import { createEnvironmentPlanAction } from './actions/plan/environmentPlan';
import { createEnvironmentPromoteAction } from './actions/promote/environmentPromote';
import { createEnvironmentRollbackAction } from './actions/rollback/environmentRollback';
import { environmentActionClientsServiceRef } from './actionClients';
import { DeploymentHistoryClient } from './lib/history/DeploymentHistoryClient';
import {
  readCostSettings,
  readTrustedEnvironmentOwners,
  repositoryVouchingFromConfig,
} from '@stageline/plugin-environments-node';

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
export const scaffolderModuleEnvironments = createBackendModule({
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
        clients: environmentActionClientsServiceRef,
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
        clients,
      }) {
        const { aws, github } = clients;
        const stackActions = {
          catalog,
          aws,
          permissions,
          auth,
          history: new DeploymentHistoryClient({ discovery, auth }),
          trustedOwners: readTrustedEnvironmentOwners(config),
          vouching: repositoryVouchingFromConfig(config, { catalog, auth }),
          pollIntervalMs: clients.pollIntervalMs,
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
