import type { GithubReviewer } from './resolveReviewers';

/**
 * How a GitHub environment should be set up. A field left undefined keeps what the environment
 * has (GitHub's default for a new one), so a partial spec never undoes other settings.
 */
export interface GithubEnvironmentSpec {
  name: string;
  /** The only branches allowed to deploy; empty means any branch. */
  branches?: string[];
  reviewers?: GithubReviewer[];
  /** Minutes to wait before a deployment job runs. */
  waitTimer?: number;
  preventSelfReview?: boolean;
  variables: Record<string, string>;
  /** Plain values; sealed before they leave the process, never logged. */
  secrets: Record<string, string>;
}

/** What syncing one environment did. */
export type GithubEnvironmentSyncResult = {
  name: string;
  url?: string;
  created: boolean;
  /** One line per change, e.g. `variable CDK_DEPLOY_SCALE updated`; empty when nothing changed. */
  changes: string[];
};
