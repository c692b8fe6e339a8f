import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EnvironmentEntity,
  isEnvironmentEntity,
} from '@stageline/plugin-environments-common';
import {
  ANNOTATION_GITHUB_PROJECT_SLUG,
  componentRefOf,
  GithubRepository,
  parseRepositorySlug,
  repositoryKey,
  repositoryOfComponent,
} from '@stageline/plugin-environments-node';

/**
 * Every Environment in the catalog that runs `branch` of `repository`: its branch is that branch
 * (exactly; the catalog's filter ignores case, Git does not) and its component lives in that
 * repository, or it says it does itself. Read with the plugin's own credentials, so an
 * Environment the requesting user cannot see still counts.
 */
export async function findEnvironmentsOnBranch(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  repository: GithubRepository;
  branch: string;
}): Promise<EnvironmentEntity[]> {
  const { catalog, credentials, branch } = options;
  const key = repositoryKey(options.repository);
  const { items } = await catalog.getEntities(
    { filter: { kind: 'Environment', 'spec.branch': branch } },
    { credentials },
  );
  const onBranch = items
    .filter(isEnvironmentEntity)
    .filter(e => e.spec.branch === branch);
  const componentRefs = [...new Set(onBranch.map(componentRefOf))];
  const { items: components } = await catalog.getEntitiesByRefs(
    { entityRefs: componentRefs },
    { credentials },
  );
  const componentRepositories = new Map(
    componentRefs.map((ref, index) => {
      const component = components[index];
      const repository = component && repositoryOfComponent(component);
      return [ref, repository ? repositoryKey(repository) : undefined];
    }),
  );
  return onBranch.filter(environment => {
    const claimed = parseRepositorySlug(
      environment.metadata.annotations?.[ANNOTATION_GITHUB_PROJECT_SLUG] ?? '',
    );
    return (
      componentRepositories.get(componentRefOf(environment)) === key ||
      (claimed && repositoryKey(claimed) === key)
    );
  });
}
