import type { PricePoint, PriceRow } from './aws-prices';
import { pl, priced, rowsByKey, sec } from './priceRows';
import { PAGE_PRICES, withPagePrice } from './priceWatcherPrices';

/** How an RDS engine appears in the Price List, and its label. */
interface EngineInfo {
  readonly label: string;
  readonly databaseEngine: string;
  readonly licenseModel: string;
  readonly databaseEdition?: string;
}

/**
 * RDS engines by the key the pricer derives from `Engine` and `LicenseModel`.
 *
 * @internal
 */
export const RDS_ENGINES: Readonly<Record<string, EngineInfo>> = {
  postgres: {
    label: 'RDS PostgreSQL',
    databaseEngine: 'PostgreSQL',
    licenseModel: 'No license required',
  },
  mysql: {
    label: 'RDS MySQL',
    databaseEngine: 'MySQL',
    licenseModel: 'No license required',
  },
  mariadb: {
    label: 'RDS MariaDB',
    databaseEngine: 'MariaDB',
    licenseModel: 'No license required',
  },
  'oracle-se2|license-included': {
    label: 'RDS Oracle SE2 licence included',
    databaseEngine: 'Oracle',
    licenseModel: 'License included',
    databaseEdition: 'Standard Two',
  },
  'oracle-se1|license-included': {
    label: 'RDS Oracle SE1 licence included',
    databaseEngine: 'Oracle',
    licenseModel: 'License included',
    databaseEdition: 'Standard One',
  },
  'oracle|bring-your-own-license': {
    label: 'RDS Oracle bring-your-own-licence',
    databaseEngine: 'Oracle',
    licenseModel: 'Bring your own license',
  },
  'sqlserver-ex': {
    label: 'RDS SQL Server Express licence included',
    databaseEngine: 'SQL Server',
    licenseModel: 'License included',
    databaseEdition: 'Express',
  },
  'sqlserver-web': {
    label: 'RDS SQL Server Web licence included',
    databaseEngine: 'SQL Server',
    licenseModel: 'License included',
    databaseEdition: 'Web',
  },
  'sqlserver-se': {
    label: 'RDS SQL Server Standard licence included',
    databaseEngine: 'SQL Server',
    licenseModel: 'License included',
    databaseEdition: 'Standard',
  },
  'sqlserver-ee': {
    label: 'RDS SQL Server Enterprise licence included',
    databaseEngine: 'SQL Server',
    licenseModel: 'License included',
    databaseEdition: 'Enterprise',
  },
  'aurora-mysql': {
    label: 'Aurora MySQL',
    databaseEngine: 'Aurora MySQL',
    licenseModel: 'No license required',
  },
  'aurora-postgresql': {
    label: 'Aurora PostgreSQL',
    databaseEngine: 'Aurora PostgreSQL',
    licenseModel: 'No license required',
  },
};

const K_RDS = '[K] db_instance_test, rds_cluster_instance_test (us-east-1)';
const us = (usd: number) => ({ 'us-east-1': sec(usd) });

/**
 * Instance hours by `engine key|class|Single-AZ or Multi-AZ` from [K] (cost ÷ 730 h), e.g.
 * MySQL db.t3.large $99.28, Multi-AZ $198.56; SQL Server SE db.m5.xlarge $893.52.
 * RDS for PostgreSQL rows of the main table come first (see `AWS_PRICES.rdsPostgres`).
 */
const INSTANCE_HOURS: Record<string, Record<string, PricePoint>> = {
  'postgres|db.t3.large|Single-AZ': us(0.145),
  'mysql|db.t3.large|Single-AZ': us(0.136),
  'mysql|db.t3.large|Multi-AZ': us(0.272),
  'mysql|db.m5.large|Single-AZ': us(0.171),
  'mysql|db.t4g.small|Single-AZ': us(0.032),
  'mysql|db.t4g.small|Multi-AZ': us(0.065),
  'mariadb|db.t3.large|Single-AZ': us(0.136),
  'oracle-se2|license-included|db.t3.large|Single-AZ': us(0.3),
  'oracle-se1|license-included|db.t3.large|Single-AZ': us(0.28),
  'oracle|bring-your-own-license|db.t3.large|Single-AZ': us(0.136),
  'sqlserver-ex|db.t3.large|Single-AZ': us(0.162),
  'sqlserver-web|db.t3.large|Single-AZ': us(0.232),
  'sqlserver-se|db.m5.xlarge|Single-AZ': us(1.224),
  'sqlserver-ee|db.m5.xlarge|Single-AZ': us(2.336),
  'aurora-mysql|db.t3.medium|Single-AZ': us(0.082),
  'aurora-mysql|db.t3.large|Single-AZ': us(0.164),
  'aurora-mysql|db.r4.large|Single-AZ': us(0.29),
  'aurora-mysql|db.r4.8xlarge|Single-AZ': us(4.64),
  'aurora-postgresql|db.t3.large|Single-AZ': us(0.164),
};

