import type { BudgetCurrency } from './constants';

/** The symbol each budget currency is written with. @public */
export const CURRENCY_SYMBOLS: Readonly<Record<BudgetCurrency, string>> = {
  GBP: '£',
  USD: '$',
};

/**
 * An amount of money as Stageline writes it everywhere (cards, plan summaries, cost sections,
 * the `stageline-cost` CLI): the currency's symbol, thousands grouped, two decimals, the sign
 * first — `£1,234.50`, `$0.05`, `-£1.00`. A currency without a symbol is written by its code
 * (`EUR 3.10`).
 *
 * @public
 */
export function formatMoney(
  amount: number,
  currency: BudgetCurrency | string,
): string {
  const symbol = CURRENCY_SYMBOLS[currency as BudgetCurrency] ?? `${currency} `;
  const sign = amount < 0 ? '-' : '';
  return `${sign}${symbol}${Math.abs(amount).toLocaleString('en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })}`;
}
