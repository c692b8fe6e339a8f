import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  describeGithubError,
  GithubRepository,
  repositoryKey,
} from '@stageline/plugin-environments-node';
import { LRUCache } from 'lru-cache';
import type { Octokit } from 'octokit';

/** An open pull request, as a preview needs it. */
export interface OpenPullRequest {
  number: number;
  title: string;
  url: string;
  author: string;
  /** The head branch. */
  branch: string;
  headSha: string;
  draft: boolean;
  /** The head branch lives in a fork, not in the repository. */
  fromFork: boolean;
  openedAt: string;
  updatedAt: string;
}

/** Pushes the repository's activity lists; other activity does not move a branch's code. */
const PUSHES = new Set(['push', 'force_push', 'branch_creation']);

/**
 * Every open pull request of the repository (all pages of `GET /pulls?state=open`; each page a
 * conditional request, free while nothing changed).
 */
export async function listOpenPullRequests(
  octokit: Octokit,
  repository: GithubRepository,
): Promise<OpenPullRequest[]> {
  try {
    const pulls = await octokit.paginate(octokit.rest.pulls.list, {
      ...repository,
      state: 'open',
      per_page: 100,
    });
    return pulls.map(pull => ({
      number: pull.number,
      title: pull.title,
      url: pull.html_url,
      author: pull.user?.login ?? 'ghost',
      branch: pull.head.ref,
      headSha: pull.head.sha,
      draft: pull.draft ?? false,
      fromFork:
        (pull.head.repo?.full_name ?? '').toLocaleLowerCase('en-US') !==
        repositoryKey(repository),
      openedAt: pull.created_at,
      updatedAt: pull.updated_at,
    }));
  } catch (error) {
    throw describeGithubError(
      error,
      `listing the open pull requests of ${repository.owner}/${repository.repo}`,
    );
  }
}

/**
 * When a pull request's branch was last pushed to: the newest push, force push or creation of
 * the branch in the repository's activity (`GET /activity?ref=refs/heads/<branch>`), read once
 * per head commit and remembered. A fork's branch is not in the repository's activity, and older
 * GitHub Enterprise Server versions have no activity API: then the pull request's last update.
 */
export class LastPushes {
  readonly #known = new LRUCache<string, string>({ max: 20_000 });

  constructor(private readonly logger: LoggerService) {}

  async of(
    octokit: Octokit,
    repository: GithubRepository,
    pull: OpenPullRequest,
  ): Promise<string> {
    if (pull.fromFork) return pull.updatedAt;
    const key = `${repositoryKey(repository)}:${pull.branch}:${pull.headSha}`;
    const known = this.#known.get(key);
    if (known) return known;
    try {
      const { data } = await octokit.request(
        'GET /repos/{owner}/{repo}/activity',
        {
          ...repository,
          ref: `refs/heads/${pull.branch}`,
          per_page: 10,
        },
      );
      const push = (
        data as Array<{ activity_type: string; timestamp: string }>
      ).find(activity => PUSHES.has(activity.activity_type));
      const at = push?.timestamp ?? pull.updatedAt;
      this.#known.set(key, at);
      return at;
    } catch (error) {
      this.logger.warn(
        `Could not read the pushes to ${pull.branch} of ${repository.owner}/${
          repository.repo
        } (${
          describeGithubError(error, 'reading its activity').message
        }); its preview's time to live counts from the pull request's last update`,
      );
      return pull.updatedAt;
    }
  }
}
