import { DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { z } from 'zod/v3';
import { changeSetNameFor } from '../../lib/aws/changeSetNameFor';
import { cloudFormationClientFor } from '../../lib/aws/cloudFormationClientFor';
import { withAwsErrors } from '../../lib/aws/describeAwsError';
import { describeStack } from '../../lib/aws/describeStack';
import { describeFailureCause } from '../../lib/aws/describeStackFailure';
import { requireAwsConfigured } from '../../lib/aws/requireAwsConfigured';
import { StackEventStream } from '../../lib/aws/StackEventStream';
import { isStackInProgress } from '../../lib/aws/stackStatus';
import { stackWaitTiming } from '../../lib/aws/stackWaitTiming';
import {
  StackOperationResult,
  waitForStackOperation,
} from '../../lib/aws/waitForStackOperation';
import { describeTarget } from '../../lib/environment/describeTarget';
import {
  environmentTargetFields,
  timeoutMinutesField,
} from '../../lib/environment/environmentTargetFields';
import { resolveEnvironmentTarget } from '../../lib/environment/resolveEnvironmentTarget';
import { parseActionInput } from '../../lib/input/parseActionInput';
import type { EnvironmentStackActionOptions } from '../EnvironmentActionOptions';
import { authorizeOnEnvironment } from '../../lib/environment/authorizeOnEnvironment';
import { environmentsDestroyPermission } from '@stageline/plugin-environments-common';
import { examples } from './environmentDestroy.examples';

const ID = 'environment:destroy';

const { scale: _scale, ...targetFields } = environmentTargetFields;

const inputFields = {
  ...targetFields,
  confirm: (zImpl: typeof z) =>
    zImpl
      .string({
        description:
          'The stack name, typed again. Required to destroy a production environment',
      })
      .optional(),
  timeoutMinutes: timeoutMinutesField,
};

type Precheck = { absent: boolean; stackId: string | null; deleting: boolean };

/**
 * `environment:destroy`: deletes an environment's CloudFormation stack and waits for it to go,
 * streaming stack events to the log. A missing stack is a success. A production environment
 * needs `confirm` set to its stack name.
 *
 * @public
 */
export function createEnvironmentDestroyAction(
  options: EnvironmentStackActionOptions,
) {
  const { catalog, aws } = options;
  return createTemplateAction({
    id: ID,
    description:
      "Deletes an environment's CloudFormation stack and waits (preview clean-up, scheduled shutdown); production needs confirm set to the stack name",
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields,
      output: {
        stackName: z => z.string({ description: 'The CloudFormation stack' }),
        deleted: z =>
          z.boolean({
            description:
              'True when a stack was deleted; false when there was none',
          }),
        status: z =>
          z.string({
            description:
              'DELETE_COMPLETE, NOT_FOUND when there was no stack, DRY_RUN in a dry run',
          }),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(ID, inputFields, ctx.input);
      const credentials = await ctx.getInitiatorCredentials();
      const target = await resolveEnvironmentTarget({
        input,
        catalog,
        credentials,
      });
      if (target.stage === 'production' && input.confirm !== target.stackName) {
        throw new InputError(
          `${target.name} is a production environment: set confirm to "${
            target.stackName
          }" to destroy its stack${
            input.confirm ? ` (got "${input.confirm}")` : ''
          }`,
        );
      }
      await authorizeOnEnvironment({
        ...options,
        permission: environmentsDestroyPermission,
        target,
        credentials,
      });
      const where = describeTarget(target);
      ctx.output('stackName', target.stackName);

      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would delete ${where}; AWS was not called`);
        ctx.output('deleted', false);
        ctx.output('status', 'DRY_RUN');
        return;
      }

      requireAwsConfigured(aws, `destroy ${target.stackName}`);
      const cloudFormation = await cloudFormationClientFor(aws, target);
      const timing = stackWaitTiming(
        options.pollIntervalMs,
        input.timeoutMinutes ?? 60,
      );
      const signal = ctx.signal;
      const key = `environment.destroy.${target.stackName}`;
      const callAws = <T>(what: string, fn: () => Promise<T>) =>
        withAwsErrors(what, target, fn);

      const precheck: Precheck = await ctx.checkpoint({
        key: `${key}.precheck`,
        fn: () =>
          callAws(`reading stack ${target.stackName}`, async () => {
            const stack = await describeStack(
              cloudFormation,
              target.stackName,
              signal,
            );
            if (!stack) {
              return { absent: true, stackId: null, deleting: false };
            }
            const status = stack.StackStatus;
            const deleting = status === 'DELETE_IN_PROGRESS';
            if (
              isStackInProgress(status) &&
              !deleting &&
              status !== 'REVIEW_IN_PROGRESS'
            ) {
              throw new ConflictError(
                `Stack ${target.stackName} is ${status}: another operation is running on it. Wait for it to finish, then destroy again`,
              );
            }
            return { absent: false, stackId: stack.StackId!, deleting };
          }),
      });

      if (precheck.absent || !precheck.stackId) {
        ctx.logger.info(
          `Stack ${target.stackName} does not exist in ${target.region}; nothing to destroy`,
        );
        ctx.output('deleted', false);
        ctx.output('status', 'NOT_FOUND');
        return;
      }
      const stackId = precheck.stackId;

      ctx.logger.info(`Destroying ${where}`);
      const { afterEventId } = await ctx.checkpoint({
        key: `${key}.delete`,
        fn: () =>
          callAws(`deleting stack ${target.stackName}`, async () => {
            const latest = await StackEventStream.latestEventId(
              cloudFormation,
              stackId,
              signal,
            );
            if (!precheck.deleting) {
              await cloudFormation.send(
                new DeleteStackCommand({
                  StackName: stackId,
                  ClientRequestToken: changeSetNameFor('destroy', ctx.task.id),
                }),
                { abortSignal: signal },
              );
            }
            return { afterEventId: latest ?? null };
          }),
      });

      const final: StackOperationResult = await ctx.checkpoint({
        key: `${key}.wait`,
        fn: () =>
          callAws(`waiting for stack ${target.stackName} to be deleted`, () =>
            waitForStackOperation({
              cloudFormation,
              stackId: stackId,
              afterEventId,
              timing,
              logger: ctx.logger,
              signal,
            }),
          ),
      });

      ctx.output('status', final.status);
      if (final.status !== 'DELETE_COMPLETE') {
        ctx.output('deleted', false);
        const cause = describeFailureCause(final.failure);
        throw new Error(
          `Destroy of ${target.stackName} failed (${final.status}); ${cause}`,
        );
      }
      ctx.output('deleted', true);
      ctx.logger.info(`Destroyed ${target.stackName}`);
    },
  });
}
