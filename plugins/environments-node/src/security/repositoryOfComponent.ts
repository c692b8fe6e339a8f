import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_SOURCE_LOCATION } from '@backstage/catalog-model';
import {
  ANNOTATION_GITHUB_PROJECT_SLUG,
  GithubRepository,
  parseRepositorySlug,
} from '../providers/entityFields';

const SOURCE_LOCATION =
  /^url:https:\/\/github\.com\/([^/]+)\/([^/#?]+?)(?:\.git)?(?:[/#?].*)?$/;

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
