import { AWS_PRICES } from '../prices/aws-prices';
import { ResolvedResource } from '../template/resolveTemplate';
import { LineBuilder } from './LineBuilder';
import {
  objectProperty,
  optionalBoolean,
  optionalNumber,
  optionalString,
  referencedResource,
  requiredString,
} from './properties';
import { CannotPrice, Pricer, PricingContext } from './types';

/** An Aurora instance: Serverless v2 at its cluster's minimum ACUs; provisioned is not in the table. */
function auroraInstance(
  resource: ResolvedResource,
  instanceClass: string,
  context: PricingContext,
) {
  const line = new LineBuilder(context.region);
  if (instanceClass !== 'db.serverless') {
    return line
      .cannotPrice(
        `Aurora provisioned instance prices (${instanceClass}) are not in the price table`,
      )
      .build();
  }
  const cluster = referencedResource(
    resource.properties.DBClusterIdentifier,
    context,
  );
  if (!cluster)
    throw new CannotPrice(
      'DBClusterIdentifier is not a cluster of this template',
    );
  const scaling = objectProperty(
    cluster.properties,
    'ServerlessV2ScalingConfiguration',
  );
  const minimum = optionalNumber(scaling, 'MinCapacity');
  if (minimum === undefined)
    throw new CannotPrice(
      `cluster ${cluster.logicalId} has no ServerlessV2ScalingConfiguration.MinCapacity`,
    );
  const maximum = optionalNumber(scaling, 'MaxCapacity') ?? '?';
  return line
    .hourly(
      'ACU (Serverless v2 minimum capacity)',
      minimum,
      AWS_PRICES.auroraServerlessV2AcuHour,
    )
    .note(
      `${acuHoursNote(
        minimum,
        context,
      )}; it scales up to ${maximum} ACU under load`,
    )
    .build();
}

/**
 * What the ACU line assumes. Serverless v2 bills the capacity it runs at per second, never
 * below the minimum while it runs; a stopped Aurora cluster bills storage and backups but no
 * ACUs, and an instance paused at 0 ACU bills no capacity.
 */
function acuHoursNote(minimum: number, context: PricingContext): string {
  const when = context.scheduled
    ? `for the ${context.runningHours} h a month the schedule keeps it running (assumes the shutdown stops the Aurora cluster: a stopped cluster bills storage but no ACUs; a cluster left running bills at least the minimum every hour)`
    : `for all ${context.runningHours} h of the month`;
  const pause =
    minimum === 0
      ? ' (MinCapacity 0: assumed paused with no connections; every hour it is active bills the ACUs it uses)'
      : '';
  return `priced at the minimum ${minimum} ACU${pause} ${when}`;
}

/**
 * `AWS::RDS::DBInstance`: for PostgreSQL, the instance class hours (Single-AZ or Multi-AZ) and
 * the allocated storage; backups within the free allowance. Aurora Serverless v2 instances
 * are priced at their cluster's minimum ACUs. Other engines, classes not in the table,
 * Enhanced Monitoring and long Performance Insights retention are listed as unpriced.
 *
 * @internal
 */
export const dbInstancePricer: Pricer = (resource, context) => {
  const { properties } = resource;
  const instanceClass = requiredString(properties, 'DBInstanceClass');
  const engine = (optionalString(properties, 'Engine') ?? '').toLowerCase();
  if (
    engine.startsWith('aurora') ||
    properties.DBClusterIdentifier !== undefined
  ) {
    return auroraInstance(resource, instanceClass, context);
  }
  const line = new LineBuilder(context.region);
  if (engine !== 'postgres') {
    return line
      .cannotPrice(
        `engine ${
          engine || '(not set)'
        }: only RDS for PostgreSQL prices are in the price table`,
      )
      .build();
  }
  const multiAz = optionalBoolean(properties, 'MultiAZ', false);
  const deployment = multiAz ? 'Multi-AZ' : 'Single-AZ';
  const instanceRows = AWS_PRICES.rdsPostgres.instances[instanceClass];
  if (instanceRows) {
    line.hourly(
      `${instanceClass} ${deployment} instance`,
      1,
      multiAz ? instanceRows.multiAz : instanceRows.single,
    );
  } else {
    line.cannotPrice(
      `instance class ${instanceClass} is not in the price table`,
    );
  }

  const storage = optionalNumber(properties, 'AllocatedStorage');
  const storageType = (
    optionalString(properties, 'StorageType') ??
    (properties.Iops ? 'io1' : 'gp2')
  ).toLowerCase();
  const storageRows = AWS_PRICES.rdsPostgres.storage[storageType];
  if (storage === undefined) {
    line.cannotPrice('AllocatedStorage is not set');
  } else if (storageRows) {
    line.monthly(
      `GB-mo ${storageType} storage ${deployment}`,
      storage,
      multiAz ? storageRows.multiAz : storageRows.single,
    );
  } else {
    line.cannotPrice(`${storageType} storage is not in the price table`);
  }
  line.note(
    'automated backups assumed within the free allowance (100% of the provisioned storage)',
  );
  if ((optionalNumber(properties, 'MonitoringInterval') ?? 0) > 0) {
    line.cannotPrice(
      'Enhanced Monitoring is billed as CloudWatch Logs usage and is not priced',
    );
  }
  if (
    (optionalNumber(properties, 'PerformanceInsightsRetentionPeriod') ?? 7) > 7
  ) {
    line.cannotPrice(
      'Performance Insights retention beyond the free 7 days is not in the price table',
    );
  }
  return line.build();
};

/**
 * `AWS::RDS::DBCluster`: Aurora storage and I/O, and Multi-AZ DB clusters, are not in the
 * price table (Aurora Serverless v2 capacity is priced on its instances).
 *
 * @internal
 */
export const dbClusterPricer: Pricer = (resource, context) => {
  const line = new LineBuilder(context.region);
  const engine = (
    optionalString(resource.properties, 'Engine') ?? ''
  ).toLowerCase();
  if (!engine.startsWith('aurora')) {
    return line
      .cannotPrice('Multi-AZ DB cluster prices are not in the price table')
      .build();
  }
  if (optionalString(resource.properties, 'EngineMode') === 'serverless') {
    return line
      .cannotPrice('Aurora Serverless v1 prices are not in the price table')
      .build();
  }
  return line
    .cannotPrice(
      'Aurora storage and I/O are billed by usage; their prices are not in the price table',
    )
    .build();
};