/** Regions in [A]'s order: us-east-1, us-east-2, us-west-2, eu-west-1, eu-west-2, eu-central-1. */
function sixRegions(
  usd: readonly [number, number, number, number, number, number],
): Record<string, PricePoint> {
  const regions = [
    'us-east-1',
    'us-east-2',
    'us-west-2',
    'eu-west-1',
    'eu-west-2',
    'eu-central-1',
  ];
  return Object.fromEntries(regions.map((region, i) => [region, pl(usd[i])]));
}

const A_RDS = 'PL [A]';

/** RDS for MySQL instance hours in the six bundled regions, from [A] (Price List rows). */
const MYSQL_HOURS: Record<string, Record<string, PricePoint>> = {
  'mysql|db.t4g.micro|Single-AZ': sixRegions([
    0.016, 0.016, 0.016, 0.017, 0.018, 0.019,
  ]),
  'mysql|db.t4g.micro|Multi-AZ': sixRegions([
    0.032, 0.032, 0.032, 0.035, 0.036, 0.037,
  ]),
  'mysql|db.t4g.medium|Single-AZ': sixRegions([
    0.065, 0.065, 0.065, 0.069, 0.072, 0.074,
  ]),
  'mysql|db.t4g.medium|Multi-AZ': sixRegions([
    0.129, 0.129, 0.129, 0.138, 0.145, 0.149,
  ]),
  'mysql|db.r6g.large|Single-AZ': sixRegions([
    0.215, 0.215, 0.215, 0.237, 0.251, 0.26,
  ]),
  'mysql|db.r6g.large|Multi-AZ': sixRegions([
    0.43, 0.43, 0.43, 0.474, 0.501, 0.519,
  ]),
};

/**
 * The hourly row of an RDS or Aurora instance: the table's price where it has one, and a
 * Price List query for every engine, class and region.
 *
 * @internal
 */
export function rdsInstanceRow(
  engineKey: string,
  instanceClass: string,
  deployment: 'Single-AZ' | 'Multi-AZ',
): PriceRow {
  const engine = RDS_ENGINES[engineKey];
  const key = `${engineKey}|${instanceClass}|${deployment}`;
  return priced(
    `${engine.label} ${instanceClass} ${deployment}`,
    'h',
    MYSQL_HOURS[key] ? A_RDS : K_RDS,
    MYSQL_HOURS[key] ?? INSTANCE_HOURS[key] ?? {},
    {
      serviceCode: 'AmazonRDS',
      filters: {
        instanceType: instanceClass,
        databaseEngine: engine.databaseEngine,
        deploymentOption: deployment,
        licenseModel: engine.licenseModel,
        ...(engine.databaseEdition
          ? { databaseEdition: engine.databaseEdition }
          : {}),
      },
    },
  );
}

/**
 * RDS storage beyond gp2/gp3 (which are in `AWS_PRICES.rdsPostgres.storage` and apply to every
 * RDS engine), Aurora storage and I/O, Neptune, DocumentDB and DMS, from [K], and from [Q] in
 * the other bundled regions (instance hours by class: `priceWatcherInstances.ts`).
 *
 * @internal
 */
