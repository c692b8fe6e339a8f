/**
 * Scaffolder actions that plan, deploy, destroy and promote Stageline environments, and set up
 * GitHub environments: `environment:plan`, `environment:deploy`, `environment:destroy`,
 * `environment:rollback`, `environment:promote`, `environment:github:setup`.
 *
 * @packageDocumentation
 */
import { scaffolderModuleEnvironments } from './module';

export type { EnvironmentAuthorization } from '@stageline/plugin-environments-node';
export type {
  EnvironmentActionOptions,
  EnvironmentPlanActionOptions,
  EnvironmentStackActionOptions,
} from './actions/EnvironmentActionOptions';
export type { CostSettings } from '@stageline/plugin-environments-node';
export { createEnvironmentPlanAction } from './actions/plan/environmentPlan';
export { createEnvironmentDeployAction } from './actions/deploy/environmentDeploy';
export { createEnvironmentDestroyAction } from './actions/destroy/environmentDestroy';
export { createEnvironmentRollbackAction } from './actions/rollback/environmentRollback';
export type { EnvironmentRollbackActionOptions } from './actions/rollback/environmentRollback';
export { DeploymentHistoryClient } from './lib/history/DeploymentHistoryClient';
export type { DeploymentToRecord } from './lib/history/DeploymentHistoryClient';
export type { EnvironmentsBackend } from './lib/backend/environmentsBackendRequest';
export { createEnvironmentPromoteAction } from './actions/promote/environmentPromote';
export type { EnvironmentPromoteActionOptions } from './actions/promote/environmentPromote';
export { createEnvironmentGithubSetupAction } from './actions/githubSetup/environmentGithubSetup';
export type { EnvironmentGithubSetupActionOptions } from './actions/githubSetup/environmentGithubSetup';
export { GithubClients } from './lib/github/GithubClients';
export type { GithubRepository } from './lib/github/GithubClients';

// The module as upstream modules are: `backend.add(scaffolderModuleEnvironments)`, or its
// default export through `backend.add(import('@stageline/plugin-scaffolder-backend-module-environments'))`.
export { scaffolderModuleEnvironments };
export default scaffolderModuleEnvironments;
