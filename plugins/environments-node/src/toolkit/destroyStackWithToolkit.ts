import { StackSelectionStrategy } from '@aws-cdk/toolkit-lib';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { AwsAccess } from '../aws/AwsAccess';
import { redactSecrets } from '../providers/sections';
import { describeStack } from '../aws/describeStack';
import {
  describeFailureCause,
  describeStackFailure,
} from '../aws/describeStackFailure';
import type { StackWaitTiming } from '../aws/waitForStack';
import type { EnvironmentTarget } from '../target/EnvironmentTarget';
import type { AssemblyStack } from './assemblyStack';
import { createToolkit } from './createToolkit';
import { TaskIoHost } from './TaskIoHost';
import { untilDeadline } from './untilDeadline';

/**
 * Deletes one stack of a cloud assembly with the CDK toolkit library (as `cdk destroy` does:
 * with the roles the stack's synthesizer names), its events in the task log, and waits until it
 * is gone.
 *
 * @returns the final status, `DELETE_COMPLETE`
 * @throws Error naming the first resource that failed to delete and CloudFormation's reason
 *
 * @public
 */
export async function destroyStackWithToolkit(options: {
  aws: AwsAccess;
  target: EnvironmentTarget;
  cloudFormation: CloudFormationClient;
  assemblyDir: string;
  stack: AssemblyStack;
  stackId: string;
  timing: StackWaitTiming;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<string> {
  const { target, cloudFormation, stackId, signal } = options;
  const io = new TaskIoHost(options.logger);
  const toolkit = await createToolkit(options.aws, target, io);
  const source = await toolkit.fromAssemblyDirectory(options.assemblyDir);
  let failure: unknown;
  const destroy = toolkit.destroy(source, {
    stacks: {
      strategy: StackSelectionStrategy.PATTERN_MUST_MATCH_SINGLE,
      patterns: [options.stack.artifactId],
    },
    stackEventPollingInterval: options.timing.pollIntervalMs,
    concurrency: 1,
  });
  try {
    await untilDeadline(destroy, {
      timeoutMs: options.timing.timeoutMs,
      signal,
      message: `Timed out after ${Math.round(
        options.timing.timeoutMs / 60_000,
      )} minutes waiting for ${
        target.stackName
      } to be deleted; it carries on in CloudFormation, and a retry of this task picks it up`,
      onGiveUp: () => {
        io.detach();
        destroy.catch(() => undefined);
      },
    });
  } catch (error) {
    if (io.detached) throw error;
    failure = error;
  }
  const after = await describeStack(cloudFormation, stackId, signal);
  const status = after?.StackStatus ?? 'DELETE_COMPLETE';
  if (status === 'DELETE_COMPLETE') return status;
  const cause = io.events.length
    ? describeFailureCause(describeStackFailure(after, io.events))
    : redactSecrets(String((failure as Error)?.message ?? failure));
  throw new Error(
    `Destroy of ${target.stackName} failed (${status}); ${cause}`,
  );
}
