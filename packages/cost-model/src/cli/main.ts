import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkBudget } from '../checkBudget';
import { estimateMonthlyCost } from '../estimate/estimateMonthlyCost';
import { estimateWithPriceListApi } from '../estimate/estimateWithPriceListApi';
import { awsGetProducts } from '../prices/awsPricingClient';
import { GetProductsPage } from '../prices/priceListApi';
import { CostEstimate, EstimateOptions } from '../types';
import { defaultRegion } from './defaultRegion';
import { formatEstimate } from './formatEstimate';
import { USAGE, UsageError, parseArgs } from './parseArgs';
import { readParameters } from './readParameters';

/**
 * Where the command reads and writes.
 *
 * @public
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
  /** Environment variables (`AWS_REGION`, `AWS_DEFAULT_REGION`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The Price List API for `--pricing-api`; the AWS SDK client when absent. */
  readonly getProducts?: () => GetProductsPage;
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
  env: process.env,
  getProducts: () => awsGetProducts(),
};

function usageError(io: CliIo, error: UsageError): number {
  io.stderr(`stageline-cost: ${error.message}\n\n${USAGE}`);
  return 2;
}

/**
 * Runs `stageline-cost` and resolves to the exit code: 0 done (unpriced resources included),
 * 1 the template could not be read or estimated, 2 bad arguments (the message names the flag,
 * then the usage). The `stageline-cost` bin calls it.
 *
 * @public
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = processIo,
): Promise<number> {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageError(io, error);
  }
  if (options.help) {
    io.stdout(USAGE);
    return 0;
  }
  let text: string;
  let parameters: Record<string, string> | undefined;
  const read = (path: string) =>
    io.readFile(path === '-' ? '-' : resolve(io.cwd, path));
  try {
    text = read(options.templatePath);
  } catch (error) {
    io.stderr(`stageline-cost: ${(error as Error).message}`);
    return 1;
  }
  try {
    parameters =
      options.parameters === undefined
        ? undefined
        : readParameters(options.parameters, read);
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, error);
    io.stderr(`stageline-cost: --parameters: ${(error as Error).message}`);
    return 2;
  }
  let region = options.region;
  if (region === undefined) {
    const found = defaultRegion(io.env ?? {}, text);
    if (!found) {
      return usageError(
        io,
        new UsageError(
          '--region',
          'Missing --region: no AWS_REGION or AWS_DEFAULT_REGION is set and the template names no single region',
        ),
      );
    }
    region = found.region;
    io.stderr(`stageline-cost: region ${region} (from ${found.from})`);
  }
  try {
    const estimateOptions: EstimateOptions = {
      region,
      currency: options.currency,
      exchangeRate: options.exchangeRate,
      schedule: options.schedule,
      parameters,
    };
    const estimate: CostEstimate =
      options.pricingApi && io.getProducts
        ? await estimateWithPriceListApi(
            text,
            estimateOptions,
            io.getProducts(),
          )
        : estimateMonthlyCost(text, estimateOptions);
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
