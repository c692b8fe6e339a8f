import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { hobbyProfile } from './hobby';
import { ScaleProfile } from './ScaleProfile';

/**
 * `enhanced-hobby` (seed 001 `enhancedHobbyConfig`): the hobby profile plus a VPC over two
 * zones with one NAT gateway (a fixed egress address for allow-lists at Neon, Upstash or
 * OpenAI), a 1 GiB function, 14 days of database history, three months of logs, basic alarms
 * and tracing.
 *
 * @public
 */
export const enhancedHobbyProfile: ScaleProfile = {
  ...hobbyProfile,
  scale: 'enhanced-hobby',
  description:
    'Lambda in a 2-AZ VPC with one NAT gateway, external Neon and Upstash, basic alarms',
  network: {
    ...hobbyProfile.network,
    enabled: true,
    maxAzs: 2,
    natGateways: 1,
  },
  compute: {
    kind: 'lambda',
    memoryMiB: 1024,
    timeoutSeconds: 29,
    architecture: 'arm64',
  },
  database: { provider: 'neon', backupRetentionDays: 14 },
  monitoring: {
    logRetention: RetentionDays.THREE_MONTHS,
    alarms: true,
    dashboard: false,
    detailedMonitoring: true,
  },
};
