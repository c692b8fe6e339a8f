import { execFile } from 'node:child_process';

/** Longest a git command may run; reads of a local repository take milliseconds. */
const GIT_TIMEOUT_MS = 15_000;

/** Options of {@link runGit}. */
export interface RunGitOptions {
  signal?: AbortSignal;
  /** Exit codes that are answers rather than failures (e.g. 1 of `merge-base --is-ancestor`). */
  answers?: number[];
  /** Extra environment, e.g. the committer of a merge commit. */
  env?: Record<string, string>;
}

/**
 * Runs `git -C <repository> <args>` from an argument array (never through a shell) and returns
 * its exit code and output. Throws, naming the command and git's own message, when git fails
 * with an exit code not listed in `answers`, is missing, or runs out of time.
 */
export function runGit(
  repository: string,
  args: string[],
  options: RunGitOptions = {},
): Promise<{ exitCode: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-C', repository, ...args],
      {
        signal: options.signal,
        timeout: GIT_TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
        env: {
          ...process.env,
          ...options.env,
          // never wait for a password or an editor, and read git's messages in English
          GIT_TERMINAL_PROMPT: '0',
          GIT_EDITOR: 'true',
          LC_ALL: 'C',
        },
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ exitCode: 0, stdout });
          return;
        }
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'number' && options.answers?.includes(code)) {
          resolve({ exitCode: code, stdout });
          return;
        }
        reject(new Error(describeFailure(args, code, stderr, error)));
      },
    );
  });
}

function describeFailure(
  args: string[],
  code: unknown,
  stderr: string,
  error: Error & { killed?: boolean },
): string {
  const command = `git ${args[0]}`;
  if (code === 'ENOENT') {
    return `${command} failed: git is not installed (the local repository needs the git command line on the backend's PATH)`;
  }
  if (code === 'ABORT_ERR') return `${command} was stopped: ${error.message}`;
  if (error.killed) {
    return `${command} took longer than ${
      GIT_TIMEOUT_MS / 1000
    } s and was stopped`;
  }
  const said = stderr.trim().split('\n').filter(Boolean).pop();
  return `${command} failed${said ? `: ${said}` : ` with exit code ${code}`}`;
}
