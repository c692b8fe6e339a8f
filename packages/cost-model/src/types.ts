import type { PriceOverlay } from './prices/priceBook';

/**
 * Currencies an estimate can be given in.
 *
 * @public
 */
export type Currency = 'USD' | 'GBP';

/**
 * A shutdown window, as in an Environment entity's `spec.schedule` (cron, UTC).
 *
 * @public
 */
export interface ShutdownSchedule {
  /** When the environment is shut down, e.g. `0 18 * * 1-5`. */
  readonly shutdown: string;
  /**
   * When it starts again.
   * @defaultValue '0 8 * * 1-5' (weekdays 08:00 UTC), stated in the assumptions
   */
  readonly startup?: string;
}

/**
 * Usage the estimate assumes where the template cannot say. Every value used is listed in
 * the estimate's assumptions.
 *
 * @public
 */
export interface UsageAssumptions {
  /** API requests a month, per API, function, distribution and web ACL. @defaultValue 100000 */
  readonly requestsPerMonth?: number;
  /** Average response size in KB, for CloudFront data out. @defaultValue 10 */
  readonly averageResponseKb?: number;
  /** Average Lambda duration per request in ms. @defaultValue 200 */
  readonly lambdaAverageDurationMs?: number;
  /** Average load balancer capacity units per hour. @defaultValue 0.5 */
  readonly albLcuPerHour?: number;
  /** GB a month through each NAT gateway. @defaultValue 1 */
  readonly natDataGbPerMonth?: number;
  /** GB a month through each interface endpoint. @defaultValue 1 */
  readonly vpcEndpointDataGbPerMonth?: number;
  /** GB of logs ingested a month per log group. @defaultValue 0.5 */
  readonly logIngestGbPerMonth?: number;
  /** Secrets Manager API calls a month per secret. @defaultValue 10000 */
  readonly secretsApiCallsPerMonth?: number;
  /** GB stored per S3 bucket. @defaultValue 1 */
  readonly s3StorageGb?: number;
  /** PUT/COPY/POST/LIST requests a month per bucket. @defaultValue 1000 */
  readonly s3PutRequestsPerMonth?: number;
  /** GET requests a month per bucket. @defaultValue 10000 */
  readonly s3GetRequestsPerMonth?: number;
  /** Millions of write request units a month per on-demand table. @defaultValue 1 */
  readonly dynamoDbWriteMillionsPerMonth?: number;
  /** Millions of read request units a month per on-demand table. @defaultValue 1 */
  readonly dynamoDbReadMillionsPerMonth?: number;
  /** GB stored per DynamoDB table. @defaultValue 1 */
  readonly dynamoDbStorageGb?: number;
  /** Average GB stored per serverless cache. @defaultValue 1 */
  readonly elastiCacheServerlessGb?: number;
  /** Millions of ECPUs a month per serverless cache. @defaultValue 1 */
  readonly elastiCacheServerlessEcpuMillionsPerMonth?: number;
  /** GB stored per ECR repository. @defaultValue 1 */
  readonly ecrStorageGb?: number;
  /** GB stored per Aurora, Neptune or DocumentDB cluster. @defaultValue 10 */
  readonly databaseStorageGb?: number;
  /** Millions of I/O requests a month per Aurora Standard, Neptune or DocumentDB cluster. @defaultValue 1 */
  readonly databaseIoMillionsPerMonth?: number;
  /** Average Network Load Balancer capacity units per hour. @defaultValue 0.5 */
  readonly nlbNlcuPerHour?: number;
  /** Average Gateway Load Balancer capacity units per hour. @defaultValue 0.5 */
  readonly gwlbGlcuPerHour?: number;
  /** Root volume GB of an EC2 instance whose size comes from its AMI. @defaultValue 8 */
  readonly ec2RootVolumeGb?: number;
  /**
   * Where CloudFront viewers are.
   * @defaultValue 'north-america' for us-* regions, 'europe' otherwise
   */
  readonly cloudFrontViewerRegion?: 'north-america' | 'europe';
}

/**
 * Options of `estimateMonthlyCost`.
 *
 * @public
 */
