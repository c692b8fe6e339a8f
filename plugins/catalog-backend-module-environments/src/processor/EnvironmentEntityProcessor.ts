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
  fillFromDiscovery,
  FindDiscoveredStacks,
} from '../discovery/fillFromDiscovery';
import {
  componentRefOf,
  environmentOwnershipProblem,
} from '@stageline/plugin-environments-node';
import {
  EnvironmentEntity,
  environmentEntityV1alpha1Validator,
  isEnvironmentEntity,
  RELATION_ENVIRONMENT_OF,
  RELATION_HAS_ENVIRONMENT,
  RELATION_PROMOTED_FROM,
  RELATION_PROMOTES_TO,
} from '@stageline/plugin-environments-common';

/** Each reference field of an Environment, the kind it defaults to and the relation pair it emits. */
const RELATION_FIELDS = [
  {
    field: 'owner',
    defaultKind: 'Group',
    outgoing: RELATION_OWNED_BY,
    incoming: RELATION_OWNER_OF,
  },
  {
    field: 'system',
    defaultKind: 'System',
    outgoing: RELATION_PART_OF,
    incoming: RELATION_HAS_PART,
  },
  {
    field: 'component',
    defaultKind: 'Component',
    outgoing: RELATION_ENVIRONMENT_OF,
    incoming: RELATION_HAS_ENVIRONMENT,
  },
  {
    field: 'promotesTo',
    defaultKind: 'Environment',
    outgoing: RELATION_PROMOTES_TO,
    incoming: RELATION_PROMOTED_FROM,
  },
] as const;

/**
 * Options of {@link EnvironmentEntityProcessor}.
 *
 * @public
 */
export interface EnvironmentEntityProcessorOptions {
  /**
   * Reads a component from the catalog (undefined when it is not there, or not yet). With it,
   * an Environment whose owner is not its component's owner is marked with an error.
   */
  getComponent?: (ref: string) => Promise<Entity | undefined>;
  /** Owners that may own Environments of any component (normalized entity refs). */
  trustedOwners?: string[];
  /**
   * Reads the stacks CloudFormation discovery found; with it, a declared Environment's gaps
   * (region, account, health check) are filled from the stack it describes.
   */
  findDiscoveredStacks?: FindDiscoveredStacks;
}

/**
 * Validates `Environment` entities and emits their relations in both directions. With
 * `getComponent`, it also refuses an Environment that speaks for a component someone else owns:
 * its owner must be the component's owner (or a trusted owner), otherwise the entity gets a
 * processing error naming both owners. An Environment whose component is not in the catalog (yet)
 * is let through: the environments backend checks again before it acts. With
 * `findDiscoveredStacks`, a declared Environment's gaps are filled from the stack discovery found
 * for it (see `fillFromDiscovery`).
 *
 * @public
 */
export class EnvironmentEntityProcessor implements CatalogProcessor {
  constructor(
    private readonly options: EnvironmentEntityProcessorOptions = {},
  ) {}

  getProcessorName(): string {
    return 'EnvironmentEntityProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    const find = this.options.findDiscoveredStacks;
    return find ? fillFromDiscovery(entity, find) : entity;
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    return environmentEntityV1alpha1Validator.check(entity);
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isEnvironmentEntity(entity)) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    const problem = await this.#ownershipProblem(entity);
    if (problem) {
      emit(processingResult.inputError(location, problem));
    }
    for (const { field, defaultKind, outgoing, incoming } of RELATION_FIELDS) {
      const value = entity.spec[field];
      if (!value) continue;
      const target = parseEntityRef(value, {
        defaultKind,
        defaultNamespace: self.namespace,
      });
      emit(processingResult.relation({ source: self, type: outgoing, target }));
      emit(
        processingResult.relation({
          source: target,
          type: incoming,
          target: self,
        }),
      );
    }
    return entity;
  }

  async #ownershipProblem(
    entity: EnvironmentEntity,
  ): Promise<string | undefined> {
    const { getComponent, trustedOwners = [] } = this.options;
    if (!getComponent) return undefined;
    const component = await getComponent(componentRefOf(entity));
    return component
      ? environmentOwnershipProblem(entity, component, trustedOwners)
      : undefined;
  }
}
