import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  environmentEntityV1alpha1Validator,
  isEnvironmentEntity,
  RELATION_ENVIRONMENT_OF,
  RELATION_HAS_ENVIRONMENT,
  RELATION_PROMOTED_FROM,
  RELATION_PROMOTES_TO,
} from '@stageline/plugin-environments-common';

/** Each reference field of an Environment, the kind it defaults to and the relation pair it emits. */
const RELATION_FIELDS = [
  { field: 'owner', defaultKind: 'Group', outgoing: RELATION_OWNED_BY, incoming: RELATION_OWNER_OF },
  { field: 'system', defaultKind: 'System', outgoing: RELATION_PART_OF, incoming: RELATION_HAS_PART },
  { field: 'component', defaultKind: 'Component', outgoing: RELATION_ENVIRONMENT_OF, incoming: RELATION_HAS_ENVIRONMENT },
  { field: 'promotesTo', defaultKind: 'Environment', outgoing: RELATION_PROMOTES_TO, incoming: RELATION_PROMOTED_FROM },
] as const;

/**
 * Validates `Environment` entities and emits their relations in both directions.
 *
 * @public
 */
export class EnvironmentEntityProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'EnvironmentEntityProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    return environmentEntityV1alpha1Validator.check(entity);
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isEnvironmentEntity(entity)) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    for (const { field, defaultKind, outgoing, incoming } of RELATION_FIELDS) {
      const value = entity.spec[field];
      if (!value) continue;
      const target = parseEntityRef(value, {
        defaultKind,
        defaultNamespace: self.namespace,
      });
      emit(processingResult.relation({ source: self, type: outgoing, target }));
      emit(processingResult.relation({ source: target, type: incoming, target: self }));
    }
    return entity;
  }
}
