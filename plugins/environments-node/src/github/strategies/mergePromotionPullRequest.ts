import { ConflictError } from '@backstage/errors';
import type {
  PromotionPullRequestReadiness,
  SourceControlPromotionResult,
} from '../../providers/types';
import { describeGithubError } from '../describeGithubError';
import type { StrategyContext } from './StrategyContext';
import {
  describePullRequestRefusal,
  isReadyToMerge,
} from '../../promotion/pullRequestRefusal';

/**
 * The `merge` strategy: merges the open promotion pull request (a merge commit, at the head
 * commit that was reviewed) when it is approved and mergeable; refuses with a `ConflictError`
 * naming why otherwise, changing nothing.
 */
export async function mergePromotionPullRequest(
  context: StrategyContext,
  pull: PromotionPullRequestReadiness | undefined,
): Promise<SourceControlPromotionResult> {
  const { octokit, repository, head, base } = context;
  if (!isReadyToMerge(pull)) {
    throw new ConflictError(describePullRequestRefusal(pull, head, base));
  }
  try {
    const { data } = await octokit.rest.pulls.merge({
      owner: repository.owner,
      repo: repository.repo,
      pull_number: pull.number,
      merge_method: 'merge',
      sha: pull.headSha,
      commit_title: `${context.title} (#${pull.number})`,
      commit_message: context.body,
    });
    return {
      link: pull.url,
      message: `Merged pull request #${
        pull.number
      } from ${head} into ${base} as ${data.sha.slice(0, 7)}`,
      pullRequest: { number: pull.number, url: pull.url },
    };
  } catch (error) {
    throw describeGithubError(
      error,
      `merging pull request #${pull.number} from ${head} into ${base} in ${repository.owner}/${repository.repo}`,
    );
  }
}
