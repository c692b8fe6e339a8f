import { checkBudget, estimateMonthlyCost } from '@stageline/cost-model';
import type { BudgetCurrency, BudgetState } from '@stageline/plugin-environments-common';
import type { EnvironmentTarget } from '../environment/EnvironmentTarget';
import type { CloudFormationTemplate } from './synthesizeTarget';

/** A monthly cost estimate, as the plan action outputs it. */
export type CostEstimate = {
  currency: BudgetCurrency;
  /** Monthly total, after the shutdown schedule's saving. */
  total: number;
  /** Priced resources, most expensive first. */
  lines: Array<{ logicalId: string; type: string; monthly: number; basis: string }>;
  /** Resources the price table does not cover. */
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
};

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Estimates the environment's monthly cost from its synthesized template with
 * `@stageline/cost-model` (offline price table, shutdown schedule applied) and checks it against
 * its budget.
 */
export function estimateCost(
  target: EnvironmentTarget,
  template: CloudFormationTemplate,
  currency: BudgetCurrency,
): { estimate: CostEstimate; verdict: BudgetVerdict } {
  const raw = estimateMonthlyCost(template, {
    region: target.region,
    currency,
    schedule: target.schedule,
  });
  const estimate: CostEstimate = {
    currency,
    total: round(raw.total),
    lines: [...raw.lines]
      .sort((a, b) => b.monthly - a.monthly)
      .map(line => ({ ...line, monthly: round(line.monthly) })),
    unpriced: raw.unpriced,
    assumptions: raw.assumptions,
    ...(raw.scheduleSaving ? { scheduleSaving: round(raw.scheduleSaving) } : {}),
  };
  if (!target.budget) {
    return { estimate, verdict: { state: 'unknown', withinBudget: true } };
  }
  const checked = checkBudget(raw, target.budget);
  const overBy = round(estimate.total - target.budget.monthly);
  return {
    estimate,
    verdict: {
      state: checked.state,
      withinBudget: checked.state !== 'over',
      budget: target.budget,
      ...(checked.state === 'over' ? { overBy } : {}),
    },
  };
}
