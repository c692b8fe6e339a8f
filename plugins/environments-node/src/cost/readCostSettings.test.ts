import { ConfigReader } from '@backstage/config';
import { readCostSettings } from './readCostSettings';

const read = (cost?: object) =>
  readCostSettings(new ConfigReader(cost ? { environments: { cost } } : {}));

describe('readCostSettings', () => {
  it('defaults to GBP at the cost model rate, near from 80%', () => {
    expect(read()).toEqual({
      currency: 'GBP',
      rate: undefined,
      nearBudgetRatio: 0.8,
    });
  });

  it('reads environments.cost.currency, rate and nearBudgetRatio', () => {
    expect(read({ currency: 'USD', rate: 0.8, nearBudgetRatio: 0.9 })).toEqual({
      currency: 'USD',
      rate: 0.8,
      nearBudgetRatio: 0.9,
    });
  });

  it.each([
    [
      { currency: 'EUR' },
      'environments.cost.currency must be one of GBP, USD; got "EUR"',
    ],
    [{ rate: 0 }, 'environments.cost.rate must be a positive number; got 0'],
    [
      { nearBudgetRatio: 1.5 },
      'environments.cost.nearBudgetRatio must be in (0, 1]; got 1.5',
    ],
  ])('names the key of a bad value (%j)', (cost, message) => {
    expect(() => read(cost)).toThrow(message);
  });
});
