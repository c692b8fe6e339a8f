/**
 * [Q] QuinnyPig/aws-price-watcher (MIT) at commit a6645eb (2025-06-18), `processed/<file>.json`:
 * the on-demand prices the AWS pricing pages show, per region, as the watcher saved them from
 * the pages' own price files (`b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/...`); its
 * `raw/<file>.json` keeps each price with its Price List rate code (`SKU.JRTCKXETXF.rate`).
 * Quality `secondary` (a third party's copy, a year older than [A] and [K]). A [Q] price fills
 * only a region where the table has no price or only an estimate, and `aws-prices.test.ts`
 * checks that every [Q] price equals the table's other sources wherever both have one.
 *
 * Each entry is one metric of one file in the six bundled regions, converted to the row's unit
 * where the page's unit differs (e.g. × 1,000,000 for a per-request price of a `1M` row).
 * Metrics the pages do not show are not here: NAT gateway hours and data, EBS volumes,
 * OpenSearch storage.
 */
import type { PricePoint, PriceRow } from './aws-prices';
import { SixRegions, sixRegionPoints, withFallback } from './priceRows';

/**
 * A [Q] price: its source (file, metric, conversion) and its cells.
 *
 * @internal
 */
export interface PagePrice {
  readonly source: string;
  readonly regions: Readonly<Record<string, PricePoint>>;
}

/**
 * The [Q] price of `key` (e.g. `rds-mysql-ondemand db.t3.medium Multi-AZ`) from a six-region
 * data row, or undefined without one.
 *
 * @internal
 */
export function pagePrice(
  key: string,
  usd: SixRegions | undefined,
  conversion?: string,
): PagePrice | undefined {
  if (!usd) return undefined;
  return {
    source: `[Q] ${key}${conversion ? ` × ${conversion}` : ''}`,
    regions: sixRegionPoints(usd),
  };
}

function page(
  file: string,
  metric: string,
  usd: SixRegions,
  conversion?: string,
): PagePrice {
  return pagePrice(`${file} "${metric}"`, usd, conversion)!;
}

/**
 * `row` with the [Q] price's cells where it has none or only an estimate; the source names the
 * regions [Q] filled.
 *
 * @internal
 */
export function withPagePrice(
  row: PriceRow,
  price: PagePrice | undefined,
): PriceRow {
  return price ? withFallback(row, price.regions, price.source, true) : row;
}

/**
 * [Q] prices by the table row they fill.
 *
 * @internal
 */
