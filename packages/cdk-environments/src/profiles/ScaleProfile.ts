import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Scale } from '../stages';

/**
 * CPU architecture of the compute.
 *
 * @public
 */
export type CpuArchitecture = 'arm64' | 'x86_64';

/**
 * The network of an environment.
 *
 * @public
 */
export interface NetworkProfile {
  /**
   * Whether the environment gets its own VPC. At `hobby` scale it does not: the function runs
   * outside any VPC, so there is no NAT gateway or public IPv4 address to pay for.
   */
  readonly enabled: boolean;
  /**
   * How many availability zones the VPC spans (zones come from a fixed list per region, see
   * `availabilityZoneCount`). Ignored when `enabled` is false.
   */
  readonly maxAzs: number;
  /**
   * NAT gateways giving the private subnets a way out; each is billed per hour and holds a
   * public IPv4 address. 0 leaves private subnets without egress. At most `maxAzs`.
   */
  readonly natGateways: number;
  /**
   * Whether to add isolated subnets (no route to the internet) for databases and caches.
   */
  readonly isolatedSubnets: boolean;
  /**
   * AWS services reached through interface endpoints instead of the NAT gateway, by endpoint
   * service name (`secretsmanager`, `ecr.api`, `logs`, ...). Each is billed per AZ-hour.
   */
  readonly interfaceEndpoints: readonly string[];
}

/**
 * Compute as a Lambda function behind an HTTP API.
 *
 * @public
 */
export interface LambdaComputeProfile {
  /** Selects Lambda behind an API Gateway HTTP API. */
  readonly kind: 'lambda';
  /** Function memory in MiB (128–10240); CPU grows with it. */
  readonly memoryMiB: number;
  /** Function timeout in seconds (1–29: an HTTP API waits at most 30 s). */
  readonly timeoutSeconds: number;
  /** Instruction set of the function. */
  readonly architecture: CpuArchitecture;
}

/**
 * Auto-scaling of a Fargate service on average CPU.
 *
 * @public
 */
export interface AutoScalingProfile {
  /** Fewest tasks the service scales in to. */
  readonly minCapacity: number;
  /** Most tasks the service scales out to. */
  readonly maxCapacity: number;
  /** Average CPU utilisation, in percent, that the service tracks. */
  readonly targetCpuUtilization: number;
}

/**
 * Compute as an ECS Fargate service behind an Application Load Balancer.
 *
 * @public
 */
export interface FargateComputeProfile {
  /** Selects ECS Fargate behind an Application Load Balancer. */
  readonly kind: 'fargate';
  /** Task CPU units (256, 512, 1024, 2048 or 4096; 1024 = 1 vCPU). */
  readonly cpu: number;
  /** Task memory in MiB; must be a valid Fargate combination with `cpu`. */
  readonly memoryMiB: number;
  /** Tasks running after a deployment, between the auto-scaling bounds. */
  readonly desiredCount: number;
  /** Instruction set of the task; the image must support it. */
  readonly architecture: CpuArchitecture;
  /**
   * Container image reference from a public registry (no Docker build happens at synthesis).
   * The default runs a placeholder health server; a service sets its own image.
   */
  readonly containerImage: string;
  /** Port the container listens on. */
  readonly containerPort: number;
  /** Scaling bounds and target. */
  readonly autoScaling: AutoScalingProfile;
}

/**
 * Where the API runs.
 *
 * @public
 */
export type ComputeProfile = LambdaComputeProfile | FargateComputeProfile;

/**
 * A PostgreSQL database outside AWS (Neon). The stack creates nothing for it: the application
 * reads its URL from Parameter Store (`/{app}/{key}/critical/neon-database-url`).
 *
 * @public
 */
export interface ExternalDatabaseProfile {
  /** Selects an external Neon database. */
  readonly provider: 'neon';
  /**
   * Point-in-time history to configure at the provider, in days. The stack cannot set it;
   * it publishes it as `/{app}/{key}/standard/database-backup-retention-days`.
   */
  readonly backupRetentionDays: number;
}

/**
 * An RDS for PostgreSQL instance in the isolated subnets.
 *
 * @public
 */
export interface RdsDatabaseProfile {
  /** Selects RDS for PostgreSQL. */
  readonly provider: 'rds';
  /** Instance class, e.g. `db.r6g.large`. */
  readonly instanceClass: string;
  /** Whether a synchronous standby runs in a second availability zone. */
  readonly multiAz: boolean;
  /** Allocated storage in GiB (20–65536). */
  readonly allocatedStorageGiB: number;
  /** EBS volume type of the storage. */
  readonly storageType: 'gp2' | 'gp3';
  /** Automated backup retention in days (1–35). */
  readonly backupRetentionDays: number;
  /** Whether the instance refuses deletion until protection is turned off. */
  readonly deletionProtection: boolean;
  /** Whether Performance Insights is on (7 days of history, the free tier). */
  readonly performanceInsights: boolean;
  /** Database connections at which the connections alarm fires. */
  readonly connectionsAlarmThreshold: number;
}

