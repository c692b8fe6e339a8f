import type { Stack } from '@aws-sdk/client-cloudformation';
import { ConfigReader } from '@backstage/config';
import { AwsAccess } from '@stageline/plugin-environments-node';
import { ACCOUNT, DEPLOYER_KEYS, REGION } from '@stageline/aws-stand-in';

/**
 * A `DescribeStacks` stack with the fields CloudFormation returns, for the promotion tests that
 * stub the environments backend's CloudFormation client.
 */
export function stack(
  stackName: string,
  status: string,
  extra: Partial<Stack> = {},
): Stack {
  return {
    StackId: `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${stackName}/5f1e1f60-4c4a-11ef-9e2b-0a5c3b1d2e4f`,
    StackName: stackName,
    CreationTime: new Date('2025-01-06T09:00:00.000Z'),
    LastUpdatedTime: new Date('2025-01-07T10:00:00.000Z'),
    RollbackConfiguration: {},
    StackStatus: status as Stack['StackStatus'],
    DisableRollback: false,
    NotificationARNs: [],
    Capabilities: ['CAPABILITY_IAM'],
    Outputs: [],
    Tags: [{ Key: 'stageline.dev/stage', Value: 'staging' }],
    EnableTerminationProtection: false,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
    ...extra,
  };
}

/** The `aws` config section with the static credentials of the example account's deployer. */
export function awsConfig() {
  return { accounts: [{ accountId: ACCOUNT, ...DEPLOYER_KEYS }] };
}

/** AWS access configured with static credentials for the example account. */
export function configuredAws(): AwsAccess {
  return AwsAccess.fromConfig(new ConfigReader({ aws: awsConfig() }), {
    env: {},
    homeDir: '/nonexistent-home',
  });
}

/** AWS access with nothing configured, as on a laptop without credentials. */
export function unconfiguredAws(): AwsAccess {
  return AwsAccess.fromConfig(new ConfigReader({}), {
    env: {},
    homeDir: '/nonexistent-home',
  });
}
