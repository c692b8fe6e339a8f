import {
  CloudFormationServiceException,
  Stack,
  StackEvent,
} from '@aws-sdk/client-cloudformation';
import { ConfigReader } from '@backstage/config';
import { AwsAccess } from '@stageline/plugin-environments-node';

export const ACCOUNT = '123456789012';
export const REGION = 'eu-west-2';

/** A stack ARN as CloudFormation forms it. */
export function stackId(stackName: string): string {
  return `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${stackName}/5f1e1f60-4c4a-11ef-9e2b-0a5c3b1d2e4f`;
}

/** A change set ARN as CloudFormation forms it. */
export function changeSetArn(name: string): string {
  return `arn:aws:cloudformation:${REGION}:${ACCOUNT}:changeSet/${name}/8d2c4a10-4c4b-11ef-8f3a-06b1f0c2d9e1`;
}

/** A `DescribeStacks` stack with the fields CloudFormation returns. */
export function stack(
  stackName: string,
  status: string,
  extra: Partial<Stack> = {},
): Stack {
  return {
    StackId: stackId(stackName),
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

let eventCounter = 0;

/** A `DescribeStackEvents` event with the fields CloudFormation returns. */
export function stackEvent(
  stackName: string,
  logicalId: string,
  type: string,
  status: string,
  reason?: string,
): StackEvent {
  eventCounter += 1;
  return {
    StackId: stackId(stackName),
    EventId:
      type === 'AWS::CloudFormation::Stack'
        ? `5a4b3c2d-4c4c-11ef-${String(eventCounter).padStart(
            4,
            '0',
          )}-0a1b2c3d4e5f`
        : `${logicalId}-${status}-2025-01-07T10:0${eventCounter % 10}:00.000Z`,
    StackName: stackName,
    LogicalResourceId: logicalId,
    PhysicalResourceId:
      type === 'AWS::CloudFormation::Stack'
        ? stackId(stackName)
        : `${logicalId.toLowerCase()}-x1y2`,
    ResourceType: type,
    Timestamp: new Date(Date.UTC(2025, 0, 7, 10, 0, eventCounter)),
    ResourceStatus: status as StackEvent['ResourceStatus'],
    ...(reason ? { ResourceStatusReason: reason } : {}),
  };
}

/** The error CloudFormation answers `DescribeStacks` with for a stack that does not exist. */
export function stackDoesNotExist(
  stackName: string,
): CloudFormationServiceException {
  return new CloudFormationServiceException({
    name: 'ValidationError',
    $fault: 'client',
    $metadata: {
      httpStatusCode: 400,
      requestId: 'b7e5a0f2-4c4d-11ef-9b7c-0a1b2c3d4e5f',
    },
    message: `Stack with id ${stackName} does not exist`,
  });
}

/** An AWS service error of the given name. */
export function awsError(
  name: string,
  message: string,
  status = 400,
): CloudFormationServiceException {
  return new CloudFormationServiceException({
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: {
      httpStatusCode: status,
      requestId: 'c1d2e3f4-4c4d-11ef-9b7c-0a1b2c3d4e5f',
    },
    message,
  });
}

/** The `aws` config section with static credentials for the example account. */
export function awsConfig() {
  return {
    accounts: [
      {
        accountId: ACCOUNT,
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
    ],
  };
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

/** The names of the commands a mocked CloudFormation client was sent, in order. */
export function commandNames(cfn: {
  calls(): Array<{ args: unknown[] }>;
}): string[] {
  return cfn.calls().map(call => (call.args[0] as object).constructor.name);
}
