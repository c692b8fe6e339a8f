import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SourceControlPromotionResult } from '../../providers/types';
import { describeGithubError } from '../describeGithubError';
import { findDispatchedRun } from './findDispatchedRun';
import type { GithubPolling, StrategyContext } from './StrategyContext';

/** What `POST .../dispatches` answers with `return_run_details: true` (200). */
interface RunDetails {
  workflow_run_id?: number;
  html_url?: string;
}

/** Whether GitHub refused the `return_run_details` parameter itself (servers without it). */
function rejectsRunDetails(error: unknown): boolean {
  const { status, response } = error as {
    status?: number;
    response?: { data?: { message?: string } };
  };
  return (
    (status === 400 || status === 422) &&
    /return_run_details/.test(response?.data?.message ?? '')
  );
}

/**
 * The `workflow-dispatch` strategy: dispatches `workflow` on the target branch with inputs
 * `source_branch`, `target_branch` and `sha` (the source head), asking GitHub for the run it
 * started (`return_run_details`,
 * https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event). Where
 * GitHub does not give it (older servers refuse the parameter; the dispatch is then sent
 * without it), the run is looked up by what identifies it (see `findDispatchedRun`). The
 * result links the run and carries its id, or — when it is not known — links the workflow and
 * says why.
 */
export async function dispatchPromotionWorkflow(
  context: StrategyContext,
  options: {
    workflow: string;
    polling: GithubPolling;
    logger?: LoggerService;
    now: () => Date;
  },
): Promise<SourceControlPromotionResult> {
  const { octokit, reader, repository, head, base } = context;
  const { owner, repo } = repository;
  const { workflow } = options;
  const sha = await reader.branchHead(repository, head);
  const dispatch = (returnRunDetails: boolean) =>
    octokit.request(
      'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
      {
        owner,
        repo,
        workflow_id: workflow,
        ref: base,
        inputs: { source_branch: head, target_branch: base, sha },
        ...(returnRunDetails ? { return_run_details: true } : {}),
      },
    );
  let response: Awaited<ReturnType<typeof dispatch>>;
  try {
    response = await dispatch(true).catch(error => {
      if (!rejectsRunDetails(error)) throw error;
      return dispatch(false);
    });
  } catch (error) {
    throw describeGithubError(
      error,
      `dispatching workflow ${workflow} on ${base} in ${owner}/${repo}`,
    );
  }
  const dispatched = `Dispatched workflow ${workflow} on ${base} to promote ${sha.slice(
    0,
    7,
  )} from ${head}`;
  const details = (response.data ?? {}) as RunDetails;
  const run =
    details.workflow_run_id && details.html_url
      ? {
          found: true as const,
          id: details.workflow_run_id,
          url: details.html_url,
        }
      : await findDispatchedRun(context, {
          workflow,
          sha,
          dispatchedAt: response.headers.date
            ? new Date(response.headers.date)
            : undefined,
          now: options.now,
          polling: options.polling,
          logger: options.logger,
        });
  if (run.found) {
    return {
      link: run.url,
      runId: run.id,
      message: `${dispatched}: run ${run.id}`,
    };
  }
  return {
    link: `${
      context.webBaseUrl
    }/${owner}/${repo}/actions/workflows/${encodeURIComponent(workflow)}`,
    message: `${dispatched}; the run id is not known yet (${run.reason}): see the workflow's runs`,
  };
}
