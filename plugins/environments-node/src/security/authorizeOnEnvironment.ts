import type {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { isEnvironmentEntity } from '@stageline/plugin-environments-common';
import { resolveComponentScope } from './resolveComponentScope';
import type { EnvironmentTarget } from '../target/EnvironmentTarget';
import { findEnvironmentsOfStack } from './findEnvironments';

/**
 * Who decides, for {@link authorizeOnEnvironment}.
 *
 * @public
 */
export interface EnvironmentAuthorization {
  permissions: PermissionsService;
  /** The module's own credentials come from here: Environments the user cannot see count too. */
  auth: AuthService;
  /** Owners allowed to own Environments of others' components (`environments.security.trustedEnvironmentOwners`). */
  trustedOwners: string[];
}

/**
 * Checks a Stageline permission (`environments.deploy`, `.destroy`) for the user who started the
 * task against every Environment entity the stack operation touches: the one named by
 * `environmentRef`, and every Environment in the catalog whose `spec.deployment` describes the
 * target's stack (same name, region and account), looked up with the module's own credentials so
 * one the user cannot see still counts. The strictest decides, so a self-registered
 * "development" Environment describing the production stack gains nothing. A target given as
 * app / stage / region is checked against the Environments of its stack, and a stack no
 * Environment describes is refused: the scaffolder is no way around the permission policy. The
 * Environment named by `environmentRef` must also be owned by its component's owner (or a
 * trusted owner).
 *
 * @returns the entity refs the user was authorized on
 * @throws NotAllowedError naming the permission and the environments denied, or why the
 *   Environment may not act for its component, or that no Environment describes the stack
 *
 * @public
 */
export async function authorizeOnEnvironment(
  options: EnvironmentAuthorization & {
    permission: ResourcePermission<'catalog-entity'>;
    catalog: CatalogService;
    target: EnvironmentTarget;
    credentials: BackstageCredentials;
  },
): Promise<string[]> {
  const { permissions, permission, catalog, target, credentials } = options;
  if (target.entityRef) {
    const named = await catalog.getEntityByRef(target.entityRef, {
      credentials,
    });
    if (isEnvironmentEntity(named)) {
      await resolveComponentScope({
        environment: named,
        loadComponent: async ref =>
          (await catalog.getEntityByRef(ref, { credentials })) ?? undefined,
        trustedOwners: options.trustedOwners,
      });
    }
  }
  const ofStack = await findEnvironmentsOfStack({
    catalog,
    credentials: await options.auth.getOwnServiceCredentials(),
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
