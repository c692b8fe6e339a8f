import { Currency } from './types';

/**
 * Rounds to cents, half away from zero.
 *
 * @internal
 */
export function roundCents(amount: number): number {
  // Trim binary noise first, so 0.018 × 217.5 + 2.66 (6.574999…) rounds as 6.575.
  return Math.round(Number((amount * 100).toFixed(6))) / 100;
}

/**
 * A quantity for people: `100,000`, `0.5`, `1.234`.
 *
 * @internal
 */
export function formatQuantity(value: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: 3 });
}

/**
 * A unit price in USD with all its digits: `$0.04656`.
 *
 * @internal
 */
export function formatUnitPrice(usd: number): string {
  return `$${usd.toLocaleString('en-GB', {
    maximumFractionDigits: 10,
    useGrouping: false,
  })}`;
}

/**
 * An amount of money: `£1,234.50`, `$0.05`, `-£1.00`. This package is installed into service
 * repositories without the Backstage plugins, so it keeps its own copy of `formatMoney` of
 * `@stageline/plugin-environments-common`; a test there checks that the two agree.
 *
 * @public
 */
export function formatMoney(amount: number, currency: Currency): string {
  const symbol = currency === 'GBP' ? '£' : '$';
  const sign = amount < 0 ? '-' : '';
  return `${sign}${symbol}${Math.abs(amount).toLocaleString('en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })}`;
}