export interface EstimateOptions {
  /** The region the template deploys to. */
  readonly region: string;
  /** Currency of the result. @defaultValue 'USD' */
  readonly currency?: Currency;
  /** £ per $ when `currency` is GBP. @defaultValue 0.76 (from the price table) */
  readonly exchangeRate?: number;
  /** Shutdown window reducing the hours of hourly-billed resources. @defaultValue none */
  readonly schedule?: ShutdownSchedule;
  /** Usage assumptions replacing the defaults. */
  readonly usage?: UsageAssumptions;
  /** Template parameter values replacing their defaults. */
  readonly parameters?: Readonly<Record<string, string>>;
  /**
   * Prices for `region` from the AWS Price List Query API, by price-table row label (see
   * `fetchPriceListPrices`); they take precedence over the bundled table.
   */
  readonly prices?: PriceOverlay;
}

/**
 * One billed part of a line, e.g. a NAT gateway's hours or its data.
 *
 * @public
 */
export interface CostComponent {
  /** What is billed, with its quantity's meaning, e.g. `NAT gateway` or `GB processed`. */
  readonly description: string;
  /** How many: per hour for hourly components, per month otherwise. */
  readonly quantity: number;
  /** Unit of the price, e.g. `h`, `GB-mo`, `1M`. */
  readonly unit: string;
  /** USD per unit, from the price table. */
  readonly unitPriceUsd: number;
  /** Hours billed a month, for hourly components (730, or fewer under a schedule). */
  readonly hours?: number;
  /** USD a month. */
  readonly monthlyUsd: number;
  /** Whether the price is marked unconfirmed in the table (an estimate). */
  readonly estimate: boolean;
  /** Label and source keys of the price-table row. */
  readonly priceSource: string;
}

/**
 * The monthly cost of one resource.
 *
 * @public
 */
export interface CostLine {
  /** Logical id in the template. */
  readonly logicalId: string;
  /** Resource type, e.g. `AWS::EC2::NatGateway`. */
  readonly type: string;
  /** Cost a month in the estimate's currency, rounded to cents. */
  readonly monthly: number;
  /** Cost a month in USD, rounded to cents. */
  readonly monthlyUsd: number;
  /** The sum in words, e.g. `1 NAT gateway × 730 h × $0.05/h + 1 GB processed × $0.05/GB`; `no charge` for free resources. */
  readonly basis: string;
  /** The billed parts. Empty for free resources. */
  readonly components: readonly CostComponent[];
  /** Whether any price used is unconfirmed, making the line an estimate. */
  readonly estimate: boolean;
}

/**
 * A resource, or part of one, the estimate could not price.
 *
 * @public
 */
export interface UnpricedResource {
  /** Logical id in the template. */
  readonly logicalId: string;
  /** Resource type. */
  readonly type: string;
  /** Why, e.g. `no eu-west-2 price for ElastiCache cache.r6g.large Redis OSS in the price table`. */
  readonly reason: string;
}

/**
 * What a shutdown schedule saves.
 *
 * @public
 */
export interface ScheduleSavings {
  /** Saved a month, in the estimate's currency. */
  readonly monthly: number;
  /** Hours a month the environment runs under the schedule. */
  readonly hoursRunning: number;
  /** Hours in a month without it: 730. */
  readonly hoursPerMonth: number;
}

/**
 * A monthly cost estimate of a CloudFormation template.
 *
 * @public
 */
export interface CostEstimate {
  /** Region priced. */
  readonly region: string;
  /** Currency of `total`, `monthly` and `savings`. */
  readonly currency: Currency;
  /** Units of `currency` per USD (1 for USD). */
  readonly exchangeRate: number;
  /** Sum of the lines, in `currency`. A lower bound when `unpriced` is not empty. */
  readonly total: number;
  /** Sum of the lines in USD. */
  readonly totalUsd: number;
  /** One line per priced or free resource, in template order. */
  readonly lines: readonly CostLine[];
  /** Resources (or parts) not priced, with the reason. */
  readonly unpriced: readonly UnpricedResource[];
  /** Whether every resource was priced. */
  readonly complete: boolean;
  /** Every assumption made, in words. */
  readonly assumptions: readonly string[];
  /** Present when a schedule was given. */
  readonly savings?: ScheduleSavings;
}
