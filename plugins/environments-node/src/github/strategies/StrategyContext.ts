import type { Octokit } from 'octokit';
import type {
  GithubRepositoryReader,
  RepositoryRef,
} from '../GithubRepositoryReader';

/** What every GitHub promotion strategy works with. */
export interface StrategyContext {
  octokit: Octokit;
  reader: GithubRepositoryReader;
  repository: RepositoryRef;
  /** The source environment's branch. */
  head: string;
  /** The target environment's branch. */
  base: string;
  /** `Promote <source> to <target>`. */
  title: string;
  /** The commits promoted and who asked, for the pull request or merge commit. */
  body: string;
  /** e.g. `https://github.com`. */
  webBaseUrl: string;
}

/**
 * How long to wait for something GitHub does in the background (mergeability, a workflow run).
 *
 * @public
 */
export interface GithubPolling {
  attempts: number;
  intervalMs: number;
}
