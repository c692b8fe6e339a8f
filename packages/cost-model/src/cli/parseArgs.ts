import { COMMERCIAL_REGIONS } from '../prices/regions';
import { runningHoursPerMonth } from '../schedule/runningHours';
import { Currency, ShutdownSchedule } from '../types';

/**
 * Usage text of the `stageline-cost` command.
 *
 * @internal
 */
export const USAGE = `Usage: stageline-cost <template> [--region <region>] [options]

Estimates the monthly cost of a CloudFormation template (JSON or YAML; "-" reads stdin).

Options:
  --region <region>     any commercial AWS region (default: AWS_REGION, AWS_DEFAULT_REGION,
                        then the one region the template's ARNs or endpoints name); offline
                        prices cover us-east-1, us-east-2, us-west-2, eu-west-1, eu-west-2,
                        eu-central-1
  --parameters <p>      template parameter values: Key=Value,Key2=Value2 or a JSON file
                        ([{"ParameterKey": "K", "ParameterValue": "V"}] or {"K": "V"})
  --pricing-api         price what the bundled table lacks from the AWS Price List Query API
                        (needs AWS credentials, e.g. AWS_PROFILE)
  --currency <code>     USD (default) or GBP
  --rate <number>       £ per $ for GBP (default 0.76)
  --schedule <cron>     shutdown cron in UTC, e.g. "0 18 * * 1-5"
  --startup <cron>      startup cron in UTC (default "0 8 * * 1-5" with --schedule)
  --budget <amount>     monthly budget in the chosen currency: adds a budget check
  --json                print the estimate object as JSON
  -h, --help            show this text`;

/**
 * A command line that cannot be run; `flag` names the culprit.
 *
 * @internal
 */
export class UsageError extends Error {
  constructor(readonly flag: string, message: string) {
    super(message);
  }
}

/**
 * What the command line asks for.
 *
 * @internal
 */
export interface CliOptions {
  readonly help: boolean;
  readonly templatePath: string;
  /** Undefined when not given: the command takes it from the environment or the template. */
  readonly region?: string;
  /** `--parameters` as given: `K=V,...` or a path to a JSON file. */
  readonly parameters?: string;
  readonly pricingApi: boolean;
  readonly currency: Currency;
  readonly exchangeRate?: number;
  readonly schedule?: ShutdownSchedule;
  readonly budget?: number;
  readonly json: boolean;
}

const VALUE_FLAGS = [
  '--region',
  '--currency',
  '--rate',
  '--schedule',
  '--startup',
  '--budget',
  '--parameters',
];

function positiveNumber(flag: string, value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0) {
    throw new UsageError(
      flag,
      `Invalid ${flag} ${JSON.stringify(value)}: expected a positive number`,
    );
  }
  return number;
}

function readFlags(argv: readonly string[]) {
  const values: Record<string, string> = {};
  const positional: string[] = [];
  let json = false;
  let help = false;
  let pricingApi = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--json') json = true;
    else if (argument === '--pricing-api') pricingApi = true;
    else if (argument === '--help' || argument === '-h') help = true;
    else if (argument.startsWith('-') && argument !== '-') {
      const [flag, inline] = argument.split(/=(.*)/s, 2);
      if (!VALUE_FLAGS.includes(flag))
        throw new UsageError(flag, `Unknown flag ${flag}`);
      const value = inline ?? argv[++index];
      if (
        value === undefined ||
        (inline === undefined && value.startsWith('--'))
      ) {
        throw new UsageError(flag, `${flag} needs a value`);
      }
      values[flag] = value;
    } else positional.push(argument);
  }
  return { values, positional, json, help, pricingApi };
}

/**
 * Reads the `stageline-cost` arguments (without `node` and the script).
 *
 * @throws UsageError naming the bad or missing flag
 * @internal
 */
export function parseArgs(argv: readonly string[]): CliOptions {
  const { values, positional, json, help, pricingApi } = readFlags(argv);
  if (help) {
    return { help, json, pricingApi, templatePath: '', currency: 'USD' };
  }
  if (positional.length !== 1) {
    throw new UsageError(
      '<template>',
      positional.length === 0
        ? 'Missing <template>'
        : `Expected one <template>, got ${positional.join(' ')}`,
    );
  }
  const region = values['--region'];
  if (
    region !== undefined &&
    !(COMMERCIAL_REGIONS as readonly string[]).includes(region)
  ) {
    throw new UsageError(
      '--region',
      `Invalid --region ${JSON.stringify(
        region,
      )}: expected a commercial AWS region such as us-east-1 or eu-west-2`,
    );
  }
  const currency = (values['--currency'] ?? 'USD').toUpperCase();
  if (currency !== 'USD' && currency !== 'GBP') {
    throw new UsageError(
      '--currency',
      `Invalid --currency ${JSON.stringify(
        values['--currency'],
      )}: expected USD or GBP`,
    );
  }
  if (values['--startup'] !== undefined && values['--schedule'] === undefined) {
    throw new UsageError(
      '--startup',
      '--startup needs --schedule (the shutdown cron)',
    );
  }
  let schedule: ShutdownSchedule | undefined;
  if (values['--schedule'] !== undefined) {
    schedule = { shutdown: values['--schedule'], startup: values['--startup'] };
    try {
      runningHoursPerMonth(schedule);
    } catch (error) {
      const flag = /schedule\.startup/.test((error as Error).message)
        ? '--startup'
        : '--schedule';
      throw new UsageError(
        flag,
        `Invalid ${flag}: ${(error as Error).message}`,
      );
    }
  }
  return {
    help,
    json,
    pricingApi,
    templatePath: positional[0],
    region,
    parameters: values['--parameters'],
    currency,
    exchangeRate:
      values['--rate'] === undefined
        ? undefined
        : positiveNumber('--rate', values['--rate']),
    schedule,
    budget:
      values['--budget'] === undefined
        ? undefined
        : positiveNumber('--budget', values['--budget']),
  };
}
