import type {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  type ActionContext,
  createTemplateAction,
} from '@backstage/plugin-scaffolder-node';
import type { JsonObject } from '@backstage/types';
import {
  environmentsDeployPermission,
  STACK_TAGS,
  type RollbackPlan,
} from '@stageline/plugin-environments-common';
import {
  authorizeOnEnvironment,
  authorizeOnPipelineBranch,
  cloudFormationClientFor,
  GITHUB_NOT_CONFIGURED_MESSAGE,
  requireAwsConfigured,
  resolveEnvironmentTarget,
  stackWaitTiming,
  templateHash,
  withAwsErrors,
  type EnvironmentTarget,
} from '@stageline/plugin-environments-node';
import type { z } from 'zod/v3';
import { changeSetNameFor } from '../../lib/aws/changeSetNameFor';
import { timeoutMinutesField } from '../../lib/environment/environmentTargetFields';
import { assemblyOfSnapshot } from '../../lib/history/deploymentSnapshot';
import type { DeploymentHistoryClient } from '../../lib/history/DeploymentHistoryClient';
import { historyEntryFor, recorded } from '../../lib/history/recordDeployment';
import { parseActionInput } from '../../lib/input/parseActionInput';
import { continueRollback } from '../../lib/rollback/continueRollback';
import { rerunPipelineRun } from '../../lib/rollback/rerunPipelineRun';
import { deployStackWithToolkit } from '../../lib/toolkit/deployStackWithToolkit';
import { stackTagsOf } from '../../lib/toolkit/stackTagsOf';
import type { EnvironmentStackActionOptions } from '../EnvironmentActionOptions';
import { examples } from './environmentRollback.examples';

const ID = 'environment:rollback';

const inputFields = {
  environmentRef: (zImpl: typeof z) =>
    zImpl
      .string({
        description:
          'Entity ref of the Environment to roll back, e.g. environment:default/macro-ai-api-staging',
      })
      .min(1),
  restore: (zImpl: typeof z) =>
    zImpl
      .string({
        description:
          'Id of the deployment the rollback is expected to restore (as the Rollback dialog showed it); the step fails without changing anything if the rollback would now restore another',
      })
      .uuid('must be a deployment id')
      .optional(),
  resourcesToSkip: (zImpl: typeof z) =>
    zImpl
      .array(
        zImpl
          .string()
          .regex(/^[A-Za-z0-9]{1,255}$/, 'must be a logical resource id'),
        {
          description:
            "For a stack in UPDATE_ROLLBACK_FAILED: logical ids of resources whose rollback failed, for CloudFormation to leave as they are (ContinueUpdateRollback's ResourcesToSkip); fix them in their service first",
        },
      )
      .max(50)
      .optional(),
  timeoutMinutes: timeoutMinutesField,
};

/**
 * What `environment:rollback` is built with: the deploy actions' options and an auditor.
 *
 * @public
 */
export interface EnvironmentRollbackActionOptions
  extends EnvironmentStackActionOptions {
  /** Records an `environment-rollback` audit event for every attempt, dry runs included. */
  auditor?: AuditorService;
}

function requireHistory(
  history: DeploymentHistoryClient | undefined,
): DeploymentHistoryClient {
  if (!history) {
    throw new ServiceUnavailableError(
      'Cannot roll back without the deployment history: add @stageline/plugin-environments-backend to the backend',
    );
  }
  return history;
}

/**
 * `environment:rollback`: rolls an environment back to its previous successful version, as the
 * environments backend's rollback plan says — a stack in `UPDATE_ROLLBACK_FAILED` has its
 * rollback continued; a `pipeline` Environment has the workflow run of its previous deployment
 * run again, at that deployment's commit; a `reference` or `cdk-app` Environment has the previous
 * deployment's template deployed again with the CDK toolkit library. Authorized like
 * `environment:deploy` (`environments.deploy` on the Environments of the stack, and for a
 * pipeline on those of its branch), audited, and recorded in the deployment history.
 *
 * @public
 */
