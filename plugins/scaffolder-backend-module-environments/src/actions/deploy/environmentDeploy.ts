import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  environmentsDeployPermission,
  STACK_TAGS,
} from '@stageline/plugin-environments-common';
import type { z } from 'zod/v3';
import { changeSetNameFor } from '../../lib/aws/changeSetNameFor';
import {
  assemblyForTarget,
  authorizeOnEnvironment,
  cloudFormationClientFor,
  describeTarget,
  referenceAssembly,
  requireAwsConfigured,
  resolveEnvironmentTarget,
  stackWaitTiming,
  withAwsErrors,
} from '@stageline/plugin-environments-node';
import {
  environmentTargetFields,
  timeoutMinutesField,
} from '../../lib/environment/environmentTargetFields';
import { parseActionInput } from '../../lib/input/parseActionInput';
import { runPipelineAction } from '../../lib/pipeline/pipelineAction';
import { deployStackWithToolkit } from '../../lib/toolkit/deployStackWithToolkit';
import {
  describeTemplateDelivery,
  describeToolkitDeploy,
} from '../../lib/toolkit/describeToolkitDeploy';
import type { EnvironmentStackActionOptions } from '../EnvironmentActionOptions';
import { templateHash } from '@stageline/plugin-environments-node';
import { snapshotOfAssembly } from '../../lib/history/deploymentSnapshot';
import { historyEntryFor, recorded } from '../../lib/history/recordDeployment';
import { examples } from './environmentDeploy.examples';
import { stackTagsOf } from '../../lib/toolkit/stackTagsOf';

const ID = 'environment:deploy';

const inputFields = {
  ...environmentTargetFields,
  commit: (zImpl: typeof z) =>
    zImpl
      .string({
        description:
          "The commit being deployed, tagged on the stack as stageline.dev/commit (the deployed version the cards show and promotion compares against), e.g. the commit the task's fetch step checked out. A pipeline's run tags its own commit",
      })
      .regex(/^[0-9a-f]{7,40}$/, 'must be a commit SHA (7 to 40 hex digits)')
      .optional(),
  tags: (zImpl: typeof z) =>
    zImpl
      .record(zImpl.string(), {
        description:
          'Extra stack tags, e.g. { "stageline.dev/version": "1.4.0", "stageline.dev/commit": "<sha>" }',
      })
      .optional(),
  timeoutMinutes: timeoutMinutesField,
};

