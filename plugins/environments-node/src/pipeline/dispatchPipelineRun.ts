import type { LoggerService } from '@backstage/backend-plugin-api';
import { dispatchWorkflow } from '../github/dispatchWorkflow';
import { findDispatchedRun, GithubPolling } from '../github/findDispatchedRun';
import type { Octokit } from 'octokit';

/**
 * A repository and the workflow and branch a pipeline Environment deploys from.
 *
 * @public
 */
export type PipelineWorkflow = {
  owner: string;
  repo: string;
  workflow: string;
  branch: string;
};

/**
 * The run a dispatch started: its id and page.
 *
 * @public
 */
export type PipelineRun = { runId: number; url: string };

/**
 * What a dispatch left known, as plain JSON: the run when GitHub said, GitHub's time of the
 * dispatch when it gave one, and the local time it was sent.
 *
 * @public
 */
export type Dispatched = {
  run?: PipelineRun;
  dispatchedAt?: string;
  sentAt: string;
};

/**
 * Dispatches the pipeline's workflow on its branch with the inputs (`dispatchWorkflow` of
 * `@stageline/plugin-environments-node`: the run is asked for with `return_run_details`).
 *
 * @public
 */
export async function dispatchPipelineRun(
  octokit: Octokit,
  target: PipelineWorkflow,
  inputs: Record<string, string>,
): Promise<Dispatched> {
  const sentAt = new Date().toISOString();
  const { run, dispatchedAt } = await dispatchWorkflow(octokit, {
    owner: target.owner,
    repo: target.repo,
    workflow: target.workflow,
    ref: target.branch,
    inputs,
  });
  return {
    sentAt,
    ...(run ? { run: { runId: run.id, url: run.url } } : {}),
    ...(dispatchedAt ? { dispatchedAt: dispatchedAt.toISOString() } : {}),
  };
}

/**
 * Finds the run a dispatch started when GitHub did not say (`findDispatchedRun` of
 * `@stageline/plugin-environments-node`: `workflow_dispatch` runs of the branch by the token's
 * user since GitHub's time of the dispatch). A pipeline's workflow has no title to tell its runs
 * apart, so the first one since the dispatch is followed, and the log says when there were
 * several.
 *
 * @throws Error when no run showed up, saying why
 *
 * @public
 */
export async function findDispatchedPipelineRun(
  octokit: Octokit,
  target: PipelineWorkflow,
  dispatched: Dispatched,
  options: GithubPolling & { logger: LoggerService },
): Promise<PipelineRun> {
  const found = await findDispatchedRun(
    {
      octokit,
      repository: { owner: target.owner, repo: target.repo },
      base: target.branch,
    },
    {
      workflow: target.workflow,
      dispatchedAt: dispatched.dispatchedAt
        ? new Date(dispatched.dispatchedAt)
        : undefined,
      now: () => new Date(),
      polling: options,
      logger: options.logger,
    },
  );
  if (!found.found) {
    throw new Error(
      `Could not find the run of ${target.workflow} dispatched on ${target.branch} in ${target.owner}/${target.repo}: ${found.reason}; see the workflow's runs on GitHub`,
    );
  }
  if (found.several) {
    options.logger.warn(
      `${found.several} runs of ${target.workflow} on ${target.branch} started since the dispatch; following the first, ${found.id}`,
    );
  }
  return { runId: found.id, url: found.url };
}
