import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { AwsAccess } from '../aws/AwsAccess';
import { withAwsErrors } from '../aws/describeAwsError';
import { describeStack } from '../aws/describeStack';
import { describeFailureCause } from '../aws/describeStackFailure';
import { isStackInProgress } from '../aws/stackLifecycle';
import type { StackWaitTiming } from '../aws/waitForStack';
import { waitForStackOperation } from '../aws/waitForStackOperation';
import type { Checkpoint } from '../pipeline/runPipelineCommand';
import { describeTarget } from '../target/describeTarget';
import type { EnvironmentTarget } from '../target/EnvironmentTarget';
import { destroyStackWithToolkit } from '../toolkit/destroyStackWithToolkit';
import type { PreparedAssembly } from '../toolkit/prepareAssembly';

/**
 * How a destroy ended, as plain JSON (it is kept as a checkpoint): `DELETE_COMPLETE`, or
 * `NOT_FOUND` when there was no stack.
 *
 * @public
 */
export type DirectDestroyOutcome = { status: string };

/**
 * Deletes a `reference` or `cdk-app` Environment's stack with the CDK toolkit library and waits
 * for it to go, its events in the log: a missing stack is `NOT_FOUND`, a stack already being
 * deleted is waited for, a stack busy with another operation is refused. The delete is one
 * checkpoint, so a retry never starts a second one. This is what `environment:destroy` does for
 * a direct mode, and what the environments backend does for a preview's cleanup.
 *
 * @param assembly - the cloud assembly holding the target's stack (the toolkit deletes it with
 *   the roles its synthesizer names); built only when there is a stack to delete
 * @throws ConflictError when another operation runs on the stack; Error naming the first
 *   resource that failed to delete
 * @public
 */
export async function destroyStackDirectly(options: {
  target: EnvironmentTarget;
  aws: AwsAccess;
  cloudFormation: CloudFormationClient;
  assembly: () => Promise<PreparedAssembly>;
  checkpoint: Checkpoint;
  key: string;
  timing: StackWaitTiming;
  logger: LoggerService;
  signal?: AbortSignal;
  /**
   * Wraps the delete, once (inside its checkpoint): `environment:destroy` records how it ended
   * in the deployment history.
   */
  around?: (
    destroy: () => Promise<DirectDestroyOutcome>,
  ) => Promise<DirectDestroyOutcome>;
}): Promise<DirectDestroyOutcome> {
  const { target, cloudFormation, timing, logger, signal } = options;
  const destroy = () =>
    withAwsErrors(`destroying stack ${target.stackName}`, target, async () => {
      const stack = await describeStack(
        cloudFormation,
        target.stackName,
        signal,
      );
      const status = stack?.StackStatus;
      if (!stack || status === 'DELETE_COMPLETE') {
        return { status: 'NOT_FOUND' };
      }
      if (status === 'DELETE_IN_PROGRESS') {
        logger.info(
          `Stack ${target.stackName} is already being deleted; waiting for it`,
        );
        const final = await waitForStackOperation({
          cloudFormation,
          stackId: stack.StackId!,
          afterEventId: null,
          since: stack.LastUpdatedTime ?? stack.CreationTime,
          timing,
          logger,
          signal,
        });
        if (final.status !== 'DELETE_COMPLETE') {
          throw new Error(
            `Destroy of ${target.stackName} failed (${
              final.status
            }); ${describeFailureCause(final.failure)}`,
          );
        }
        return { status: final.status };
      }
      if (isStackInProgress(status) && status !== 'REVIEW_IN_PROGRESS') {
        throw new ConflictError(
          `Stack ${target.stackName} is ${status}: another operation is running on it. Wait for it to finish, then destroy again`,
        );
      }
      logger.info(
        `Destroying ${describeTarget(target)} (${target.deployment.mode})`,
      );
      const assembly = await options.assembly();
      try {
        return {
          status: await destroyStackWithToolkit({
            aws: options.aws,
            target,
            cloudFormation,
            assemblyDir: assembly.dir,
            stack: assembly.stack,
            stackId: stack.StackId!,
            timing,
            logger,
            signal,
          }),
        };
      } finally {
        assembly.dispose();
      }
    });
  return options.checkpoint({
    key: options.key,
    fn: () => (options.around ? options.around(destroy) : destroy()),
  });
}
