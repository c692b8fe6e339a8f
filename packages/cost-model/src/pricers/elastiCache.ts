import { AWS_PRICES, PricePoint, PriceRow } from '../prices/aws-prices';
import { priced, withFallback } from '../prices/priceRows';
import { pageCacheHours } from '../prices/priceWatcherInstances';
import { withPagePrice } from '../prices/priceWatcherPrices';
import { V_CACHE_SOURCE, vantageCacheHours } from '../prices/vantagePrices';
import { SERVICE_PRICES } from '../prices/servicePrices';
import { LineBuilder } from './LineBuilder';
import { optionalNumber, optionalString, requiredString } from './properties';
import { Pricer, PricingContext } from './types';

const { elastiCache } = AWS_PRICES;

/** The Redis OSS row less the Valkey discount (the table: Valkey nodes cost 20% less). */
function valkeyRow(row: PriceRow): PriceRow {
  const factor = 1 - elastiCache.valkeyDiscount;
  const regions = Object.fromEntries(
    Object.entries(row.regions).map(([region, point]) => [
      region,
      { ...(point as PricePoint), usd: (point as PricePoint).usd * factor },
    ]),
  );
  return {
    ...row,
    label: `${row.label} less ${elastiCache.valkeyDiscount * 100}% for Valkey`,
    regions,
  };
}

/** The line for `nodes` nodes of `nodeType` running `engine`. */
function nodesLine(
  context: PricingContext,
  nodeType: string,
  engine: string,
  nodes: number,
) {
  const line = new LineBuilder(context.prices);
  if (engine !== 'redis' && engine !== 'valkey' && engine !== 'memcached') {
    return line.cannotPrice(`${engine} node prices are not in the price table`);
  }
  const name = { valkey: 'Valkey', redis: 'Redis OSS', memcached: 'Memcached' }[
    engine
  ];
  // Memcached and Redis OSS nodes of a type cost the same ([K]: cache.m4.large both $0.156/h).
  // [Q] (2025) before [V] (2022).
  const row = withFallback(
    withPagePrice(
      (engine === 'memcached' ? undefined : elastiCache.redisNodes[nodeType]) ??
        SERVICE_PRICES.elastiCacheNodes[nodeType] ??
        priced(
          `ElastiCache ${nodeType} ${name}`,
          'node-h',
          'AWS Price List API only',
          {},
        ),
      pageCacheHours(nodeType),
    ),
    vantageCacheHours(nodeType),
    V_CACHE_SOURCE,
  );
  const offline = Object.keys(row.regions).length > 0;
  return line.hourly(`${nodeType} ${name} node`, nodes, {
    ...(engine === 'valkey' && offline ? valkeyRow(row) : row),
    query: {
      serviceCode: 'AmazonElastiCache',
      filters: {
        instanceType: nodeType,
        cacheEngine: {
          valkey: 'Valkey',
          redis: 'Redis',
          memcached: 'Memcached',
        }[engine],
      },
    },
  });
}

function engineOf(properties: Record<string, unknown>): string {
  return (optionalString(properties, 'Engine') ?? 'redis').toLowerCase();
}

/**
 * `AWS::ElastiCache::CacheCluster`: `NumCacheNodes` nodes of the node type per hour.
 *
 * @internal
 */
export const cacheClusterPricer: Pricer = (resource, context) => {
  const { properties } = resource;
  return nodesLine(
    context,
    requiredString(properties, 'CacheNodeType'),
    engineOf(properties),
    optionalNumber(properties, 'NumCacheNodes') ?? 1,
  ).build();
};

/** Nodes of a replication group: `NumCacheClusters`, or shards × (replicas + 1). */
function replicationGroupNodes(
  properties: Record<string, unknown>,
): number | undefined {
  const clusters = optionalNumber(properties, 'NumCacheClusters');
  if (clusters !== undefined) return clusters;
  const groups = properties.NodeGroupConfiguration;
  if (Array.isArray(groups)) {
    return groups.reduce(
      (sum, group) =>
        sum +
        (optionalNumber(group as Record<string, unknown>, 'ReplicaCount') ??
          0) +
        1,
      0,
    );
  }
  const shards = optionalNumber(properties, 'NumNodeGroups');
  const replicas = optionalNumber(properties, 'ReplicasPerNodeGroup');
  return shards === undefined && replicas === undefined
    ? undefined
    : (shards ?? 1) * ((replicas ?? 0) + 1);
}

/**
 * `AWS::ElastiCache::ReplicationGroup`: every node of every shard per hour.
 *
 * @internal
 */
export const replicationGroupPricer: Pricer = (resource, context) => {
  const { properties } = resource;
  const nodes = replicationGroupNodes(properties);
  const line = nodesLine(
    context,
    requiredString(properties, 'CacheNodeType'),
    engineOf(properties),
    nodes ?? 1,
  );
  if (nodes === undefined) line.note('node count not set: 1 node assumed');
  return line.build();
};

/**
 * `AWS::ElastiCache::ServerlessCache`: the assumed data stored per hour and ECPUs a month
 * (prices exist for us-east-1 only).
 *
 * @internal
 */
export const serverlessCachePricer: Pricer = (resource, context) => {
  const engine = engineOf(resource.properties);
  const line = new LineBuilder(context.prices);
  if (engine !== 'redis' && engine !== 'valkey') {
    return line
      .cannotPrice(`serverless ${engine} prices are not in the price table`)
      .build();
  }
  const rows = elastiCache.serverless[engine];
  const ecpu = context.usage.get('elastiCacheServerlessEcpuMillionsPerMonth');
  return line
    .hourly(
      'GB data stored',
      context.usage.get('elastiCacheServerlessGb'),
      rows.gbHour,
    )
    .monthly('× 1M ECPUs', ecpu, rows.ecpuMillion)
    .build();
};
