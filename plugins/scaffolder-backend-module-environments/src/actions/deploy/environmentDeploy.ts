import { ExecuteChangeSetCommand, Tag } from '@aws-sdk/client-cloudformation';
import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { z } from 'zod/v3';
import { changeSetNameFor } from '../../lib/aws/changeSetNameFor';
import {
  ChangeSummary,
  describeChangeSummary,
  summarizeChanges,
} from '../../lib/aws/ChangeSummary';
import {
  createChangeSet,
  removeChangeSet,
  waitForChangeSet,
} from '../../lib/aws/changeSets';
import { cloudFormationClientFor } from '../../lib/aws/cloudFormationClientFor';
import { withAwsErrors } from '../../lib/aws/describeAwsError';
import { describeStack } from '../../lib/aws/describeStack';
import { describeFailureCause } from '../../lib/aws/describeStackFailure';
import { requireAwsConfigured } from '../../lib/aws/requireAwsConfigured';
import { StackEventStream } from '../../lib/aws/StackEventStream';
import {
  isDeploySucceeded,
  isStackAbsent,
  isStackInProgress,
  outputsOf,
} from '../../lib/aws/stackStatus';
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
import {
  assertDeployableInline,
  synthesizeTarget,
} from '../../lib/plan/synthesizeTarget';
import type { EnvironmentStackActionOptions } from '../EnvironmentActionOptions';
import { authorizeOnEnvironment } from '../../lib/environment/authorizeOnEnvironment';
import { environmentsDeployPermission } from '@stageline/plugin-environments-common';
import { examples } from './environmentDeploy.examples';

const ID = 'environment:deploy';

/** A stack that failed its first create cannot be updated, only deleted. */
const STUCK_AFTER_FAILED_CREATE = ['ROLLBACK_COMPLETE', 'ROLLBACK_FAILED'];

const inputFields = {
  ...environmentTargetFields,
  tags: (zImpl: typeof z) =>
    zImpl
      .record(zImpl.string(), {
        description:
          'Extra stack tags, e.g. { "stageline.dev/version": "1.4.0", "stageline.dev/commit": "<sha>" }',
      })
      .optional(),
  timeoutMinutes: timeoutMinutesField,
};

type ChangeSetCheckpoint = {
  changeSetId: string;
  stackId: string;
  noChanges: boolean;
  summary: ChangeSummary;
  outputs: Record<string, string>;
};

/**
 * `environment:deploy`: creates or updates an environment's CloudFormation stack through a change
 * set, streams the stack events to the task log while it waits, and outputs the stack outputs.
 *
 * The synthesized template is sent inline with the CloudFormation SDK, so stacks with CDK assets
 * are refused (deploy those with `cdk deploy`). Credentials come from the AWS integration config.
 *
 * @public
 */
