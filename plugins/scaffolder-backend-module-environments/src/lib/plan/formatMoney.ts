import type { BudgetCurrency } from '@stageline/plugin-environments-common';

const SYMBOLS: Record<BudgetCurrency, string> = { GBP: '£', USD: '$' };

/** `£4.20` */
export function formatMoney(amount: number, currency: BudgetCurrency): string {
  return `${SYMBOLS[currency] ?? `${currency} `}${amount.toFixed(2)}`;
}
