import {
  type CloudFormationClient,
  ContinueUpdateRollbackCommand,
} from '@aws-sdk/client-cloudformation';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  describeFailureCause,
  describeStack,
  StackEventStream,
  waitForStackOperation,
  type StackOperationResult,
  type StackWaitTiming,
} from '@stageline/plugin-environments-node';

/**
 * Continues CloudFormation's rollback of a stack stuck in `UPDATE_ROLLBACK_FAILED`
 * (`ContinueUpdateRollback`, optionally skipping resources whose rollback failed) and waits for
 * it, streaming its events. The request carries a token of the task (`ClientRequestToken`), so
 * a retried task's request is one CloudFormation already knows; a retried task that finds the
 * rollback running waits for it.
 *
 * @throws ConflictError when the stack is not `UPDATE_ROLLBACK_FAILED` (nor rolling back for this
 *   task); Error naming the resource whose rollback failed again
 */
export async function continueRollback(options: {
  cloudFormation: CloudFormationClient;
  stackName: string;
  resourcesToSkip: string[];
  clientRequestToken: string;
  timing: StackWaitTiming;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<StackOperationResult> {
  const { cloudFormation, stackName, logger, signal } = options;
  const stack = await describeStack(cloudFormation, stackName, signal);
  const status = stack?.StackStatus;
  let afterEventId: string | undefined;
  if (status !== 'UPDATE_ROLLBACK_IN_PROGRESS') {
    if (status !== 'UPDATE_ROLLBACK_FAILED') {
      throw new ConflictError(
        `Stack ${stackName} is ${
          status ?? 'not deployed'
        }: only a stack in UPDATE_ROLLBACK_FAILED has a rollback to continue`,
      );
    }
    logger.info(
      `Continuing the rollback of ${stackName}${
        options.resourcesToSkip.length
          ? `, skipping ${options.resourcesToSkip.join(', ')}`
          : ''
      }`,
    );
    afterEventId = await StackEventStream.latestEventId(
      cloudFormation,
      stack!.StackId!,
      signal,
    );
    await cloudFormation.send(
      new ContinueUpdateRollbackCommand({
        StackName: stack!.StackId,
        ResourcesToSkip: options.resourcesToSkip.length
          ? options.resourcesToSkip
          : undefined,
        ClientRequestToken: options.clientRequestToken,
      }),
      { abortSignal: signal },
    );
  }
  const final = await waitForStackOperation({
    cloudFormation,
    stackId: stack!.StackId!,
    afterEventId: afterEventId ?? null,
    // A retried task finds the rollback it started running: its events since the stack's last change.
    since: afterEventId ? undefined : stack!.LastUpdatedTime,
    timing: options.timing,
    logger,
    signal,
  });
  if (final.status !== 'UPDATE_ROLLBACK_COMPLETE') {
    const failure = final.failure;
    throw new Error(
      `The continued rollback of ${stackName} failed (${
        final.status
      }); ${describeFailureCause(failure)}.${
        failure && failure.type !== 'AWS::CloudFormation::Stack'
          ? ` Fix ${failure.logicalId} in its service, or roll back again with resourcesToSkip: [${failure.logicalId}] (CloudFormation then leaves it as it is)`
          : ''
      }`,
    );
  }
  return final;
}
