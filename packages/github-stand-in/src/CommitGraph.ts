import { createHash } from 'node:crypto';

/** A file of a tree: its mode (`100644`, `100755`, `120000`) and blob SHA. */
export interface StandInFile {
  mode: string;
  sha: string;
}

/** A tree: the changes it holds and its files by path. */
export interface StandInTree {
  changes: ReadonlySet<string>;
  files: ReadonlyMap<string, StandInFile>;
}

/** One commit: its parents, its message and the content it holds. */
export interface StandInCommit {
  sha: string;
  parents: string[];
  message: string;
  author: string;
  date: string;
  /** The changes the commit's tree holds; two commits with the same changes share a tree. */
  changes: ReadonlySet<string>;
  /** The files of its tree by path (from the Git database or seeds: a change holds none). */
  files: ReadonlyMap<string, StandInFile>;
  /** The SHA of its tree. */
  tree: string;
  /** Creation order, for chronological listings. */
  seq: number;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * The commits of a repository as a graph: ancestry (what a comparison lists), merge commits
 * with two parents, and trees modelled as the set of changes a commit holds, so a squash merge
 * holds the same tree as the branch it squashed while sharing none of its commits. Trees also
 * hold files (blobs stored by their Git SHA), which merges combine three-way as Git does.
 */
export class CommitGraph {
  readonly #commits = new Map<string, StandInCommit>();
  readonly #trees = new Map<string, StandInTree>();
  readonly #blobs = new Map<string, Buffer>();
  #seq = 0;

  constructor(private readonly seed: string) {}

  /**
   * Adds a commit on top of `parents` holding their changes plus `added`, and `files` (default:
   * the parents' files merged); returns its SHA.
   */
  add(options: {
    parents: string[];
    added: string[];
    message: string;
    author?: string;
    date?: string;
    files?: ReadonlyMap<string, StandInFile>;
  }): string {
    const changes = new Set<string>(options.added);
    for (const parent of options.parents) {
      for (const change of this.get(parent).changes) changes.add(change);
    }
    const [first, ...others] = options.parents;
    let files = first ? this.get(first).files : new Map<string, StandInFile>();
    for (const other of others) files = this.mergeFiles(first, other);
    const seq = this.#seq + 1;
    return this.#store(sha1(`${this.seed}:${seq}:${options.message}`), {
      ...options,
      tree: this.storeTree({ changes, files: options.files ?? files }),
    });
  }

  /**
   * Adds a commit as `POST /git/commits` does: exactly the stored `tree` on top of `parents`,
   * addressed by its content as Git does (the same commit made twice is one commit).
   */
  addWithTree(options: {
    tree: string;
    parents: string[];
    message: string;
    author: string;
    date: string;
  }): string {
    const { tree, parents, author, date, message } = options;
    const text = [
      `tree ${tree}`,
      ...parents.map(parent => `parent ${parent}`),
      `author ${author} ${date}`,
      '',
      message,
    ].join('\n');
    const sha = sha1(`commit ${Buffer.byteLength(text)}\0${text}`);
    return this.#commits.has(sha) ? sha : this.#store(sha, options);
  }

  #store(
    sha: string,
    fields: Pick<StandInCommit, 'parents' | 'message' | 'tree'> &
      Partial<Pick<StandInCommit, 'author' | 'date'>>,
  ): string {
    const seq = ++this.#seq;
    const { changes, files } = this.#trees.get(fields.tree)!;
    this.#commits.set(sha, {
      sha,
      parents: fields.parents,
      message: fields.message,
      author: fields.author ?? 'developer',
      date:
        fields.date ??
        new Date(Date.UTC(2026, 0, 5, 10, 0, seq))
          .toISOString()
          .replace('.000Z', 'Z'),
      changes,
      files,
      tree: fields.tree,
      seq,
    });
    return sha;
  }

  /** Stores a blob; returns its Git SHA (`blob <size>\0<content>`). */
  storeBlob(content: Buffer): string {
    const sha = createHash('sha1')
      .update(`blob ${content.length}\0`)
      .update(content)
      .digest('hex');
    this.#blobs.set(sha, content);
    return sha;
  }

  blob(sha: string): Buffer | undefined {
    return this.#blobs.get(sha);
  }

  /** Stores a tree; returns its SHA, the same for the same changes and files. */
  storeTree(tree: StandInTree): string {
    const changes = [...tree.changes].sort().join('\n');
    const files = [...tree.files]
      .map(([path, file]) => `${file.mode} ${path} ${file.sha}`)
      .sort();
    const sha = files.length
      ? sha1(`${changes}\n${files.join('\n')}`)
      : sha1(changes);
    this.#trees.set(sha, tree);
    return sha;
  }

  treeOf(sha: string): StandInTree | undefined {
    return this.#trees.get(sha);
  }

  /**
   * The files of `ours` with what `theirs` changed since `base` (default: their merge base),
   * as a Git merge without conflicts gives them.
   */
  mergeFiles(
    ours: string,
    theirs: string,
    base = this.compare(ours, theirs).mergeBase,
  ): Map<string, StandInFile> {
    const merged = new Map(this.get(ours).files);
    const their = this.get(theirs).files;
    const before = base ? this.get(base).files : new Map<string, StandInFile>();
    for (const path of new Set([...their.keys(), ...before.keys()])) {
      const now = their.get(path);
      if (
        now?.sha === before.get(path)?.sha &&
        now?.mode === before.get(path)?.mode
      )
        continue;
      if (now) merged.set(path, now);
      else merged.delete(path);
    }
    return merged;
  }

  has(sha: string): boolean {
    return this.#commits.has(sha);
  }

  get(sha: string): StandInCommit {
    const commit = this.#commits.get(sha);
    if (!commit) throw new Error(`stand-in has no commit ${sha}`);
    return commit;
  }

  /** The SHA of the commit's tree: equal for commits holding the same changes and files. */
  tree(sha: string): string {
    return this.get(sha).tree;
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

/** `files` with `writes` applied: path → UTF-8 content stored as a blob, or null to delete. */
export function withWrites(
  graph: CommitGraph,
  files: ReadonlyMap<string, StandInFile>,
  writes: Record<string, string | null>,
): Map<string, StandInFile> {
  const result = new Map(files);
  for (const [path, content] of Object.entries(writes)) {
    if (content === null) result.delete(path);
    else {
      result.set(path, {
        mode: '100644',
        sha: graph.storeBlob(Buffer.from(content)),
      });
    }
  }
  return result;
}
