import { InputError } from '@backstage/errors';
import { checkBudget, estimateMonthlyCost } from '@stageline/cost-model';
import {
  type BudgetCurrency,
  type BudgetState,
  formatMoney,
} from '@stageline/plugin-environments-common';
import type {
  CostSettings,
  EnvironmentTarget,
} from '@stageline/plugin-environments-node';
import type { CloudFormationTemplate } from './synthesizeTarget';

/** A monthly cost estimate, as the plan action outputs it. */
export type CostEstimate = {
  currency: BudgetCurrency;
  /** Monthly total, after the shutdown schedule's saving; a lower bound when `unpriced` is not empty. */
  total: number;
  /** Priced resources, most expensive first. */
  lines: Array<{
    logicalId: string;
    type: string;
    monthly: number;
    basis: string;
  }>;
  /** Resources the price table does not cover, with the reason. */
  unpriced: Array<{ logicalId: string; type: string; reason: string }>;
  assumptions: string[];
  /** Monthly saving from the shutdown schedule, already taken off the total. */
  scheduleSaving?: number;
};

/** The estimate against the environment's budget. */
export type BudgetVerdict = {
  state: BudgetState;
  /** False only when the estimate is over the budget. */
  withinBudget: boolean;
  budget?: { monthly: number; currency: BudgetCurrency };
  /** How much the estimate exceeds the budget by, when it does. */
  overBy?: number;
  /** One sentence, e.g. `£12.34 a month is over the £10.00 budget by £2.34 (123%)`. */
  summary: string;
};

/**
 * Estimates the environment's monthly cost from its synthesized template with
 * `@stageline/cost-model` (offline price table, shutdown schedule applied, `rate` £ per $ for a GBP
 * estimate, else the cost model's) and checks it against its budget (`near` from
 * `nearBudgetRatio` of it, default 0.8).
 *
 * @throws InputError when the cost model refuses the input (e.g. a region that is not a commercial
 * AWS region); a region without offline prices gives an estimate whose `unpriced` says so
 */
export function estimateCost(
  target: EnvironmentTarget,
  template: CloudFormationTemplate,
  options: { currency: BudgetCurrency } & Omit<CostSettings, 'currency'>,
): { estimate: CostEstimate; verdict: BudgetVerdict } {
  const { currency, rate, nearBudgetRatio } = options;
  let raw: ReturnType<typeof estimateMonthlyCost>;
  try {
    raw = estimateMonthlyCost(template, {
      region: target.region,
      currency,
      // The rate is USD → GBP (environments.cost.rate), as the environments backend applies it.
      exchangeRate: currency === 'GBP' ? rate : undefined,
      schedule: target.schedule?.shutdown
        ? {
            shutdown: target.schedule.shutdown,
            startup: target.schedule.startup,
          }
        : undefined,
    });
  } catch (error) {
    throw new InputError(
      `Cannot estimate the cost of ${target.stackName}: ${
        (error as Error).message
      }`,
    );
  }
  const estimate: CostEstimate = {
    currency,
    total: raw.total,
    lines: [...raw.lines]
      .sort((a, b) => b.monthly - a.monthly)
      .map(({ logicalId, type, monthly, basis }) => ({
        logicalId,
        type,
        monthly,
        basis,
      })),
    unpriced: raw.unpriced.map(({ logicalId, type, reason }) => ({
      logicalId,
      type,
      reason,
    })),
    assumptions: [...raw.assumptions],
    ...(raw.savings ? { scheduleSaving: raw.savings.monthly } : {}),
  };
  const budget = target.budget;
  if (!budget) {
    return {
      estimate,
      verdict: {
        state: 'unknown',
        withinBudget: true,
        summary: `${formatMoney(
          estimate.total,
          currency,
        )} a month; no budget set`,
      },
    };
  }
  if (budget.monthly <= 0) {
    const over = estimate.total > 0;
    return {
      estimate,
      verdict: {
        state: over ? 'over' : 'within',
        withinBudget: !over,
        budget,
        ...(over ? { overBy: estimate.total } : {}),
        summary: `${formatMoney(
          estimate.total,
          currency,
        )} a month against a budget of ${formatMoney(0, budget.currency)}`,
      },
    };
  }
  const checked = checkBudget(raw, budget, {
    nearThreshold: nearBudgetRatio,
    exchangeRate: rate,
  });
  return {
    estimate,
    verdict: {
      state: checked.status,
      withinBudget: checked.status !== 'over',
      budget,
      ...(checked.status === 'over' ? { overBy: checked.overshoot } : {}),
      summary: checked.summary,
    },
  };
}
