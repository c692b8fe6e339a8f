import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { redactSecrets } from '../providers/sections';
import type { CdkAppCommand } from './cdkAppCommand';

/** How much of the app's output a failure message quotes. */
const TAIL_LINES = 10;

/**
 * The environment of the app process: the variables a CDK app reads and nothing of the
 * backend's own — no AWS credentials, tokens, database passwords or config secrets. `HOME` is an
 * empty folder of its own, so neither `~/.aws` nor `~/.npmrc` of the backend is read either.
 *
 * @public
 */
export function cdkAppEnvironment(options: {
  outdir: string;
  home: string;
  variables: Record<string, string | undefined>;
}): Record<string, string> {
  const nodeBin = path.dirname(process.execPath);
  const entries = {
    PATH: [nodeBin, process.env.PATH].filter(Boolean).join(path.delimiter),
    HOME: options.home,
    TMPDIR: os.tmpdir(),
    LANG: process.env.LANG ?? 'C.UTF-8',
    CI: 'true',
    CDK_OUTDIR: options.outdir,
    ...options.variables,
  };
  return Object.fromEntries(
    Object.entries(entries).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
}

/**
 * Synthesizes a CDK app into `outdir` as a child process: run in its folder without a shell,
 * with {@link cdkAppEnvironment}, its output in the task log (redacted), stopped with its
 * children after `timeoutMs` or when the task is cancelled.
 *
 * @throws Error with the exit code and the last lines of output when the app fails, when it
 *   runs out of time, or when it writes no cloud assembly
 *
 * @public
 */
export async function runCdkApp(options: {
  app: CdkAppCommand;
  /** For messages: the folder as the Environment names it. */
  appPath: string;
  outdir: string;
  variables: Record<string, string | undefined>;
  timeoutMs: number;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<void> {
  const { app, appPath, outdir, logger } = options;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'stageline-cdk-home-'));
  const tail: string[] = [];
  const onOutput = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (!line.trim()) continue;
      const redacted = redactSecrets(line);
      logger.info(`  ${redacted}`);
      tail.push(redacted);
      if (tail.length > TAIL_LINES) tail.shift();
    }
  };
  try {
    fs.mkdirSync(outdir, { recursive: true });
    logger.info(`Synthesizing the CDK app in ${appPath}: ${app.command}`);
    const child = spawn(app.argv[0], app.argv.slice(1), {
      cwd: app.directory,
      env: cdkAppEnvironment({ outdir, home, variables: options.variables }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    let stoppedBecause: string | undefined;
    const timer = setTimeout(() => {
      stoppedBecause = `did not finish within ${Math.round(
        options.timeoutMs / 1000,
      )} s and was stopped`;
      stop();
    }, options.timeoutMs);
    const onAbort = () => {
      stoppedBecause = 'was stopped because the task was cancelled';
      stop();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const exit = await new Promise<{ code: number | null; error?: Error }>(
      resolve => {
        child.on('error', error => resolve({ code: null, error }));
        child.on('close', code => resolve({ code }));
      },
    );
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    const output = tail.length ? `; last output: ${tail.join(' | ')}` : '';
    if (stoppedBecause) {
      throw new Error(`The CDK app in ${appPath} ${stoppedBecause}${output}`);
    }
    if (exit.error) {
      throw new Error(
        `The CDK app in ${appPath} could not be started (${app.argv[0]}: ${exit.error.message})`,
      );
    }
    if (exit.code !== 0) {
      throw new Error(
        `The CDK app in ${appPath} failed (exit code ${exit.code})${output}`,
      );
    }
    if (!fs.existsSync(path.join(outdir, 'manifest.json'))) {
      throw new Error(
        `The CDK app in ${appPath} wrote no cloud assembly to CDK_OUTDIR: it must call app.synth()`,
      );
    }
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
