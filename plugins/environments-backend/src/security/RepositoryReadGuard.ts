import type { AuthService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { EnvironmentEntity } from '@stageline/plugin-environments-common';
import {
  GithubRepository,
  githubRepositoryOf,
  repositoryVouchingFromConfig,
  RepositoryVouchingOptions,
  repositoryVouchingProblem,
} from '@stageline/plugin-environments-node';

/**
 * Decides whether the backend may read a repository (with its integration credentials) for an
 * entity: only where the catalog vouches that the entity belongs to it
 * (see {@link repositoryVouchingProblem}). Status, the deployed-commit comparison, the promotion
 * history and promotions all ask it before they read.
 */
export class RepositoryReadGuard {
  readonly #options: RepositoryVouchingOptions;

  static fromConfig(
    config: Config,
    deps: { catalog: CatalogService; auth: AuthService },
  ): RepositoryReadGuard {
    return new RepositoryReadGuard(repositoryVouchingFromConfig(config, deps));
  }

  constructor(options: RepositoryVouchingOptions) {
    this.#options = options;
  }

  /** What it decides on, for the checks of workflow dispatches and pull-request reads. */
  get vouching(): RepositoryVouchingOptions {
    return this.#options;
  }

  /**
   * Why the repository an Environment names (`github.com/project-slug`) must not be read for it;
   * undefined when it may be, or when it names none (or a malformed one, which the source
   * control reports itself and reads nothing for).
   */
  async environmentProblem(
    environment: EnvironmentEntity,
  ): Promise<string | undefined> {
    let repository: GithubRepository | undefined;
    try {
      repository = githubRepositoryOf(environment);
    } catch {
      return undefined;
    }
    return repository
      ? repositoryVouchingProblem(environment, repository, this.#options)
      : undefined;
  }

  /** Why a component's repository must not be read for it (promotions act on the component's). */
  componentProblem(
    component: Entity,
    repository: GithubRepository,
  ): Promise<string | undefined> {
    return repositoryVouchingProblem(component, repository, this.#options);
  }
}
