import {
  ANNOTATION_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import { PREVIEW_LOCATION_TYPE } from '@stageline/plugin-environments-common';
import type { GithubRepository } from '../providers/entityFields';
import { repositoryKey, repositoryOfComponent } from './repositoryOfComponent';
import {
  shownLocation,
  TRUSTED_LOCATIONS_KEY,
  TrustedLocations,
} from './trustedLocations';

/** What decides whether the catalog vouches for an entity's repository. @public */
export interface RepositoryVouchingOptions {
  trustedLocations: TrustedLocations;
  integrations: ScmIntegrationRegistry;
  /** The host the repository is read on. @defaultValue github.com */
  host?: string;
  /** Loads the component a provider-made preview belongs to (with the plugin's own credentials). */
  loadComponent(ref: string): Promise<Entity | undefined>;
}

/**
 * The repository a `url:` location points into, when it is a GitHub URL on `host`: the first
 * two path segments, after the URL's dot segments are resolved as the catalog's reader resolves
 * them (`…/acme/public/../../secret/…` is in acme/secret's neighbour, not in acme/public).
 */
function repositoryOfLocation(
  location: string,
  host: string,
  integrations: ScmIntegrationRegistry,
): GithubRepository | undefined {
  if (!location.startsWith('url:')) return undefined;
  let url: URL;
  try {
    url = new URL(location.slice('url:'.length));
  } catch {
    return undefined;
  }
  const integration = integrations.byUrl(url);
  if (
    url.protocol !== 'https:' ||
    integration?.type !== 'github' ||
    url.host.toLocaleLowerCase('en-US') !== host.toLocaleLowerCase('en-US')
  ) {
    return undefined;
  }
  const [owner, repo] = url.pathname.split('/').slice(1, 3);
  if (!owner || !repo) return undefined;
  return { owner, repo: repo.replace(/\.git$/, '') };
}

function sameRepository(a: GithubRepository, b: GithubRepository): boolean {
  return repositoryKey(a) === repositoryKey(b);
}

/**
 * Whether a `url:` location reads a file at a commit (`…/blob/<sha>/…`, `/tree/<sha>/…`) rather
 * than on a branch. GitHub serves the commits of a repository's forks under the repository's own
 * URLs, so such a location may hold what anyone who forked it pushed: it never vouches.
 */
function pinnedToCommit(location: string): boolean {
  if (!location.startsWith('url:')) return false;
  try {
    const [, , , kind, ref] = new URL(location.slice(4)).pathname.split('/');
    return (
      ['blob', 'tree', 'raw'].includes(kind) &&
      /^[0-9a-f]{7,40}$/i.test(ref ?? '')
    );
  } catch {
    return false;
  }
}

/** Whether the location (not a preview's) vouches for the repository. */
function locationVouches(
  location: string,
  repository: GithubRepository,
  options: RepositoryVouchingOptions,
): boolean {
  if (pinnedToCommit(location)) return false;
  if (options.trustedLocations.includes(location)) return true;
  const inside = repositoryOfLocation(
    location,
    options.host ?? 'github.com',
    options.integrations,
  );
  return inside !== undefined && sameRepository(inside, repository);
}

/**
 * Why the repository an entity names must not be read for it with the backend's credentials, or
 * undefined when the catalog vouches for it. `backstage.io/managed-by-location` is written by
 * the catalog, never by the entity's author, so it is what is believed:
 * - a `url:` location inside that repository on the host it is read on (the repository's own
 *   `catalog-info.yaml`): whoever can write there can read it;
 * - a location the operator wrote: one of `catalog.locations`, or matching
 *   `environments.security.trustedLocations`;
 * - a preview the catalog module's provider made (`stageline-previews:<component>`), when that
 *   component names the repository and is itself vouched for it.
 * A `url:` location pinned to a commit never vouches: GitHub serves a fork's commits under the
 * parent repository's URLs.
 *
 * @public
 */
export async function repositoryVouchingProblem(
  entity: Entity,
  repository: GithubRepository,
  options: RepositoryVouchingOptions,
): Promise<string | undefined> {
  const ref = stringifyEntityRef(entity);
  const slug = `${repository.owner}/${repository.repo}`;
  const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  const remedy = `register it from ${slug}'s own catalog-info.yaml (a url: location in https://${
    options.host ?? 'github.com'
  }/${slug}), or list its location in ${TRUSTED_LOCATIONS_KEY}`;
  if (!location) {
    return `${slug} is not read for ${ref}: it has no backstage.io/managed-by-location, so the catalog does not vouch that it belongs to ${slug}; ${remedy}`;
  }
  const previewOf = location.startsWith(`${PREVIEW_LOCATION_TYPE}:`)
    ? location.slice(PREVIEW_LOCATION_TYPE.length + 1)
    : undefined;
  if (previewOf === undefined) {
    if (pinnedToCommit(location)) {
      return `${slug} is not read for ${ref}: it was registered from ${shownLocation(
        location,
      )}, a file at a commit, which may come from a fork (GitHub serves a fork's commits under its parent's URLs); register it from a branch of ${slug}`;
    }
    return locationVouches(location, repository, options)
      ? undefined
      : `${slug} is not read for ${ref}: it was registered from ${shownLocation(
          location,
        )}, which is not in ${slug} nor a location the operator trusts; ${remedy}`;
  }
  const component = await options.loadComponent(previewOf);
  const componentLocation =
    component?.metadata.annotations?.[ANNOTATION_LOCATION];
  const componentRepository = component && repositoryOfComponent(component);
  if (
    component &&
    componentLocation &&
    !componentLocation.startsWith(`${PREVIEW_LOCATION_TYPE}:`) &&
    componentRepository &&
    sameRepository(componentRepository, repository) &&
    locationVouches(componentLocation, repository, options)
  ) {
    return undefined;
  }
  return `${slug} is not read for preview ${ref}: its component ${previewOf}${
    componentLocation
      ? ` (registered from ${shownLocation(componentLocation)})`
      : ''
  } is not vouched for ${slug}; register the component from ${slug}'s own catalog-info.yaml, or list its location in ${TRUSTED_LOCATIONS_KEY}`;
}