/**
 * `environment:deploy`: deploys an environment's real stack the way its Environment says
 * (`spec.deployment.mode`). A `reference` or `cdk-app` stack is synthesized (the
 * `@stageline/cdk-environments` profile in process, or the service's CDK app from the task
 * workspace as a child process) and deployed with the CDK toolkit library through a change set:
 * assets published, the change set shown, stack events streamed, a failure reported with the
 * failing resource and the rollback's result. Placeholder code never replaces code the stack
 * already runs. Credentials come from the AWS integration config.
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
      "Deploys an environment's stack the way its Environment says: a reference profile or the service's CDK app through the CDK toolkit library, showing the change set and streaming stack events to the log, and outputs the stack outputs",
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields,
      output: {
        stackName: z => z.string({ description: 'The CloudFormation stack' }),
        mode: z =>
          z.string({
            description:
              "How the stack was deployed: the Environment's spec.deployment.mode (reference for app + stage)",
          }),
        stackId: z => z.string({ description: 'The stack ARN' }).optional(),
        status: z =>
          z.string({
            description:
              "Final stack status, e.g. UPDATE_COMPLETE; DRY_RUN in a dry run; for a pipeline whose stack AWS cannot read, the run's conclusion (SUCCESS)",
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
              "What the change set added, modified, replaced and removed; absent for a pipeline, whose run's log shows it",
            )
            .optional(),
        runId: z =>
          z
            .number({
              description:
                'The workflow run that deployed a pipeline Environment',
            })
            .optional(),
        runUrl: z =>
          z.string({ description: 'The page of that run' }).optional(),
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
      const authorizedOn = await authorizeOnEnvironment({
        ...options,
        permission: environmentsDeployPermission,
        target,
        credentials,
      });
      const history = historyEntryFor({
        history: options.history,
        target,
        authorizedOn,
        action: 'deploy',
        ctx,
      });
      const { mode } = target.deployment;
      ctx.output('stackName', target.stackName);
      ctx.output('mode', mode);
      const changeSetName = changeSetNameFor('deploy', ctx.task.id);

      if (target.deployment.mode === 'pipeline') {
        const result = await runPipelineAction({
          ctx,
          actionOptions: options,
          permission: environmentsDeployPermission,
          target,
          pipeline: target.deployment.pipeline,
          command: 'deploy',
          credentials,
          timeoutMinutes: input.timeoutMinutes,
          history,
        });
        ctx.output('noChanges', false);
        ctx.output('outputs', result?.outputs ?? {});
        if (!result) {
          ctx.output('status', 'DRY_RUN');
          return;
        }
        ctx.output('runId', result.runId);
        ctx.output('runUrl', result.url);
        if (result.stackId) ctx.output('stackId', result.stackId);
        ctx.output(
          'status',
          result.stackStatus ?? result.conclusion.toUpperCase(),
        );
        ctx.logger.info(
          `Deployed ${target.stackName} through run ${result.runId}${
            result.stackStatus ? `: ${result.stackStatus}` : ''
          }`,
        );
        return;
      }

      if (ctx.isDryRun) {
        const preview =
          mode === 'reference' ? referenceAssembly(target) : undefined;
        try {
          ctx.logger.info(
            `Dry run: would ${describeToolkitDeploy(
              target,
              changeSetName,
              preview?.stack,
            )}; AWS was not called${
              mode === 'cdk-app' ? ' and the app was not run' : ''
            }`,
          );
        } finally {
          preview?.dispose();
        }
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
      ctx.logger.info(`Deploying ${describeTarget(target)} (${mode})`);
      const outcome = await ctx.checkpoint({
        key: `environment.deploy.${target.stackName}`,
        fn: async () => {
          const assembly = await assemblyForTarget({
            target,
            workspacePath: ctx.workspacePath,
            timeoutMs: options.synthTimeoutMs,
            logger: ctx.logger,
            signal: ctx.signal,
          });
          try {
            ctx.logger.info(
              `Synthesized ${target.stackName}: ${describeTemplateDelivery(
                assembly.stack,
              )}`,
            );
            // Stageline's own tags come after the tags input, which cannot override them.
            const tags: Record<string, string> = {
              ...input.tags,
              ...stackTagsOf(target),
              ...(input.commit ? { [STACK_TAGS.commit]: input.commit } : {}),
            };
            return await recorded(
              history,
              () =>
                withAwsErrors(`deploying ${target.stackName}`, target, () =>
                  deployStackWithToolkit({
                    aws,
                    target,
                    cloudFormation,
                    assemblyDir: assembly.dir,
                    stack: assembly.stack,
                    tags,
                    changeSetName,
                    timing,
                    logger: ctx.logger,
                    signal: ctx.signal,
                  }),
                ),
              deployed => ({
                stackStatus: deployed.status,
                ...(input.commit ? { commit: input.commit } : {}),
                templateHash: templateHash(assembly.stack.template),
                snapshot: snapshotOfAssembly(
                  assembly.dir,
                  assembly.stack,
                  tags,
                ),
                message: deployed.noChanges
                  ? `No changes: ${target.stackName} was already up to date`
                  : `Deployed ${target.stackName} (${mode}): ${deployed.status}`,
              }),
            );
          } finally {
            assembly.dispose();
          }
        },
      });

      ctx.output('stackId', outcome.stackId);
      ctx.output('status', outcome.status);
      ctx.output('noChanges', outcome.noChanges);
      ctx.output('changeSummary', outcome.changeSummary);
      ctx.output('outputs', outcome.outputs);
      ctx.logger.info(
        outcome.noChanges
          ? `No changes: ${target.stackName} is already up to date`
          : `Deployed ${target.stackName}: ${outcome.status}`,
      );
    },
  });
}
