import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  Stack,
} from '@aws-sdk/client-cloudformation';
import type {
  DeploymentSection,
  EnvironmentEntity,
} from '@stageline/plugin-environments-common';
import {
  errorSection,
  unconfiguredSection,
  stackOf,
  AwsAccess,
  stackVersion,
} from '@stageline/plugin-environments-node';
import type {
  EnvironmentDeploymentProvider,
  ProviderCallOptions,
} from '@stageline/plugin-environments-node';

/** Recent stack events returned with the status. */
const EVENTS_IN_STATUS = 10;

/**
 * Reads an environment's CloudFormation stack (`spec.deployment.stackName` in
 * `spec.deployment.region` of `spec.deployment.accountId`): status, last update, outputs, the
 * deployed version and commit (stack tags `stageline.dev/version` / `stageline.dev/commit`, or
 * outputs `Version` / `Commit`), and recent events.
 *
 * @public
 */
export class CloudFormationDeploymentProvider
  implements EnvironmentDeploymentProvider
{
  readonly id = 'cloudformation';

  constructor(private readonly aws: AwsAccess) {}

  /** Exposed so the promotion gate can tell "AWS not configured" from "stack not settled". */
  getAwsAccess(): AwsAccess {
    return this.aws;
  }

  async getDeployment(
    environment: EnvironmentEntity,
    options: ProviderCallOptions = {},
  ): Promise<DeploymentSection> {
    const stack = stackOf(environment);
    const fields = {
      provider: this.id,
      stackName: stack?.stackName,
      region: stack?.region,
    };
    if (!stack) {
      return unconfiguredSection(
        `${environment.metadata.name} has no spec.deployment.stackName: name its CloudFormation stack to show what is deployed`,
        fields,
      );
    }
    const configuration = this.aws.getConfiguration();
    if (!configuration.configured) {
      return unconfiguredSection(configuration.message, fields);
    }
    try {
      const clientConfig = await this.aws.clientConfig(stack);
      const client = new CloudFormationClient(clientConfig);
      const send = { abortSignal: options.signal };
      let found: Stack | undefined;
      try {
        const described = await client.send(
          new DescribeStacksCommand({ StackName: stack.stackName }),
          send,
        );
        found = described.Stacks?.[0];
      } catch (error) {
        if (!/does not exist/i.test((error as Error).message)) throw error;
      }
      const region = clientConfig.region;
      if (!found) {
        return {
          ...fields,
          region,
          status: 'ok',
          stackStatus: 'NOT_FOUND',
          message: `Stack ${stack.stackName} is not deployed in ${region}`,
        };
      }
      const events = await client.send(
        new DescribeStackEventsCommand({ StackName: stack.stackName }),
        send,
      );
      const outputs = (found.Outputs ?? []).map(o => ({
        key: o.OutputKey,
        value: o.OutputValue,
      }));
      const lastUpdated = found.LastUpdatedTime ?? found.CreationTime;
      return {
        ...fields,
        region,
        status: 'ok',
        message: found.StackStatusReason
          ? `${found.StackStatus}: ${found.StackStatusReason}`
          : `${found.StackStatus}`,
        stackStatus: found.StackStatus,
        lastUpdated: lastUpdated?.toISOString(),
        ...stackVersion(found),
        outputs: Object.fromEntries(
          outputs.filter(o => o.key).map(o => [o.key!, o.value ?? '']),
        ),
        events: (events.StackEvents ?? [])
          .slice(0, EVENTS_IN_STATUS)
          .map(e => ({
            timestamp: (e.Timestamp ?? new Date(0)).toISOString(),
            logicalResourceId: e.LogicalResourceId ?? '',
            resourceType: e.ResourceType ?? '',
            resourceStatus: e.ResourceStatus ?? '',
            reason: e.ResourceStatusReason,
          })),
        consoleUrl: `https://${region}.console.aws.amazon.com/cloudformation/home?region=${region}#/stacks/stackinfo?stackId=${encodeURIComponent(
          found.StackId ?? stack.stackName,
        )}`,
      };
    } catch (error) {
      return errorSection(
        `Could not read stack ${stack.stackName}`,
        error,
        fields,
      );
    }
  }
}
