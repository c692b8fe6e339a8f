import type {
  BudgetCurrency,
  CostSection,
  EnvironmentEntity,
  EnvironmentScale,
} from '@stageline/plugin-environments-common';
import type { CacheService } from '@backstage/backend-plugin-api';
import {
  AwsAccess,
  EnvironmentCostProvider,
  ProviderCallOptions,
  errorSection,
  stackOf,
  toSectionError,
} from '@stageline/plugin-environments-node';
import { CachedComputation } from '../status/CachedComputation';
import { withTimeout } from '../status/withTimeout';
import type { CostEstimate, CostEstimator } from './CostEstimator';
import { CostExplorerReader, StackActuals } from './CostExplorerReader';
import { appNameOf } from './appNameOf';
import { budgetState } from './budgetState';

/** Settings of {@link DefaultCostProvider}. */
export interface DefaultCostProviderOptions {
  estimator: CostEstimator;
  aws: AwsAccess;
  cache: CacheService;
  /** Currency for environments without a budget. */
  currency: BudgetCurrency;
  /** USD → GBP rate for Cost Explorer actuals (which are in USD). */
  usdToGbp: number;
  estimateTtlMs: number;
  actualsTtlMs: number;
  /**
   * Longest wait for Cost Explorer, shorter than the cost section's own timeout so that a slow
   * Cost Explorer costs the actuals only, never the estimate.
   */
  actualsTimeoutMs: number;
  nearBudgetRatio: number;
}

const SYMBOLS: Record<BudgetCurrency, string> = { GBP: '£', USD: '$' };
/** How long actuals whose forecast failed are kept before Cost Explorer is asked again. */
const FORECAST_ERROR_TTL_MS = 5 * 60_000;
const money = (amount: number, currency: BudgetCurrency) =>
  `${SYMBOLS[currency]}${amount.toFixed(2)}`;

/**
 * Cost of an environment: the offline estimate of its stack at its stage × scale (or a what-if
 * scale), net of the shutdown schedule, month-to-date actuals and forecast from Cost Explorer
 * where AWS is configured, and the verdict against the budget (on the forecast when there is
 * one, else the estimate).
 */
