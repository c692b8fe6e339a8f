import type { Entity } from '@backstage/catalog-model';
import {
  RELATION_HAS_ENVIRONMENT,
  isEnvironmentEntity,
} from '@stageline/plugin-environments-common';

/**
 * Whether a component has environments (`hasEnvironment` relations): the condition for
 * {@link EntityEnvironmentsCard}.
 *
 * @public
 */
export function isComponentWithEnvironments(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    (entity.relations ?? []).some(r => r.type === RELATION_HAS_ENVIRONMENT)
  );
}

/**
 * Whether the environments cards apply to an entity: a component with environments, or an
 * Environment entity. Use it with `EntitySwitch.Case if={isEnvironmentsAvailable}`.
 *
 * @public
 */
export function isEnvironmentsAvailable(entity: Entity): boolean {
  return isComponentWithEnvironments(entity) || isEnvironmentEntity(entity);
}
