import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ScaleProfile } from './ScaleProfile';

/**
 * `enterprise` (seed 001 `enterpriseConfig`, numbers kept as the seed states them): a VPC
 * over three zones with public, private and isolated subnets and a NAT gateway per zone; an
 * ECS Fargate service (3 × 1 vCPU / 2 GiB, scaling 2–10 on 70% CPU) behind an ALB; RDS
 * PostgreSQL `db.r6g.large` Multi-AZ with 30 days of backups, deletion protection and
 * Performance Insights; ElastiCache Redis `cache.r6g.large` × 2 Multi-AZ; CloudFront; WAF;
 * alarms and a dashboard; Secrets Manager.
 *
 * At list prices this exceeds the seeds' £100–300 budget: see the package README.
 *
 * @public
 */
export const enterpriseProfile: ScaleProfile = {
  scale: 'enterprise',
  description:
    'ECS Fargate behind ALB + CloudFront + WAF, RDS and ElastiCache Multi-AZ, 3-AZ VPC',
  network: {
    enabled: true,
    maxAzs: 3,
    natGateways: 3,
    isolatedSubnets: true,
    interfaceEndpoints: [],
  },
  compute: {
    kind: 'fargate',
    cpu: 1024,
    memoryMiB: 2048,
    desiredCount: 3,
    architecture: 'x86_64',
    containerImage: 'public.ecr.aws/docker/library/node:22-alpine',
    containerPort: 3040,
    autoScaling: { minCapacity: 2, maxCapacity: 10, targetCpuUtilization: 70 },
  },
  database: {
    provider: 'rds',
    instanceClass: 'db.r6g.large',
    multiAz: true,
    allocatedStorageGiB: 100,
    storageType: 'gp3',
    backupRetentionDays: 30,
    deletionProtection: true,
    performanceInsights: true,
    connectionsAlarmThreshold: 80,
  },
  cache: {
    provider: 'elasticache',
    engine: 'redis',
    nodeType: 'cache.r6g.large',
    numCacheNodes: 2,
    multiAz: true,
  },
  edge: { cloudFront: true, waf: true },
  monitoring: {
    logRetention: RetentionDays.SIX_MONTHS,
    alarms: true,
    dashboard: true,
    detailedMonitoring: true,
  },
  secrets: { store: 'secrets-manager' },
};