export function createEnvironmentDeployAction(
  options: EnvironmentStackActionOptions,
) {
  const { catalog, aws } = options;
  return createTemplateAction({
    id: ID,
    description:
      "Creates or updates an environment's CloudFormation stack through a change set, streaming stack events to the log, and outputs the stack outputs",
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields,
      output: {
        stackName: z => z.string({ description: 'The CloudFormation stack' }),
        stackId: z => z.string({ description: 'The stack ARN' }).optional(),
        status: z =>
          z.string({
            description:
              'Final stack status, e.g. UPDATE_COMPLETE; DRY_RUN in a dry run',
          }),
        noChanges: z =>
          z.boolean({
            description: 'True when the stack was already up to date',
          }),
        changeSummary: z =>
          z
            .object({
              added: z.number(),
              modified: z.number(),
              replaced: z.number(),
              removed: z.number(),
            })
            .describe(
              'What the change set added, modified, replaced and removed',
            ),
        outputs: z =>
          z.record(z.string(), { description: 'The stack outputs' }),
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
      await authorizeOnEnvironment({
        ...options,
        permission: environmentsDeployPermission,
        target,
        credentials,
      });
      const synthesized = await synthesizeTarget(target);
      assertDeployableInline(synthesized, target.stackName);
      const where = describeTarget(target);
      ctx.output('stackName', target.stackName);

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would deploy ${where} through a change set (${
            Object.keys(synthesized.template.Resources ?? {}).length
          } resources in the template); AWS was not called`,
        );
        ctx.output('status', 'DRY_RUN');
        ctx.output('noChanges', false);
        ctx.output('changeSummary', {
          added: 0,
          modified: 0,
          replaced: 0,
          removed: 0,
        });
        ctx.output('outputs', {});
        return;
      }

      requireAwsConfigured(aws, `deploy ${target.stackName}`);
      const cloudFormation = await cloudFormationClientFor(aws, target);
      const timing = stackWaitTiming(
        options.pollIntervalMs,
        input.timeoutMinutes ?? 60,
      );
      const signal = ctx.signal;
      const key = `environment.deploy.${target.stackName}`;
      const callAws = <T>(what: string, fn: () => Promise<T>) =>
        withAwsErrors(what, target, fn);

      ctx.logger.info(`Deploying ${where}`);
      const { changeSetType } = await ctx.checkpoint({
        key: `${key}.precheck`,
        fn: () =>
          callAws(`reading stack ${target.stackName}`, async () => {
            const stack = await describeStack(
              cloudFormation,
              target.stackName,
              signal,
            );
            const status = stack?.StackStatus;
            if (stack && !isStackAbsent(stack) && isStackInProgress(status)) {
              throw new ConflictError(
                `Stack ${target.stackName} is ${status}: another operation is running on it. Wait for it to finish, then deploy again`,
              );
            }
            if (status && STUCK_AFTER_FAILED_CREATE.includes(status)) {
              throw new ConflictError(
                `Stack ${target.stackName} is ${status} after a failed first deploy and cannot be updated: destroy it (environment:destroy) and deploy again`,
              );
            }
            return {
              changeSetType: isStackAbsent(stack) ? 'CREATE' : 'UPDATE',
            } as const;
          }),
      });

      const tags: Tag[] = Object.entries({
        'stageline.dev/environment': target.name,
        'stageline.dev/stage': target.stage,
        'stageline.dev/scale': target.scale,
        ...input.tags,
      }).map(([Key, Value]) => ({ Key, Value }));

      const changeSet: ChangeSetCheckpoint = await ctx.checkpoint({
        key: `${key}.changeset`,
        fn: () =>
          callAws(`creating a change set for ${target.stackName}`, async () => {
            const ids = await createChangeSet({
              cloudFormation,
              stackName: target.stackName,
              changeSetName: changeSetNameFor('deploy', ctx.task.id),
              changeSetType,
              templateBody: synthesized.templateBody,
              description: `Stageline deploy of ${target.name} (${target.scale})`,
              tags,
              signal,
            });
            const result = await waitForChangeSet({
              cloudFormation,
              changeSetId: ids.changeSetId,
              stackName: target.stackName,
              timing,
              signal,
            });
            if (result.status === 'no-changes') {
              await removeChangeSet({
                cloudFormation,
                changeSetId: ids.changeSetId,
                timing,
              });
              const stack = await describeStack(
                cloudFormation,
                ids.stackId,
                signal,
              );
              return {
                ...ids,
                noChanges: true,
                summary: summarizeChanges([]),
                outputs: outputsOf(stack),
              };
            }
            return {
              ...ids,
              noChanges: false,
              summary: summarizeChanges(result.changes),
              outputs: {},
            };
          }),
      });
      const { changes, ...counts } = changeSet.summary;
      ctx.output('stackId', changeSet.stackId);
      ctx.output('changeSummary', counts);

      if (changeSet.noChanges) {
        ctx.logger.info(
          `No changes: ${target.stackName} is already up to date`,
        );
        ctx.output('status', 'NO_CHANGES');
        ctx.output('noChanges', true);
        ctx.output('outputs', changeSet.outputs);
        return;
      }
      ctx.logger.info(
        `Change set: ${describeChangeSummary(changeSet.summary)}`,
      );
      for (const change of changes) {
        const replacement =
          change.replacement === 'True' ? ' (replacement)' : '';
        ctx.logger.info(
          `  ${change.action} ${change.type} ${change.logicalId}${replacement}`,
        );
      }

      const { afterEventId } = await ctx.checkpoint({
        key: `${key}.execute`,
        fn: () =>
          callAws(
            `executing the change set of ${target.stackName}`,
            async () => {
              const latest = await StackEventStream.latestEventId(
                cloudFormation,
                changeSet.stackId,
                signal,
              );
              await cloudFormation.send(
                new ExecuteChangeSetCommand({
                  ChangeSetName: changeSet.changeSetId,
                  ClientRequestToken: changeSetNameFor('deploy', ctx.task.id),
                }),
                { abortSignal: signal },
              );
              return { afterEventId: latest ?? null };
            },
          ),
      });

      ctx.logger.info(`Waiting for ${target.stackName}…`);
      const final: StackOperationResult = await ctx.checkpoint({
        key: `${key}.wait`,
        fn: () =>
          callAws(`waiting for stack ${target.stackName}`, () =>
            waitForStackOperation({
              cloudFormation,
              stackId: changeSet.stackId,
              afterEventId,
              timing,
              logger: ctx.logger,
              signal,
            }),
          ),
      });

      ctx.output('status', final.status);
      ctx.output('noChanges', false);
      ctx.output('outputs', final.outputs);
      if (!isDeploySucceeded(final.status)) {
        const cause = describeFailureCause(final.failure);
        throw new Error(
          `Deploy of ${target.stackName} failed and was rolled back (${final.status}); ${cause}`,
        );
      }
      ctx.logger.info(`Deployed ${target.stackName}: ${final.status}`);
    },
  });
}
