import { z } from 'zod';
import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { EntitiesSearchFilter } from '@backstage/plugin-catalog-node';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { ENVIRONMENT_STAGES } from '@stageline/plugin-environments-common';

/**
 * Catalog entities as seen by the environments plugin's permission rules: conditional
 * decisions on `environments.promote` are evaluated by the environments backend against the
 * target Environment entity.
 *
 * @public
 */
export const environmentEntityPermissionResourceRef =
  createPermissionResourceRef<Entity, EntitiesSearchFilter>().with({
    pluginId: 'environments',
    resourceType: 'catalog-entity',
  });

function owners(entity: Entity): string[] {
  const fromRelations = (entity.relations ?? [])
    .filter(r => r.type === RELATION_OWNED_BY)
    .map(r => r.targetRef);
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  const fromSpec =
    typeof owner === 'string'
      ? [
          stringifyEntityRef(
            parseEntityRef(owner, {
              defaultKind: 'group',
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          ),
        ]
      : [];
  return [...fromRelations, ...fromSpec].map(ref =>
    ref.toLocaleLowerCase('en-US'),
  );
}

/**
 * The environment is owned (`spec.owner` / `ownedBy`) by one of `claims` — pass the user's
 * `ownershipEntityRefs`.
 *
 * @public
 */
export const isEnvironmentOwner = createPermissionRule({
  name: 'IS_ENVIRONMENT_OWNER',
  description:
    'Allow when the environment is owned by one of the given entity refs (the user and their groups)',
  resourceRef: environmentEntityPermissionResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Entity refs of the user and their groups'),
  }),
  apply: (entity, { claims }) => {
    const wanted = new Set(claims.map(c => c.toLocaleLowerCase('en-US')));
    return owners(entity).some(owner => wanted.has(owner));
  },
  toQuery: ({ claims }) => ({ key: 'relations.ownedBy', values: claims }),
});

/**
 * The environment's stage (`spec.type`) is one of `stages`, e.g. `['production']`.
 *
 * @public
 */
export const isEnvironmentStage = createPermissionRule({
  name: 'IS_ENVIRONMENT_STAGE',
  description: 'Allow when the environment serves one of the given stages',
  resourceRef: environmentEntityPermissionResourceRef,
  paramsSchema: z.object({
    stages: z
      .array(z.enum(ENVIRONMENT_STAGES))
      .describe('Stages, e.g. production'),
  }),
  apply: (entity, { stages }) =>
    (stages as string[]).includes(
      String((entity.spec as { type?: unknown } | undefined)?.type),
    ),
  toQuery: ({ stages }) => ({ key: 'spec.type', values: stages }),
});

/**
 * Every permission rule the environments backend evaluates.
 *
 * @public
 */
export const environmentPermissionRules = {
  isEnvironmentOwner,
  isEnvironmentStage,
};

const conditionExports = createConditionExports({
  resourceRef: environmentEntityPermissionResourceRef,
  rules: environmentPermissionRules,
});

/**
 * Condition factories for policies: `environmentConditions.isEnvironmentOwner({ claims })`,
 * `environmentConditions.isEnvironmentStage({ stages: ['production'] })`.
 *
 * @public
 */
export const environmentConditions = conditionExports.conditions;

/**
 * Wraps conditions into a conditional decision evaluated by the environments backend.
 *
 * @public
 */
export const createEnvironmentConditionalDecision =
  conditionExports.createConditionalDecision;
