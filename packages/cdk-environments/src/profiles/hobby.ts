import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ScaleProfile } from './ScaleProfile';

/**
 * `hobby`: serverless and cheap. A Lambda function behind an HTTP API, no VPC and no NAT
 * gateway; PostgreSQL (Neon) and Redis (Upstash) are external, their URLs read from
 * Parameter Store; one week of logs; no alarms. Nothing is billed per hour.
 *
 * @public
 */
export const hobbyProfile: ScaleProfile = {
  scale: 'hobby',
  description:
    'Serverless: Lambda behind an HTTP API, external Neon and Upstash, no VPC',
  network: {
    enabled: false,
    maxAzs: 0,
    natGateways: 0,
    isolatedSubnets: false,
    interfaceEndpoints: [],
  },
  compute: {
    kind: 'lambda',
    memoryMiB: 512,
    timeoutSeconds: 29,
    architecture: 'arm64',
  },
  database: { provider: 'neon', backupRetentionDays: 7 },
  cache: { provider: 'upstash' },
  edge: { cloudFront: false, waf: false },
  monitoring: {
    logRetention: RetentionDays.ONE_WEEK,
    alarms: false,
    dashboard: false,
    detailedMonitoring: false,
  },
  secrets: { store: 'parameter-store' },
};
