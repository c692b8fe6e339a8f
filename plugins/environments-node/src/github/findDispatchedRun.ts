import { setTimeout as sleep } from 'node:timers/promises';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Octokit } from 'octokit';
import { describeGithubError } from './describeGithubError';

/**
 * How long to wait for something GitHub does in the background (mergeability, a workflow run).
 *
 * @public
 */
export interface GithubPolling {
  attempts: number;
  intervalMs: number;
}

/**
 * The repository and branch a workflow was dispatched on, and the client that dispatched it.
 *
 * @public
 */
export interface DispatchContext {
  octokit: Octokit;
  repository: { owner: string; repo: string };
  /** The branch the workflow was dispatched on. */
  base: string;
}

/**
 * The workflow run a dispatch started, or why it is not known.
 *
 * @public
 */
export type DispatchedRun =
  | { found: true; id: number; url: string; several?: number }
  | { found: false; reason: string };

/** Runs created this long before GitHub's answer to the dispatch still count (seconds are truncated). */
const GITHUB_CLOCK_MARGIN_MS = 5_000;
/** Without GitHub's time, runs this long before the local clock count (the title decides). */
const LOCAL_CLOCK_MARGIN_MS = 60_000;

const toSecond = (date: Date) => date.toISOString().replace(/\.\d+Z$/, 'Z');

/** The login the token acts as, when GitHub says (an app's installation token has no user). */
async function actorOf(
  context: Pick<DispatchContext, 'octokit'>,
): Promise<string | undefined> {
  try {
    return (await context.octokit.rest.users.getAuthenticated()).data.login;
  } catch {
    return undefined;
  }
}

/**
 * Finds the run a dispatch started when GitHub did not return it: lists the workflow's runs
 * (https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow) with
 * `event=workflow_dispatch`, the dispatched branch, the token's user as `actor` when it has one,
 * created since GitHub's own time of the dispatch (its `Date` header, so the local clock's skew
 * does not matter), up to `attempts` times `intervalMs` apart (runs show up late). With
 * `titleIncludes` a run is only taken when its title contains it (a promotion's workflow has a
 * `run-name` with `inputs.sha`, the promoted commit): another dispatch of the same workflow on the
 * same branch is never taken for it. Without it the first run since the dispatch is taken, and
 * `several` says when there was more than one to choose from.
 *
 * @public
 */
export async function findDispatchedRun(
  context: DispatchContext,
  options: {
    workflow: string;
    /** Text the run's title must contain, e.g. the promoted commit passed as input `sha`. */
    titleIncludes?: string;
    /** GitHub's time of the dispatch. */
    dispatchedAt?: Date;
    now: () => Date;
    polling: GithubPolling;
    logger?: LoggerService;
  },
): Promise<DispatchedRun> {
  const { octokit, repository, base } = context;
  const { workflow, titleIncludes, polling } = options;
  const since = options.dispatchedAt
    ? new Date(options.dispatchedAt.getTime() - GITHUB_CLOCK_MARGIN_MS)
    : new Date(options.now().getTime() - LOCAL_CLOCK_MARGIN_MS);
  const actor = await actorOf(context);
  let others = 0;
  for (let attempt = 0; attempt < polling.attempts; attempt++) {
    await sleep(polling.intervalMs);
    try {
      const { data } = await octokit.rest.actions.listWorkflowRuns({
        owner: repository.owner,
        repo: repository.repo,
        workflow_id: workflow,
        event: 'workflow_dispatch',
        branch: base,
        created: `>=${toSecond(since)}`,
        ...(actor ? { actor } : {}),
        per_page: 20,
      });
      const candidates = data.workflow_runs.filter(
        run =>
          run.event === 'workflow_dispatch' &&
          run.head_branch === base &&
          new Date(run.created_at) >= since &&
          (!actor || run.triggering_actor?.login === actor),
      );
      const ours = candidates
        .filter(
          run => !titleIncludes || run.display_title?.includes(titleIncludes),
        )
        .sort((a, b) => a.id - b.id);
      if (ours.length > 0) {
        return {
          found: true,
          id: ours[0].id,
          url: ours[0].html_url,
          ...(ours.length > 1 ? { several: ours.length } : {}),
        };
      }
      others = candidates.length;
    } catch (error) {
      const { message } = describeGithubError(
        error,
        `listing the runs of ${workflow} in ${repository.owner}/${repository.repo}`,
      );
      options.logger?.warn(`Could not find the dispatched run: ${message}`);
      return { found: false, reason: message };
    }
  }
  const waited = `${(polling.attempts * polling.intervalMs) / 1000} s`;
  return {
    found: false,
    reason:
      others > 0
        ? `${others} run${
            others === 1 ? '' : 's'
          } of ${workflow} on ${base} started since the dispatch, none naming ${titleIncludes?.slice(
            0,
            7,
          )} in its title: give the workflow a run-name with \${{ inputs.sha }} so its run can be told apart`
        : `the run did not show up within ${waited}`,
  };
}