export const PAGE_PRICES = {
  fargateX86VcpuHour: page(
    'ecs',
    'perCPU per hour',
    [0.04048, 0.04048, 0.04048, 0.04048, 0.04656, 0.04656],
  ),
  fargateX86GbHour: page(
    'ecs',
    'perGB per hour',
    [0.004445, 0.004445, 0.004445, 0.004445, 0.00511, 0.00511],
  ),
  fargateArmVcpuHour: page(
    'ecs',
    'ARM perCPU per hour',
    [0.03238, 0.03238, 0.03238, 0.03238, 0.03725, 0.03725],
  ),
  fargateArmGbHour: page(
    'ecs',
    'ARM perGB per hour',
    [0.00356, 0.00356, 0.00356, 0.00356, 0.00409, 0.00409],
  ),
  fargateEphemeralGbHour: page(
    'ecs',
    'Storage per GB-Hours',
    [0.000111, 0.000111, 0.000111, 0.000122, 0.000129, 0.000132],
  ),
  lambdaX86GbSecond: page(
    'lambda',
    'Lambda Duration',
    [
      0.0000166667, 0.0000166667, 0.0000166667, 0.0000166667, 0.0000166667,
      0.0000166667,
    ],
  ),
  lambdaArm64GbSecond: page(
    'lambda',
    'Lambda Duration-ARM',
    [
      0.0000133334, 0.0000133334, 0.0000133334, 0.0000133334, 0.0000133334,
      0.0000133334,
    ],
  ),
  lambdaRequestsMillion: page(
    'lambda',
    'Lambda Requests',
    [0.2, 0.2, 0.2, 0.2, 0.2, 0.2],
    '1,000,000',
  ),
  albHour: page(
    'elb',
    'Application Load Balancer Hours',
    [0.0225, 0.0225, 0.0225, 0.0252, 0.02646, 0.027],
  ),
  albLcuHour: page(
    'elb',
    'Application Load Balancer LCU Hours',
    [0.008, 0.008, 0.008, 0.008, 0.0084, 0.008],
  ),
  nlbHour: page(
    'elb',
    'Network Load Balancer Hours',
    [0.0225, 0.0225, 0.0225, 0.0252, 0.02646, 0.027],
  ),
  nlbNlcuHour: page(
    'elb',
    'Network Load Balancer LCU Hours',
    [0.006, 0.006, 0.006, 0.006, 0.006, 0.006],
  ),
  gwlbHour: page(
    'elb',
    'Gateway Load Balancer Hours',
    [0.0125, 0.0125, 0.0125, 0.014, 0.0147, 0.0147],
  ),
  gwlbGlcuHour: page(
    'elb',
    'Gateway Load Balancer LCU Hours',
    [0.004, 0.004, 0.004, 0.004, 0.004, 0.0042],
  ),
  vpcEndpointAzHour: page(
    'vpc',
    'Hourly charge for VPC Endpoints per Hrs',
    [0.01, 0.01, 0.01, 0.011, 0.011, 0.012],
  ),
  vpcEndpointDataGb: page(
    'vpc',
    'Charge for per GB data processed by VPC Endpoints per GB from 0 to 1048576',
    [0.01, 0.01, 0.01, 0.01, 0.01, 0.01],
  ),
  publicIpv4Hour: page(
    'vpc',
    'Hourly charge for In use Public IPv4 Addresses per Hrs',
    [0.005, 0.005, 0.005, 0.005, 0.005, 0.005],
  ),
  rdsGp2Single: page(
    'rds-storage',
    'Database Storage Single AZ General Purpose',
    [0.115, 0.115, 0.115, 0.127, 0.133, 0.137],
  ),
  rdsGp2MultiAz: page(
    'rds-storage',
    'Database Storage Multi AZ General Purpose',
    [0.23, 0.23, 0.23, 0.253, 0.266, 0.273],
  ),
  rdsGp3Single: page(
    'rds-storage',
    'Database Storage Single AZ General Purpose-GP3',
    [0.115, 0.115, 0.115, 0.127, 0.133, 0.137],
  ),
  rdsGp3IopsSingle: page(
    'rds-storage',
    'Provisioned GP3 IOPS Single AZ',
    [0.02, 0.02, 0.02, 0.022, 0.023, 0.024],
  ),
  rdsGp3IopsMultiAz: page(
    'rds-storage',
    'Provisioned GP3 IOPS Multi AZ',
    [0.04, 0.04, 0.04, 0.044, 0.046, 0.048],
  ),
  rdsIo1Single: page(
    'rds-storage',
    'Database Storage Single AZ Provisioned IOPS',
    [0.125, 0.125, 0.125, 0.138, 0.145, 0.149],
  ),
  rdsIo1IopsSingle: page(
    'rds-storage',
    'Provisioned IOPS Single AZ',
    [0.1, 0.1, 0.1, 0.11, 0.116, 0.119],
  ),
  rdsMagneticSingle: page(
    'rds-storage',
    'Database Storage Single AZ Magnetic',
    [0.1, 0.1, 0.1, 0.11, 0.116, 0.119],
  ),
  rdsBackupGbMonth: page(
    'rds-storage',
    'Storage Snapshot',
    [0.095, 0.095, 0.095, 0.095, 0.1, 0.103],
  ),
  auroraStorageGbMonth: page(
    'rds-aurora-storage',
    'Database Storage DB Engine Aurora PostgreSQL General Purpose Aurora',
    [0.1, 0.1, 0.1, 0.11, 0.1, 0.119],
  ),
  auroraIoMillion: page(
    'rds-aurora-storage',
    'System Operation Aurora I O Operation',
    [0.2, 0.2, 0.2, 0.22, 0.2, 0.22],
    '1,000,000',
  ),
  auroraServerlessV2AcuHour: page(
    'rds-aurora-storage',
    'Aurora PostgreSQL ServerlessV2',
    [0.12, 0.12, 0.12, 0.14, 0.14, 0.14],
  ),
  cacheServerlessRedisGbHour: page(
    'elasticache',
    'OnDemand ElastiCache Serverless Redis per GB-Hours',
    [0.125, 0.125, 0.125, 0.14, 0.147, 0.151],
  ),
  cacheServerlessRedisEcpuMillion: page(
    'elasticache',
    'OnDemand ElastiCache Serverless Redis per ElastiCacheProcessingUnit',
    [0.0034, 0.0034, 0.0034, 0.0038, 0.004, 0.0041],
    '1,000,000',
  ),
  cacheServerlessValkeyGbHour: page(
    'elasticache',
    'OnDemand ElastiCache Serverless Valkey per GB-Hours',
    [0.084, 0.084, 0.084, 0.094, 0.098, 0.101],
  ),
  cacheServerlessValkeyEcpuMillion: page(
    'elasticache',
    'OnDemand ElastiCache Serverless Valkey per ElastiCacheProcessingUnit',
    [0.0023, 0.0023, 0.0023, 0.0025, 0.0027, 0.0027],
    '1,000,000',
  ),
  logsIngestGb: page(
    'cloudwatch',
    'Logs Collected Data Ingestion',
    [0.5, 0.5, 0.5, 0.57, 0.5985, 0.63],
  ),
  logsStorageGbMonth: page(
    'cloudwatch',
    'Stored Data',
    [0.03, 0.03, 0.03, 0.03, 0.0315, 0.0324],
  ),
  alarmMonth: page(
    'cloudwatch',
    'Alarm Standard',
    [0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
  ),
  customMetricMonth: page(
    'cloudwatch',
    'Metric for the first 10000',
    [0.3, 0.3, 0.3, 0.3, 0.3, 0.3],
  ),
  dashboardMonth: page(
    'cloudwatch',
    'Dashboard Basic Dashboard',
    [3, 3, 3, 3, 3, 3],
  ),
  secretMonth: page('secretsmanager', 'Secret', [0.4, 0.4, 0.4, 0.4, 0.4, 0.4]),
  secretsApiCalls10k: page(
    'secretsmanager',
    'API Request',
    [0.05, 0.05, 0.05, 0.05, 0.05, 0.05],
    '10,000',
  ),
  s3StandardGbMonth: page(
    's3',
    'Standard Storage First 50 TB per GB Mo',
    [0.023, 0.023, 0.023, 0.023, 0.024, 0.0245],
  ),
  s3PutRequests1k: page(
    's3',
    'PUT COPY/POST or LIST requests per Requests',
    [0.005, 0.005, 0.005, 0.005, 0.0053, 0.0054],
    '1,000',
  ),
  s3GetRequests1k: page(
    's3',
    'GET and all other requests per Requests',
    [0.0004, 0.0004, 0.0004, 0.0004, 0.00042, 0.00043],
    '1,000',
  ),
  apiHttpRequestsMillion: page(
    'apigateway',
    'ApiGatewayHttpApi First 300 million',
    [1, 1, 1, 1.11, 1.16, 1.2],
    '1,000,000',
  ),
  apiRestRequestsMillion: page(
    'apigateway',
    'API Calls Number of up to 333 million',
    [3.5, 3.5, 3.5, 3.5, 3.5, 3.7],
    '1,000,000',
  ),
  dynamoDbWriteRequestsMillion: page(
    'dynamodb',
    'PayPerRequest Write Request Units',
    [0.625, 0.625, 0.625, 0.705, 0.7423, 0.7625],
    '1,000,000',
  ),
  dynamoDbReadRequestsMillion: page(
    'dynamodb',
    'PayPerRequest Read Request Units',
    [0.125, 0.125, 0.125, 0.1415, 0.1487, 0.1525],
    '1,000,000',
  ),
  dynamoDbStorageGbMonth: page(
    'dynamodb',
    'Data Storage Indexed GB-Mo',
    [0.25, 0.25, 0.25, 0.283, 0.29715, 0.306],
  ),
  dynamoDbWcuHour: page(
    'dynamodb',
    'Provisioned Write Units',
    [0.00065, 0.00065, 0.00065, 0.000735, 0.000772, 0.000793],
  ),
  dynamoDbRcuHour: page(
    'dynamodb',
    'Provisioned Read Units',
    [0.00013, 0.00013, 0.00013, 0.000147, 0.0001544, 0.0001586],
  ),
  ecrStorageGbMonth: page(
    'ecr',
    'EC2 Container Registry',
    [0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
  ),
  eksClusterHour: page(
    'eks',
    'Compute per Hours',
    [0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
  ),
  kmsKeyMonth: page('kms', 'Encryption Key', [1, 1, 1, 1, 1, 1]),
  mskStorageGbMonth: page(
    'msk',
    'RunVolume',
    [0.1, 0.1, 0.1, 0.11, 0.116, 0.119],
  ),
  neptuneStorageGbMonth: page(
    'neptune',
    'Storage Rate',
    [0.1, 0.1, 0.1, 0.1, 0.116, 0.119],
  ),
  neptuneIoMillion: page(
    'neptune',
    'IO Rate',
    [0.2, 0.2, 0.2, 0.22, 0.232, 0.22],
    '1,000,000',
  ),
  documentDbStorageGbMonth: page(
    'docdb',
    'Database Storage',
    [0.1, 0.1, 0.1, 0.11, 0.116, 0.119],
  ),
  documentDbIoMillion: page(
    'docdb',
    '1 million IO requests',
    [0.2, 0.2, 0.2, 0.22, 0.232, 0.22],
    '1,000,000',
  ),
};