export const DATABASE_PRICES = {
  rdsIo1: {
    storage: withPagePrice(
      priced('RDS io1 storage Single-AZ', 'GB-mo', K_RDS, us(0.125)),
      PAGE_PRICES.rdsIo1Single,
    ),
    iops: withPagePrice(
      priced('RDS io1 provisioned IOPS Single-AZ', 'IOPS-mo', K_RDS, us(0.1)),
      PAGE_PRICES.rdsIo1IopsSingle,
    ),
  },
  rdsMagnetic: withPagePrice(
    priced('RDS magnetic storage Single-AZ', 'GB-mo', K_RDS, us(0.1)),
    PAGE_PRICES.rdsMagneticSingle,
  ),
  rdsGp3Iops: {
    single: withPagePrice(
      priced(
        'RDS gp3 IOPS over the included Single-AZ',
        'IOPS-mo',
        K_RDS,
        us(0.02),
      ),
      PAGE_PRICES.rdsGp3IopsSingle,
    ),
    multiAz: withPagePrice(
      priced(
        'RDS gp3 IOPS over the included Multi-AZ',
        'IOPS-mo',
        K_RDS,
        us(0.04),
      ),
      PAGE_PRICES.rdsGp3IopsMultiAz,
    ),
  },
  aurora: {
    storageGbMonth: withPagePrice(
      priced(
        'Aurora Standard storage',
        'GB-mo',
        '[K] rds_cluster_test: 100 GB $10.00 (us-east-1)',
        us(0.1),
      ),
      PAGE_PRICES.auroraStorageGbMonth,
    ),
    ioMillion: withPagePrice(
      priced(
        'Aurora Standard I/O requests',
        '1M',
        '[K] rds_cluster_test: 52.56M $10.51 (us-east-1)',
        us(0.2),
      ),
      PAGE_PRICES.auroraIoMillion,
    ),
  },
  neptune: {
    instances: rowsByKey(
      {
        'db.t3.medium': { 'eu-west-2': sec(0.112) },
        'db.r4.large': { 'eu-west-2': sec(0.408) },
      },
      (instanceClass, regions) =>
        priced(
          `Neptune ${instanceClass}`,
          'h',
          '[K] neptune_cluster_instance_test (eu-west-2): $81.76 and $297.84 / 730 h',
          regions,
          {
            serviceCode: 'AmazonNeptune',
            filters: { instanceType: instanceClass },
          },
        ),
    ),
    storageGbMonth: withPagePrice(
      priced(
        'Neptune storage',
        'GB-mo',
        '[K] neptune_cluster_test (eu-west-2): 100 GB $11.60',
        { 'eu-west-2': sec(0.116) },
      ),
      PAGE_PRICES.neptuneStorageGbMonth,
    ),
    ioMillion: withPagePrice(
      priced(
        'Neptune I/O requests',
        '1M',
        '[K] neptune_cluster_test (eu-west-2): 10M $2.32',
        { 'eu-west-2': sec(0.232) },
      ),
      PAGE_PRICES.neptuneIoMillion,
    ),
  },
  documentDb: {
    instances: rowsByKey(
      {
        'db.t3.medium': {
          'us-east-1': sec(0.078),
          'us-east-2': sec(0.078),
        },
        'db.r5.4xlarge': {
          'us-east-1': sec(2.216),
          'us-east-2': sec(2.216),
        },
      },
      (instanceClass, regions) =>
        priced(
          `DocumentDB ${instanceClass}`,
          'h',
          '[K] docdb_cluster_instance_test (us-east-1, us-east-2): $56.94 and $1,617.68 / 730 h',
          regions,
          {
            serviceCode: 'AmazonDocDB',
            filters: { instanceType: instanceClass },
          },
        ),
    ),
    storageGbMonth: withPagePrice(
      priced(
        'DocumentDB storage',
        'GB-mo',
        '[K] docdb_cluster_instance_test: 1,000 GB $100.00',
        { 'us-east-1': sec(0.1), 'us-east-2': sec(0.1) },
      ),
      PAGE_PRICES.documentDbStorageGbMonth,
    ),
    ioMillion: withPagePrice(
      priced(
        'DocumentDB I/O requests',
        '1M',
        '[K] docdb_cluster_instance_test: 10M $2.00',
        { 'us-east-1': sec(0.2), 'us-east-2': sec(0.2) },
      ),
      PAGE_PRICES.documentDbIoMillion,
    ),
  },
  dms: {
    instances: rowsByKey(
      {
        'dms.t2.micro|Single-AZ': us(0.018),
        'dms.t2.micro|Multi-AZ': us(0.036),
      },
      (key, regions) =>
        priced(
          `DMS ${key.replace('|', ' ')} replication instance`,
          'h',
          '[K] dms_test (us-east-1): $13.14 and $26.28 / 730 h',
          regions,
        ),
    ),
    gp2Storage: {
      'Multi-AZ': priced(
        'DMS gp2 storage Multi-AZ beyond the included',
        'GB-mo',
        '[K] dms_test (us-east-1): 20 GB $4.60',
        us(0.23),
      ),
    } as Record<string, PriceRow>,
  },
};
