import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  deniedRefs,
  findEnvironmentsOfRepository,
  GithubRepository,
  type EnvironmentAuthorization,
} from '@stageline/plugin-environments-node';

/**
 * Checks a permission for the task's user on every Environment of a repository (its component
 * lives there, or it says so), found with the module's own credentials. For actions that change
 * what protects all of a repository's deployments — its GitHub environments' branch policies,
 * reviewers and secrets — so only someone allowed on each of its Environments, production
 * included, may change them. A repository no Environment names yet (one the template just
 * created) is left to the scaffolder's own permissions.
 *
 * @returns the entity refs the user was authorized on
 * @throws NotAllowedError naming the Environments denied
 */
export async function authorizeOnRepository(
  options: EnvironmentAuthorization & {
    permission: ResourcePermission<'catalog-entity'>;
    catalog: CatalogService;
    repository: GithubRepository;
    credentials: BackstageCredentials;
  },
): Promise<string[]> {
  const { permissions, permission, repository, credentials } = options;
  const environments = await findEnvironmentsOfRepository({
    catalog: options.catalog,
    credentials: await options.auth.getOwnServiceCredentials(),
    repository,
  });
  const refs = environments.map(e => stringifyEntityRef(e));
  if (refs.length === 0) return [];
  const denied = await deniedRefs(permissions, permission, refs, credentials);
  if (denied.length) {
    throw new NotAllowedError(
      `You are not allowed ${permission.name} on ${denied.join(
        ', ',
      )}, the Environment${denied.length > 1 ? 's' : ''} of ${
        repository.owner
      }/${
        repository.repo
      }: changing its GitHub environments needs it on every Environment of the repository`,
    );
  }
  return refs;
}