/**
 * The relational database.
 *
 * @public
 */
export type DatabaseProfile = ExternalDatabaseProfile | RdsDatabaseProfile;

/**
 * A Redis outside AWS (Upstash); its URL is read from
 * `/{app}/{key}/standard/upstash-redis-url`.
 *
 * @public
 */
export interface ExternalCacheProfile {
  /** Selects an external Upstash Redis. */
  readonly provider: 'upstash';
}

/**
 * An ElastiCache replication group in the isolated subnets.
 *
 * @public
 */
export interface ElastiCacheProfile {
  /** Selects ElastiCache. */
  readonly provider: 'elasticache';
  /** Engine of the nodes; Valkey nodes are billed 20% below Redis OSS. */
  readonly engine: 'redis' | 'valkey';
  /** Node type, e.g. `cache.r6g.large`. */
  readonly nodeType: string;
  /** Nodes in the group: one primary and `numCacheNodes - 1` replicas. */
  readonly numCacheNodes: number;
  /** Whether replicas sit in other zones with automatic failover (needs 2+ nodes). */
  readonly multiAz: boolean;
}

/**
 * The cache.
 *
 * @public
 */
export type CacheProfile = ExternalCacheProfile | ElastiCacheProfile;

/**
 * What sits in front of the API.
 *
 * @public
 */
export interface EdgeProfile {
  /** Whether a CloudFront distribution fronts the API (HTTPS on its default domain). */
  readonly cloudFront: boolean;
  /**
   * Whether a regional WAF web ACL (AWS managed rule groups and a rate limit) protects the load
   * balancer. Needs `compute.kind` `fargate`: WAF cannot attach to an HTTP API.
   */
  readonly waf: boolean;
}

/**
 * Logs, alarms and dashboards.
 *
 * @public
 */
export interface MonitoringProfile {
  /** How long the API's CloudWatch logs are kept. */
  readonly logRetention: RetentionDays;
  /** Whether CloudWatch alarms (errors / 5xx, and CPU and DB connections where they exist) are created, with an SNS topic. */
  readonly alarms: boolean;
  /** Whether a CloudWatch dashboard is created. */
  readonly dashboard: boolean;
  /**
   * Whether finer monitoring is on: X-Ray tracing for Lambda, Container Insights for ECS and
   * Enhanced Monitoring (60 s) for RDS. Billed by usage, outside the template's resources.
   */
  readonly detailedMonitoring: boolean;
}

/**
 * Where secrets live.
 *
 * @public
 */
export interface SecretsProfile {
  /**
   * `parameter-store`: SecureString parameters under `/{app}/{key}/critical/`, set out of band
   * (free). `secrets-manager`: the stack creates `/{app}/{key}/api-keys`,
   * `/{app}/{key}/database-credentials` (with RDS) and `/{app}/{key}/external-services`.
   */
  readonly store: 'parameter-store' | 'secrets-manager';
}

/**
 * Everything that differs between scales. The three built-in profiles are
 * `hobbyProfile`, `enhancedHobbyProfile` and `enterpriseProfile`.
 *
 * @public
 */
export interface ScaleProfile {
  /** The scale this profile implements. */
  readonly scale: Scale;
  /** One sentence on what the profile is for. */
  readonly description: string;
  /** The VPC. */
  readonly network: NetworkProfile;
  /** Where the API runs. */
  readonly compute: ComputeProfile;
  /** The relational database. */
  readonly database: DatabaseProfile;
  /** The cache. */
  readonly cache: CacheProfile;
  /** CloudFront and WAF. */
  readonly edge: EdgeProfile;
  /** Logs, alarms, dashboards. */
  readonly monitoring: MonitoringProfile;
  /** Where secrets live. */
  readonly secrets: SecretsProfile;
}

/**
 * Makes every field of `T`, at every depth, optional.
 *
 * @public
 */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? readonly U[]
  : T extends object
  ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
  : T;

/**
 * Per-environment changes to a scale profile. Sections are merged field by field; a section
 * that switches `kind` (compute) or `provider` (database, cache) replaces the section and must
 * then be complete.
 *
 * @example
 * ```ts
 * const overrides: ScaleProfileOverrides = {
 *   network: { natGateways: 1 },
 *   database: { instanceClass: 'db.t4g.medium' },
 * };
 * ```
 * @public
 */
export type ScaleProfileOverrides = DeepPartial<Omit<ScaleProfile, 'scale'>>;
