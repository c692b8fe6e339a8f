import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** git isolated from the machine's configuration (no hooks, no signing), as a fixed person. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Ada Developer',
      GIT_AUTHOR_EMAIL: 'ada@example.com',
      GIT_COMMITTER_NAME: 'Ada Developer',
      GIT_COMMITTER_EMAIL: 'ada@example.com',
    },
  }).trim();
}

/**
 * A real git repository in a temporary directory: `origin` is bare (what a provider reads and
 * moves), `work` a clone in which a developer commits and pushes.
 */
export class TestGitRepositories {
  readonly root = mkdtempSync(join(tmpdir(), 'stageline-git-'));
  readonly origin = join(this.root, 'origin.git');
  readonly work = join(this.root, 'work');

  /** `main` with one commit, and `develop` from it. */
  constructor() {
    git(
      this.root,
      'init',
      '--quiet',
      '--bare',
      '--initial-branch=main',
      this.origin,
    );
    git(this.root, 'init', '--quiet', '--initial-branch=main', this.work);
    git(this.work, 'remote', 'add', 'origin', this.origin);
    writeFileSync(join(this.work, 'README.md'), '# macro-ai\n');
    git(this.work, 'add', 'README.md');
    git(this.work, 'commit', '--quiet', '-m', 'Initial commit');
    git(this.work, 'push', '--quiet', 'origin', 'main');
    this.branch('develop', 'main');
  }

  /** Creates `name` at `from` in origin. */
  branch(name: string, from: string): void {
    git(
      this.work,
      'push',
      '--quiet',
      'origin',
      `refs/remotes/origin/${from}:refs/heads/${name}`,
    );
    git(this.work, 'fetch', '--quiet', 'origin');
  }

  /** Commits `files` on `branch` and pushes; returns the new head. */
  commit(
    branch: string,
    message: string,
    files: Record<string, string> = {},
  ): string {
    git(this.work, 'fetch', '--quiet', 'origin');
    git(
      this.work,
      'switch',
      '--quiet',
      '--force-create',
      branch,
      `origin/${branch}`,
    );
    const names = Object.keys(files);
    for (const name of names) writeFileSync(join(this.work, name), files[name]);
    if (names.length) git(this.work, 'add', ...names);
    git(this.work, 'commit', '--quiet', '--allow-empty', '-m', message);
    git(this.work, 'push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`);
    return this.head(branch);
  }

  /** Where `branch` points in origin. */
  head(branch: string): string {
    return git(this.origin, 'rev-parse', `refs/heads/${branch}`);
  }

  /** Where `branch` points in the working clone. */
  workHead(branch: string): string {
    return git(this.work, 'rev-parse', `refs/heads/${branch}`);
  }

  /** The parents of a commit in origin. */
  parents(sha: string): string[] {
    return git(this.origin, 'rev-list', '--parents', '-n', '1', sha)
      .split(' ')
      .slice(1);
  }

  /** A file's content at a commit of origin. */
  show(sha: string, path: string): string {
    return git(this.origin, 'show', `${sha}:${path}`);
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
