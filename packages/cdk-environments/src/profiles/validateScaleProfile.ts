import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  ElastiCacheProfile,
  FargateComputeProfile,
  LambdaComputeProfile,
  RdsDatabaseProfile,
  ScaleProfile,
} from './ScaleProfile';

/** Fargate's valid memory (MiB) for each CPU setting. */
const FARGATE_MEMORY: Record<
  number,
  { min: number; max: number; step: number }
> = {
  256: { min: 512, max: 2048, step: 512 },
  512: { min: 1024, max: 4096, step: 1024 },
  1024: { min: 2048, max: 8192, step: 1024 },
  2048: { min: 4096, max: 16384, step: 1024 },
  4096: { min: 8192, max: 30720, step: 1024 },
};

const RETENTION_VALUES = Object.values(RetentionDays).filter(
  (value): value is number => typeof value === 'number',
);

function fail(path: string, value: unknown, expectation: string): never {
  throw new Error(
    `Invalid scale profile: ${path} is ${JSON.stringify(
      value,
    )}; ${expectation}`,
  );
}

function integer(path: string, value: unknown, min: number, max: number) {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < min ||
    value > max
  ) {
    fail(path, value, `expected an integer from ${min} to ${max}`);
  }
}

function oneOf(path: string, value: unknown, allowed: readonly unknown[]) {
  if (!allowed.includes(value)) {
    fail(
      path,
      value,
      `expected one of ${allowed.map(a => JSON.stringify(a)).join(', ')}`,
    );
  }
}

function boolean(path: string, value: unknown) {
  oneOf(path, value, [true, false]);
}

function matches(
  path: string,
  value: unknown,
  pattern: RegExp,
  example: string,
) {
  if (typeof value !== 'string' || !pattern.test(value)) {
    fail(path, value, `expected a value like "${example}"`);
  }
}

function requireNetwork(
  profile: ScaleProfile,
  path: string,
  value: unknown,
  what: string,
) {
  if (!profile.network.enabled) {
    fail(path, value, `${what} needs network.enabled true`);
  }
}

/** Databases and caches run in isolated subnets of the VPC. */
function requireDataSubnets(
  profile: ScaleProfile,
  path: string,
  value: unknown,
  what: string,
) {
  requireNetwork(profile, path, value, what);
  if (!profile.network.isolatedSubnets) {
    fail(
      'network.isolatedSubnets',
      false,
      `${what} runs in isolated subnets: set it to true`,
    );
  }
}

function validateLambda(compute: LambdaComputeProfile) {
  integer('compute.memoryMiB', compute.memoryMiB, 128, 10240);
  integer('compute.timeoutSeconds', compute.timeoutSeconds, 1, 29);
  oneOf('compute.architecture', compute.architecture, ['arm64', 'x86_64']);
}

function validateFargate(
  profile: ScaleProfile,
  compute: FargateComputeProfile,
) {
  requireNetwork(profile, 'compute.kind', compute.kind, 'Fargate');
  oneOf('compute.cpu', compute.cpu, Object.keys(FARGATE_MEMORY).map(Number));
  const memory = FARGATE_MEMORY[compute.cpu];
  if (
    typeof compute.memoryMiB !== 'number' ||
    compute.memoryMiB < memory.min ||
    compute.memoryMiB > memory.max ||
    compute.memoryMiB % memory.step !== 0
  ) {
    fail(
      'compute.memoryMiB',
      compute.memoryMiB,
      `with cpu ${compute.cpu} Fargate accepts ${memory.min}–${memory.max} in steps of ${memory.step}`,
    );
  }
  oneOf('compute.architecture', compute.architecture, ['arm64', 'x86_64']);
  matches(
    'compute.containerImage',
    compute.containerImage,
    /^\S+$/,
    'public.ecr.aws/docker/library/node:22-alpine',
  );
  integer('compute.containerPort', compute.containerPort, 1, 65535);
  const scaling =
    compute.autoScaling ??
    fail('compute.autoScaling', undefined, 'expected an object');
  integer('compute.autoScaling.minCapacity', scaling.minCapacity, 1, 1000);
  integer(
    'compute.autoScaling.maxCapacity',
    scaling.maxCapacity,
    scaling.minCapacity,
    1000,
  );
  integer(
    'compute.desiredCount',
    compute.desiredCount,
    scaling.minCapacity,
    scaling.maxCapacity,
  );
  integer(
    'compute.autoScaling.targetCpuUtilization',
    scaling.targetCpuUtilization,
    10,
    90,
  );
}

