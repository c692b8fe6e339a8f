import {
  CloudWatchClient,
  DescribeAlarmsCommand,
} from '@aws-sdk/client-cloudwatch';
import type { EnvironmentEntity } from '@stageline/plugin-environments-common';
import {
  AwsAccess,
  EnvironmentHealthCheck,
  EnvironmentHealthCheckOutcome,
  ProviderCallOptions,
  stackOf,
} from '@stageline/plugin-environments-node';

/**
 * CloudWatch alarms of the environment's stack that are in ALARM. An alarm belongs to the stack
 * when its name starts with the stack name — CloudFormation names alarms without an explicit
 * name `{StackName}-{LogicalId}-{suffix}`, and the Stageline stacks name theirs
 * `{StackName}-…` — so one `DescribeAlarms` call with `AlarmNamePrefix` and
 * `StateValue: ALARM` answers, for metric and composite alarms alike.
 */
export class CloudWatchAlarmsHealthCheck implements EnvironmentHealthCheck {
  readonly id = 'alarms';

  constructor(private readonly aws: AwsAccess) {}

  async check(
    environment: EnvironmentEntity,
    options: ProviderCallOptions = {},
  ): Promise<EnvironmentHealthCheckOutcome> {
    const stack = stackOf(environment);
    if (!stack) {
      return {
        status: 'unconfigured',
        message: 'no spec.deployment.stackName',
      };
    }
    const configuration = this.aws.getConfiguration();
    if (!configuration.configured) {
      return { status: 'unconfigured', message: configuration.message };
    }
    const client = new CloudWatchClient(await this.aws.clientConfig(stack));
    const alarms: Array<{ name: string; reason?: string }> = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(
        new DescribeAlarmsCommand({
          AlarmNamePrefix: stack.stackName,
          StateValue: 'ALARM',
          AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
          NextToken: nextToken,
        }),
        { abortSignal: options.signal },
      );
      for (const alarm of [
        ...(page.MetricAlarms ?? []),
        ...(page.CompositeAlarms ?? []),
      ]) {
        alarms.push({
          name: alarm.AlarmName ?? '(unnamed)',
          reason: alarm.StateReason,
        });
      }
      nextToken = page.NextToken;
    } while (nextToken);
    if (alarms.length === 0) {
      return {
        status: 'ok',
        results: [
          {
            name: 'alarms',
            state: 'healthy',
            detail: `No alarm of ${stack.stackName} in ALARM`,
          },
        ],
      };
    }
    return {
      status: 'ok',
      results: alarms.map(a => ({
        name: `alarm ${a.name}`,
        state: 'unhealthy',
        detail: a.reason,
      })),
    };
  }
}
