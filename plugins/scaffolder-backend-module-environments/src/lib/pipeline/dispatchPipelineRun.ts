import { setTimeout as sleep } from 'node:timers/promises';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { describeGithubError } from '@stageline/plugin-environments-node';
import type { Octokit } from 'octokit';

/** A repository and the workflow and branch a pipeline Environment deploys from. */
export type PipelineWorkflow = {
  owner: string;
  repo: string;
  workflow: string;
  branch: string;
};

/** The run a dispatch started: its id and page. */
export type PipelineRun = { runId: number; url: string };

/** What a dispatch left to know: the run when GitHub said, else GitHub's time of the dispatch. */
export type Dispatched =
  | { run: PipelineRun; dispatchedAt: string }
  | { run?: undefined; dispatchedAt: string };

const isRunDetailsRefusal = (error: unknown) =>
  (error as { status?: number }).status === 422 &&
  /return_run_details/.test((error as Error).message);

/**
 * Dispatches the workflow on the branch with the inputs, asking GitHub for the run it starts
 * (`return_run_details`, the create-a-workflow-dispatch-event endpoint of the REST API). A
 * GitHub that does not know that parameter (older GitHub Enterprise Server) answers 422; the
 * dispatch is then sent again without it, and the run is found by listing
 * (see `findDispatchedPipelineRun`). `dispatchedAt` is GitHub's own time (its `Date` header), so
 * the local clock's skew does not matter.
 *
 * @throws Error saying what GitHub refused (unknown workflow, undeclared input, missing branch)
 */
export async function dispatchPipelineRun(
  octokit: Octokit,
  target: PipelineWorkflow,
  inputs: Record<string, string>,
): Promise<Dispatched> {
  const { owner, repo, workflow, branch } = target;
  const send = (returnRunDetails: boolean) =>
    octokit.request(
      'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
      {
        owner,
        repo,
        workflow_id: workflow,
        ref: branch,
        inputs,
        ...(returnRunDetails ? { return_run_details: true } : {}),
      },
    );
  let response: Awaited<ReturnType<typeof send>>;
  try {
    try {
      response = await send(true);
    } catch (error) {
      if (!isRunDetailsRefusal(error)) throw error;
      response = await send(false);
    }
  } catch (error) {
    throw describeGithubError(
      error,
      `dispatching workflow ${workflow} on ${branch} in ${owner}/${repo}`,
    );
  }
  const dispatchedAt = new Date(
    (response.headers.date as string | undefined) ?? Date.now(),
  ).toISOString();
  const data = response.data as unknown as
    | { workflow_run_id?: number; html_url?: string }
    | undefined;
  if (data?.workflow_run_id) {
    return {
      run: { runId: data.workflow_run_id, url: data.html_url ?? '' },
      dispatchedAt,
    };
  }
  return { dispatchedAt };
}

/** Runs created this long before GitHub's answer to the dispatch still count (seconds are truncated). */
const CLOCK_MARGIN_MS = 5_000;

/**
 * Finds the run a dispatch started when GitHub did not say: lists the workflow's runs
 * (`event=workflow_dispatch`, the branch, the token's user as `actor` when it has one, created
 * since GitHub's time of the dispatch), up to `attempts` times (runs show up late), and takes the
 * first one created after it. Another dispatch of the same workflow on the same branch by the
 * same user in the same seconds cannot be told apart from it; the log says so when there are
 * several.
 */
export async function findDispatchedPipelineRun(
  octokit: Octokit,
  target: PipelineWorkflow,
  dispatchedAt: string,
  options: { attempts: number; intervalMs: number; logger: LoggerService },
): Promise<PipelineRun> {
  const { owner, repo, workflow, branch } = target;
  const since = new Date(new Date(dispatchedAt).getTime() - CLOCK_MARGIN_MS);
  let actor: string | undefined;
  try {
    actor = (await octokit.rest.users.getAuthenticated()).data.login;
  } catch {
    actor = undefined; // An app's installation token has no user.
  }
  for (let attempt = 0; attempt < options.attempts; attempt++) {
    if (attempt > 0) await sleep(options.intervalMs);
    let runs;
    try {
      ({
        data: { workflow_runs: runs },
      } = await octokit.rest.actions.listWorkflowRuns({
        owner,
        repo,
        workflow_id: workflow,
        event: 'workflow_dispatch',
        branch,
        created: `>=${since.toISOString().replace(/\.\d+Z$/, 'Z')}`,
        ...(actor ? { actor } : {}),
        per_page: 20,
      }));
    } catch (error) {
      throw describeGithubError(
        error,
        `listing the runs of ${workflow} in ${owner}/${repo}`,
      );
    }
    const candidates = runs
      .filter(
        run => run.head_branch === branch && new Date(run.created_at) >= since,
      )
      .sort((a, b) => a.id - b.id);
    if (candidates.length > 1) {
      options.logger.warn(
        `${candidates.length} runs of ${workflow} on ${branch} started since the dispatch; following the first, ${candidates[0].id}`,
      );
    }
    if (candidates.length) {
      return { runId: candidates[0].id, url: candidates[0].html_url };
    }
  }
  throw new Error(
    `The run of ${workflow} dispatched on ${branch} in ${owner}/${repo} did not show up within ${Math.round(
      (options.attempts * options.intervalMs) / 1000,
    )} s; see the workflow's runs on GitHub`,
  );
}