export class DefaultCostProvider implements EnvironmentCostProvider {
  readonly #estimates: CachedComputation<CostEstimate>;
  readonly #actuals: CachedComputation<StackActuals>;
  readonly #costExplorer: CostExplorerReader;
  /** Synthesis is CPU-bound (~1 s): one at a time, each after pending I/O has had its turn. */
  #synthesisQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: DefaultCostProviderOptions) {
    this.#estimates = new CachedComputation(
      options.cache,
      options.estimateTtlMs,
    );
    // A forecast error (throttling, a permission being fixed) is read again within minutes.
    this.#actuals = new CachedComputation(options.cache, actuals =>
      actuals.forecastUnavailable?.kind === 'error'
        ? Math.min(options.actualsTtlMs, FORECAST_ERROR_TTL_MS)
        : options.actualsTtlMs,
    );
    this.#costExplorer = new CostExplorerReader(options.aws);
  }

  #queued<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#synthesisQueue.then(afterPendingIo).then(work);
    this.#synthesisQueue = run.catch(() => undefined);
    return run;
  }

  /** Actuals from the cache or Cost Explorer; undefined when Cost Explorer is too slow. */
  #readActuals(
    stack: { stackName: string; accountId?: string },
    sectionSignal: AbortSignal | undefined,
  ): Promise<StackActuals | undefined> {
    return withTimeout<StackActuals | undefined>(
      signal =>
        this.#actuals.get(
          `cost:actuals:${stack.accountId ?? ''}:${stack.stackName}`,
          () =>
            this.#costExplorer.read(stack, {
              signal: sectionSignal
                ? AbortSignal.any([signal, sectionSignal])
                : signal,
            }),
        ),
      this.options.actualsTimeoutMs,
      () => undefined,
    );
  }

  async getCost(
    environment: EnvironmentEntity,
    options: ProviderCallOptions & { scale?: EnvironmentScale } = {},
  ): Promise<CostSection> {
    const scale = options.scale ?? environment.spec.scale;
    const budget = environment.spec.budget;
    const currency = budget?.currency ?? this.options.currency;
    const fields: CostSection = {
      status: 'ok',
      currency,
      scale,
      budget: budget
        ? { monthly: budget.monthly, currency: budget.currency }
        : undefined,
      budgetState: 'unknown',
    };
    const stack = stackOf(environment);
    const input = {
      appName: appNameOf(environment),
      stage: environment.spec.type,
      scale,
      region: stack?.region ?? 'us-east-1',
      accountId: stack?.accountId,
      previewId:
        environment.spec.type === 'preview'
          ? previewIdOf(environment)
          : undefined,
      currency,
      schedule: environment.spec.schedule,
    };
    let estimate: CostEstimate;
    try {
      const key = `cost:estimate:${JSON.stringify(input)}`;
      estimate = await this.#estimates.get(key, () =>
        this.#queued(() => this.options.estimator.estimate(input)),
      );
    } catch (error) {
      return errorSection(
        `Could not estimate ${input.appName} at ${input.stage} × ${scale}`,
        error,
        fields,
      );
    }
    const notes: string[] = [];
    let actual: CostSection['actual'];
    const aws = this.options.aws.getConfiguration();
    if (!stack) {
      notes.push('No actual cost: no spec.deployment.stackName');
    } else if (!aws.configured) {
      notes.push(
        'No actual cost until AWS is configured (see the deployment section)',
      );
    } else {
      try {
        const read = await this.#readActuals(stack, options.signal);
        if (read) {
          const rate = currency === 'USD' ? 1 : this.options.usdToGbp;
          actual = {
            monthToDate: round(read.monthToDateUsd * rate),
            forecast:
              read.forecastUsd === undefined
                ? undefined
                : round(read.forecastUsd * rate),
            forecastUnavailable: read.forecastUnavailable,
            asOf: read.asOf,
          };
          if (read.forecastUnavailable?.kind === 'error') {
            notes.push(
              `Forecast unavailable: ${read.forecastUnavailable.message}`,
            );
          }
        } else {
          notes.push(
            `Actual cost unavailable: Cost Explorer did not answer within ${this.options.actualsTimeoutMs} ms`,
          );
        }
      } catch (error) {
        notes.push(`Actual cost unavailable: ${toSectionError(error).message}`);
      }
    }
    const basis = actual?.forecast ?? estimate.monthly;
    const state = budgetState(
      basis,
      budget?.monthly,
      this.options.nearBudgetRatio,
    );
    const summary = [
      `Estimated ${money(estimate.monthly, currency)}/month at ${scale} scale`,
      budget
        ? `against a ${money(
            budget.monthly,
            budget.currency,
          )} budget (${state})`
        : 'with no budget set',
    ].join(' ');
    let forecastText = '';
    if (actual?.forecast !== undefined) {
      forecastText = `, forecast ${money(actual.forecast, currency)}`;
    } else if (actual?.forecastUnavailable?.kind === 'no-data') {
      forecastText = `, ${actual.forecastUnavailable.message}`;
    }
    const actualText = actual
      ? `month to date ${money(actual.monthToDate, currency)}${forecastText}`
      : undefined;
    return {
      ...fields,
      status: 'ok',
      message: [summary, actualText, ...notes].filter(Boolean).join('. '),
      budgetState: state,
      estimate: {
        monthly: estimate.monthly,
        lines: estimate.lines,
        unpriced: estimate.unpriced,
        assumptions: estimate.assumptions,
      },
      scheduleSaving: estimate.scheduleSaving,
      actual,
    };
  }
}

function afterPendingIo(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function previewIdOf(environment: EnvironmentEntity): string | undefined {
  const fromAnnotation =
    environment.metadata.annotations?.['stageline.dev/pull-request'];
  return fromAnnotation ?? /pr-?(\d+)/i.exec(environment.metadata.name)?.[1];
}
