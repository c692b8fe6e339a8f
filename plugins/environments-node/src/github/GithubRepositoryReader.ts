import type { Octokit } from 'octokit';
import type {
  PendingCommit,
  PromotionPullRequest,
} from '@stageline/plugin-environments-common';
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  BranchChecks,
  PromotionPullRequestReadiness,
} from '../providers/types';
import { describeGithubError } from './describeGithubError';
import { LruMap } from './EtagCache';
import { assessPullRequest, reviewersToCheck } from './assessPullRequest';
import { readReviewerAccess, ReviewerAccessCache } from './reviewerAccess';

/** Most pending commits listed for a promotion (GitHub's compare returns at most 250). */
export const MAX_LISTED_COMMITS = 250;
const FAILED_CONCLUSIONS = new Set([
  'failure',
  'cancelled',
  'timed_out',
  'action_required',
  'startup_failure',
  'stale',
]);

/** A repository on GitHub. */
export interface RepositoryRef {
  owner: string;
  repo: string;
}

/** The result of comparing two commits. */
export interface Comparison {
  aheadBy: number;
  commits: PendingCommit[];
}

/**
 * Reads branch heads, comparisons, open pull requests and checks of a repository, spending as
 * few rate-limited calls as it can: GETs are conditional (see `createGithubClient`), a
 * comparison is only requested when one of the two head SHAs changed (comparisons of two SHAs
 * never change, so they are remembered), and open pull requests are listed once per repository.
 */
export class GithubRepositoryReader {
  constructor(
    private readonly octokit: Octokit,
    private readonly comparisons: LruMap<string, Comparison>,
    private readonly reviewerAccess: ReviewerAccessCache,
  ) {}

  async branchHead(
    { owner, repo }: RepositoryRef,
    branch: string,
  ): Promise<string> {
    try {
      const { data } = await this.octokit.rest.git.getRef({
        owner,
        repo,
        ref: `heads/${branch}`,
      });
      return data.object.sha;
    } catch (error) {
      throw describeGithubError(
        error,
        `reading branch ${branch} of ${owner}/${repo}`,
      );
    }
  }

  async compare(
    ref: RepositoryRef,
    baseSha: string,
    headSha: string,
  ): Promise<Comparison> {
    const key = `${ref.owner}/${ref.repo}:${baseSha}...${headSha}`;
    const remembered = this.comparisons.get(key);
    if (remembered) return remembered;
    try {
      const { data } = await this.octokit.rest.repos.compareCommitsWithBasehead(
        {
          owner: ref.owner,
          repo: ref.repo,
          basehead: `${baseSha}...${headSha}`,
          per_page: MAX_LISTED_COMMITS,
        },
      );
      const comparison: Comparison = {
        aheadBy: data.ahead_by,
        commits: data.commits
          .map(c => ({
            sha: c.sha,
            message: c.commit.message.split('\n')[0],
            author: c.author?.login ?? c.commit.author?.name ?? undefined,
            date: c.commit.author?.date ?? undefined,
            url: c.html_url,
          }))
          .reverse(),
      };
      this.comparisons.set(key, comparison);
      return comparison;
    } catch (error) {
      throw describeGithubError(
        error,
        `comparing ${baseSha}...${headSha} in ${ref.owner}/${ref.repo}`,
      );
    }
  }

