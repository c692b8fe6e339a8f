import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { PendingCommit } from '@stageline/plugin-environments-common';
import { runGit } from './runGit';

/** Most pending commits listed (GitHub's compare lists at most 250 too). */
const MAX_LISTED_COMMITS = 250;
/** Separates the fields and the records of `git log --format`. */
const FIELD = '\x1f';
const RECORD = '\x1e';

/**
 * Who writes merge commits, and in whose name.
 *
 * @public
 */
export interface GitIdentity {
  name: string;
  email: string;
}

type Call = { signal?: AbortSignal };

/**
 * One git repository on the backend's disk, bare or with a working tree, read and written with
 * the git command line. Branch names come from the catalog, so each is checked with
 * `git check-ref-format` and passed only as `refs/heads/<name>`; nothing reaches a shell.
 */
export class LocalGitRepository {
  readonly #checkedBranches = new Set<string>();

  constructor(readonly path: string) {}

  /** Whether `path` holds a git repository (a bare one, or one with a `.git`). */
  exists(): boolean {
    return (
      existsSync(join(this.path, '.git')) ||
      (existsSync(join(this.path, 'HEAD')) &&
        existsSync(join(this.path, 'objects')))
    );
  }

  /** The commit a branch points at; NotFoundError when there is no such branch. */
  async head(branch: string, call: Call = {}): Promise<string> {
    const ref = await this.#ref(branch, call);
    const { exitCode, stdout } = await this.#git(
      ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`],
      { ...call, answers: [1] },
    );
    if (exitCode !== 0) {
      throw new NotFoundError(
        `branch ${branch} does not exist in the local repository ${this.path}`,
      );
    }
    return stdout.trim();
  }

  /** The commits `head` has and `base` lacks, newest first (at most 250), and how many. */
  async pending(
    baseSha: string,
    headSha: string,
    call: Call = {},
  ): Promise<{ aheadBy: number; commits: PendingCommit[] }> {
    const range = `${baseSha}..${headSha}`;
    const [count, log] = await Promise.all([
      this.#git(['rev-list', '--count', range], call),
      this.#git(
        [
          'log',
          `--max-count=${MAX_LISTED_COMMITS}`,
          `--format=%H${FIELD}%an${FIELD}%aI${FIELD}%s${RECORD}`,
          range,
        ],
        call,
      ),
    ]);
    const commits = log.stdout
      .split(RECORD)
      .map(record => record.trim())
      .filter(Boolean)
      .map(record => {
        const [sha, author, date, message] = record.split(FIELD);
        return { sha, message, author, date };
      });
    return { aheadBy: Number(count.stdout.trim()), commits };
  }

  /** Whether commit `ancestor` is `descendant` or one of its ancestors. */
  async isAncestor(
    ancestor: string,
    descendant: string,
    call: Call = {},
  ): Promise<boolean> {
    const { exitCode } = await this.#git(
      ['merge-base', '--is-ancestor', ancestor, descendant],
      { ...call, answers: [1] },
    );
    return exitCode === 0;
  }

  /** The branch HEAD names: the default branch of a bare repository. */
  async headBranch(call: Call = {}): Promise<string> {
    const { exitCode, stdout } = await this.#git(
      ['symbolic-ref', '--quiet', '--short', 'HEAD'],
      { ...call, answers: [1] },
    );
    if (exitCode !== 0) {
      throw new ConflictError(
        `HEAD of the local repository ${this.path} names no branch (it is detached)`,
      );
    }
    return stdout.trim();
  }

  /** The branch checked out in the working tree; undefined for a bare repository. */
  async checkedOutBranch(call: Call = {}): Promise<string | undefined> {
    const { stdout } = await this.#git(
      ['rev-parse', '--is-bare-repository'],
      call,
    );
    if (stdout.trim() === 'true') return undefined;
    return this.headBranch(call).catch(() => undefined);
  }

  /**
   * Merges `theirs` into `ours` without a working tree: the tree of the merge, or the paths
   * that conflict.
   */
  async mergeTree(
    ours: string,
    theirs: string,
    call: Call = {},
  ): Promise<{ tree: string } | { conflicts: string[] }> {
    const { exitCode, stdout } = await this.#git(
      [
        'merge-tree',
        '--write-tree',
        '--name-only',
        '--no-messages',
        ours,
        theirs,
      ],
      { ...call, answers: [1] },
    );
    const [tree, ...paths] = stdout.trim().split('\n');
    return exitCode === 0
      ? { tree }
      : { conflicts: [...new Set(paths.filter(Boolean))] };
  }

  /** Writes a commit of `tree` with `parents`; returns its sha. */
  async commitTree(
    tree: string,
    parents: string[],
    message: string,
    identity: GitIdentity,
    call: Call = {},
  ): Promise<string> {
    const { stdout } = await this.#git(
      [
        'commit-tree',
        '--no-gpg-sign',
        ...parents.flatMap(parent => ['-p', parent]),
        '-m',
        message,
        tree,
      ],
      {
        ...call,
        env: {
          GIT_AUTHOR_NAME: identity.name,
          GIT_AUTHOR_EMAIL: identity.email,
          GIT_COMMITTER_NAME: identity.name,
          GIT_COMMITTER_EMAIL: identity.email,
        },
      },
    );
    return stdout.trim();
  }

  /**
   * Points `branch` at `to`, only if it still points at `from` (so a push in between is never
   * lost); ConflictError when it moved.
   */
  async moveBranch(
    branch: string,
    to: string,
    from: string,
    reason: string,
    call: Call = {},
  ): Promise<void> {
    const ref = await this.#ref(branch, call);
    try {
      await this.#git(['update-ref', '-m', reason, ref, to, from], call);
    } catch (error) {
      const now = await this.head(branch, call).catch(() => undefined);
      if (now !== from) {
        throw new ConflictError(
          `${branch} moved while it was being promoted (now at ${now?.slice(
            0,
            7,
          )}): nothing was changed, try again`,
        );
      }
      throw error;
    }
  }

  /** `refs/heads/<branch>` once git agrees it is a valid branch name. */
  async #ref(branch: string, call: Call): Promise<string> {
    const ref = `refs/heads/${branch}`;
    if (this.#checkedBranches.has(branch)) return ref;
    const { exitCode } = await this.#git(['check-ref-format', ref], {
      ...call,
      answers: [1],
    });
    if (exitCode !== 0 || branch.startsWith('-')) {
      throw new InputError(
        `spec.branch must be a git branch name; got ${JSON.stringify(branch)}`,
      );
    }
    this.#checkedBranches.add(branch);
    return ref;
  }

  #git(
    args: string[],
    options: Call & { answers?: number[]; env?: Record<string, string> },
  ) {
    return runGit(this.path, args, options);
  }
}
