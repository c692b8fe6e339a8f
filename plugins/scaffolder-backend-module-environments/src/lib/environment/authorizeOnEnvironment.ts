import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * Checks a Stageline permission (`environments.deploy`, `.destroy`, `.promote`) against an
 * Environment entity for the user who started the task, so the scaffolder is no way around the
 * permission policy.
 *
 * @throws NotAllowedError naming the permission and the environment
 */
export async function authorizeOnEnvironment(options: {
  permissions: PermissionsService;
  permission: ResourcePermission<'catalog-entity'>;
  entityRef: string;
  credentials: BackstageCredentials;
}): Promise<void> {
  const { permissions, permission, entityRef, credentials } = options;
  const [decision] = await permissions.authorize(
    [{ permission, resourceRef: entityRef }],
    {
      credentials,
    },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You are not allowed ${permission.name} on ${entityRef}`,
    );
  }
}
