import type { EnvironmentEntity } from '@stageline/plugin-environments-common';
import { InputError } from '@backstage/errors';

/** The annotation naming an entity's GitHub repository, `owner/name`. @public */
export const ANNOTATION_GITHUB_PROJECT_SLUG = 'github.com/project-slug';

/** A GitHub repository, `owner/repo`. @public */
export interface GithubRepository {
  owner: string;
  repo: string;
}

const SLUG = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/;
/**
 * `owner/repo` from a slug, or undefined when it is not one: GitHub's own characters only, and
 * no `.` or `..` repository, so a slug can never turn into another API path.
 *
 * @public
 */
export function parseRepositorySlug(
  slug: string,
): GithubRepository | undefined {
  const match = SLUG.exec(slug.trim());
  if (!match || match[2] === '.' || match[2] === '..') return undefined;
  return { owner: match[1], repo: match[2] };
}

/**
 * The GitHub repository of an environment, from its `github.com/project-slug` annotation.
 *
 * @public
 */
export function githubRepositoryOf(
  environment: EnvironmentEntity,
): GithubRepository | undefined {
  const slug =
    environment.metadata.annotations?.[ANNOTATION_GITHUB_PROJECT_SLUG];
  if (!slug) return undefined;
  const repository = parseRepositorySlug(slug);
  if (!repository) {
    throw new InputError(
      `${
        environment.metadata.name
      }: annotation ${ANNOTATION_GITHUB_PROJECT_SLUG} must be "owner/repo"; got ${JSON.stringify(
        slug,
      )}`,
    );
  }
  return repository;
}

/**
 * The CloudFormation stack of an environment, when it has one.
 *
 * @public
 */
export function stackOf(
  environment: EnvironmentEntity,
): { stackName: string; region?: string; accountId?: string } | undefined {
  const deployment = environment.spec.deployment;
  if (!deployment?.stackName) return undefined;
  return {
    stackName: deployment.stackName,
    region: deployment.region,
    accountId: deployment.accountId,
  };
}
