import {
  assessPullRequest as assess,
  GithubPullForAssessment,
  GithubReviewForAssessment,
  ReviewerAccess,
} from './assessPullRequest';

const HEAD = 'h'.repeat(40);
const OLDER = 'o'.repeat(40);
/** alice and bob have write access, mallory has none; carol's could not be read. */
const ACCESS = new Map<string, ReviewerAccess>([
  ['alice', { access: 'write' }],
  ['bob', { access: 'write' }],
  ['mallory', { access: 'none' }],
  ['carol', { access: 'unknown', reason: 'GitHub refused (403)' }],
]);
const assessPullRequest = (
  p: GithubPullForAssessment,
  reviews: GithubReviewForAssessment[],
) => assess(p, reviews, ACCESS);

const pull = (
  fields: Partial<GithubPullForAssessment> = {},
): GithubPullForAssessment => ({
  number: 7,
  html_url: 'https://github.com/acme/macro-ai/pull/7',
  draft: false,
  mergeable: true,
  mergeable_state: 'clean',
  head: { sha: HEAD },
  base: { ref: 'main' },
  ...fields,
});
const review = (
  login: string,
  state: string,
  commit_id = HEAD,
): GithubReviewForAssessment => ({
  user: { login },
  state,
  commit_id,
});

describe('assessPullRequest', () => {
  it('is ready with an approval, a clean merge state and no change requests', () => {
    expect(assessPullRequest(pull(), [review('alice', 'APPROVED')])).toEqual({
      number: 7,
      url: 'https://github.com/acme/macro-ai/pull/7',
      headSha: 'h'.repeat(40),
      approved: true,
      approvedBy: ['alice'],
      mergeable: true,
      blockers: [],
    });
  });

  it("counts each reviewer's latest approving, requesting or dismissed review; comments do not replace an approval", () => {
    const reviews = [
      review('alice', 'CHANGES_REQUESTED'),
      review('alice', 'APPROVED'),
      review('alice', 'COMMENTED'),
      review('bob', 'APPROVED'),
      review('bob', 'DISMISSED'),
    ];
    const result = assessPullRequest(pull(), reviews);
    expect(result.approved).toBe(true);
    expect(result.approvedBy).toEqual(['alice']);
  });

  it('is not approved while any reviewer’s latest review requests changes', () => {
    const result = assessPullRequest(pull(), [
      review('alice', 'APPROVED'),
      review('bob', 'APPROVED'),
      review('bob', 'CHANGES_REQUESTED'),
    ]);
    expect(result.approved).toBe(false);
    expect(result.blockers).toEqual(['changes requested by bob']);
  });

  // GitHub keeps approvals after a push unless branch protection dismisses stale reviews
  // (https://docs.github.com/rest/pulls/reviews#list-reviews-for-a-pull-request: commit_id is
  // the commit the review was given on).
  it('does not count an approval given on an older commit than the head', () => {
    const result = assessPullRequest(pull(), [
      review('alice', 'APPROVED', OLDER),
    ]);
    expect(result.approved).toBe(false);
    expect(result.approvedBy).toEqual([]);
    expect(result.blockers).toEqual([
      'it has no approval of its head commit hhhhhhh from someone with write access (alice approved ooooooo, not the head hhhhhhh)',
    ]);
  });

  it('counts only approvals from people with write access, failing closed when access is unknown', () => {
    const result = assessPullRequest(pull(), [
      review('mallory', 'APPROVED'),
      review('carol', 'APPROVED'),
    ]);
    expect(result.approved).toBe(false);
    expect(result.blockers).toEqual([
      "it has no approval of its head commit hhhhhhh from someone with write access (mallory has no write access; could not check carol's access (GitHub refused (403)))",
    ]);
    expect(
      assessPullRequest(pull(), [
        review('mallory', 'APPROVED'),
        review('alice', 'APPROVED'),
      ]).approvedBy,
    ).toEqual(['alice']);
  });

  it('ignores change requests from people without write access, as required reviews do', () => {
    const result = assessPullRequest(pull(), [
      review('alice', 'APPROVED'),
      review('mallory', 'CHANGES_REQUESTED'),
      review('carol', 'CHANGES_REQUESTED', OLDER),
    ]);
    expect(result.approved).toBe(false);
    expect(result.blockers).toEqual(['changes requested by carol']);
  });

  it('is not approved without any approving review (comments only)', () => {
    const result = assessPullRequest(pull(), [review('carol', 'COMMENTED')]);
    expect(result.approved).toBe(false);
    expect(result.blockers).toEqual(['it has no approving review']);
  });

  it.each([
    [
      { mergeable: false, mergeable_state: 'dirty' },
      'it has merge conflicts with main',
    ],
    [
      { mergeable: true, mergeable_state: 'dirty' },
      'it has merge conflicts with main',
    ],
    [
      { mergeable: true, mergeable_state: 'blocked' },
      'branch protection on main blocks it (mergeable_state blocked: required reviews or checks missing)',
    ],
    [{ draft: true, mergeable_state: 'draft' }, 'it is a draft'],
  ])('is not mergeable when %j', (fields, blocker) => {
    const result = assessPullRequest(pull(fields), [
      review('alice', 'APPROVED'),
    ]);
    expect(result.mergeable).toBe(false);
    expect(result.blockers).toEqual([blocker]);
  });

  it('leaves mergeable unknown while GitHub computes it, and says so', () => {
    const result = assessPullRequest(
      pull({ mergeable: null, mergeable_state: 'unknown' }),
      [review('alice', 'APPROVED')],
    );
    expect(result.mergeable).toBeUndefined();
    expect(result.blockers).toEqual([
      'GitHub has not finished checking whether it can be merged; try again in a moment',
    ]);
  });

  it('names every reason at once', () => {
    const result = assessPullRequest(pull({ mergeable: false }), []);
    expect(result.blockers).toEqual([
      'it has no approving review',
      'it has merge conflicts with main',
    ]);
  });
});
