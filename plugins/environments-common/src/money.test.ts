import { formatMoney } from './money';

describe('formatMoney', () => {
  it('writes the symbol, thousands grouped and two decimals, the sign first', () => {
    expect(formatMoney(3.1, 'GBP')).toBe('£3.10');
    expect(formatMoney(120, 'USD')).toBe('$120.00');
    expect(formatMoney(1234.5, 'GBP')).toBe('£1,234.50');
    expect(formatMoney(-1, 'GBP')).toBe('-£1.00');
    expect(formatMoney(0.005, 'USD')).toBe('$0.01');
  });

  it('writes a currency without a symbol by its code', () => {
    expect(formatMoney(3.1, 'EUR')).toBe('EUR 3.10');
  });
});
