import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  stringifyEntityRef,
  Entity,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { describeGithubError } from '@stageline/plugin-environments-node';
import type { Octokit } from 'octokit';

/** Annotation on a User naming their GitHub login (default: the entity name). */
export const ANNOTATION_GITHUB_USER_LOGIN = 'github.com/user-login';
/** Annotation on a Group naming its GitHub team, `org/slug` or `slug` (default: the entity name). */
export const ANNOTATION_GITHUB_TEAM_SLUG = 'github.com/team-slug';

/** A required reviewer of a GitHub environment. */
export interface GithubReviewer {
  type: 'User' | 'Team';
  id: number;
  /** The catalog entity it came from. */
  entityRef: string;
  /** `login` or `org/slug`. */
  name: string;
}

function isNotFound(error: unknown) {
  return (error as { status?: number }).status === 404;
}

async function userReviewer(
  octokit: Octokit,
  entity: Entity,
  entityRef: string,
): Promise<GithubReviewer> {
  const login =
    entity.metadata.annotations?.[ANNOTATION_GITHUB_USER_LOGIN] ??
    entity.metadata.name;
  try {
    const { data } = await octokit.rest.users.getByUsername({
      username: login,
    });
    return { type: 'User', id: data.id, entityRef, name: login };
  } catch (error) {
    if (isNotFound(error)) {
      throw new InputError(
        `Reviewer ${entityRef}: GitHub has no user "${login}"; set the ${ANNOTATION_GITHUB_USER_LOGIN} annotation on the User`,
      );
    }
    throw describeGithubError(
      error,
      `looking up GitHub user ${login} for reviewer ${entityRef}`,
    );
  }
}

async function teamReviewer(
  octokit: Octokit,
  entity: Entity,
  entityRef: string,
  defaultOrg: string,
): Promise<GithubReviewer> {
  const annotation = entity.metadata.annotations?.[ANNOTATION_GITHUB_TEAM_SLUG];
  const [org, slug] = annotation?.includes('/')
    ? annotation.split('/', 2)
    : [defaultOrg, annotation ?? entity.metadata.name];
  try {
    const { data } = await octokit.rest.teams.getByName({
      org,
      team_slug: slug,
    });
    return { type: 'Team', id: data.id, entityRef, name: `${org}/${slug}` };
  } catch (error) {
    if (isNotFound(error)) {
      throw new InputError(
        `Reviewer ${entityRef}: GitHub has no team "${org}/${slug}"; set the ${ANNOTATION_GITHUB_TEAM_SLUG} annotation on the Group`,
      );
    }
    throw describeGithubError(
      error,
      `looking up GitHub team ${org}/${slug} for reviewer ${entityRef}`,
    );
  }
}

/**
 * Turns catalog users and groups into GitHub environment reviewers (user and team ids).
 *
 * @throws InputError naming a reviewer that is not in the catalog, not a User or Group, or has no
 * GitHub counterpart
 */
export async function resolveReviewers(options: {
  refs: string[];
  catalog: CatalogService;
  credentials: BackstageCredentials;
  octokit: Octokit;
  /** Organization of teams whose Group has no `org/slug` annotation: the repository owner. */
  org: string;
}): Promise<GithubReviewer[]> {
  const { refs, catalog, credentials, octokit, org } = options;
  if (refs.length === 0) return [];
  const entityRefs = refs.map(ref =>
    stringifyEntityRef(parseEntityRef(ref, { defaultKind: 'group' })),
  );
  const { items } = await catalog.getEntitiesByRefs(
    { entityRefs },
    { credentials },
  );
  const reviewers: GithubReviewer[] = [];
  for (const [index, entity] of items.entries()) {
    const entityRef = entityRefs[index];
    if (!entity) {
      throw new InputError(`Reviewer ${entityRef} is not in the catalog`);
    }
    const kind = entity.kind.toLocaleLowerCase('en-US');
    if (kind === 'user') {
      reviewers.push(await userReviewer(octokit, entity, entityRef));
    } else if (kind === 'group') {
      reviewers.push(await teamReviewer(octokit, entity, entityRef, org));
    } else {
      throw new InputError(
        `Reviewer ${entityRef} is a ${entity.kind}; reviewers must be Users or Groups`,
      );
    }
  }
  return reviewers;
}
