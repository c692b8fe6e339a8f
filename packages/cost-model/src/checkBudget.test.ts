import { checkBudget } from './checkBudget';
import { estimateMonthlyCost } from './estimate/estimateMonthlyCost';

/** NAT 36.50 + IP 3.65 + secret 0.40 + alarm 0.10 = 40.65 USD in eu-west-2. */
const template = {
  Resources: {
    Nat: { Type: 'AWS::EC2::NatGateway' },
    Ip: { Type: 'AWS::EC2::EIP' },
    Secret: { Type: 'AWS::SecretsManager::Secret' },
    Alarm: { Type: 'AWS::CloudWatch::Alarm' },
  },
};
const usage = { natDataGbPerMonth: 0, secretsApiCallsPerMonth: 0 };
const usd = estimateMonthlyCost(template, { region: 'eu-west-2', usage });

describe('checkBudget', () => {
  it.each([
    [60, 'within', 19.35, 0], // 68%
    [50.82, 'within', 10.17, 0], // 79.99%
    [50.8, 'near', 10.15, 0], // 80.02%
    [40.65, 'near', 0, 0], // exactly the budget
    [40, 'over', 0, 0.65],
  ])('budget %d → %s', (monthly, status, headroom, overshoot) => {
    expect(checkBudget(usd, { monthly, currency: 'USD' })).toMatchObject({
      status,
      headroom,
      overshoot,
      total: 40.65,
      budget: monthly,
    });
  });

  it('returns the three most expensive lines', () => {
    expect(
      checkBudget(usd, { monthly: 100 }).topLines.map(line => line.logicalId),
    ).toEqual(['Nat', 'Ip', 'Secret']);
  });

  it('converts a USD estimate for a GBP budget at the table rate by default, and says so', () => {
    const check = checkBudget(usd, { monthly: 10, currency: 'GBP' });
    // 40.65 × 0.76 = 30.89
    expect(check).toMatchObject({
      status: 'over',
      currency: 'GBP',
      total: 30.89,
      overshoot: 20.89,
      exchangeRate: 0.76,
    });
    expect(check.summary).toBe(
      '£30.89 a month (converted at £0.76 per $) is over the £10.00 budget by £20.89 (309%)',
    );
  });

  it('converts a USD estimate at the exchangeRate option', () => {
    const check = checkBudget(
      usd,
      { monthly: 35, currency: 'GBP' },
      { exchangeRate: 0.8 },
    );
    // 40.65 × 0.8 = 32.52: near a £35 budget (at 0.76 it would be 30.89, within)
    expect(check).toMatchObject({
      status: 'near',
      total: 32.52,
      exchangeRate: 0.8,
    });
    expect(check.summary).toBe(
      '£32.52 a month (converted at £0.8 per $) is near the £35.00 budget, £2.48 to spare (93%)',
    );
  });

  it('compares a GBP estimate at the rate it was made with, and in USD by its USD total', () => {
    const gbp = estimateMonthlyCost(template, {
      region: 'eu-west-2',
      currency: 'GBP',
      exchangeRate: 0.8,
      usage,
    });
    expect(gbp.total).toBe(32.52);
    const inGbp = checkBudget(gbp, { monthly: 35, currency: 'GBP' });
    expect(inGbp).toMatchObject({ status: 'near', total: 32.52 });
    expect(inGbp).not.toHaveProperty('exchangeRate');
    expect(inGbp.summary).toBe(
      '£32.52 a month is near the £35.00 budget, £2.48 to spare (93%)',
    );
    expect(checkBudget(gbp, { monthly: 100, currency: 'USD' }).total).toBe(
      40.65,
    );
  });

  it('says when the total is a lower bound', () => {
    const partial = estimateMonthlyCost(
      {
        Resources: {
          ...template.Resources,
          Vm: { Type: 'AWS::EC2::Instance' },
        },
      },
      { region: 'eu-west-2', usage },
    );
    const check = checkBudget(partial, { monthly: 100 });
    expect(check).toMatchObject({ status: 'within', incomplete: true });
    expect(check.summary).toContain(
      '1 item(s) not priced, so the total is a lower bound',
    );
  });

  it.each([
    [{ monthly: 0 }, 'Invalid budget.monthly 0'],
    [{ monthly: -5 }, 'Invalid budget.monthly -5'],
    [{ monthly: 5, currency: 'EUR' }, 'Invalid budget.currency "EUR"'],
  ])('%j fails naming the field', (budget, message) => {
    expect(() => checkBudget(usd, budget as any)).toThrow(message);
  });

  it('refuses an exchange rate that is not a positive number', () => {
    expect(() =>
      checkBudget(usd, { monthly: 5, currency: 'GBP' }, { exchangeRate: 0 }),
    ).toThrow('Invalid exchangeRate 0: expected a positive number of £ per $');
  });
});
