import type { PromotionPullRequestReadiness } from '@stageline/plugin-environments-node';

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
  /** The commit the review was given on; an approval counts for that commit only. */
  commit_id?: string | null;
  /** The reviewer's relation to the repository: OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, … */
  author_association?: string;
}

/**
 * Whether a reviewer may approve for the repository, as required reviews count them: `write`
 * (permission admin, maintain or write), `none`, or `unknown` with why it could not be read.
 */
export type ReviewerAccess =
  | { access: 'write' }
  | { access: 'none' }
  | { access: 'unknown'; reason: string };

/** Review states that replace a reviewer's earlier verdict (a later comment does not). */
const VERDICTS = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

/** Each reviewer's latest approving, change-requesting or dismissed review, by login. */
export function latestVerdicts(
  reviews: GithubReviewForAssessment[],
): Map<string, GithubReviewForAssessment> {
  const latest = new Map<string, GithubReviewForAssessment>();
  for (const review of reviews) {
    if (review.user && VERDICTS.has(review.state)) {
      latest.set(review.user.login, review);
    }
  }
  return latest;
}

/**
 * The reviewers whose write access decides the outcome: those whose latest verdict approves the
 * head commit or requests changes.
 */
export function reviewersToCheck(
  headSha: string,
  reviews: GithubReviewForAssessment[],
): Array<{ login: string; author_association?: string }> {
  return [...latestVerdicts(reviews)]
    .filter(
      ([, review]) =>
        review.state === 'CHANGES_REQUESTED' ||
        (review.state === 'APPROVED' && review.commit_id === headSha),
    )
    .map(([login, review]) => ({
      login,
      author_association: review.author_association,
    }));
}

const short = (sha?: string | null) => (sha ?? 'unknown').slice(0, 7);

/**
 * Why the approvals that were given do not count, one phrase each: given on another commit
 * than the head, by someone without write access, or by someone whose access could not be read.
 */
function uncountedApprovals(
  latest: Map<string, GithubReviewForAssessment>,
  access: ReadonlyMap<string, ReviewerAccess>,
  headSha: string,
): string[] {
  const reasons: string[] = [];
  for (const [login, review] of latest) {
    if (review.state !== 'APPROVED') continue;
    const reviewer = access.get(login);
    if (review.commit_id !== headSha) {
      reasons.push(
        `${login} approved ${short(review.commit_id)}, not the head ${short(
          headSha,
        )}`,
      );
    } else if (reviewer?.access === 'none') {
      reasons.push(`${login} has no write access`);
    } else if (reviewer?.access !== 'write') {
      reasons.push(
        `could not check ${login}'s access (${
          reviewer?.access === 'unknown' ? reviewer.reason : 'not read'
        })`,
      );
    }
  }
  return reasons;
}

/**
 * Whether a promotion pull request may be merged.
 *
 * Approved: taking each reviewer's latest approving, requesting-changes or dismissed review (a
 * later comment does not replace an approval, as on GitHub), at least one approval **given on
 * the head commit** by someone with **write access**, and no change request from someone with
 * write access (or whose access could not be read: that fails closed). GitHub keeps an
 * approval on a pull request after new commits are pushed unless branch protection dismisses
 * stale reviews, so an approval of an older commit does not approve what would be merged.
 *
 * Mergeable: `mergeable` is not false, `mergeable_state` is not `dirty` or `blocked`, not a
 * draft.
 */
export function assessPullRequest(
  pull: GithubPullForAssessment,
  reviews: GithubReviewForAssessment[],
  access: ReadonlyMap<string, ReviewerAccess>,
): PromotionPullRequestReadiness {
  const headSha = pull.head.sha;
  const latest = latestVerdicts(reviews);
  const approvedBy: string[] = [];
  const changesRequestedBy: string[] = [];
  for (const [login, review] of latest) {
    const reviewer = access.get(login)?.access;
    if (
      review.state === 'APPROVED' &&
      reviewer === 'write' &&
      review.commit_id === headSha
    ) {
      approvedBy.push(login);
    }
    if (review.state === 'CHANGES_REQUESTED' && reviewer !== 'none') {
      changesRequestedBy.push(login);
    }
  }
  const approved = approvedBy.length > 0 && changesRequestedBy.length === 0;

  const blockers: string[] = [];
  if (changesRequestedBy.length > 0) {
    blockers.push(`changes requested by ${changesRequestedBy.join(', ')}`);
  } else if (approvedBy.length === 0) {
    const uncounted = uncountedApprovals(latest, access, headSha);
    blockers.push(
      uncounted.length === 0
        ? 'it has no approving review'
        : `it has no approval of its head commit ${short(
            headSha,
          )} from someone with write access (${uncounted.join('; ')})`,
    );
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
    headSha,
    approved,
    approvedBy,
    mergeable,
    blockers,
  };
}
