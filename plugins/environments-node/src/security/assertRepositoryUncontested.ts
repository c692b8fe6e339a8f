import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_GITHUB_PROJECT_SLUG,
  GithubRepository,
} from '../providers/entityFields';
import type { ComponentScope } from './resolveComponentScope';
import { repositoryKey, repositoryOfComponent } from './repositoryOfComponent';

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'spec.owner',
];

function ownerOf(component: Entity): string | undefined {
  const owner = (component.spec as { owner?: unknown } | undefined)?.owner;
  return typeof owner === 'string'
    ? stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: component.metadata.namespace ?? 'default',
        }),
      ).toLocaleLowerCase('en-US')
    : undefined;
}

/**
 * Every Component in the catalog that lives in a GitHub repository (by its
 * `github.com/project-slug` or its github.com `backstage.io/source-location`), by repository, in
 * one read — for a caller that checks many repositories at once, such as a provider's run. With
 * `repository`, only the Components that name it by slug or carry a source location.
 *
 * @public
 */
export async function componentsByRepository(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  repository?: GithubRepository,
): Promise<Map<string, Entity[]>> {
  const { items } = await catalog.getEntities(
    {
      filter: [
        {
          kind: 'Component',
          [`metadata.annotations.${ANNOTATION_GITHUB_PROJECT_SLUG}`]: repository
            ? `${repository.owner}/${repository.repo}`
            : CATALOG_FILTER_EXISTS,
        },
        {
          kind: 'Component',
          [`metadata.annotations.${ANNOTATION_SOURCE_LOCATION}`]:
            CATALOG_FILTER_EXISTS,
        },
      ],
      fields: FIELDS,
    },
    { credentials },
  );
  const byRepository = new Map<string, Entity[]>();
  for (const component of items) {
    const lives = repositoryOfComponent(component);
    if (!lives) continue;
    const key = repositoryKey(lives);
    byRepository.set(key, [...(byRepository.get(key) ?? []), component]);
  }
  return byRepository;
}

/**
 * For what Stageline does on its own — scheduled stops and starts, preview environments and their
 * cleanup — where no user's permission decides: the repository must not be contested. Anyone can
 * register a Component naming any repository; an unattended action on that repository runs only
 * when every Component in the catalog that lives there has the same owner as this one (or the
 * Environment's owner is a trusted owner). A workflow decides by its inputs (stage, preview id)
 * which stack it deploys or destroys, so a Component someone else registered for the repository
 * must not get to dispatch it.
 *
 * @throws NotAllowedError naming the owners that contest the repository
 * @public
 */
export async function assertRepositoryUncontested(options: {
  catalog: CatalogService;
  /** The caller's own credentials: Components the user cannot see count too. */
  credentials: BackstageCredentials;
  scope: ComponentScope;
  trustedOwners: string[];
  /** From {@link componentsByRepository}, when the caller read them once for many checks. */
  components?: Map<string, Entity[]>;
}): Promise<void> {
  const { scope, trustedOwners } = options;
  const environmentOwner = stringifyEntityRef(
    parseEntityRef(scope.environment.spec.owner, {
      defaultKind: 'group',
      defaultNamespace: scope.environment.metadata.namespace ?? 'default',
    }),
  ).toLocaleLowerCase('en-US');
  if (trustedOwners.includes(environmentOwner)) return;
  const { repository } = scope;
  if (!repository) return;
  const owner = ownerOf(scope.component);
  const components =
    options.components ??
    (await componentsByRepository(
      options.catalog,
      options.credentials,
      repository,
    ));
  const claimants = components.get(repositoryKey(repository)) ?? [];
  const others = claimants.filter(c => ownerOf(c) !== owner);
  if (others.length) {
    throw new NotAllowedError(
      `${repository.owner}/${repository.repo} is also claimed by ${others
        .map(c => `${stringifyEntityRef(c)} (owner ${ownerOf(c) ?? 'none'})`)
        .join(
          ', ',
        )}: Stageline acts on a repository on its own only for an owner every Component living there has`,
    );
  }
}
