import type { Octokit } from 'octokit';
import type { ReviewerAccess } from './assessPullRequest';
import { describeGithubError } from '@stageline/plugin-environments-node';
import type { LRUCache } from 'lru-cache';

/** How long a reviewer's access is remembered before it is read again. */
export const REVIEWER_ACCESS_TTL_MS = 60_000;

/**
 * `author_association` values of people who hold no role on the repository, so no write access
 * (https://docs.github.com/graphql/reference/enums#commentauthorassociation). OWNER, MEMBER and
 * COLLABORATOR do not imply write access (an organization member may only read, a collaborator
 * may only triage): those are read from the permission endpoint.
 */
const WITHOUT_ROLE = new Set([
  'NONE',
  'CONTRIBUTOR',
  'FIRST_TIMER',
  'FIRST_TIME_CONTRIBUTOR',
  'MANNEQUIN',
]);

/** A review's author as `GET /pulls/{n}/reviews` gives it. */
export interface ReviewAuthor {
  login: string;
  author_association?: string;
}

/** Remembered answers, by `owner/repo:login`. */
export type ReviewerAccessCache = LRUCache<
  string,
  { access: ReviewerAccess; readAt: number }
>;

/**
 * Whether each reviewer has write access to the repository, as required reviews count them:
 * `GET /repos/{owner}/{repo}/collaborators/{username}/permission`
 * (https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user)
 * answers `permission` admin or write (maintain is mapped to write, triage to read). Reviewers
 * whose `author_association` says they hold no role are `none` without a call; 404 is `none`;
 * other failures are `unknown` with GitHub's answer (the caller fails closed). Answers are
 * remembered for {@link REVIEWER_ACCESS_TTL_MS}.
 */
export async function readReviewerAccess(
  octokit: Octokit,
  repository: { owner: string; repo: string },
  authors: ReviewAuthor[],
  cache: ReviewerAccessCache,
  now: () => number = Date.now,
): Promise<Map<string, ReviewerAccess>> {
  const result = new Map<string, ReviewerAccess>();
  await Promise.all(
    authors.map(async ({ login, author_association }) => {
      if (author_association && WITHOUT_ROLE.has(author_association)) {
        result.set(login, { access: 'none' });
        return;
      }
      const key = `${repository.owner}/${repository.repo}:${login}`;
      const remembered = cache.get(key);
      if (remembered && now() - remembered.readAt < REVIEWER_ACCESS_TTL_MS) {
        result.set(login, remembered.access);
        return;
      }
      const access = await readPermission(octokit, repository, login);
      if (access.access !== 'unknown') {
        cache.set(key, { access, readAt: now() });
      }
      result.set(login, access);
    }),
  );
  return result;
}

async function readPermission(
  octokit: Octokit,
  repository: { owner: string; repo: string },
  username: string,
): Promise<ReviewerAccess> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
      ...repository,
      username,
    });
    return ['admin', 'write'].includes(data.permission)
      ? { access: 'write' }
      : { access: 'none' };
  } catch (error) {
    if ((error as { status?: number }).status === 404) {
      return { access: 'none' };
    }
    return {
      access: 'unknown',
      reason: describeGithubError(
        error,
        `reading the permission of ${username} on ${repository.owner}/${repository.repo}`,
      ).message,
    };
  }
}
