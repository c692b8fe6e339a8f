import type { StandInPull, StandInRepo } from './state';

/** The merge methods of `PUT /pulls/{n}/merge`. */
export type MergeMethod = 'merge' | 'squash' | 'rebase';

/** GitHub's 405 message when the repository forbids a merge method. */
export const FORBIDDEN_METHOD_MESSAGES: Record<MergeMethod, string> = {
  merge: 'Merge commits are not allowed on this repository.',
  squash: 'Squash merges are not allowed on this repository.',
  rebase: 'Rebase merges are not allowed on this repository.',
};

/**
 * Merges an open pull request into its base branch as GitHub does for each method: `merge`
 * adds a merge commit with both heads as parents; `squash` adds one commit on the base holding
 * the head's changes, sharing none of its commits; `rebase` replays each commit the base lacks
 * onto it as a new commit. Returns the SHA the base branch ends at.
 */
export function mergePull(
  repo: StandInRepo,
  pull: StandInPull,
  options: {
    method: MergeMethod;
    title?: string;
    message?: string;
    at: string;
  },
): string {
  const { graph } = repo;
  const headSha = repo.branches.get(pull.head)!;
  const baseSha = repo.branches.get(pull.base)!;
  const headChanges = [...graph.get(headSha).changes];
  let result: string;
  if (options.method === 'merge') {
    result = graph.add({
      parents: [baseSha, headSha],
      added: [],
      message: `${
        options.title ??
        `Merge pull request #${pull.number} from ${repo.slug.split('/')[0]}/${
          pull.head
        }`
      }\n\n${options.message ?? pull.title}`,
      author: 'web-flow',
    });
  } else if (options.method === 'squash') {
    result = graph.add({
      parents: [baseSha],
      added: headChanges,
      files: graph.mergeFiles(baseSha, headSha),
      message: `${options.title ?? `${pull.title} (#${pull.number})`}\n\n${
        options.message ?? ''
      }`,
      author: pull.author,
    });
  } else {
    result = baseSha;
    for (const sha of graph.compare(baseSha, headSha).ahead) {
      const commit = graph.get(sha);
      if (commit.parents.length > 1) continue;
      result = graph.add({
        parents: [result],
        added: [...commit.changes],
        files: graph.mergeFiles(result, sha, commit.parents[0]),
        message: commit.message,
        author: commit.author,
      });
    }
  }
  repo.branches.set(pull.base, result);
  pull.state = 'closed';
  pull.merged = true;
  pull.mergedAt = options.at;
  pull.updatedAt = options.at;
  pull.mergeCommitSha = result;
  pull.closedHeadSha = headSha;
  return result;
}
