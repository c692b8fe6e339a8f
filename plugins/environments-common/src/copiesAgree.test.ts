import { SCALES, STACK_TAG_KEYS, STAGES } from '@stageline/cdk-environments';
import {
  type Currency,
  formatMoney as costModelFormatMoney,
} from '@stageline/cost-model';
import {
  BUDGET_CURRENCIES,
  type BudgetCurrency,
  ENVIRONMENT_SCALES,
  ENVIRONMENT_STAGES,
} from './constants';
import { formatMoney } from './money';
import { STACK_TAGS } from './stackTags';

/**
 * `@stageline/cdk-environments` and `@stageline/cost-model` go into service repositories (the CDK
 * app, the budget check in CI) without the Backstage plugins, so they do not depend on this
 * package and keep their own copies of its stages, scales, tag keys and money format. These
 * must say the same, or a stack would be tagged, or a cost written, differently from what the
 * plugins read and show.
 */
describe('the copies in the packages that do not depend on -common', () => {
  it('cdk-environments has the same stages and scales, in the same order', () => {
    expect(STAGES).toEqual(ENVIRONMENT_STAGES);
    expect(SCALES).toEqual(ENVIRONMENT_SCALES);
  });

  it('cdk-environments tags stacks with the keys the plugins read', () => {
    for (const [name, key] of Object.entries(STACK_TAG_KEYS)) {
      expect(STACK_TAGS).toHaveProperty(name, key);
    }
  });

  it('cost-model has the same currencies and writes money the same way', () => {
    // type-checked both ways: each currency type is assignable to the other
    const currencies: Currency[] = [...BUDGET_CURRENCIES];
    const sameCurrencies: readonly BudgetCurrency[] = currencies;
    for (const currency of sameCurrencies) {
      for (const amount of [0, 0.004, 3.1, 1234.5, 1_000_000, -12.345]) {
        expect(costModelFormatMoney(amount, currency)).toBe(
          formatMoney(amount, currency),
        );
      }
    }
  });
});
