import { StackSelectionStrategy } from '@aws-cdk/toolkit-lib';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  ChangeSummary,
  describeChangeSummary,
  summarizeChanges,
} from '../aws/ChangeSummary';
import {
  createToolkit,
  describeFailureCause,
  describeStack,
  isDeploySucceeded,
  isStackAbsent,
  isStackInProgress,
  outputsOf,
  TaskIoHost,
  untilDeadline,
  waitForStackOperation,
  type AssemblyStack,
  type AwsAccess,
  type EnvironmentTarget,
  type StackWaitTiming,
} from '@stageline/plugin-environments-node';
import { deployFailed, explainDeployFailure } from './explainDeployFailure';
import { refusePlaceholderOverRealCode } from './placeholderGuard';
import { readChangeSet } from './readChangeSet';

/** Where a deploy ended, as plain JSON (the action keeps it as a checkpoint). */
export type ToolkitDeployOutcome = {
  stackId: string;
  status: string;
  outputs: Record<string, string>;
  noChanges: boolean;
  changeSummary: Omit<ChangeSummary, 'changes'>;
};

const NOTHING: Omit<ChangeSummary, 'changes'> = {
  added: 0,
  modified: 0,
  replaced: 0,
  removed: 0,
};

function counts({ changes: _changes, ...rest }: ChangeSummary) {
  return rest;
}

/**
 * Deploys one stack of a cloud assembly with the CDK toolkit library, through a change set named
 * `changeSetName`:
 *
 * - file assets are published to the bootstrap bucket and a template over 51,200 bytes is
 *   uploaded there (the toolkit does both; `cdk bootstrap` must have run where the stack needs it);
 * - the change set is read and written to the task log before it is executed, and a template
 *   whose placeholder code would replace code the stack already runs is refused first;
 * - stack events go to the task log as they come; a failure names the first failed resource,
 *   CloudFormation's reason and how the rollback ended.
 *
 * A retried task finds its own change set: one still executing is waited for, one already
 * executed gives its result; nothing is executed twice.
 *
 * @throws ConflictError when another operation runs on the stack, or placeholder code would
 *   replace real code; Error describing a failed deploy
 */
export async function deployStackWithToolkit(options: {
  aws: AwsAccess;
  target: EnvironmentTarget;
  cloudFormation: CloudFormationClient;
  assemblyDir: string;
  stack: AssemblyStack;
  tags: Record<string, string>;
  changeSetName: string;
  timing: StackWaitTiming;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<ToolkitDeployOutcome> {
  const { cloudFormation, target, logger, signal, changeSetName } = options;
  const { stackName } = target;
  const current = await describeStack(cloudFormation, stackName, signal);
  const ours = isStackAbsent(current)
    ? undefined
    : await readChangeSet(cloudFormation, stackName, changeSetName, signal);
  if (ours && /^EXECUTE_/.test(ours.executionStatus ?? '')) {
    logger.info(
      `Picking up this task's deploy of ${stackName} (change set ${changeSetName}, ${ours.executionStatus})`,
    );
    return settle(
      options,
      current!.StackId!,
      summarizeChanges(ours.changes),
      ours.creationTime,
    );
  }
  if (
    current &&
    !isStackAbsent(current) &&
    isStackInProgress(current.StackStatus)
  ) {
    throw new ConflictError(
      `Stack ${stackName} is ${current.StackStatus}: another operation is running on it. Wait for it to finish, then deploy again`,
    );
  }
  await refusePlaceholderOverRealCode({
    cloudFormation,
    stackId: isStackAbsent(current) ? undefined : current!.StackId,
    stackName,
    template: options.stack.template,
    signal,
  });

  let summary: ChangeSummary = summarizeChanges([]);
  const io = new TaskIoHost(logger, async diff => {
    const changeSet = await readChangeSet(
      cloudFormation,
      stackName,
      changeSetName,
      signal,
    );
    summary = summarizeChanges(changeSet?.changes ?? []);
    logger.info(
      `Change set ${changeSetName} of ${stackName}: ${describeChangeSummary(
        summary,
      )}`,
    );
    for (const change of summary.changes) {
      const replacement = change.replacement === 'True' ? ' (replacement)' : '';
      logger.info(
        `  ${change.action} ${change.type} ${change.logicalId}${replacement}`,
      );
    }
    logger.info(diff);
    return true;
  });
  const toolkit = await createToolkit(options.aws, target, io);
  const source = await toolkit.fromAssemblyDirectory(options.assemblyDir);
  let stackArn: string | undefined;
  try {
    const deploy = toolkit.deploy(source, {
      stacks: {
        strategy: StackSelectionStrategy.PATTERN_MUST_MATCH_SINGLE,
        patterns: [options.stack.artifactId],
      },
      deploymentMethod: { method: 'change-set', changeSetName },
      tags: Object.entries(options.tags).map(([Key, Value]) => ({
        Key,
        Value,
      })),
      stackEventPollingInterval: options.timing.pollIntervalMs,
      concurrency: 1,
    });
    const result = await untilDeadline(deploy, {
      timeoutMs: options.timing.timeoutMs,
      signal,
      message: `Timed out after ${Math.round(
        options.timing.timeoutMs / 60_000,
      )} minutes waiting for the deploy of ${stackName}; it carries on in CloudFormation, and a retry of this task picks it up`,
      onGiveUp: () => {
        io.detach();
        deploy.catch(() => undefined);
      },
    });
    stackArn = result.stacks[0]?.stackArn;
  } catch (error) {
    if (io.detached) throw error;
    const after = await describeStack(cloudFormation, stackName, signal);
    throw explainDeployFailure({
      stackName,
      stack: after,
      events: io.events,
      error,
    });
  }
  const deployed = await describeStack(
    cloudFormation,
    stackArn ?? stackName,
    signal,
  );
  return {
    stackId: deployed?.StackId ?? stackArn ?? '',
    status: deployed?.StackStatus ?? 'UNKNOWN',
    outputs: outputsOf(deployed),
    noChanges: io.noChanges,
    changeSummary: io.noChanges ? NOTHING : counts(summary),
  };
}

/** The outcome of a change set this task already executed: waited for when still running. */
async function settle(
  options: Parameters<typeof deployStackWithToolkit>[0],
  stackId: string,
  summary: ChangeSummary,
  since: Date | undefined,
): Promise<ToolkitDeployOutcome> {
  const final = await waitForStackOperation({
    cloudFormation: options.cloudFormation,
    stackId,
    afterEventId: null,
    since,
    timing: options.timing,
    logger: options.logger,
    signal: options.signal,
  });
  if (!isDeploySucceeded(final.status)) {
    throw deployFailed(
      options.target.stackName,
      final.status,
      describeFailureCause(final.failure),
    );
  }
  return {
    stackId,
    status: final.status,
    outputs: final.outputs,
    noChanges: false,
    changeSummary: counts(summary),
  };
}
