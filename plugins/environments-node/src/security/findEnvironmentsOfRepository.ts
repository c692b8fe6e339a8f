import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EnvironmentEntity,
  isEnvironmentEntity,
} from '@stageline/plugin-environments-common';
import {
  ANNOTATION_GITHUB_PROJECT_SLUG,
  GithubRepository,
  parseRepositorySlug,
} from '../providers/entityFields';
import { repositoryKey, repositoryOfComponent } from './repositoryOfComponent';
import { componentRefOf } from './resolveComponentScope';

/**
 * Every Environment in the catalog of `repository` — its component lives there, or it says it
 * does itself — and, with `branch`, only those that run that branch (exactly; the catalog's
 * filter ignores case, Git does not); with `stage`, only those of that `spec.type`. Pass the
 * calling plugin's own credentials, so that an Environment the requesting user cannot see still
 * counts.
 *
 * @public
 */
export async function findEnvironmentsOfRepository(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  repository: GithubRepository;
  branch?: string;
  stage?: string;
}): Promise<EnvironmentEntity[]> {
  const { catalog, credentials, branch, stage } = options;
  const key = repositoryKey(options.repository);
  const { items } = await catalog.getEntities(
    {
      filter: {
        kind: 'Environment',
        ...(branch === undefined ? {} : { 'spec.branch': branch }),
        ...(stage === undefined ? {} : { 'spec.type': stage }),
      },
    },
    { credentials },
  );
  const onBranch = items
    .filter(isEnvironmentEntity)
    .filter(e => branch === undefined || e.spec.branch === branch)
    .filter(e => stage === undefined || e.spec.type === stage);
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
