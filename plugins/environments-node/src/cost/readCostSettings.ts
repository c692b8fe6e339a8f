import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  BUDGET_CURRENCIES,
  BudgetCurrency,
} from '@stageline/plugin-environments-common';

/**
 * How estimates are priced, read from the keys the environments backend declares and honours
 * (`environments.cost.*`, see `@stageline/plugin-environments-backend`'s config.d.ts), so a plan
 * and the environment's cost card give the same total.
 *
 * @public
 */
export interface CostSettings {
  /** Currency of an estimate when the environment has no budget and no currency is given. */
  currency?: BudgetCurrency;
  /** USD → GBP rate for GBP estimates; undefined uses the cost model's. */
  rate?: number;
  /** Share of the budget from which the budget state is `near`. Default 0.8. */
  nearBudgetRatio?: number;
}

/**
 * Reads `environments.cost.currency` (default GBP), `environments.cost.rate` and
 * `environments.cost.nearBudgetRatio` (default 0.8), with the environments backend's checks.
 *
 * @throws InputError naming the key of a bad value
 *
 * @public
 */
export function readCostSettings(root: Config): CostSettings {
  const currency = (root.getOptionalString('environments.cost.currency') ??
    'GBP') as BudgetCurrency;
  if (!BUDGET_CURRENCIES.includes(currency)) {
    throw new InputError(
      `environments.cost.currency must be one of ${BUDGET_CURRENCIES.join(
        ', ',
      )}; got ${JSON.stringify(currency)}`,
    );
  }
  const rate = root.getOptionalNumber('environments.cost.rate');
  if (rate !== undefined && !(rate > 0)) {
    throw new InputError(
      `environments.cost.rate must be a positive number; got ${rate}`,
    );
  }
  const nearBudgetRatio =
    root.getOptionalNumber('environments.cost.nearBudgetRatio') ?? 0.8;
  if (!(nearBudgetRatio > 0 && nearBudgetRatio <= 1)) {
    throw new InputError(
      `environments.cost.nearBudgetRatio must be in (0, 1]; got ${nearBudgetRatio}`,
    );
  }
  return { currency, rate, nearBudgetRatio };
}
