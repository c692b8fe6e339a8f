import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { z } from 'zod/v3';
import {
  assemblyForTarget,
  authorizeOnEnvironment,
  cloudFormationClientFor,
  describeTarget,
  destroyStackDirectly,
  requireAwsConfigured,
  resolveEnvironmentTarget,
  stackWaitTiming,
} from '@stageline/plugin-environments-node';
import {
  environmentTargetFields,
  timeoutMinutesField,
} from '../../lib/environment/environmentTargetFields';
import { parseActionInput } from '../../lib/input/parseActionInput';
import { runPipelineAction } from '../../lib/pipeline/pipelineAction';
import type { EnvironmentStackActionOptions } from '../EnvironmentActionOptions';
import { historyEntryFor, recorded } from '../../lib/history/recordDeployment';
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
        mode: z =>
          z.string({
            description:
              "How the stack is deployed: the Environment's spec.deployment.mode (reference for app + stage)",
          }),
        deleted: z =>
          z.boolean({
            description:
              'True when a stack was deleted; false when there was none',
          }),
        status: z =>
          z.string({
            description:
              "DELETE_COMPLETE, NOT_FOUND when there was no stack, DRY_RUN in a dry run; for a pipeline whose stack AWS cannot read, the run's conclusion (SUCCESS)",
          }),
        runId: z =>
          z
            .number({
              description:
                'The workflow run that destroyed a pipeline Environment',
            })
            .optional(),
        runUrl: z =>
          z.string({ description: 'The page of that run' }).optional(),
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
      const authorizedOn = await authorizeOnEnvironment({
        ...options,
        permission: environmentsDestroyPermission,
        target,
        credentials,
      });
      const history = historyEntryFor({
        history: options.history,
        target,
        authorizedOn,
        action: 'destroy',
        ctx,
      });
      const where = describeTarget(target);
      const { mode } = target.deployment;
      ctx.output('stackName', target.stackName);
      ctx.output('mode', mode);

      if (target.deployment.mode === 'pipeline') {
        const result = await runPipelineAction({
          ctx,
          actionOptions: options,
          permission: environmentsDestroyPermission,
          target,
          pipeline: target.deployment.pipeline,
          command: 'destroy',
          credentials,
          timeoutMinutes: input.timeoutMinutes,
          history,
        });
        if (!result) {
          ctx.output('deleted', false);
          ctx.output('status', 'DRY_RUN');
          return;
        }
        ctx.output('runId', result.runId);
        ctx.output('runUrl', result.url);
        ctx.output(
          'status',
          result.stackStatus ?? result.conclusion.toUpperCase(),
        );
        ctx.output('deleted', true);
        ctx.logger.info(
          `Destroyed ${target.stackName} through run ${result.runId}`,
        );
        return;
      }

      if (ctx.isDryRun) {
        const from =
          mode === 'cdk-app'
            ? `the CDK app in ${target.deployment.cdkApp.path} of the task workspace (not run in a dry run)`
            : 'the @stageline/cdk-environments reference profile';
        ctx.logger.info(
          `Dry run: would delete ${where} with the CDK toolkit library, its stack taken from ${from}, and wait for DELETE_COMPLETE; AWS was not called`,
        );
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
      const outcome = await destroyStackDirectly({
        target,
        aws,
        cloudFormation,
        assembly: () =>
          assemblyForTarget({
            target,
            workspacePath: ctx.workspacePath,
            timeoutMs: options.synthTimeoutMs,
            logger: ctx.logger,
            signal: ctx.signal,
          }),
        checkpoint: ctx.checkpoint,
        key: `environment.destroy.${target.stackName}`,
        timing,
        logger: ctx.logger,
        signal: ctx.signal,
        around: destroy =>
          recorded(history, destroy, destroyed =>
            destroyed.status === 'NOT_FOUND'
              ? undefined
              : {
                  stackStatus: destroyed.status,
                  message: `Destroyed ${target.stackName}`,
                },
          ),
      });

      ctx.output('status', outcome.status);
      if (outcome.status === 'NOT_FOUND') {
        ctx.logger.info(
          `Stack ${target.stackName} does not exist in ${target.region}; nothing to destroy`,
        );
        ctx.output('deleted', false);
        return;
      }
      ctx.output('deleted', true);
      ctx.logger.info(`Destroyed ${target.stackName}`);
    },
  });
}
