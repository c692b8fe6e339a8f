import { ANNOTATION_LOCATION, Entity } from '@backstage/catalog-model';
import { isEnvironmentEntity } from '@stageline/plugin-environments-common';
import {
  ANNOTATION_DISCOVERED_STACK,
  DISCOVERY_LOCATION_TYPE,
} from './discoveredEnvironment';
import type { DiscoveredStack } from './listStacks';

/**
 * Finds discovered stacks by name (and region and account, when known).
 *
 * @public
 */
export type FindDiscoveredStacks = (query: {
  stackName: string;
  region?: string;
  accountId?: string;
}) => Promise<DiscoveredStack[]>;

/**
 * A declared Environment with the gaps discovery can fill: when exactly one discovered stack
 * matches its `spec.deployment` (same name; same region and account where it gives them), the
 * region and account it leaves out, its health check from the stack's `HealthCheckUrl` output
 * when it has none, and the annotation `stageline.dev/discovered-stack`. What the Environment
 * declares always wins; nothing is filled when several stacks match.
 */
export async function fillFromDiscovery(
  entity: Entity,
  find: FindDiscoveredStacks,
): Promise<Entity> {
  if (!isEnvironmentEntity(entity)) return entity;
  const location = entity.metadata.annotations?.[ANNOTATION_LOCATION] ?? '';
  if (location.startsWith(`${DISCOVERY_LOCATION_TYPE}:`)) return entity;
  const deployment = entity.spec.deployment;
  if (typeof deployment?.stackName !== 'string') return entity;
  const stacks = await find({
    stackName: deployment.stackName,
    region:
      typeof deployment.region === 'string' ? deployment.region : undefined,
    accountId:
      typeof deployment.accountId === 'string'
        ? deployment.accountId
        : undefined,
  });
  if (stacks.length !== 1) return entity;
  const [stack] = stacks;
  const healthUrl = stack.outputs.HealthCheckUrl;
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [ANNOTATION_DISCOVERED_STACK]: stack.stackId,
      },
    },
    spec: {
      ...entity.spec,
      deployment: {
        ...deployment,
        region: deployment.region ?? stack.region,
        accountId: deployment.accountId ?? stack.accountId,
      },
      ...(!entity.spec.healthCheck &&
      healthUrl &&
      /^https?:\/\/\S+$/.test(healthUrl)
        ? { healthCheck: { url: healthUrl } }
        : {}),
    },
  };
}
