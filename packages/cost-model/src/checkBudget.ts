import { formatMoney, roundCents } from './format';
import { AWS_PRICES } from './prices/aws-prices';
import { CostEstimate, CostLine, Currency } from './types';
import { parseExchangeRate } from './parseExchangeRate';

/**
 * A monthly budget, as in an Environment entity's `spec.budget`.
 *
 * @public
 */
export interface Budget {
  /** Amount a month, greater than 0. */
  readonly monthly: number;
  /** Currency of the amount. @defaultValue the estimate's currency */
  readonly currency?: Currency;
}

/**
 * Options of {@link checkBudget}.
 *
 * @public
 */
export interface CheckBudgetOptions {
  /** Share of the budget from which the status is `near`. @defaultValue 0.8 */
  readonly nearThreshold?: number;
  /**
   * £ per $ at which a USD estimate is converted for a GBP budget. A GBP estimate needs no
   * rate: it is compared in GBP as it was estimated (at its own `exchangeRate`) or, for a USD
   * budget, by its USD total.
   * @defaultValue 0.76, the price table's rate
   */
  readonly exchangeRate?: number;
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
  /**
   * £ per $ the total was converted at: present only when a USD estimate met a GBP budget.
   */
  readonly exchangeRate?: number;
  /** One sentence, e.g. `£12.34 a month is over the £10.00 budget by £2.34 (123%)`. */
  readonly summary: string;
}

/**
 * The estimate's total in `currency`: its own total (made at its own rate), its USD total, or
 * for a GBP budget and a USD estimate its USD total at `rate`, which is then returned.
 */
function totalIn(
  estimate: CostEstimate,
  currency: Currency,
  rate: number,
): { total: number; convertedAt?: number } {
  if (currency === estimate.currency) return { total: estimate.total };
  if (currency === 'USD') return { total: estimate.totalUsd };
  return { total: roundCents(estimate.totalUsd * rate), convertedAt: rate };
}

/**
 * Compares an estimate with a monthly budget. A budget in the estimate's currency is compared
 * with its total (a GBP estimate was made at its own `exchangeRate`); a USD budget with the
 * estimate's USD total; a GBP budget with a USD estimate's USD total at `options.exchangeRate`
 * (default 0.76, the price table's rate), which the result and its summary then state.
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
  const { total, convertedAt } = totalIn(
    estimate,
    currency,
    parseExchangeRate(options.exchangeRate ?? AWS_PRICES.usdToGbp),
  );
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
  const conversion =
    convertedAt === undefined ? '' : ` (converted at £${convertedAt} per $)`;
  const summary = `${money(
    total,
  )} a month${conversion} is ${position} (${percent})${lowerBound}`;
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
    ...(convertedAt === undefined ? {} : { exchangeRate: convertedAt }),
    summary,
  };
}