export function createEnvironmentRollbackAction(
  options: EnvironmentRollbackActionOptions,
) {
  const { catalog, aws } = options;
  return createTemplateAction({
    id: ID,
    description:
      "Rolls an environment back to its previous successful version: continues a failed CloudFormation rollback, re-runs the previous deployment's pipeline run at its commit, or deploys the previous deployment's template again",
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields,
      output: {
        stackName: z => z.string({ description: 'The CloudFormation stack' }),
        mode: z =>
          z.string({
            description: "The Environment's spec.deployment.mode",
          }),
        kind: z =>
          z.string({
            description:
              'What the rollback did: continue-rollback, rerun (a pipeline run) or redeploy (a template)',
          }),
        status: z =>
          z.string({
            description:
              "The stack's status after the rollback, e.g. UPDATE_COMPLETE; DRY_RUN in a dry run; for a pipeline whose stack AWS cannot read, the run's conclusion (SUCCESS)",
          }),
        restored: z =>
          z
            .string({
              description:
                'Id of the deployment restored, in the deployment history; absent for a continued rollback',
            })
            .optional(),
        commit: z =>
          z
            .string({ description: 'The commit running after the rollback' })
            .optional(),
        runId: z =>
          z
            .number({ description: 'The workflow run that ran again' })
            .optional(),
        runUrl: z =>
          z.string({ description: 'The page of that run' }).optional(),
        message: z =>
          z.string({ description: 'What the rollback does, in one sentence' }),
        outputs: z =>
          z.record(z.string(), { description: 'The stack outputs' }),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(ID, inputFields, ctx.input);
      const credentials = await ctx.getInitiatorCredentials();
      const audit = await options.auditor?.createEvent({
        eventId: 'environment-rollback',
        // medium, not low: Backstage logs low-severity audit events at debug, where they vanish
        severityLevel: ctx.isDryRun ? 'medium' : 'high',
        meta: {
          environment: input.environmentRef,
          dryRun: ctx.isDryRun ?? false,
          actor: ctx.user?.ref ?? 'unknown',
          taskId: ctx.task.id,
        },
      });
      try {
        const result = await rollBack(ctx, input, credentials);
        await audit?.success({ meta: result });
      } catch (error) {
        await audit?.fail({ error: error as Error });
        throw error;
      }
    },
  });

  async function rollBack(
    ctx: ActionContext<any, any>,
    input: ReturnType<typeof parseActionInput<typeof inputFields>>,
    credentials: BackstageCredentials,
  ): Promise<JsonObject> {
    const target = await resolveEnvironmentTarget({
      input: { environmentRef: input.environmentRef },
      catalog,
      credentials,
    });
    // Authorized exactly as environment:deploy: on every Environment of the stack, and for a
    // pipeline on every Environment of the branch its workflow deploys (whatever the plan is).
    const authorizedOn = await authorizeOnEnvironment({
      ...options,
      permission: environmentsDeployPermission,
      target,
      credentials,
    });
    const pipelineBranch =
      target.deployment.mode === 'pipeline'
        ? await authorizeOnPipelineBranch({
            ...options,
            permission: environmentsDeployPermission,
            target,
            credentials,
          })
        : undefined;
    const history = requireHistory(options.history);
    const ref = target.entityRef!;
    const plan: RollbackPlan = ctx.isDryRun
      ? await history.plan(ref, credentials)
      : await ctx
          .checkpoint({
            key: `environment.rollback.${target.stackName}.plan`,
            fn: async () =>
              (await history.plan(ref, credentials)) as unknown as JsonObject,
          })
          .then(value => value as unknown as RollbackPlan);
    ctx.output('stackName', target.stackName);
    ctx.output('mode', target.deployment.mode);
    ctx.output('kind', plan.kind);
    ctx.output('message', plan.message);
    if (plan.target) ctx.output('restored', plan.target.id);
    if (input.restore && plan.target?.id !== input.restore) {
      throw new ConflictError(
        `The rollback of ${target.stackName} would now restore ${
          plan.target ? `deployment ${plan.target.id}` : 'nothing'
        }, not ${input.restore} as expected (${
          plan.message
        }); nothing was changed`,
      );
    }
    if (plan.kind === 'none') {
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: nothing to roll back: ${plan.message}`);
        ctx.output('status', 'DRY_RUN');
        ctx.output('outputs', {});
        return { kind: plan.kind, dryRun: true };
      }
      throw new ConflictError(
        `Cannot roll back ${target.stackName}: ${plan.message}`,
      );
    }
    if (input.resourcesToSkip?.length && plan.kind !== 'continue-rollback') {
      throw new InputError(
        `resourcesToSkip is only for a stack in UPDATE_ROLLBACK_FAILED; ${
          target.stackName
        } is ${plan.stackStatus ?? 'not in that state'}`,
      );
    }
    ctx.logger.info(`Rollback of ${target.stackName}: ${plan.message}`);
    if (ctx.isDryRun) {
      ctx.logger.info(
        'Dry run: nothing was changed in AWS or GitHub, and nothing recorded',
      );
      ctx.output('status', 'DRY_RUN');
      ctx.output('outputs', {});
      return { kind: plan.kind, dryRun: true };
    }
    const entry = historyEntryFor({
      history,
      target,
      authorizedOn,
      action: 'rollback',
      ctx,
      restores: plan.target?.id,
    });
    const timing = stackWaitTiming(
      options.pollIntervalMs,
      input.timeoutMinutes ?? 60,
    );
    const key = `environment.rollback.${target.stackName}`;

    if (plan.kind === 'continue-rollback') {
      requireAwsConfigured(aws, `roll back ${target.stackName}`);
      const cloudFormation = await cloudFormationClientFor(aws, target);
      const final = await ctx.checkpoint({
        key: `${key}.continue`,
        fn: () =>
          recorded(
            entry,
            () =>
              withAwsErrors(
                `continuing the rollback of ${target.stackName}`,
                target,
                () =>
                  continueRollback({
                    cloudFormation,
                    stackName: target.stackName,
                    resourcesToSkip: input.resourcesToSkip ?? [],
                    clientRequestToken: changeSetNameFor(
                      'rollback',
                      ctx.task.id,
                    ),
                    timing,
                    logger: ctx.logger,
                    signal: ctx.signal,
                  }),
              ),
            ended => ({
              stackStatus: ended.status,
              message: `Continued the rollback of ${target.stackName}: ${ended.status}`,
            }),
          ),
      });
      ctx.output('status', final.status);
      ctx.output('outputs', final.outputs);
      ctx.logger.info(`Rolled back ${target.stackName}: ${final.status}`);
      return { kind: plan.kind, status: final.status };
    }

    const restored = plan.target!;
    if (plan.kind === 'rerun') {
      if (!options.github) {
        throw new ServiceUnavailableError(
          `Cannot roll back ${target.stackName} through its pipeline: ${GITHUB_NOT_CONFIGURED_MESSAGE}`,
        );
      }
      const awsConfigured = aws.getConfiguration().configured;
      const result = await rerunPipelineRun({
        checkpoint: ctx.checkpoint,
        key,
        github: options.github,
        workflow: {
          ...pipelineBranch!.repository,
          workflow: pipelineWorkflowOf(target),
          branch: pipelineBranch!.branch,
        },
        target,
        deployment: restored,
        cloudFormation: awsConfigured
          ? await cloudFormationClientFor(aws, target)
          : undefined,
        timing,
        logger: ctx.logger,
        signal: ctx.signal,
        history: entry,
      });
      const status = result.stackStatus ?? result.conclusion.toUpperCase();
      ctx.output('status', status);
      ctx.output('runId', result.runId);
      ctx.output('runUrl', result.url);
      if (restored.commit) ctx.output('commit', restored.commit);
      ctx.output('outputs', result.outputs);
      ctx.logger.info(
        `Rolled back ${target.stackName} to ${restored.commit?.slice(
          0,
          7,
        )} through run ${result.runId}: ${status}`,
      );
      return { kind: plan.kind, restored: restored.id, runId: result.runId };
    }

    requireAwsConfigured(aws, `roll back ${target.stackName}`);
    const cloudFormation = await cloudFormationClientFor(aws, target);
    const snapshot = await history.snapshot(ref, restored.id);
    // Stageline's own tags as the Environment has them now, as environment:deploy applies them.
    const tags = { ...snapshot.tags, ...stackTagsOf(target) };
    const commit = snapshot.tags[STACK_TAGS.commit];
    const outcome = await ctx.checkpoint({
      key: `${key}.redeploy`,
      fn: async () => {
        const assembly = assemblyOfSnapshot(snapshot, target);
        try {
          ctx.logger.info(
            `Deploying again the template of deployment ${restored.id} (${
              restored.createdAt
            }, ${restored.templateHash?.slice(0, 12)}) with its tags`,
          );
          return await recorded(
            entry,
            () =>
              withAwsErrors(`rolling back ${target.stackName}`, target, () =>
                deployStackWithToolkit({
                  aws,
                  target,
                  cloudFormation,
                  assemblyDir: assembly.dir,
                  stack: assembly.stack,
                  tags,
                  changeSetName: changeSetNameFor('rollback', ctx.task.id),
                  timing,
                  logger: ctx.logger,
                  signal: ctx.signal,
                }),
              ),
            deployed => ({
              stackStatus: deployed.status,
              templateHash: templateHash(snapshot.template),
              ...(commit ? { commit } : {}),
              snapshot: { ...snapshot, tags },
              message: `Rolled ${target.stackName} back to the template of deployment ${restored.id}: ${deployed.status}`,
            }),
          );
        } finally {
          assembly.dispose();
        }
      },
    });
    ctx.output('status', outcome.status);
    if (commit) ctx.output('commit', commit);
    ctx.output('outputs', outcome.outputs);
    ctx.logger.info(
      `Rolled back ${target.stackName}${
        outcome.noChanges ? ' (the stack already ran that template)' : ''
      }: ${outcome.status}`,
    );
    return { kind: plan.kind, restored: restored.id, status: outcome.status };
  }
}

function pipelineWorkflowOf(target: EnvironmentTarget): string {
  if (target.deployment.mode !== 'pipeline') {
    throw new Error(`${target.name} is not deployed by a pipeline`);
  }
  return target.deployment.pipeline.workflow;
}
