import type {
  Comparison,
  GithubRepositoryReader,
  RepositoryRef,
} from './GithubRepositoryReader';

/**
 * What waits to be promoted from the `head` branch (at `headSha`) into `base` (at `baseSha`).
 *
 * By ancestry, `base...head` lists the commits of head that base lacks. After a squash or
 * rebase merge base holds head's changes in new commits, so ancestry alone would list every
 * promoted commit forever. So when the branches have diverged:
 * - the same tree in both heads means nothing waits;
 * - otherwise the head commit of the last merged pull request head → base (what the last
 *   promotion brought in, whatever the merge method) is the starting point when it is an
 *   ancestor of head and that leaves fewer commits: only the commits after it wait.
 */
export async function pendingComparison(
  reader: Pick<GithubRepositoryReader, 'compare' | 'lastMergedHead'>,
  repository: RepositoryRef,
  branches: { head: string; base: string },
  shas: { headSha: string; baseSha: string },
): Promise<Comparison> {
  const comparison = await reader.compare(
    repository,
    shas.baseSha,
    shas.headSha,
  );
  if (comparison.aheadBy === 0 || comparison.behindBy === 0) {
    return comparison;
  }
  if (comparison.headTree && comparison.headTree === comparison.baseTree) {
    return { ...comparison, status: 'identical', aheadBy: 0, commits: [] };
  }
  const promoted = await reader.lastMergedHead(
    repository,
    branches.head,
    branches.base,
  );
  if (!promoted || promoted === shas.baseSha) return comparison;
  if (promoted === shas.headSha) {
    return { ...comparison, status: 'identical', aheadBy: 0, commits: [] };
  }
  const sincePromoted = await reader.compare(
    repository,
    promoted,
    shas.headSha,
  );
  const descends = sincePromoted.status === 'ahead';
  return descends && sincePromoted.aheadBy < comparison.aheadBy
    ? { ...sincePromoted, behindBy: comparison.behindBy }
    : comparison;
}
