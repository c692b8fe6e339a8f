import { setTimeout as sleep } from 'node:timers/promises';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { describeGithubError } from '../describeGithubError';
import type { GithubPolling, StrategyContext } from './StrategyContext';

/** The workflow run a dispatch started, or why it is not known. */
export type DispatchedRun =
  | { found: true; id: number; url: string }
  | { found: false; reason: string };

/**
 * Finds the run a `workflow_dispatch` started: `createWorkflowDispatch` answers 204 without a
 * run id, so the workflow's runs are listed (`event=workflow_dispatch`, the dispatched branch,
 * created at or after the dispatch, to the second) up to `attempts` times, `intervalMs` apart,
 * and the oldest match is taken (the backend's promotion lock keeps Stageline's own dispatches
 * into one target apart).
 */
export async function findDispatchedRun(
  context: StrategyContext,
  workflow: string,
  dispatchedAt: Date,
  polling: GithubPolling,
  logger?: LoggerService,
): Promise<DispatchedRun> {
  const { octokit, repository, base } = context;
  const since = new Date(Math.floor(dispatchedAt.getTime() / 1000) * 1000);
  const created = `>=${since.toISOString().replace('.000Z', 'Z')}`;
  for (let attempt = 0; attempt < polling.attempts; attempt++) {
    await sleep(polling.intervalMs);
    try {
      const { data } = await octokit.rest.actions.listWorkflowRuns({
        owner: repository.owner,
        repo: repository.repo,
        workflow_id: workflow,
        event: 'workflow_dispatch',
        branch: base,
        created,
        per_page: 20,
      });
      const runs = data.workflow_runs
        .filter(run => new Date(run.created_at) >= since)
        .sort((a, b) => a.id - b.id);
      if (runs.length > 0) {
        return { found: true, id: runs[0].id, url: runs[0].html_url };
      }
    } catch (error) {
      const { message } = describeGithubError(
        error,
        `listing the runs of ${workflow} in ${repository.owner}/${repository.repo}`,
      );
      logger?.warn(`Could not find the dispatched run: ${message}`);
      return { found: false, reason: message };
    }
  }
  return {
    found: false,
    reason: `the run did not show up within ${
      (polling.attempts * polling.intervalMs) / 1000
    } s`,
  };
}
