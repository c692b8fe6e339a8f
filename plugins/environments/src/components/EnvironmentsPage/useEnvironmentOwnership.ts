import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { ENVIRONMENT_KIND } from '@stageline/plugin-environments-common';

/** Owner and system of one environment, as full entity refs. */
export interface Ownership {
  owner?: string;
  system?: string;
}

function fullRef(ref: unknown, defaultKind: string, defaultNamespace: string) {
  if (typeof ref !== 'string' || !ref) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace }),
    );
  } catch {
    return undefined;
  }
}

/** Owner and system of an Environment entity, as full entity refs. */
export function ownershipOf(entity: Entity): Ownership {
  const namespace = entity.metadata.namespace ?? 'default';
  return {
    owner: fullRef(entity.spec?.owner, 'group', namespace),
    system: fullRef(entity.spec?.system, 'system', namespace),
  };
}

/**
 * Owner and system of every Environment entity in the catalog, keyed by entity ref: the
 * options of the overview's filters (the status API does not carry them).
 */
export function useEnvironmentOwnership() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: ENVIRONMENT_KIND },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'spec.owner',
        'spec.system',
      ],
    });
    return new Map(
      items.map(entity => [stringifyEntityRef(entity), ownershipOf(entity)]),
    );
  }, [catalogApi]);
}
