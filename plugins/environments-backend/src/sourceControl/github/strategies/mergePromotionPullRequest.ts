import { ConflictError } from '@backstage/errors';
import { describeGithubError } from '@stageline/plugin-environments-node';
import type {
  PromotionPullRequestReadiness,
  SourceControlPromotionResult,
} from '@stageline/plugin-environments-node';
import { ANNOTATION_MERGE_METHOD, MergeMethod } from '../mergeMethod';
import type { StrategyContext } from './StrategyContext';
import {
  describePullRequestRefusal,
  isReadyToMerge,
} from '../../../promotion/engine/pullRequestRefusal';

const MERGED: Record<MergeMethod, string> = {
  merge: 'Merged',
  squash: 'Squash-merged',
  rebase: 'Rebase-merged',
};

/**
 * The `merge` strategy: merges the open promotion pull request when it is approved and
 * mergeable, with the method `mergeMethod` picks, at the head commit that was reviewed
 * (`sha`, so GitHub answers 409 when the head moved since); refuses with a `ConflictError`
 * naming why otherwise, changing nothing.
 */
export async function mergePromotionPullRequest(
  context: StrategyContext,
  pull: PromotionPullRequestReadiness | undefined,
  mergeMethod: () => Promise<MergeMethod>,
): Promise<SourceControlPromotionResult> {
  const { octokit, repository, head, base } = context;
  if (!isReadyToMerge(pull)) {
    throw new ConflictError(describePullRequestRefusal(pull, head, base));
  }
  const method = await mergeMethod();
  try {
    const { data } = await octokit.rest.pulls.merge({
      owner: repository.owner,
      repo: repository.repo,
      pull_number: pull.number,
      merge_method: method,
      sha: pull.headSha,
      commit_title: `${context.title} (#${pull.number})`,
      commit_message: context.body,
    });
    return {
      link: pull.url,
      message: `${MERGED[method]} pull request #${
        pull.number
      } from ${head} into ${base} as ${data.sha.slice(0, 7)}`,
      pullRequest: { number: pull.number, url: pull.url },
    };
  } catch (error) {
    const refusal = describeGithubError(
      error,
      `merging pull request #${pull.number} from ${head} into ${base} in ${repository.owner}/${repository.repo}`,
    );
    // 405 "Merge commits are not allowed on this repository." and the like.
    if (/not allowed/i.test(refusal.message)) {
      refusal.message += ` (merge method ${method}): choose one the repository allows with the annotation ${ANNOTATION_MERGE_METHOD} on the target environment or environments.promotion.mergeMethod`;
    }
    throw refusal;
  }
}
