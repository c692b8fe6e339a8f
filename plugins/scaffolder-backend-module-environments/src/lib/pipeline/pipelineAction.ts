import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import type {
  PipelineCommand,
  PipelineDeploymentSpec,
} from '@stageline/plugin-environments-common';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import type { EnvironmentStackActionOptions } from '../../actions/EnvironmentActionOptions';
import {
  authorizeOnPipelineBranch,
  cloudFormationClientFor,
  describeInputs,
  GITHUB_NOT_CONFIGURED_MESSAGE,
  pipelineInputs,
  PipelineResult,
  runPipelineCommand,
  stackWaitTiming,
  type EnvironmentTarget,
  type PipelineWorkflow,
} from '@stageline/plugin-environments-node';
import { type HistoryEntry, recorded } from '../history/recordDeployment';

const DEFAULT_RUN_SEARCH = { attempts: 10, intervalMs: 3_000 };

/**
 * What `environment:deploy` and `environment:destroy` do for a `pipeline` Environment: authorize
 * on the branch of the component's repository the workflow deploys, then — in a dry run — say
 * exactly what would be dispatched, or dispatch the command and follow the run.
 *
 * @returns the run and how it ended; undefined in a dry run
 */
export async function runPipelineAction(options: {
  ctx: ActionContext<any, any>;
  actionOptions: EnvironmentStackActionOptions;
  permission: ResourcePermission<'catalog-entity'>;
  target: EnvironmentTarget;
  pipeline: PipelineDeploymentSpec;
  command: PipelineCommand;
  credentials: BackstageCredentials;
  timeoutMinutes?: number;
  /** Where the run's end is recorded (the deployment history). */
  history?: HistoryEntry;
}): Promise<PipelineResult | undefined> {
  const { ctx, actionOptions, target, command } = options;
  const { repository, branch } = await authorizeOnPipelineBranch({
    ...actionOptions,
    permission: options.permission,
    target,
    credentials: options.credentials,
  });
  const workflow: PipelineWorkflow = {
    ...repository,
    workflow: options.pipeline.workflow,
    branch,
  };
  const aws = actionOptions.aws;
  const awsConfigured = aws.getConfiguration().configured;
  if (ctx.isDryRun) {
    ctx.logger.info(
      `Dry run: would dispatch workflow ${workflow.workflow} of ${
        repository.owner
      }/${repository.repo} on ${branch} with inputs ${describeInputs(
        pipelineInputs(target, command),
      )}, follow its run (each job and step and its conclusion) in this log${
        awsConfigured
          ? ` and stream the CloudFormation events of ${target.stackName} while it runs`
          : ''
      }; GitHub and AWS were not called`,
    );
    return undefined;
  }
  if (!actionOptions.github) {
    throw new ServiceUnavailableError(
      `Cannot ${command} ${target.stackName} through its pipeline: ${GITHUB_NOT_CONFIGURED_MESSAGE}`,
    );
  }
  let cloudFormation: CloudFormationClient | undefined;
  if (awsConfigured) {
    cloudFormation = await cloudFormationClientFor(aws, target);
  } else {
    ctx.logger.info(
      `AWS is not configured: following the run without ${target.stackName}'s CloudFormation events`,
    );
  }
  return runPipelineCommand({
    checkpoint: ctx.checkpoint,
    key: `environment.${command}.${target.stackName}.pipeline`,
    github: actionOptions.github,
    workflow,
    target,
    command,
    cloudFormation,
    timing: stackWaitTiming(
      actionOptions.pollIntervalMs,
      options.timeoutMinutes ?? 60,
    ),
    runSearch: actionOptions.runSearch ?? DEFAULT_RUN_SEARCH,
    logger: ctx.logger,
    signal: ctx.signal,
    aroundFollow: (follow, run) =>
      recorded(
        options.history,
        follow,
        ended => ({
          runId: run.runId,
          runUrl: run.url,
          ...(ended.headSha ? { commit: ended.headSha } : {}),
          ...(ended.stackStatus ? { stackStatus: ended.stackStatus } : {}),
          message: `Run ${run.runId} of ${workflow.workflow} on ${
            workflow.branch
          } ${command === 'destroy' ? 'destroyed' : 'deployed'} ${
            target.stackName
          }${ended.stackStatus ? ` (${ended.stackStatus})` : ''}`,
        }),
        { runId: run.runId, runUrl: run.url },
      ),
  });
}
