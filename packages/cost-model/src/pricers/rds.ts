import { formatQuantity } from '../format';
import { AWS_PRICES, PriceRow } from '../prices/aws-prices';
import {
  DATABASE_PRICES,
  RDS_ENGINES,
  rdsInstanceRow,
} from '../prices/databasePrices';
import { withFallback } from '../prices/priceRows';
import { pageRdsHours } from '../prices/priceWatcherInstances';
import { withPagePrice } from '../prices/priceWatcherPrices';
import { V_RDS_SOURCE, vantageRdsHours } from '../prices/vantagePrices';
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

/** An Aurora instance: Serverless v2 at its cluster's minimum ACUs, provisioned by its class. */
function auroraInstance(
  resource: ResolvedResource,
  instanceClass: string,
  engine: string,
  context: PricingContext,
) {
  const line = new LineBuilder(context.prices);
  const cluster = referencedResource(
    resource.properties.DBClusterIdentifier,
    context,
  );
  if (instanceClass !== 'db.serverless') {
    const clusterEngine = cluster
      ? (optionalString(cluster.properties, 'Engine') ?? '').toLowerCase()
      : '';
    const key = auroraEngineKey(engine || clusterEngine);
    if (!key) {
      throw new CannotPrice(
        'the Aurora engine is not known: Engine is not set here or on a cluster of this template',
      );
    }
    return line
      .hourly(
        `${instanceClass} ${RDS_ENGINES[key].label} instance`,
        1,
        rdsInstanceRow(key, instanceClass, 'Single-AZ'),
      )
      .note('Aurora storage and I/O are priced on the cluster')
      .build();
  }
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

function auroraEngineKey(engine: string): string | undefined {
  if (engine === 'aurora-postgresql') return 'aurora-postgresql';
  if (engine === 'aurora-mysql' || engine === 'aurora') return 'aurora-mysql';
  return undefined;
}

/** The `RDS_ENGINES` key of an RDS engine and licence model, or `undefined` when not priced. */
function rdsEngineKey(
  engine: string,
  licenseModel?: string,
): string | undefined {
  if (['postgres', 'mysql', 'mariadb'].includes(engine)) return engine;
  if (/^sqlserver-(ex|web|se|ee)$/.test(engine)) return engine;
  const oracle = /^oracle-(se2|se1|se|ee)(-cdb)?$/.exec(engine);
  if (!oracle) return undefined;
  if (licenseModel === 'bring-your-own-license' || oracle[1] === 'ee')
    return 'oracle|bring-your-own-license';
  return oracle[1] === 'se2'
    ? 'oracle-se2|license-included'
    : 'oracle-se1|license-included';
}

/** Properties a read replica takes from its source when it does not set them. */
const INHERITED = [
  'Engine',
  'DBInstanceClass',
  'AllocatedStorage',
  'StorageType',
  'Iops',
  'LicenseModel',
];

/**
 * An instance's properties with what a read replica inherits from its source filled in
 * (followed through replicas of replicas).
 *
 * @throws CannotPrice when the source is outside the template and the engine is not set, or
 *   the replicas form a cycle
 */
function withSource(
  resource: ResolvedResource,
  context: PricingContext,
): Record<string, unknown> {
  let properties = { ...resource.properties };
  const chain = [resource.logicalId];
  let current = resource;
  while (current.properties.SourceDBInstanceIdentifier !== undefined) {
    const source = referencedResource(
      current.properties.SourceDBInstanceIdentifier,
      context,
    );
    if (!source) {
      if (properties.Engine === undefined) {
        throw new CannotPrice(
          'read replica of an instance outside this template: its engine is not known',
        );
      }
      break;
    }
    if (chain.includes(source.logicalId)) {
      throw new CannotPrice(
        `read replicas form a cycle: ${[...chain, source.logicalId].join(
          ' → ',
        )}`,
      );
    }
    chain.push(source.logicalId);
    for (const key of INHERITED) {
      if (properties[key] === undefined && source.properties[key] !== undefined)
        properties = { ...properties, [key]: source.properties[key] };
    }
    current = source;
  }
  return properties;
}

/** The hourly row of an RDS instance: the main table's PostgreSQL rows first, then [Q], then [V]. */
function instanceRow(
  engineKey: string,
  instanceClass: string,
  multiAz: boolean,
): PriceRow {
  const deployment = multiAz ? 'Multi-AZ' : 'Single-AZ';
  const generated = rdsInstanceRow(engineKey, instanceClass, deployment);
  const legacy =
    engineKey === 'postgres'
      ? AWS_PRICES.rdsPostgres.instances[instanceClass]
      : undefined;
  const row = withPagePrice(
    legacy
      ? {
          ...(multiAz ? legacy.multiAz : legacy.single),
          query: generated.query,
        }
      : generated,
    pageRdsHours(engineKey, instanceClass, deployment),
  );
  // [V] (older than [Q]) has Single-AZ hours only.
  return multiAz
    ? row
    : withFallback(
        row,
        vantageRdsHours(`${engineKey}|${instanceClass}`),
        V_RDS_SOURCE,
      );
}

/** IOPS a gp3 volume includes: 3,000 under 400 GB, 12,000 from 400 GB (MySQL, PostgreSQL, MariaDB). */
function gp3IncludedIops(storageGb: number): number {
  return storageGb >= 400 ? 12_000 : 3_000;
}

function addStorage(
  line: LineBuilder,
  properties: Record<string, unknown>,
  multiAz: boolean,
): void {
  const deployment = multiAz ? 'Multi-AZ' : 'Single-AZ';
  const storage = optionalNumber(properties, 'AllocatedStorage');
  const iops = optionalNumber(properties, 'Iops');
  const storageType = (
    optionalString(properties, 'StorageType') ?? (iops ? 'io1' : 'gp2')
  ).toLowerCase();
  if (storage === undefined) {
    line.cannotPrice('AllocatedStorage is not set');
    return;
  }
  const gp = AWS_PRICES.rdsPostgres.storage[storageType];
  if (gp) {
    line.monthly(
      `GB-mo ${storageType} storage ${deployment}`,
      storage,
      multiAz ? gp.multiAz : gp.single,
    );
    const extraIops = (iops ?? 0) - gp3IncludedIops(storage);
    if (storageType === 'gp3' && extraIops > 0) {
      const rows = DATABASE_PRICES.rdsGp3Iops;
      line.monthly(
        `IOPS over the included ${formatQuantity(gp3IncludedIops(storage))}`,
        extraIops,
        multiAz ? rows.multiAz : rows.single,
      );
    }
    return;
  }
  if (multiAz && storageType !== 'gp2') {
    line.cannotPrice(
      `${storageType} storage Multi-AZ is not in the price table`,
    );
    return;
  }
  if (storageType === 'io1') {
    line
      .monthly('GB-mo io1 storage', storage, DATABASE_PRICES.rdsIo1.storage)
      .monthly('provisioned IOPS', iops ?? 1000, DATABASE_PRICES.rdsIo1.iops);
  } else if (storageType === 'standard') {
    line
      .monthly('GB-mo magnetic storage', storage, DATABASE_PRICES.rdsMagnetic)
      .note('magnetic storage I/O requests are billed by usage and not priced');
  } else {
    line.cannotPrice(`${storageType} storage is not in the price table`);
  }
}

/**
 * `AWS::RDS::DBInstance`: the instance class hours (Single-AZ or Multi-AZ) for PostgreSQL,
 * MySQL, MariaDB, Oracle and SQL Server (licence included where the engine has it), and the
 * allocated storage (gp2, gp3 with IOPS beyond the included, io1, magnetic); backups within the
 * free allowance. A read replica takes its source's engine, class and storage unless it sets
 * them. Aurora instances are priced by class, Serverless v2 at the cluster's minimum ACUs.
 * Classes without a price, Enhanced Monitoring and long Performance Insights retention are
 * listed as unpriced.
 *
 * @internal
 */
export const dbInstancePricer: Pricer = (resource, context) => {
  const properties = withSource(resource, context);
  const instanceClass = requiredString(properties, 'DBInstanceClass');
  const engine = (optionalString(properties, 'Engine') ?? '').toLowerCase();
  if (
    engine.startsWith('aurora') ||
    properties.DBClusterIdentifier !== undefined
  ) {
    return auroraInstance(resource, instanceClass, engine, context);
  }
  const line = new LineBuilder(context.prices);
  const licenseModel = optionalString(properties, 'LicenseModel');
  const key = rdsEngineKey(engine, licenseModel);
  if (!key) {
    return line
      .cannotPrice(`engine ${engine || '(not set)'} is not in the price table`)
      .build();
  }
  if (key.includes('license-included') && licenseModel === undefined) {
    line.note('LicenseModel not set: licence included assumed');
  }
  const multiAz = optionalBoolean(properties, 'MultiAZ', false);
  line.hourly(
    `${instanceClass} ${multiAz ? 'Multi-AZ' : 'Single-AZ'} instance (${
      RDS_ENGINES[key].label
    })`,
    1,
    instanceRow(key, instanceClass, multiAz),
  );
  if (properties.SourceDBInstanceIdentifier !== undefined) {
    line.note(
      'read replica: engine, class and storage of its source unless set',
    );
  }
  addStorage(line, properties, multiAz);
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
 * `AWS::RDS::DBCluster`: Aurora Standard storage and I/O from the usage assumptions (instances
 * are priced on their own). Aurora I/O-Optimized storage, Aurora Serverless v1 and Multi-AZ DB
 * clusters are not in the price table.
 *
 * @internal
 */
export const dbClusterPricer: Pricer = (resource, context) => {
  const line = new LineBuilder(context.prices);
  const { properties } = resource;
  const engine = (optionalString(properties, 'Engine') ?? '').toLowerCase();
  if (!engine.startsWith('aurora')) {
    return line
      .cannotPrice('Multi-AZ DB cluster prices are not in the price table')
      .build();
  }
  if (optionalString(properties, 'EngineMode') === 'serverless') {
    return line
      .cannotPrice('Aurora Serverless v1 prices are not in the price table')
      .build();
  }
  if (optionalString(properties, 'StorageType') === 'aurora-iopt1') {
    return line
      .cannotPrice(
        'Aurora I/O-Optimized storage prices are not in the price table',
      )
      .build();
  }
  const { aurora } = DATABASE_PRICES;
  return clusterStorageLine(
    line,
    context,
    aurora.storageGbMonth,
    aurora.ioMillion,
  )
    .note('backups assumed within the free allowance (the cluster volume size)')
    .build();
};

/**
 * Storage and I/O of an Aurora, Neptune or DocumentDB cluster volume, from the usage
 * assumptions.
 *
 * @internal
 */
export function clusterStorageLine(
  line: LineBuilder,
  context: PricingContext,
  storageRow: PriceRow,
  ioRow: PriceRow,
): LineBuilder {
  const storage = context.usage.get('databaseStorageGb');
  const io = context.usage.get('databaseIoMillionsPerMonth');
  return line
    .monthly('GB-mo cluster storage', storage, storageRow)
    .monthly(`× 1M I/O requests (${formatQuantity(io * 1e6)})`, io, ioRow);
}
