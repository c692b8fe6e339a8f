import type { BudgetState } from '@stageline/plugin-environments-common';

/**
 * Budget verdict for a monthly amount: `over` above the budget, `near` at or above
 * `nearRatio` of it (default 80%), `within` below, `unknown` without a budget.
 */
export function budgetState(
  monthly: number | undefined,
  budget: number | undefined,
  nearRatio = 0.8,
): BudgetState {
  if (monthly === undefined || budget === undefined || budget <= 0)
    return 'unknown';
  if (monthly > budget) return 'over';
  if (monthly >= budget * nearRatio) return 'near';
  return 'within';
}