  /** The open pull request from `head` into `base`, from one listing per repository. */
  async openPullRequest(
    ref: RepositoryRef,
    head: string,
    base: string,
  ): Promise<PromotionPullRequest | undefined> {
    try {
      const { data } = await this.octokit.rest.pulls.list({
        owner: ref.owner,
        repo: ref.repo,
        state: 'open',
        per_page: 100,
      });
      const matches = (p: (typeof data)[number]) =>
        p.head.ref === head &&
        p.base.ref === base &&
        p.head.repo?.full_name?.toLowerCase() ===
          `${ref.owner}/${ref.repo}`.toLowerCase();
      let found = data.find(matches);
      if (!found && data.length === 100) {
        const filtered = await this.octokit.rest.pulls.list({
          owner: ref.owner,
          repo: ref.repo,
          state: 'open',
          head: `${ref.owner}:${head}`,
          base,
        });
        found = filtered.data.find(matches);
      }
      return found
        ? {
            number: found.number,
            title: found.title,
            url: found.html_url,
            state: 'open',
          }
        : undefined;
    } catch (error) {
      throw describeGithubError(
        error,
        `listing open pull requests of ${ref.owner}/${ref.repo}`,
      );
    }
  }

  /**
   * Review and merge state of a pull request (`GET /pulls/{n}` and its reviews, both
   * conditional, and the write access of the reviewers that decide it). GitHub computes `mergeable` in the background after a push: with
   * `waitForMergeable` the pull request is read again, up to `attempts` times `intervalMs`
   * apart, while it is still null.
   */
  async pullRequestReadiness(
    ref: RepositoryRef,
    pullNumber: number,
    waitForMergeable?: { attempts: number; intervalMs: number },
  ): Promise<PromotionPullRequestReadiness> {
    try {
      const params = {
        owner: ref.owner,
        repo: ref.repo,
        pull_number: pullNumber,
      };
      const [first, reviews] = await Promise.all([
        this.octokit.rest.pulls.get(params),
        this.octokit.paginate(this.octokit.rest.pulls.listReviews, {
          ...params,
          per_page: 100,
        }),
      ]);
      let pull = first.data;
      for (
        let attempt = 0;
        waitForMergeable &&
        pull.mergeable === null &&
        attempt < waitForMergeable.attempts;
        attempt++
      ) {
        await sleep(waitForMergeable.intervalMs);
        pull = (await this.octokit.rest.pulls.get(params)).data;
      }
      const access = await readReviewerAccess(
        this.octokit,
        ref,
        reviewersToCheck(pull.head.sha, reviews),
        this.reviewerAccess,
      );
      return assessPullRequest(pull, reviews, access);
    } catch (error) {
      throw describeGithubError(
        error,
        `reading pull request #${pullNumber} of ${ref.owner}/${ref.repo}`,
      );
    }
  }

  /** Combined commit statuses and check runs of a commit. */
  async checks(ref: RepositoryRef, sha: string): Promise<BranchChecks> {
    try {
      const [statuses, checkRuns] = await Promise.all([
        this.octokit.rest.repos.getCombinedStatusForRef({
          ...ref,
          ref: sha,
          per_page: 100,
        }),
        this.octokit.rest.checks.listForRef({
          ...ref,
          ref: sha,
          per_page: 100,
        }),
      ]);
      const notGreen: string[] = [];
      let pending = false;
      for (const s of statuses.data.statuses) {
        if (s.state === 'pending') pending = true;
        if (s.state !== 'success')
          notGreen.push(`${s.context} (status): ${s.state}`);
      }
      let failed = notGreen.some(line => !line.endsWith(': pending'));
      for (const run of checkRuns.data.check_runs) {
        if (run.status !== 'completed') {
          pending = true;
          notGreen.push(`${run.name} (check run): ${run.status}`);
        } else if (run.conclusion && FAILED_CONCLUSIONS.has(run.conclusion)) {
          failed = true;
          notGreen.push(`${run.name} (check run): ${run.conclusion}`);
        }
      }
      const total =
        statuses.data.statuses.length + checkRuns.data.check_runs.length;
      let state: BranchChecks['state'] = 'success';
      if (failed) state = 'failure';
      else if (pending) state = 'pending';
      else if (total === 0) state = 'none';
      return { sha, state, notGreen, total };
    } catch (error) {
      throw describeGithubError(
        error,
        `reading checks of ${sha} in ${ref.owner}/${ref.repo}`,
      );
    }
  }
}
