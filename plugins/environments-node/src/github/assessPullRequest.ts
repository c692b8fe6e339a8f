import type { PromotionPullRequestReadiness } from '../providers/types';

/** The fields of GitHub's `GET /pulls/{number}` that decide whether it may be merged. */
export interface GithubPullForAssessment {
  number: number;
  html_url: string;
  draft?: boolean;
  /** null while GitHub is still computing it. */
  mergeable: boolean | null;
  /** e.g. clean, dirty (conflicts), blocked (branch protection), behind, unstable, unknown, draft. */
  mergeable_state: string;
  head: { sha: string };
  base: { ref: string };
}

/** The fields of GitHub's `GET /pulls/{number}/reviews` (oldest first) that count. */
export interface GithubReviewForAssessment {
  user: { login: string } | null;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING. */
  state: string;
}

/**
 * Whether a promotion pull request may be merged: approved (each reviewer's latest approving,
 * requesting-changes or dismissed review counts, as on GitHub — comments do not replace an
 * approval; at least one approval and no change request) and mergeable (`mergeable` is not
 * false, `mergeable_state` is not `dirty` or `blocked`, not a draft).
 */
export function assessPullRequest(
  pull: GithubPullForAssessment,
  reviews: GithubReviewForAssessment[],
): PromotionPullRequestReadiness {
  const latest = new Map<string, string>();
  for (const review of reviews) {
    if (!review.user) continue;
    if (['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(review.state)) {
      latest.set(review.user.login, review.state);
    }
  }
  const by = (state: string) =>
    [...latest].filter(([, s]) => s === state).map(([login]) => login);
  const approvedBy = by('APPROVED');
  const changesRequestedBy = by('CHANGES_REQUESTED');
  const approved = approvedBy.length > 0 && changesRequestedBy.length === 0;

  const blockers: string[] = [];
  if (changesRequestedBy.length > 0) {
    blockers.push(`changes requested by ${changesRequestedBy.join(', ')}`);
  } else if (approvedBy.length === 0) {
    blockers.push('it has no approving review');
  }
  if (pull.draft) blockers.push('it is a draft');
  if (pull.mergeable === false || pull.mergeable_state === 'dirty') {
    blockers.push(`it has merge conflicts with ${pull.base.ref}`);
  } else if (pull.mergeable_state === 'blocked') {
    blockers.push(
      `branch protection on ${pull.base.ref} blocks it (mergeable_state blocked: required reviews or checks missing)`,
    );
  } else if (pull.mergeable === null) {
    blockers.push(
      'GitHub has not finished checking whether it can be merged; try again in a moment',
    );
  }
  const mergeable =
    pull.mergeable === null
      ? undefined
      : pull.mergeable &&
        !pull.draft &&
        !['dirty', 'blocked'].includes(pull.mergeable_state);
  return {
    number: pull.number,
    url: pull.html_url,
    headSha: pull.head.sha,
    approved,
    approvedBy,
    mergeable,
    blockers,
  };
}
