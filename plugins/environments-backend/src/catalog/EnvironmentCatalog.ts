import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EnvironmentEntity,
  isEnvironmentEntity,
  RELATION_ENVIRONMENT_OF,
} from '@stageline/plugin-environments-common';
import { orderEnvironments } from './orderEnvironments';

/**
 * Reads Environment entities from the catalog with the caller's credentials, so a user only
 * ever sees environments the catalog lets them see.
 */
export class EnvironmentCatalog {
  constructor(private readonly catalog: CatalogService) {}

  /** The environments of a component (by `environmentOf` relation or `spec.component`), in promotion order. */
  async forComponent(
    componentRef: string,
    credentials: BackstageCredentials,
  ): Promise<EnvironmentEntity[]> {
    const ref = parseEntityRef(componentRef, { defaultKind: 'component' });
    const full = stringifyEntityRef(ref);
    const componentValues =
      ref.namespace === 'default' ? [full, ref.name] : [full];
    const { items } = await this.catalog.getEntities(
      {
        filter: [
          {
            kind: 'Environment',
            [`relations.${RELATION_ENVIRONMENT_OF}`]: full,
          },
          { kind: 'Environment', 'spec.component': componentValues },
        ],
      },
      { credentials },
    );
    const environments = dedupe(items.filter(isEnvironmentEntity));
    if (environments.length === 0) {
      const component = await this.catalog.getEntityByRef(full, {
        credentials,
      });
      if (!component) {
        throw new NotFoundError(`No entity ${full} in the catalog`);
      }
    }
    return orderEnvironments(environments);
  }

  /** Every environment, optionally those of one owner and/or system, in promotion order. */
  async all(
    credentials: BackstageCredentials,
    options: { owner?: string; system?: string } = {},
  ): Promise<EnvironmentEntity[]> {
    const filter: Record<string, string | string[]> = { kind: 'Environment' };
    if (options.owner) {
      filter['relations.ownedBy'] = stringifyEntityRef(
        parseEntityRef(options.owner, { defaultKind: 'group' }),
      );
    }
    if (options.system) {
      filter['relations.partOf'] = stringifyEntityRef(
        parseEntityRef(options.system, { defaultKind: 'system' }),
      );
    }
    const { items } = await this.catalog.getEntities(
      { filter },
      { credentials },
    );
    return orderEnvironments(items.filter(isEnvironmentEntity));
  }

  /** One environment; NotFoundError when the catalog has none (or the caller may not see it). */
  async get(
    ref: CompoundEntityRef | string,
    credentials: BackstageCredentials,
  ): Promise<EnvironmentEntity> {
    const full = stringifyEntityRef(
      typeof ref === 'string'
        ? parseEntityRef(ref, { defaultKind: 'environment' })
        : ref,
    );
    const entity = await this.catalog.getEntityByRef(full, { credentials });
    if (!isEnvironmentEntity(entity)) {
      throw new NotFoundError(`No environment ${full} in the catalog`);
    }
    return entity;
  }

  /** Like {@link EnvironmentCatalog.get} but undefined when missing. */
  async find(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<EnvironmentEntity | undefined> {
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    return isEnvironmentEntity(entity) ? entity : undefined;
  }
}

function dedupe(environments: EnvironmentEntity[]): EnvironmentEntity[] {
  const seen = new Map<string, EnvironmentEntity>();
  for (const environment of environments) {
    seen.set(stringifyEntityRef(environment), environment);
  }
  return [...seen.values()];
}
