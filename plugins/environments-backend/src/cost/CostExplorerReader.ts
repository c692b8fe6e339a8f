import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
} from '@aws-sdk/client-cost-explorer';
import type { AwsAccess } from '@stageline/plugin-environments-node';
import {
  ForecastUnavailable,
  forecastUnavailable,
} from './forecastUnavailable';

/** Cost Explorer is a global service answered from us-east-1. */
const COST_EXPLORER_REGION = 'us-east-1';
/** Tag CloudFormation puts on every resource of a stack. */
const STACK_NAME_TAG = 'aws:cloudformation:stack-name';

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Month-to-date cost and month-end forecast of one stack, in USD. */
export interface StackActuals {
  monthToDateUsd: number;
  forecastUsd?: number;
  /** Why there is no forecast, when Cost Explorer was asked for one and gave none. */
  forecastUnavailable?: ForecastUnavailable;
  asOf: string;
}

/**
 * Reads what a stack actually cost this month from Cost Explorer, filtered by the
 * `aws:cloudformation:stack-name` tag (activate it as a cost allocation tag in the billing
 * console, or Cost Explorer reports nothing).
 */
export class CostExplorerReader {
  /** One client per account (credentials differ by account), built on first use. */
  readonly #clients = new Map<string, Promise<CostExplorerClient>>();

  constructor(private readonly aws: AwsAccess) {}

  #client(accountId: string | undefined): Promise<CostExplorerClient> {
    const key = accountId ?? '';
    let client = this.#clients.get(key);
    if (!client) {
      client = this.aws
        .clientConfig({ accountId, region: COST_EXPLORER_REGION })
        .then(config => new CostExplorerClient(config));
      client.catch(() => this.#clients.delete(key));
      this.#clients.set(key, client);
    }
    return client;
  }

  async read(
    stack: { stackName: string; accountId?: string },
    options: { signal?: AbortSignal; now?: Date } = {},
  ): Promise<StackActuals> {
    const now = options.now ?? new Date();
    const monthStart = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1),
    );
    const nextMonth = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1),
    );
    const tomorrow = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1),
    );
    const client = await this.#client(stack.accountId);
    const filter = { Tags: { Key: STACK_NAME_TAG, Values: [stack.stackName] } };
    const send = { abortSignal: options.signal };
    const usage = await client.send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: day(monthStart), End: day(tomorrow) },
        Granularity: 'MONTHLY',
        Metrics: ['UnblendedCost'],
        Filter: filter,
      }),
      send,
    );
    const monthToDateUsd = (usage.ResultsByTime ?? []).reduce(
      (sum, r) => sum + Number(r.Total?.UnblendedCost?.Amount ?? 0),
      0,
    );
    const actuals: StackActuals = { monthToDateUsd, asOf: now.toISOString() };
    if (tomorrow < nextMonth) {
      const period = { start: day(tomorrow), end: day(nextMonth) };
      try {
        const forecast = await client.send(
          new GetCostForecastCommand({
            TimePeriod: { Start: period.start, End: period.end },
            Granularity: 'MONTHLY',
            Metric: 'UNBLENDED_COST',
            Filter: filter,
          }),
          send,
        );
        if (forecast.Total?.Amount !== undefined) {
          actuals.forecastUsd = monthToDateUsd + Number(forecast.Total.Amount);
        }
      } catch (error) {
        if (options.signal?.aborted) throw error;
        actuals.forecastUnavailable = forecastUnavailable(error, period);
      }
    }
    return actuals;
  }
}
