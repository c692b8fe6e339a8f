import { describeGithubError } from '@stageline/plugin-environments-node';
import type { SourceControlPromotionResult } from '@stageline/plugin-environments-node';
import type { StrategyContext } from './StrategyContext';

/** The `pull-request` strategy: opens a pull request head → base, or reuses the open one. */
export async function openPromotionPullRequest(
  context: StrategyContext,
): Promise<SourceControlPromotionResult> {
  const { octokit, reader, repository, head, base } = context;
  const { owner, repo } = repository;
  const open = await reader.openPullRequest(repository, head, base);
  if (open) {
    return {
      link: open.url,
      message: `Pull request #${open.number} from ${head} to ${base} is already open`,
      pullRequest: { number: open.number, url: open.url },
    };
  }
  try {
    const { data } = await octokit.rest.pulls.create({
      owner,
      repo,
      head,
      base,
      title: context.title,
      body: context.body,
    });
    return {
      link: data.html_url,
      message: `Opened pull request #${data.number} from ${head} to ${base}`,
      pullRequest: { number: data.number, url: data.html_url },
    };
  } catch (error) {
    throw describeGithubError(
      error,
      `opening a pull request from ${head} to ${base} in ${owner}/${repo}`,
    );
  }
}
