import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EnvironmentEntityV1alpha1,
  EnvironmentStage,
  isEnvironmentEntity,
} from '@stageline/plugin-environments-common';
import type { EnvironmentTarget } from '../target/EnvironmentTarget';

/**
 * The catalog, read as the task user.
 *
 * @public
 */
export type CatalogAccess = {
  catalog: CatalogService;
  /** The task user's: only Environments that user may see are found. */
  credentials: BackstageCredentials;
};

/** The fields the lookups read. */
const FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'spec.type',
  'spec.component',
  'spec.deployment',
];

async function environmentsMatching(
  { catalog, credentials }: CatalogAccess,
  filter: Record<string, string> = {},
): Promise<EnvironmentEntityV1alpha1[]> {
  const { items } = await catalog.getEntities(
    { filter: { kind: 'Environment', ...filter }, fields: FIELDS },
    { credentials },
  );
  return items.filter(isEnvironmentEntity);
}

/**
 * Entity refs of the Environments whose `spec.deployment` describes the target's stack: the same
 * stack name, the same region where the entity names one, and the same account where both name
 * one. Matched here rather than by a catalog filter on `spec.deployment.stackName`, which is
 * case-insensitive while stack names are not.
 *
 * @public
 */
export async function findEnvironmentsOfStack(
  options: CatalogAccess & {
    target: Pick<EnvironmentTarget, 'stackName' | 'region' | 'accountId'>;
  },
): Promise<string[]> {
  const { stackName, region, accountId } = options.target;
  const entities = await environmentsMatching(options);
  return entities
    .filter(({ spec: { deployment } }) => {
      if (deployment?.stackName !== stackName) return false;
      if (deployment.region && deployment.region !== region) return false;
      return !(
        deployment.accountId &&
        accountId &&
        deployment.accountId !== accountId
      );
    })
    .map(entity => stringifyEntityRef(entity));
}

/** `macro-ai-api` → `component:default/macro-ai-api`, lower case (refs compare case-insensitively). */
function normalizedRef(ref: string, defaultNamespace: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref, { defaultKind: 'component', defaultNamespace }),
  ).toLocaleLowerCase('en-US');
}

/**
 * Entity refs of the Environments of a component at a stage.
 *
 * @public
 */
export async function findEnvironmentsOfComponent(
  options: CatalogAccess & { componentRef: string; stage: EnvironmentStage },
): Promise<string[]> {
  const component = normalizedRef(options.componentRef, 'default');
  const entities = await environmentsMatching(options, {
    'spec.type': options.stage,
  });
  return entities
    .filter(
      entity =>
        normalizedRef(
          entity.spec.component,
          entity.metadata.namespace ?? 'default',
        ) === component,
    )
    .map(entity => stringifyEntityRef(entity));
}
