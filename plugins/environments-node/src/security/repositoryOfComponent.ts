import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_SOURCE_LOCATION } from '@backstage/catalog-model';
import { ANNOTATION_GITHUB_PROJECT_SLUG } from '../providers/entityFields';

/** A GitHub repository, `owner/repo`. @public */
export interface GithubRepository {
  owner: string;
  repo: string;
}

const SLUG = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/;
const SOURCE_LOCATION = /^url:https:\/\/github\.com\/([^/]+)\/([^/#?]+?)(?:\.git)?(?:[/#?].*)?$/;

/** `owner/repo` from a slug, or undefined when it is not one. */
export function parseRepositorySlug(slug: string): GithubRepository | undefined {
  const match = SLUG.exec(slug.trim());
  return match ? { owner: match[1], repo: match[2] } : undefined;
}

/**
 * The GitHub repository a component's code lives in: its `github.com/project-slug` annotation,
 * else its `backstage.io/source-location` when that is on github.com. This, not anything an
 * Environment says about itself, is the repository a promotion of the component's environments
 * changes.
 *
 * @public
 */
export function repositoryOfComponent(
  component: Entity,
): GithubRepository | undefined {
  const annotations = component.metadata.annotations ?? {};
  const slug = annotations[ANNOTATION_GITHUB_PROJECT_SLUG];
  if (slug) return parseRepositorySlug(slug);
  const source = SOURCE_LOCATION.exec(
    annotations[ANNOTATION_SOURCE_LOCATION] ?? '',
  );
  return source ? { owner: source[1], repo: source[2] } : undefined;
}

/** `owner/repo` in lower case: GitHub compares repository names case-insensitively. @public */
export function repositoryKey(repository: GithubRepository): string {
  return `${repository.owner}/${repository.repo}`.toLocaleLowerCase('en-US');
}
