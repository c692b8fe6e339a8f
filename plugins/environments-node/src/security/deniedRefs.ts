import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * The entity refs on which the policy does not allow the permission to the credentials' user.
 *
 * @public
 */
export async function deniedRefs(
  permissions: PermissionsService,
  permission: ResourcePermission<'catalog-entity'>,
  refs: string[],
  credentials: BackstageCredentials,
): Promise<string[]> {
  const decisions = await permissions.authorize(
    refs.map(resourceRef => ({ permission, resourceRef })),
    { credentials },
  );
  return refs.filter(
    (_, index) => decisions[index]?.result !== AuthorizeResult.ALLOW,
  );
}
