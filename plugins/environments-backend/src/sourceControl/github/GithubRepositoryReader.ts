import type { Octokit } from 'octokit';
import type {
  PendingCommit,
  PromotionPullRequest,
} from '@stageline/plugin-environments-common';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeGithubError } from '@stageline/plugin-environments-node';
import type {
  BranchChecks,
  PromotionPullRequestReadiness,
} from '@stageline/plugin-environments-node';
import { CommitStatus, summariseChecks } from './branchChecks';
import type { LRUCache } from 'lru-cache';
import {
  assessPullRequest,
  GithubPullForAssessment,
  GithubReviewForAssessment,
  reviewersToCheck,
} from './assessPullRequest';
import { readReviewerAccess, ReviewerAccessCache } from './reviewerAccess';

/** Most pending commits listed for a promotion: GitHub's unpaged comparison lists the newest 250. */
export const MAX_LISTED_COMMITS = 250;
/** Statuses and check runs read per page (GitHub's maximum). */
const CHECKS_PER_PAGE = 100;

/**
 * A repository on GitHub.
 *
 * @public
 */
export interface RepositoryRef {
  owner: string;
  repo: string;
}

/** The result of comparing two commits (`base...head`). */
export interface Comparison {
  /** GitHub's `status`: ahead, behind, diverged or identical. */
  status: string;
  /** How many commits head has that base lacks (all of them, listed or not). */
  aheadBy: number;
  /** How many commits base has that head lacks (e.g. merge or squash commits). */
  behindBy: number;
  /** The newest {@link MAX_LISTED_COMMITS} of them, newest first. */
  commits: PendingCommit[];
  /** Tree SHAs of base and head (head's when it is among the listed commits). */
  baseTree?: string;
  headTree?: string;
}

/** The repository's merge settings; undefined fields were not shown to the token. */
export interface MergeSettings {
  merge?: boolean;
  squash?: boolean;
  rebase?: boolean;
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
    private readonly comparisons: LRUCache<string, Comparison>,
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
      // No per_page or page: paged, GitHub would list the oldest commits first, at most 100
      // a page; unpaged it lists the newest 250, oldest first, the head last
      // (https://docs.github.com/rest/commits/commits#compare-two-commits).
      const { data } = await this.octokit.rest.repos.compareCommitsWithBasehead(
        {
          owner: ref.owner,
          repo: ref.repo,
          basehead: `${baseSha}...${headSha}`,
        },
      );
      const last = data.commits.at(-1);
      const comparison: Comparison = {
        status: data.status,
        aheadBy: data.ahead_by,
        behindBy: data.behind_by,
        commits: data.commits
          .map(c => ({
            sha: c.sha,
            message: c.commit.message.split('\n')[0],
            author: c.author?.login ?? c.commit.author?.name ?? undefined,
            date: c.commit.author?.date ?? undefined,
            url: c.html_url,
          }))
          .reverse(),
        baseTree: data.base_commit?.commit?.tree?.sha,
        headTree: last?.sha === headSha ? last.commit.tree?.sha : undefined,
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
      return await this.assess(ref, pull, reviews);
    } catch (error) {
      throw describeGithubError(
        error,
        `reading pull request #${pullNumber} of ${ref.owner}/${ref.repo}`,
      );
    }
  }

  /**
   * Whether a pull request may be merged, from its state and every one of its reviews (oldest
   * first), reading the write access of the reviewers who decide it (`assessPullRequest`).
   */
  async assess(
    ref: RepositoryRef,
    pull: GithubPullForAssessment,
    reviews: GithubReviewForAssessment[],
  ): Promise<PromotionPullRequestReadiness> {
    const access = await readReviewerAccess(
      this.octokit,
      ref,
      reviewersToCheck(pull.head.sha, reviews),
      this.reviewerAccess,
    );
    return assessPullRequest(pull, reviews, access);
  }

  /**
   * The repository's allowed merge methods (`GET /repos/{owner}/{repo}`,
   * https://docs.github.com/rest/repos/repos#get-a-repository); GitHub leaves them out for
   * tokens that may not write, and so does this.
   */
  async mergeSettings({ owner, repo }: RepositoryRef): Promise<MergeSettings> {
    try {
      const { data } = await this.octokit.rest.repos.get({ owner, repo });
      return {
        merge: data.allow_merge_commit,
        squash: data.allow_squash_merge,
        rebase: data.allow_rebase_merge,
      };
    } catch (error) {
      throw describeGithubError(error, `reading ${owner}/${repo}`);
    }
  }

  /**
   * The head commit of the most recently merged pull request `head` → `base`: what its last
   * promotion brought into `base`, whatever the merge method.
   */
  async lastMergedHead(
    { owner, repo }: RepositoryRef,
    head: string,
    base: string,
  ): Promise<string | undefined> {
    try {
      const { data } = await this.octokit.rest.pulls.list({
        owner,
        repo,
        state: 'closed',
        head: `${owner}:${head}`,
        base,
        sort: 'updated',
        direction: 'desc',
        per_page: 20,
      });
      const merged = data
        .filter(p => p.merged_at)
        .sort((a, b) => b.merged_at!.localeCompare(a.merged_at!));
      return merged[0]?.head.sha;
    } catch (error) {
      throw describeGithubError(
        error,
        `listing merged pull requests from ${head} to ${base} of ${owner}/${repo}`,
      );
    }
  }

  /**
   * Every commit status and check run of a commit, all pages of both
   * (https://docs.github.com/rest/commits/statuses#get-the-combined-status-for-a-specific-reference,
   * https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference).
   */
  async checks(ref: RepositoryRef, sha: string): Promise<BranchChecks> {
    try {
      const [statuses, checkRuns] = await Promise.all([
        this.#statuses(ref, sha),
        this.octokit.paginate(this.octokit.rest.checks.listForRef, {
          ...ref,
          ref: sha,
          per_page: CHECKS_PER_PAGE,
        }),
      ]);
      return summariseChecks(sha, statuses.statuses, statuses.state, checkRuns);
    } catch (error) {
      throw describeGithubError(
        error,
        `reading checks of ${sha} in ${ref.owner}/${ref.repo}`,
      );
    }
  }

  /** All pages of the combined status (its `state` covers every status, not one page). */
  async #statuses(ref: RepositoryRef, sha: string) {
    const statuses: CommitStatus[] = [];
    let state: string | undefined;
    for (let page = 1; ; page++) {
      const { data } = await this.octokit.rest.repos.getCombinedStatusForRef({
        ...ref,
        ref: sha,
        per_page: CHECKS_PER_PAGE,
        page,
      });
      state = data.state;
      statuses.push(...data.statuses);
      if (
        data.statuses.length < CHECKS_PER_PAGE ||
        statuses.length >= data.total_count
      ) {
        return { state, statuses };
      }
    }
  }
}
