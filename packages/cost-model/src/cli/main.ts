import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkBudget } from '../checkBudget';
import { estimateMonthlyCost } from '../estimate/estimateMonthlyCost';
import { formatEstimate } from './formatEstimate';
import { USAGE, UsageError, parseArgs } from './parseArgs';

/**
 * Where the command reads and writes.
 *
 * @internal
 */
export interface CliIo {
  /** Folder relative template paths start from. */
  readonly cwd: string;
  /** Reads a file, or standard input for `-`. */
  readonly readFile: (path: string) => string;
  /** Prints to standard output. */
  readonly stdout: (text: string) => void;
  /** Prints to standard error. */
  readonly stderr: (text: string) => void;
}

/**
 * The process's own I/O; paths relative to where `yarn` was invoked.
 *
 * @internal
 */
export const processIo: CliIo = {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  readFile: path => readFileSync(path === '-' ? 0 : path, 'utf8'),
  stdout: text => process.stdout.write(`${text}\n`),
  stderr: text => process.stderr.write(`${text}\n`),
};

/**
 * Runs `stageline-cost` and returns the exit code: 0 done, 1 the template could not be read or
 * estimated, 2 bad arguments (the message names the flag, then the usage).
 *
 * @internal
 */
export function runCli(argv: readonly string[], io: CliIo = processIo): number {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`stageline-cost: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    const path =
      options.templatePath === '-'
        ? '-'
        : resolve(io.cwd, options.templatePath);
    const estimate = estimateMonthlyCost(io.readFile(path), {
      region: options.region,
      currency: options.currency,
      exchangeRate: options.exchangeRate,
      schedule: options.schedule,
    });
    const budget =
      options.budget === undefined
        ? undefined
        : checkBudget(estimate, { monthly: options.budget });
    io.stdout(
      options.json
        ? JSON.stringify(budget ? { ...estimate, budget } : estimate, null, 2)
        : formatEstimate(estimate, budget),
    );
    return 0;
  } catch (error) {
    io.stderr(`stageline-cost: ${(error as Error).message}`);
    return 1;
  }
}
