import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import { authorizeOnPipelineBranch } from '../pipeline/authorizeOnPipelineBranch';
import type { EnvironmentTarget } from '../target/EnvironmentTarget';
import type { RepositoryVouchingOptions } from './repositoryVouching';
import {
  authorizeOnEnvironment,
  EnvironmentAuthorization,
} from './authorizeOnEnvironment';

/**
 * What a route that changes an Environment's stack checks: the permission on every Environment
 * of the stack ({@link authorizeOnEnvironment}) and, for a `pipeline` Environment, on every
 * Environment of the branch and stage its workflow deploys, in a repository the catalog vouches
 * for ({@link authorizeOnPipelineBranch}).
 *
 * @returns the entity refs of the stack's Environments the user was authorized on
 * @public
 */
export async function authorizeOnStackChange(
  options: EnvironmentAuthorization & {
    permission: ResourcePermission<'catalog-entity'>;
    catalog: CatalogService;
    target: EnvironmentTarget;
    credentials: BackstageCredentials;
    vouching: RepositoryVouchingOptions;
  },
): Promise<string[]> {
  const authorizedOn = await authorizeOnEnvironment(options);
  if (options.target.deployment.mode === 'pipeline') {
    await authorizeOnPipelineBranch(options);
  }
  return authorizedOn;
}
