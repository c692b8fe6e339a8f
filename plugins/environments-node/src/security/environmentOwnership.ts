import type { Config } from '@backstage/config';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { EnvironmentEntity } from '@stageline/plugin-environments-common';

/** Config key of the owners allowed to own Environments of other owners' components. @public */
export const TRUSTED_ENVIRONMENT_OWNERS_KEY =
  'environments.security.trustedEnvironmentOwners';

function ownerRef(owner: string, namespace: string | undefined): string {
  return stringifyEntityRef(
    parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: namespace ?? 'default',
    }),
  ).toLocaleLowerCase('en-US');
}

/**
 * The owners (groups or users) platform engineers allow to own Environments of components
 * they do not own, from `environments.security.trustedEnvironmentOwners`, normalized.
 *
 * @public
 */
export function readTrustedEnvironmentOwners(config: Config): string[] {
  const refs =
    config.getOptionalStringArray(TRUSTED_ENVIRONMENT_OWNERS_KEY) ?? [];
  return refs.map((ref, index) => {
    try {
      return ownerRef(ref, 'default');
    } catch {
      throw new InputError(
        `${TRUSTED_ENVIRONMENT_OWNERS_KEY}[${index}] must be an entity ref such as group:default/platform; got ${JSON.stringify(
          ref,
        )}`,
      );
    }
  });
}

/**
 * Why an Environment may not stand for its component, or undefined when it may: an Environment
 * must be owned by the owner of the component it names (`spec.component`), unless its owner is
 * one of `trustedOwners`. Anyone can register an Environment naming any component; this is what
 * stops one from speaking for a component someone else owns.
 *
 * @public
 */
export function environmentOwnershipProblem(
  environment: EnvironmentEntity,
  component: Entity,
  trustedOwners: string[],
): string | undefined {
  const environmentOwner = ownerRef(
    environment.spec.owner,
    environment.metadata.namespace,
  );
  const componentOwnerValue = (
    component.spec as { owner?: unknown } | undefined
  )?.owner;
  const componentOwner =
    typeof componentOwnerValue === 'string'
      ? ownerRef(componentOwnerValue, component.metadata.namespace)
      : undefined;
  if (environmentOwner === componentOwner) return undefined;
  if (trustedOwners.includes(environmentOwner)) return undefined;
  return `${stringifyEntityRef(
    environment,
  )} is owned by ${environmentOwner}, but its component ${stringifyEntityRef(
    component,
  )} is owned by ${
    componentOwner ?? 'nobody'
  }: an Environment must have its component's owner (or an owner in ${TRUSTED_ENVIRONMENT_OWNERS_KEY})`;
}
