import { createHash } from 'node:crypto';

/** One commit: its parents, its message and the content it holds. */
export interface StandInCommit {
  sha: string;
  parents: string[];
  message: string;
  author: string;
  date: string;
  /** The changes the commit's tree holds; two commits with the same changes share a tree. */
  changes: ReadonlySet<string>;
  /** Creation order, for chronological listings. */
  seq: number;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * The commits of a repository as a graph: ancestry (what a comparison lists), merge commits
 * with two parents, and trees modelled as the set of changes a commit holds, so a squash merge
 * holds the same tree as the branch it squashed while sharing none of its commits.
 */
export class CommitGraph {
  readonly #commits = new Map<string, StandInCommit>();
  #seq = 0;

  constructor(private readonly seed: string) {}

  /** Adds a commit on top of `parents` holding their changes plus `added`; returns its SHA. */
  add(options: {
    parents: string[];
    added: string[];
    message: string;
    author?: string;
    date?: string;
  }): string {
    const changes = new Set<string>(options.added);
    for (const parent of options.parents) {
      for (const change of this.get(parent).changes) changes.add(change);
    }
    const seq = ++this.#seq;
    const sha = sha1(`${this.seed}:${seq}:${options.message}`);
    this.#commits.set(sha, {
      sha,
      parents: options.parents,
      message: options.message,
      author: options.author ?? 'developer',
      date:
        options.date ??
        new Date(Date.UTC(2026, 0, 5, 10, 0, seq))
          .toISOString()
          .replace('.000Z', 'Z'),
      changes,
      seq,
    });
    return sha;
  }

  has(sha: string): boolean {
    return this.#commits.has(sha);
  }

  get(sha: string): StandInCommit {
    const commit = this.#commits.get(sha);
    if (!commit) throw new Error(`stand-in has no commit ${sha}`);
    return commit;
  }

  /** The SHA of the commit's tree: equal for commits holding the same changes. */
  tree(sha: string): string {
    return sha1([...this.get(sha).changes].sort().join('\n'));
  }

  /** The commit and every commit reachable through its parents. */
  ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length) {
      const next = queue.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...this.get(next).parents);
    }
    return seen;
  }

  /**
   * `base...head` as GitHub compares it: the commits reachable from head but not from base
   * (`ahead`, oldest first), those reachable from base but not from head (`behind`), and the
   * newest common ancestor.
   */
  compare(
    base: string,
    head: string,
  ): { ahead: string[]; behind: string[]; mergeBase?: string } {
    const fromBase = this.ancestors(base);
    const fromHead = this.ancestors(head);
    const bySeq = (a: string, b: string) => this.get(a).seq - this.get(b).seq;
    const ahead = [...fromHead].filter(sha => !fromBase.has(sha)).sort(bySeq);
    const behind = [...fromBase].filter(sha => !fromHead.has(sha)).sort(bySeq);
    const common = [...fromHead].filter(sha => fromBase.has(sha)).sort(bySeq);
    return { ahead, behind, mergeBase: common.at(-1) };
  }
}
