import { createPermission } from '@backstage/plugin-permission-common';

/** Resource type of entity-scoped permissions, as defined by the catalog. */
const RESOURCE_TYPE_CATALOG_ENTITY = 'catalog-entity';

/**
 * Promote into an environment (authorized against the target Environment entity).
 *
 * @public
 */
export const environmentsPromotePermission = createPermission({
  name: 'environments.promote',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Deploy an environment's stack. @public */
export const environmentsDeployPermission = createPermission({
  name: 'environments.deploy',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Destroy an environment's stack. @public */
export const environmentsDestroyPermission = createPermission({
  name: 'environments.destroy',
  attributes: { action: 'delete' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Every permission Stageline defines. @public */
export const environmentsPermissions = [
  environmentsPromotePermission,
  environmentsDeployPermission,
  environmentsDestroyPermission,
];
