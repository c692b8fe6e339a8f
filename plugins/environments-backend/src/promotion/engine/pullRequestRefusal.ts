import type { PromotionPullRequestReadiness } from '@stageline/plugin-environments-node';

/** The promotion pull request exists and nothing stops it being merged. */
export function isReadyToMerge(
  pull: PromotionPullRequestReadiness | undefined,
): pull is PromotionPullRequestReadiness {
  return pull !== undefined && pull.blockers.length === 0;
}

/** Why the promotion pull request `head` → `base` cannot be merged (missing, or its blockers). */
export function describePullRequestRefusal(
  pull: PromotionPullRequestReadiness | undefined,
  head: string,
  base: string,
): string {
  if (!pull) {
    return `No open pull request from ${head} to ${base}: open one first (strategy pull-request), and merge it once it is approved`;
  }
  return `Pull request #${
    pull.number
  } from ${head} to ${base} cannot be merged: ${pull.blockers.join('; ')}`;
}
