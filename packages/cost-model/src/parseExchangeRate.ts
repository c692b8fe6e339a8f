/**
 * Checks an exchange rate in £ per $.
 *
 * @throws Error naming the bad value
 * @internal
 */
export function parseExchangeRate(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(
      `Invalid exchangeRate ${JSON.stringify(
        value,
      )}: expected a positive number of £ per $`,
    );
  }
  return value;
}
