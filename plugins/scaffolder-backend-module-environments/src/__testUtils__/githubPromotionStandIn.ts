import type { SetupServer } from 'msw/node';
import { GithubStandIn } from '@stageline/github-stand-in';

export const SLUG = 'acme/macro-ai';

/**
 * The shared GitHub stand-in holding `acme/macro-ai` as the promotion tests need it: `develop`
 * two commits ahead of `main` ("Add streaming responses", then "Fix token count"), the check
 * runs build and test green on its head.
 */
export class GithubPromotionStandIn extends GithubStandIn {
  constructor(server?: SetupServer) {
    super(server);
    this.addRepo(SLUG, ['main', 'develop']);
    this.commit(
      SLUG,
      'develop',
      'Add streaming responses\n\nDetails',
      'octo-guest',
    );
    this.commit(SLUG, 'develop', 'Fix token count', 'octo-guest');
    this.checkRuns = [
      { name: 'build', status: 'completed', conclusion: 'success' },
      { name: 'test', status: 'completed', conclusion: 'success' },
    ];
  }

  /** Replaces the check runs on `develop`'s head. */
  set checkRuns(
    runs: Array<{ name: string; status: string; conclusion: string | null }>,
  ) {
    this.setChecks(
      SLUG,
      this.head(SLUG, 'develop'),
      runs.map(run => ({
        kind: 'check-run',
        name: run.name,
        state: run.conclusion ?? run.status,
      })),
    );
  }

  /**
   * Leaves a promotion pull request (#1) open since a while (GitHub has computed whether it can
   * be merged), approved when `approvedBy` is given.
   */
  withOpenPullRequest(approvedBy?: string): void {
    const number = this.openPull(
      SLUG,
      'develop',
      'main',
      'Promote macro-ai-api-staging to macro-ai-api-production',
      { author: 'octo-guest' },
    );
    this.pull(SLUG, number).mergeabilityPendingReads = 0;
    if (approvedBy) this.review(SLUG, number, approvedBy, 'APPROVED');
  }
}

/** The commits of `develop` the promotion tests see (the stand-in's SHAs are deterministic). */
const commits = new GithubPromotionStandIn();
export const DEVELOP_SHA = commits.head(SLUG, 'develop');
export const FIRST_SHA = commits.repo(SLUG).graph.get(DEVELOP_SHA).parents[0];
