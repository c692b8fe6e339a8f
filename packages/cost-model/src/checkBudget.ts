import { formatMoney, roundCents } from './format';
import { AWS_PRICES } from './prices/aws-prices';
import { CostEstimate, CostLine, Currency } from './types';

/**
 * A monthly budget, as in an Environment entity's `spec.budget`.
 *
 * @public
 */
export interface Budget {
  /** Amount a month, > 0. */
  readonly monthly: number;
  /** Currency of the amount. @default the estimate's currency */
  readonly currency?: Currency;
}

/**
 * Options of {@link checkBudget}.
 *
 * @public
 */
export interface CheckBudgetOptions {
  /** Share of the budget from which the status is `near`. @default 0.8 */
  readonly nearThreshold?: number;
}

/**
 * Where an estimate stands against a budget. `within` (green): below `nearThreshold` (80%)
 * of the budget; `near` (amber): from 80% up to the budget itself; `over` (red): above it.
 *
 * @public
 */
export type BudgetStatus = 'within' | 'near' | 'over';

/**
 * The result of {@link checkBudget}. Amounts are in the budget's currency.
 *
 * @public
 */
export interface BudgetCheck {
  /** `within`, `near` or `over`. */
  readonly status: BudgetStatus;
  /** Currency of every amount here. */
  readonly currency: Currency;
  /** The budget a month. */
  readonly budget: number;
  /** The estimate's total a month. */
  readonly total: number;
  /** Total ÷ budget, e.g. 0.42. */
  readonly ratio: number;
  /** Budget − total when not over, else 0. */
  readonly headroom: number;
  /** Total − budget when over, else 0. */
  readonly overshoot: number;
  /** The three most expensive lines, most expensive first (their `monthly` in the estimate's currency). */
  readonly topLines: readonly CostLine[];
  /** Whether some resources were not priced: the total is then a lower bound. */
  readonly incomplete: boolean;
  /** One sentence, e.g. `£12.34 a month is over the £10.00 budget by £2.34 (123%)`. */
  readonly summary: string;
}

/** The estimate's total in `currency`: its own total, its USD total, or USD at the table's rate. */
function totalIn(estimate: CostEstimate, currency: Currency): number {
  if (currency === estimate.currency) return estimate.total;
  if (currency === 'USD') return estimate.totalUsd;
  return roundCents(estimate.totalUsd * AWS_PRICES.usdToGbp);
}

/**
 * Compares an estimate with a monthly budget. A USD budget is compared with the estimate's USD
 * total; a GBP budget with a USD estimate is converted at the price table's rate (0.76).
 * When resources were not priced the total is a lower bound: `incomplete` says so, and a
 * `within` or `near` status may be optimistic.
 *
 * @throws Error naming a budget that is not a positive amount or an unknown currency
 * @public
 */
export function checkBudget(
  estimate: CostEstimate,
  budget: Budget,
  options: CheckBudgetOptions = {},
): BudgetCheck {
  if (
    typeof budget?.monthly !== 'number' ||
    !Number.isFinite(budget.monthly) ||
    budget.monthly <= 0
  ) {
    throw new Error(
      `Invalid budget.monthly ${JSON.stringify(
        budget?.monthly,
      )}: expected a positive amount`,
    );
  }
  const currency = budget.currency ?? estimate.currency;
  if (currency !== 'USD' && currency !== 'GBP') {
    throw new Error(
      `Invalid budget.currency ${JSON.stringify(
        currency,
      )}: expected USD or GBP`,
    );
  }
  const nearThreshold = options.nearThreshold ?? 0.8;
  if (!(nearThreshold > 0 && nearThreshold <= 1)) {
    throw new Error(
      `Invalid nearThreshold ${JSON.stringify(
        nearThreshold,
      )}: expected a share between 0 and 1`,
    );
  }
  const total = totalIn(estimate, currency);
  const ratio = total / budget.monthly;
  let status: BudgetStatus = ratio >= nearThreshold ? 'near' : 'within';
  if (total > budget.monthly) status = 'over';
  const headroom = status === 'over' ? 0 : roundCents(budget.monthly - total);
  const overshoot = status === 'over' ? roundCents(total - budget.monthly) : 0;
  const money = (amount: number) => formatMoney(amount, currency);
  const percent = `${Math.round(ratio * 100)}%`;
  const incomplete = !estimate.complete;
  const position =
    status === 'over'
      ? `over the ${money(budget.monthly)} budget by ${money(overshoot)}`
      : `${status} the ${money(budget.monthly)} budget, ${money(
          headroom,
        )} to spare`;
  const lowerBound = incomplete
    ? `; ${estimate.unpriced.length} item(s) not priced, so the total is a lower bound`
    : '';
  const summary = `${money(
    total,
  )} a month is ${position} (${percent})${lowerBound}`;
  return {
    status,
    currency,
    budget: budget.monthly,
    total,
    ratio: Math.round(ratio * 1e4) / 1e4,
    headroom,
    overshoot,
    topLines: [...estimate.lines]
      .sort((a, b) => b.monthlyUsd - a.monthlyUsd)
      .slice(0, 3),
    incomplete,
    summary,
  };
}
