import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SourceControlPromotionResult } from '../../providers/types';
import { describeGithubError } from '../describeGithubError';
import { findDispatchedRun } from './findDispatchedRun';
import type { GithubPolling, StrategyContext } from './StrategyContext';

/**
 * The `workflow-dispatch` strategy: dispatches `workflow` on the target branch with inputs
 * `source_branch`, `target_branch` and `sha` (the source head), then looks for the run it
 * started; the result links the run and carries its id, or — when the run did not show up
 * within the bounded wait — links the workflow and says the run id is not known yet.
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
  const dispatchedAt = options.now();
  try {
    await octokit.rest.actions.createWorkflowDispatch({
      owner,
      repo,
      workflow_id: workflow,
      ref: base,
      inputs: { source_branch: head, target_branch: base, sha },
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
  const run = await findDispatchedRun(
    context,
    workflow,
    dispatchedAt,
    options.polling,
    options.logger,
  );
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
