import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import type { EnvironmentTarget } from './EnvironmentTarget';
import { findEnvironmentsOfStack } from './findEnvironments';

/**
 * Checks a Stageline permission (`environments.deploy`, `.destroy`) for the user who started the
 * task against every Environment entity the stack operation touches: the one named by
 * `environmentRef`, and every Environment in the catalog whose `spec.deployment` describes the
 * target's stack (same name, region and account). A target given as app / stage / region is
 * therefore checked against the Environment of its stack, and a stack no Environment describes
 * is refused: the scaffolder is no way around the permission policy.
 *
 * @returns the entity refs the user was authorized on
 * @throws NotAllowedError naming the permission and the environments denied, or saying that no
 *   Environment describes the stack
 */
export async function authorizeOnEnvironment(options: {
  permissions: PermissionsService;
  permission: ResourcePermission<'catalog-entity'>;
  catalog: CatalogService;
  target: EnvironmentTarget;
  credentials: BackstageCredentials;
}): Promise<string[]> {
  const { permissions, permission, catalog, target, credentials } = options;
  const ofStack = await findEnvironmentsOfStack({
    catalog,
    credentials,
    target,
  });
  const refs = [
    ...new Set([...(target.entityRef ? [target.entityRef] : []), ...ofStack]),
  ];
  if (refs.length === 0) {
    const account = target.accountId ? `, account ${target.accountId}` : '';
    throw new NotAllowedError(
      `No Environment in the catalog describes stack ${target.stackName} in ${target.region}${account}: register one (spec.deployment.stackName), or pass its entity ref as environmentRef`,
    );
  }
  const decisions = await permissions.authorize(
    refs.map(resourceRef => ({ permission, resourceRef })),
    { credentials },
  );
  const denied = refs.filter(
    (_, index) => decisions[index]?.result !== AuthorizeResult.ALLOW,
  );
  if (denied.length) {
    const described = denied.every(ref => ref === target.entityRef)
      ? ''
      : ` (the Environment${denied.length > 1 ? 's' : ''} of stack ${
          target.stackName
        })`;
    throw new NotAllowedError(
      `You are not allowed ${permission.name} on ${denied.join(
        ', ',
      )}${described}`,
    );
  }
  return refs;
}
