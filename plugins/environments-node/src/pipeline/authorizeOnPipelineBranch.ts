import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  ANNOTATION_PULL_REQUEST,
  isEnvironmentEntity,
} from '@stageline/plugin-environments-common';
import type { GithubRepository } from '../providers/entityFields';
import { findEnvironmentsOfRepository } from '../security/findEnvironmentsOfRepository';
import { resolveComponentScope } from '../security/resolveComponentScope';
import { deniedRefs } from '../security/deniedRefs';
import type { EnvironmentAuthorization } from '../security/authorizeOnEnvironment';
import type { EnvironmentTarget } from '../target/EnvironmentTarget';
import type { RepositoryVouchingOptions } from '../security/repositoryVouching';
import { assertRepositoryVouched } from '../security/vouchedRepository';

/**
 * The repository and branch a pipeline Environment's workflow is dispatched on, authorized: the
 * repository is its **component's** (`github.com/project-slug` or `backstage.io/source-location`
 * of the component, never the Environment's own label), and only when the catalog vouches that
 * the component belongs to it (`vouching`: its location is in that repository or one the
 * operator trusts); the branch is its `spec.branch`; and the
 * task's user needs the permission on every Environment on that branch of that repository (found
 * with the module's own credentials), since the workflow deploys what that branch holds.
 *
 * @throws NotAllowedError naming the Environments denied, or why the repository is not vouched
 *   for the component; InputError when the component names no
 *   GitHub repository or the Environment no branch
 *
 * @public
 */
export async function authorizeOnPipelineBranch(
  options: EnvironmentAuthorization & {
    permission: ResourcePermission<'catalog-entity'>;
    catalog: CatalogService;
    target: EnvironmentTarget;
    credentials: BackstageCredentials;
    vouching: RepositoryVouchingOptions;
  },
): Promise<{ repository: GithubRepository; branch: string }> {
  const { catalog, target, credentials, permission } = options;
  const entity = target.entityRef
    ? await catalog.getEntityByRef(target.entityRef, { credentials })
    : undefined;
  if (!isEnvironmentEntity(entity) || !target.branch) {
    throw new InputError(
      `${
        target.entityRef ?? target.name
      } is deployed by a pipeline but names no spec.branch to dispatch its workflow on`,
    );
  }
  const { repository, component } = await resolveComponentScope({
    environment: entity,
    loadComponent: async ref =>
      (await catalog.getEntityByRef(ref, { credentials })) ?? undefined,
    trustedOwners: options.trustedOwners,
  });
  if (!repository) {
    throw new InputError(
      `${stringifyEntityRef(
        component,
      )} names no GitHub repository (github.com/project-slug or backstage.io/source-location), so the pipeline of ${
        target.entityRef
      } cannot be dispatched`,
    );
  }
  await assertRepositoryVouched(
    { component, repository },
    options.vouching,
    `The workflow of ${repository.owner}/${repository.repo} is not dispatched for ${target.entityRef}`,
  );
  const serviceCredentials = await options.auth.getOwnServiceCredentials();
  const [onBranch, ofStage] = await Promise.all([
    findEnvironmentsOfRepository({
      catalog,
      credentials: serviceCredentials,
      repository,
      branch: target.branch,
    }),
    findEnvironmentsOfRepository({
      catalog,
      credentials: serviceCredentials,
      repository,
      stage: target.stage,
    }),
  ]);
  const sameStack = ofStage.filter(
    e =>
      target.stage !== 'preview' ||
      e.metadata.annotations?.[ANNOTATION_PULL_REQUEST] === target.previewId,
  );
  const refs = [
    ...new Set([
      target.entityRef!,
      ...[...onBranch, ...sameStack].map(e => stringifyEntityRef(e)),
    ]),
  ];
  const denied = await deniedRefs(
    options.permissions,
    permission,
    refs,
    credentials,
  );
  if (denied.length) {
    throw new NotAllowedError(
      `You are not allowed ${permission.name} on ${denied.join(
        ', ',
      )}: the workflow of ${repository.owner}/${
        repository.repo
      } deploys branch ${target.branch} to the ${target.stage}${
        target.previewId ? ` ${target.previewId}` : ''
      } stack, and ${
        denied.length > 1 ? 'they run' : 'it runs'
      } that branch or that stack`,
    );
  }
  return { repository, branch: target.branch };
}
