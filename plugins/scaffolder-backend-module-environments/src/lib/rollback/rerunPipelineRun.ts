import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { DeploymentRecord } from '@stageline/plugin-environments-common';
import {
  describeGithubError,
  followPipelineRun,
  type Checkpoint,
  type EnvironmentTarget,
  type PipelineResult,
  type PipelineWorkflow,
  type StackWaitTiming,
} from '@stageline/plugin-environments-node';
import type { GithubClients } from '../github/GithubClients';
import { type HistoryEntry, recorded } from '../history/recordDeployment';

const shortSha = (sha: string) => sha.slice(0, 7);

/**
 * Rolls a pipeline Environment back by running the workflow run of an earlier deployment again
 * (`POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun`): GitHub runs it at the same commit,
 * with the same inputs, as its next attempt. The run must still be one of the Environment's
 * workflow on its branch (what the user was authorized on) and at the commit recorded. The
 * re-run is a checkpoint (a retried task never re-runs twice) and is followed like a deploy's
 * run, its end recorded in the history.
 *
 * @throws ConflictError when the run is no longer the Environment's; Error naming the failing
 *   job, or GitHub's refusal (a run older than 30 days cannot be re-run)
 */
export async function rerunPipelineRun(options: {
  checkpoint: Checkpoint;
  key: string;
  github: GithubClients;
  workflow: PipelineWorkflow;
  target: EnvironmentTarget;
  deployment: DeploymentRecord;
  cloudFormation?: CloudFormationClient;
  timing: StackWaitTiming;
  logger: LoggerService;
  signal?: AbortSignal;
  history?: HistoryEntry;
}): Promise<PipelineResult> {
  const { checkpoint, key, workflow, deployment, logger } = options;
  const runId = deployment.runId!;
  const octokit = await options.github.forRepository(
    { host: 'github.com', owner: workflow.owner, repo: workflow.repo },
    logger,
  );
  const repo = { owner: workflow.owner, repo: workflow.repo };
  let run: {
    head_branch: string | null;
    head_sha: string;
    path?: string;
    html_url: string;
    run_attempt?: number;
  };
  try {
    ({ data: run } = await octokit.rest.actions.getWorkflowRun({
      ...repo,
      run_id: runId,
    }));
  } catch (error) {
    throw describeGithubError(error, `reading run ${runId} to re-run it`);
  }
  if (
    run.head_branch !== workflow.branch ||
    !(run.path ?? '').endsWith(`/${workflow.workflow}`)
  ) {
    throw new ConflictError(
      `Run ${runId} ran ${run.path ?? 'another workflow'} on ${
        run.head_branch
      }, but ${target(options)} is deployed by ${workflow.workflow} on ${
        workflow.branch
      }: it is not re-run`,
    );
  }
  if (deployment.commit && run.head_sha !== deployment.commit) {
    throw new ConflictError(
      `Run ${runId} is at ${shortSha(run.head_sha)}, not ${shortSha(
        deployment.commit,
      )} as recorded: it is not re-run`,
    );
  }
  const rerun = await checkpoint({
    key: `${key}.rerun`,
    fn: async () => {
      logger.info(
        `Re-running run ${runId} of ${workflow.workflow} on ${
          workflow.branch
        } at ${shortSha(run.head_sha)} (attempt ${
          (run.run_attempt ?? 1) + 1
        }, with the inputs it had): ${run.html_url}`,
      );
      const startedAt = new Date().toISOString();
      try {
        await octokit.rest.actions.reRunWorkflow({ ...repo, run_id: runId });
      } catch (error) {
        throw describeGithubError(error, `re-running run ${runId}`);
      }
      return { attempt: (run.run_attempt ?? 1) + 1, startedAt };
    },
  });
  const url = run.html_url;
  const outcome = await checkpoint({
    key: `${key}.follow`,
    fn: () =>
      recorded(
        options.history,
        () =>
          followPipelineRun({
            octokit,
            target: workflow,
            run: { runId, url },
            attempt: rerun.attempt,
            stack: options.cloudFormation
              ? {
                  cloudFormation: options.cloudFormation,
                  stackName: options.target.stackName,
                  since: rerun.startedAt,
                }
              : undefined,
            timing: options.timing,
            logger,
            signal: options.signal,
          }),
        ended => ({
          runId,
          runUrl: url,
          commit: run.head_sha,
          ...(ended.stackStatus ? { stackStatus: ended.stackStatus } : {}),
          message: `Rolled ${options.target.stackName} back to ${shortSha(
            run.head_sha,
          )}: run ${runId} of ${workflow.workflow} ran again (attempt ${
            rerun.attempt
          })${ended.stackStatus ? `, ${ended.stackStatus}` : ''}`,
        }),
        { runId, runUrl: url },
      ),
  });
  return { ...outcome, runId, url };
}

function target(options: { target: EnvironmentTarget }): string {
  return options.target.entityRef ?? options.target.name;
}