function validateRds(profile: ScaleProfile, database: RdsDatabaseProfile) {
  requireDataSubnets(profile, 'database.provider', database.provider, 'RDS');
  matches(
    'database.instanceClass',
    database.instanceClass,
    /^db\.[a-z0-9]+\.[a-z0-9]+$/,
    'db.t4g.medium',
  );
  boolean('database.multiAz', database.multiAz);
  if (database.multiAz && profile.network.maxAzs < 2) {
    fail(
      'network.maxAzs',
      profile.network.maxAzs,
      'a Multi-AZ database needs at least 2 zones',
    );
  }
  integer(
    'database.allocatedStorageGiB',
    database.allocatedStorageGiB,
    20,
    65536,
  );
  oneOf('database.storageType', database.storageType, ['gp2', 'gp3']);
  integer('database.backupRetentionDays', database.backupRetentionDays, 1, 35);
  boolean('database.deletionProtection', database.deletionProtection);
  boolean('database.performanceInsights', database.performanceInsights);
  integer(
    'database.connectionsAlarmThreshold',
    database.connectionsAlarmThreshold,
    1,
    100000,
  );
}

function validateElastiCache(profile: ScaleProfile, cache: ElastiCacheProfile) {
  requireDataSubnets(profile, 'cache.provider', cache.provider, 'ElastiCache');
  oneOf('cache.engine', cache.engine, ['redis', 'valkey']);
  matches(
    'cache.nodeType',
    cache.nodeType,
    /^cache\.[a-z0-9]+\.[a-z0-9]+$/,
    'cache.t4g.small',
  );
  integer('cache.numCacheNodes', cache.numCacheNodes, 1, 6);
  boolean('cache.multiAz', cache.multiAz);
  if (
    cache.multiAz &&
    (cache.numCacheNodes < 2 || profile.network.maxAzs < 2)
  ) {
    fail(
      'cache.multiAz',
      true,
      'Multi-AZ needs cache.numCacheNodes ≥ 2 and network.maxAzs ≥ 2',
    );
  }
}

/**
 * Checks a (possibly overridden) scale profile for values the stack cannot build or AWS
 * would refuse, e.g. more NAT gateways than zones or an invalid Fargate CPU/memory pair.
 *
 * @param profile - the profile
 * @param zonesInRegion - how many zones the region offers (see `availabilityZoneCount`)
 * @returns the profile
 * @throws Error naming the field, its value and what is expected
 * @public
 */
export function validateScaleProfile(
  profile: ScaleProfile,
  zonesInRegion: number,
): ScaleProfile {
  const { network, compute, database, cache, edge, monitoring, secrets } =
    profile;
  boolean('network.enabled', network.enabled);
  if (network.enabled) {
    integer('network.maxAzs', network.maxAzs, 1, zonesInRegion);
    integer('network.natGateways', network.natGateways, 0, network.maxAzs);
    boolean('network.isolatedSubnets', network.isolatedSubnets);
    if (network.natGateways < 1) {
      fail(
        'network.natGateways',
        network.natGateways,
        'the API runs in private subnets and needs at least 1 NAT gateway to reach the internet (container image, Neon, Upstash, OpenAI)',
      );
    }
  } else if (network.natGateways !== 0) {
    fail(
      'network.natGateways',
      network.natGateways,
      'expected 0 when network.enabled is false',
    );
  }
  if (!Array.isArray(network.interfaceEndpoints)) {
    fail(
      'network.interfaceEndpoints',
      network.interfaceEndpoints,
      'expected a list of service names',
    );
  }
  network.interfaceEndpoints.forEach((name, index) =>
    matches(
      `network.interfaceEndpoints[${index}]`,
      name,
      /^[a-z0-9][a-z0-9.-]*$/,
      'secretsmanager',
    ),
  );
  if (network.interfaceEndpoints.length > 0) {
    requireNetwork(
      profile,
      'network.interfaceEndpoints',
      network.interfaceEndpoints,
      'Interface endpoints',
    );
  }

  oneOf('compute.kind', compute.kind, ['lambda', 'fargate']);
  if (compute.kind === 'lambda') validateLambda(compute);
  else validateFargate(profile, compute);

  oneOf('database.provider', database.provider, ['neon', 'rds']);
  if (database.provider === 'neon') {
    integer(
      'database.backupRetentionDays',
      database.backupRetentionDays,
      1,
      30,
    );
  } else validateRds(profile, database);

  oneOf('cache.provider', cache.provider, ['upstash', 'elasticache']);
  if (cache.provider === 'elasticache') validateElastiCache(profile, cache);

  boolean('edge.cloudFront', edge.cloudFront);
  boolean('edge.waf', edge.waf);
  if (edge.waf && compute.kind !== 'fargate') {
    fail(
      'edge.waf',
      true,
      'WAF attaches to the load balancer, so it needs compute.kind "fargate"',
    );
  }

  oneOf('monitoring.logRetention', monitoring.logRetention, RETENTION_VALUES);
  boolean('monitoring.alarms', monitoring.alarms);
  boolean('monitoring.dashboard', monitoring.dashboard);
  boolean('monitoring.detailedMonitoring', monitoring.detailedMonitoring);
  oneOf('secrets.store', secrets.store, ['parameter-store', 'secrets-manager']);
  return profile;
}
