import type { AuthService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { GithubRepository } from '../providers/entityFields';
import type { ComponentScope } from './resolveComponentScope';
import {
  RepositoryVouchingOptions,
  repositoryVouchingProblem,
} from './repositoryVouching';
import { readTrustedLocations } from './trustedLocations';

/**
 * What decides whether the catalog vouches for a repository, from the app's config
 * (`catalog.locations`, `environments.security.trustedLocations`, `integrations`). Components of
 * previews are loaded with the plugin's own credentials: the decision is taken on what the plugin
 * sees, never on what one caller may see.
 *
 * @public
 */
export function repositoryVouchingFromConfig(
  config: Config,
  deps: { catalog: CatalogService; auth: AuthService },
): RepositoryVouchingOptions {
  return {
    trustedLocations: readTrustedLocations(config),
    integrations: ScmIntegrations.fromConfig(config),
    loadComponent: async ref =>
      (await deps.catalog.getEntityByRef(ref, {
        credentials: await deps.auth.getOwnServiceCredentials(),
      })) ?? undefined,
  };
}

/**
 * The component's repository, to act on it with the integration's credentials (dispatch its
 * workflows, read its pull requests): only when the catalog vouches that the component belongs to
 * it (see {@link repositoryVouchingProblem}), since anyone can register a component naming any
 * repository.
 *
 * @param what - what would act on the repository, e.g. `the workflow of acme/macro-ai is not dispatched`
 * @throws NotAllowedError saying why, naming the component's location and what to do
 * @public
 */
export async function assertRepositoryVouched(
  scope: Pick<ComponentScope, 'component'> & { repository: GithubRepository },
  vouching: RepositoryVouchingOptions,
  what: string,
): Promise<void> {
  const problem = await repositoryVouchingProblem(
    scope.component,
    scope.repository,
    vouching,
  );
  if (problem) throw new NotAllowedError(`${what}: ${problem}`);
}
