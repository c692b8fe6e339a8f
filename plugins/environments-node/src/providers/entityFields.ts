import type { EnvironmentEntity } from '@stageline/plugin-environments-common';
import { InputError } from '@backstage/errors';

/** The annotation naming an entity's GitHub repository, `owner/name`. @public */
export const ANNOTATION_GITHUB_PROJECT_SLUG = 'github.com/project-slug';

/**
 * The GitHub repository of an environment, from its `github.com/project-slug` annotation.
 *
 * @public
 */
export function githubRepositoryOf(
  environment: EnvironmentEntity,
): { owner: string; repo: string } | undefined {
  const slug =
    environment.metadata.annotations?.[ANNOTATION_GITHUB_PROJECT_SLUG];
  if (!slug) return undefined;
  const [owner, repo, ...rest] = slug.split('/');
  if (!owner || !repo || rest.length) {
    throw new InputError(
      `${
        environment.metadata.name
      }: annotation ${ANNOTATION_GITHUB_PROJECT_SLUG} must be "owner/repo"; got ${JSON.stringify(
        slug,
      )}`,
    );
  }
  return { owner, repo };
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
