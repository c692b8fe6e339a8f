import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  dispatchWorkflow,
  findDispatchedRun,
} from '@stageline/plugin-environments-node';
import type {
  GithubPolling,
  SourceControlPromotionResult,
} from '@stageline/plugin-environments-node';
import type { StrategyContext } from './StrategyContext';

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
  const { run: returned, dispatchedAt } = await dispatchWorkflow(octokit, {
    owner,
    repo,
    workflow,
    ref: base,
    inputs: { source_branch: head, target_branch: base, sha },
  });
  const dispatched = `Dispatched workflow ${workflow} on ${base} to promote ${sha.slice(
    0,
    7,
  )} from ${head}`;
  const run = returned
    ? { found: true as const, ...returned }
    : await findDispatchedRun(context, {
        workflow,
        titleIncludes: sha,
        dispatchedAt,
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
