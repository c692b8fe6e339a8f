import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ENVIRONMENT_STAGES,
  EnvironmentEntity,
  isEnvironmentEntity,
  previewSettingsOf,
} from '@stageline/plugin-environments-common';
import {
  assertRepositoryUncontested,
  assertRepositoryVouched,
  componentRefOf,
  componentsByRepository,
  GithubRepository,
  isProviderPreview,
  RepositoryVouchingOptions,
  resolveComponentScope,
} from '@stageline/plugin-environments-node';

/** A component whose Environments declare previews, checked against the component. */
export interface PreviewSource {
  component: Entity;
  componentRef: string;
  /** The component's repository: its pull requests become previews. */
  repository: GithubRepository;
  /** The Environment whose `spec.previews` the previews follow. */
  environment: EnvironmentEntity;
  settings: NonNullable<ReturnType<typeof previewSettingsOf>>;
  /**
   * The branches the component's other Environments run (`develop`, `main`): a pull request from
   * one of them is a promotion, not a change that needs its own preview.
   */
  environmentBranches: Set<string>;
}

const stageRank = (environment: EnvironmentEntity) =>
  ENVIRONMENT_STAGES.indexOf(environment.spec.type);

/**
 * The components that get previews: every component one of whose Environments sets
 * `spec.previews.enabled`, with that Environment (the earliest stage when several do, then by
 * name) and the component's own repository. The catalog is untrusted input, so an Environment
 * counts only when it may speak for its component — owned by the component's owner or a
 * trusted owner, naming no other repository — and the repository is the component's
 * (`github.com/project-slug` or a github.com source location), never a label on the Environment,
 * and one the catalog vouches for as the component's (`vouching`: the component was registered
 * from that repository or a location the operator trusts), since its pull requests are read with
 * the integration's credentials. Read with the module's own credentials.
 */
export async function findPreviewSources(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  trustedOwners: string[];
  vouching: RepositoryVouchingOptions;
  logger: LoggerService;
}): Promise<PreviewSource[]> {
  const { catalog, credentials, logger } = options;
  const { items } = await catalog.getEntities(
    { filter: { kind: 'Environment' } },
    { credentials },
  );
  const byComponent = new Map<string, EnvironmentEntity[]>();
  const branchesOf = new Map<string, Set<string>>();
  for (const entity of items) {
    if (!isEnvironmentEntity(entity)) continue;
    if (entity.spec.type === 'preview' || isProviderPreview(entity)) continue;
    const ref = componentRefOf(entity);
    if (entity.spec.branch) {
      branchesOf.set(
        ref,
        new Set([...(branchesOf.get(ref) ?? []), entity.spec.branch]),
      );
    }
    if (!previewSettingsOf(entity)) continue;
    byComponent.set(ref, [...(byComponent.get(ref) ?? []), entity]);
  }
  const refs = [...byComponent.keys()];
  const { items: components } = await catalog.getEntitiesByRefs(
    { entityRefs: refs },
    { credentials },
  );
  // Who claims which repository, read once for the whole run.
  const claimants = refs.length
    ? await componentsByRepository(catalog, credentials)
    : new Map();
  const sources: PreviewSource[] = [];
  for (const [index, componentRef] of refs.entries()) {
    const declaring = byComponent
      .get(componentRef)!
      .sort(
        (a, b) =>
          stageRank(a) - stageRank(b) ||
          a.metadata.name.localeCompare(b.metadata.name),
      );
    const environment = declaring[0];
    if (declaring.length > 1) {
      logger.warn(
        `${componentRef} has several Environments declaring previews (${declaring
          .map(e => e.metadata.name)
          .join(', ')}); previews follow ${environment.metadata.name}`,
      );
    }
    const component = components[index];
    try {
      const scope = await resolveComponentScope({
        environment,
        loadComponent: async () => component ?? undefined,
        trustedOwners: options.trustedOwners,
      });
      if (!scope.repository) {
        logger.warn(
          `${componentRef} names no GitHub repository (github.com/project-slug or backstage.io/source-location): no previews for ${stringifyEntityRef(
            environment,
          )}`,
        );
        continue;
      }
      await assertRepositoryUncontested({
        catalog,
        credentials,
        scope,
        trustedOwners: options.trustedOwners,
        components: claimants,
      });
      await assertRepositoryVouched(
        { component: scope.component, repository: scope.repository },
        options.vouching,
        `${scope.repository.owner}/${scope.repository.repo}'s pull requests are not read`,
      );
      sources.push({
        component: scope.component,
        componentRef,
        repository: scope.repository,
        environment: scope.environment,
        settings: previewSettingsOf(environment)!,
        environmentBranches: branchesOf.get(componentRef) ?? new Set(),
      });
    } catch (error) {
      logger.warn(
        `No previews for ${stringifyEntityRef(environment)}: ${
          (error as Error).message
        }`,
      );
    }
  }
  return sources;
}
