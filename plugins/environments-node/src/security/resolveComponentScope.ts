import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import type { EnvironmentEntity } from '@stageline/plugin-environments-common';
import {
  ANNOTATION_GITHUB_PROJECT_SLUG,
  GithubRepository,
  parseRepositorySlug,
} from '../providers/entityFields';
import { environmentOwnershipProblem } from './environmentOwnership';
import { repositoryKey, repositoryOfComponent } from './repositoryOfComponent';

/**
 * An Environment checked against its component: the component, the repository it really lives
 * in, and the Environment bound to that repository (its `github.com/project-slug` set to the
 * component's, so every provider acts on the component's repository).
 *
 * @public
 */
export interface ComponentScope {
  component: Entity;
  repository?: GithubRepository;
  environment: EnvironmentEntity;
}

/** The entity ref of an Environment's `spec.component`, normalized. @public */
export function componentRefOf(environment: EnvironmentEntity): string {
  return stringifyEntityRef(
    parseEntityRef(environment.spec.component, {
      defaultKind: 'component',
      defaultNamespace: environment.metadata.namespace ?? 'default',
    }),
  );
}

/**
 * Checks that an Environment may act for its component before anything acts on it:
 * - the component (`spec.component`) is in the catalog;
 * - the Environment is owned by the component's owner, or by one of `trustedOwners`;
 * - where the Environment names a repository (`github.com/project-slug`), it is the component's.
 *
 * @returns the scope, with the Environment bound to the component's repository
 * @throws NotAllowedError naming what does not hold
 * @public
 */
export async function resolveComponentScope(options: {
  environment: EnvironmentEntity;
  loadComponent: (ref: string) => Promise<Entity | undefined>;
  trustedOwners: string[];
}): Promise<ComponentScope> {
  const { environment, trustedOwners } = options;
  const self = stringifyEntityRef(environment);
  const componentRef = componentRefOf(environment);
  const component = await options.loadComponent(componentRef);
  if (!component) {
    throw new NotAllowedError(
      `${self} names component ${componentRef}, which is not in the catalog: register the component first`,
    );
  }
  const problem = environmentOwnershipProblem(
    environment,
    component,
    trustedOwners,
  );
  if (problem) throw new NotAllowedError(problem);

  const repository = repositoryOfComponent(component);
  const annotations = { ...environment.metadata.annotations };
  const claimed = annotations[ANNOTATION_GITHUB_PROJECT_SLUG];
  const claimedRepository = claimed ? parseRepositorySlug(claimed) : undefined;
  if (
    claimed &&
    (!repository ||
      !claimedRepository ||
      repositoryKey(claimedRepository) !== repositoryKey(repository))
  ) {
    throw new NotAllowedError(
      `${self} says its repository is ${claimed}, but its component ${componentRef} ${
        repository
          ? `lives in ${repository.owner}/${repository.repo}`
          : 'names no GitHub repository'
      }: the component's github.com/project-slug (or backstage.io/source-location) decides`,
    );
  }
  if (repository) {
    annotations[
      ANNOTATION_GITHUB_PROJECT_SLUG
    ] = `${repository.owner}/${repository.repo}`;
  } else {
    delete annotations[ANNOTATION_GITHUB_PROJECT_SLUG];
  }
  return {
    component,
    repository,
    environment: {
      ...environment,
      metadata: { ...environment.metadata, annotations },
    },
  };
}
