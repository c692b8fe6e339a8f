import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import {
  ANNOTATION_PULL_REQUEST,
  type BudgetCurrency,
  type CostSection,
  type CostTemplateBasis,
  type EnvironmentEntity,
  type EnvironmentScale,
  formatMoney,
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
import type { StackReader } from '../aws/StackReader';
import type {
  CostEstimate,
  CostEstimateInput,
  CostEstimator,
  TemplatePricingInput,
} from './CostEstimator';
import { readDeployedTemplate } from './deployedTemplate';
import { CostExplorerReader, StackActuals } from './CostExplorerReader';
import { appNameOf } from './appNameOf';
import { sharedEstimateInput } from './sharedEstimateInput';
import { budgetState } from './budgetState';

/** Settings of {@link DefaultCostProvider}. */
export interface DefaultCostProviderOptions {
  estimator: CostEstimator;
  aws: AwsAccess;
  /** Reads the deployed template, which is priced where there is one. */
  stacks: StackReader;
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

/** How long actuals whose forecast failed are kept before Cost Explorer is asked again. */
const FORECAST_ERROR_TTL_MS = 5 * 60_000;

/**
 * Cost of an environment: the offline estimate of the template its stack runs — the deployed one
 * (`GetTemplate`, with the stack's parameter values) where AWS can read it, Stageline's reference
 * profile for its stage × scale for a stack not deployed yet or without AWS, and the profile at
 * another scale for a what-if, compared with the profile at its own — net of the shutdown
 * schedule; month-to-date actuals and forecast from Cost Explorer where AWS is configured; and
 * the verdict against the budget (on the forecast when there is one, else the estimate). The
 * section says which template it priced.
 */
export class DefaultCostProvider implements EnvironmentCostProvider {
  readonly #estimates: CachedComputation<CostEstimate>;
  readonly #actuals: CachedComputation<StackActuals>;
  readonly #costExplorer: CostExplorerReader;
  /**
   * Synthesis and pricing are CPU-bound (up to ~1 s): as many at once as the estimator runs off
   * the event loop (one on it), each after pending I/O has had its turn.
   */
  readonly #estimating: pLimit.Limit;

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
    this.#estimating = pLimit(options.estimator.concurrency ?? 1);
  }

  #queued<T>(work: () => Promise<T>): Promise<T> {
    return this.#estimating(async () => {
      await afterPendingIo();
      return work();
    });
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

  /**
   * The reference profile's estimate for an input, cached and shared by every environment with
   * the same stage × scale × region, currency and schedule ({@link sharedEstimateInput}).
   */
  #referenceEstimate(input: CostEstimateInput): Promise<CostEstimate> {
    const shared = sharedEstimateInput(input);
    return this.#estimates.get(`cost:estimate:${JSON.stringify(shared)}`, () =>
      this.#queued(() => this.options.estimator.estimate(shared)),
    );
  }

  /**
   * A deployed template's estimate, keyed by the template's hash and what it is priced with:
   * stacks deployed from the same template with the same parameter values share one pricing.
   */
  #templateEstimate(
    body: string | object,
    pricing: TemplatePricingInput,
  ): Promise<CostEstimate> {
    const hash = createHash('sha256')
      .update(typeof body === 'string' ? body : JSON.stringify(body))
      .update(JSON.stringify(pricing))
      .digest('hex');
    return this.#estimates.get(`cost:template:${hash}`, () =>
      this.#queued(() =>
        this.options.estimator.estimateTemplate(body, pricing),
      ),
    );
  }

  /**
   * The estimate of the template the environment's stack runs, and which template that was: the
   * deployed one where AWS can read it (cached until the stack changes), else the reference
   * profile, saying why.
   */
  async #priced(
    environment: EnvironmentEntity,
    input: CostEstimateInput,
    signal: AbortSignal | undefined,
  ): Promise<{ estimate: CostEstimate; template: CostTemplateBasis }> {
    const profile = `Stageline's reference profile for ${input.stage} × ${input.scale}`;
    const reference = async (why: string) => ({
      estimate: await this.#referenceEstimate(input),
      template: {
        source: 'reference-profile' as const,
        description: `${profile}: ${why}`,
      },
    });
    if (input.scale !== environment.spec.scale) {
      return reference(
        `a what-if prices the profile at that scale, which is what a scale change builds from the profile; the deployed template is priced at ${environment.spec.scale} scale only`,
      );
    }
    const stack = stackOf(environment);
    if (!stack) {
      return reference(
        `${environment.metadata.name} names no stack (spec.deployment.stackName), so there is no deployed template to price`,
      );
    }
    if (!this.options.aws.getConfiguration().configured) {
      return reference(
        'AWS is not configured, so the deployed template cannot be read',
      );
    }
    const unreadable = (error: unknown) =>
      new Error(
        `Could not read the deployed template of ${stack.stackName}: ${
          toSectionError(error).message
        }`,
      );
    const deployed = await readDeployedTemplate(
      this.options.stacks,
      stack,
      signal,
    ).catch(error => {
      throw unreadable(error);
    });
    if (!deployed) {
      return reference(`${stack.stackName} is not deployed yet`);
    }
    const key = `cost:deployed:${JSON.stringify({
      stackId: deployed.stackId,
      lastUpdated: deployed.lastUpdated,
      currency: input.currency,
      schedule: input.schedule,
    })}`;
    const estimate = await this.#estimates.get(key, async () => {
      const body = await deployed.body().catch(error => {
        throw unreadable(error);
      });
      return this.#templateEstimate(body, {
        region: input.region,
        currency: input.currency,
        schedule: input.schedule,
        parameters: deployed.parameters,
      });
    });
    return {
      estimate,
      template: {
        source: 'deployed',
        description: `the template of ${stack.stackName} as deployed (${
          deployed.stackStatus
        }, updated ${deployed.lastUpdated.slice(
          0,
          10,
        )}), with its parameter values`,
      },
    };
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
    let template: CostTemplateBasis;
    let comparedWith: CostSection['comparedWith'];
    try {
      ({ estimate, template } = await this.#priced(
        environment,
        input,
        options.signal,
      ));
      if (scale !== environment.spec.scale) {
        const own = environment.spec.scale;
        comparedWith = {
          scale: own,
          monthly: (await this.#referenceEstimate({ ...input, scale: own }))
            .monthly,
        };
      }
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
      `Estimated ${formatMoney(
        estimate.monthly,
        currency,
      )}/month at ${scale} scale (${
        template.source === 'deployed'
          ? 'the deployed template'
          : "Stageline's reference profile"
      })`,
      budget
        ? `against a ${formatMoney(
            budget.monthly,
            budget.currency,
          )} budget (${state})`
        : 'with no budget set',
    ].join(' ');
    let forecastText = '';
    if (actual?.forecast !== undefined) {
      forecastText = `, forecast ${formatMoney(actual.forecast, currency)}`;
    } else if (actual?.forecastUnavailable?.kind === 'no-data') {
      forecastText = `, ${actual.forecastUnavailable.message}`;
    }
    const actualText = actual
      ? `month to date ${formatMoney(
          actual.monthToDate,
          currency,
        )}${forecastText}`
      : undefined;
    return {
      ...fields,
      status: 'ok',
      message: [summary, actualText, ...notes].filter(Boolean).join('. '),
      budgetState: state,
      template,
      ...(comparedWith ? { comparedWith } : {}),
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
    environment.metadata.annotations?.[ANNOTATION_PULL_REQUEST];
  return fromAnnotation ?? /pr-?(\d+)/i.exec(environment.metadata.name)?.[1];
}
