import { UsageAssumptions } from '../types';

type NumericUsage = Exclude<keyof UsageAssumptions, 'cloudFrontViewerRegion'>;

/**
 * Default usage, and how each value reads in the assumptions.
 */
const USAGE: Record<
  NumericUsage,
  { value: number; says: (value: number) => string }
> = {
  requestsPerMonth: {
    value: 100_000,
    says: v =>
      `${fmt(v)} requests a month per API, function, distribution and web ACL`,
  },
  averageResponseKb: {
    value: 10,
    says: v => `${fmt(v)} KB average response (CloudFront data out)`,
  },
  lambdaAverageDurationMs: {
    value: 200,
    says: v => `${fmt(v)} ms average Lambda duration per request`,
  },
  albLcuPerHour: {
    value: 0.5,
    says: v => `${fmt(v)} load balancer capacity units (LCU) per hour`,
  },
  natDataGbPerMonth: {
    value: 1,
    says: v => `${fmt(v)} GB a month through each NAT gateway`,
  },
  vpcEndpointDataGbPerMonth: {
    value: 1,
    says: v => `${fmt(v)} GB a month through each interface endpoint`,
  },
  logIngestGbPerMonth: {
    value: 0.5,
    says: v =>
      `${fmt(
        v,
      )} GB of logs ingested a month per log group, kept for its retention (12 months when it never expires)`,
  },
  secretsApiCallsPerMonth: {
    value: 10_000,
    says: v => `${fmt(v)} API calls a month per secret`,
  },
  s3StorageGb: { value: 1, says: v => `${fmt(v)} GB stored per S3 bucket` },
  s3PutRequestsPerMonth: {
    value: 1000,
    says: v => `${fmt(v)} PUT/COPY/POST/LIST requests a month per bucket`,
  },
  s3GetRequestsPerMonth: {
    value: 10_000,
    says: v => `${fmt(v)} GET requests a month per bucket`,
  },
  dynamoDbWriteMillionsPerMonth: {
    value: 1,
    says: v =>
      `${fmt(v)} million write request units a month per on-demand table`,
  },
  dynamoDbReadMillionsPerMonth: {
    value: 1,
    says: v =>
      `${fmt(v)} million read request units a month per on-demand table`,
  },
  dynamoDbStorageGb: {
    value: 1,
    says: v => `${fmt(v)} GB stored per DynamoDB table`,
  },
  elastiCacheServerlessGb: {
    value: 1,
    says: v => `${fmt(v)} GB average data per serverless cache`,
  },
  elastiCacheServerlessEcpuMillionsPerMonth: {
    value: 1,
    says: v => `${fmt(v)} million ECPUs a month per serverless cache`,
  },
  ecrStorageGb: {
    value: 1,
    says: v => `${fmt(v)} GB of images per ECR repository`,
  },
  databaseStorageGb: {
    value: 10,
    says: v => `${fmt(v)} GB stored per Aurora, Neptune or DocumentDB cluster`,
  },
  databaseIoMillionsPerMonth: {
    value: 1,
    says: v =>
      `${fmt(
        v,
      )} million I/O requests a month per Aurora (Standard), Neptune or DocumentDB cluster`,
  },
  nlbNlcuPerHour: {
    value: 0.5,
    says: v => `${fmt(v)} Network Load Balancer capacity units (NLCU) per hour`,
  },
  gwlbGlcuPerHour: {
    value: 0.5,
    says: v => `${fmt(v)} Gateway Load Balancer capacity units (GLCU) per hour`,
  },
  ec2RootVolumeGb: {
    value: 8,
    says: v =>
      `${fmt(
        v,
      )} GB gp2 root volume for an EC2 instance or node whose size comes from its AMI`,
  },
};

function fmt(value: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: 3 });
}

/**
 * Usage assumptions for one estimate: the defaults with the caller's values over them. It
 * records which values pricers read, so the estimate lists only the assumptions it used.
 *
 * @public
 */
export class UsageTracker {
  private readonly values: Record<NumericUsage, number>;
  private readonly viewerRegion: 'north-america' | 'europe';
  private readonly used = new Set<keyof UsageAssumptions>();

  /**
   * @throws Error naming an unknown usage field or a value that is not a number ≥ 0
   */
  constructor(overrides: UsageAssumptions = {}, region: string) {
    const values = Object.fromEntries(
      Object.entries(USAGE).map(([key, { value }]) => [key, value]),
    ) as Record<NumericUsage, number>;
    for (const [key, value] of Object.entries(overrides)) {
      if (value === undefined || key === 'cloudFrontViewerRegion') continue;
      if (!(key in USAGE)) {
        throw new Error(
          `Unknown usage assumption usage.${key}: expected one of ${Object.keys(
            USAGE,
          ).join(', ')}, cloudFrontViewerRegion`,
        );
      }
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new Error(
          `Invalid usage.${key} ${JSON.stringify(
            value,
          )}: expected a number ≥ 0`,
        );
      }
      values[key as NumericUsage] = value;
    }
    const viewer = overrides.cloudFrontViewerRegion;
    if (
      viewer !== undefined &&
      viewer !== 'north-america' &&
      viewer !== 'europe'
    ) {
      throw new Error(
        `Invalid usage.cloudFrontViewerRegion ${JSON.stringify(
          viewer,
        )}: expected "north-america" or "europe"`,
      );
    }
    this.values = values;
    this.viewerRegion =
      viewer ?? (region.startsWith('us-') ? 'north-america' : 'europe');
  }

  /** A numeric usage value; the read is recorded. */
  get(key: NumericUsage): number {
    this.used.add(key);
    return this.values[key];
  }

  /** Where CloudFront viewers are; the read is recorded. */
  cloudFrontViewerRegion(): 'north-america' | 'europe' {
    this.used.add('cloudFrontViewerRegion');
    return this.viewerRegion;
  }

  /** The assumptions read so far, in words. */
  describeUsed(): string[] {
    return [...this.used].map(key =>
      key === 'cloudFrontViewerRegion'
        ? `CloudFront viewers in ${
            this.viewerRegion === 'europe' ? 'Europe' : 'North America'
          }`
        : USAGE[key].says(this.values[key]),
    );
  }
}
