import { formatQuantity } from '../format';
import { AWS_PRICES } from '../prices/aws-prices';
import { LineBuilder } from './LineBuilder';
import { objectProperty, optionalString } from './properties';
import { Pricer } from './types';

/** AWS managed rule groups with a subscription fee on top of the rule price. */
const PAID_RULE_GROUPS = [
  'AWSManagedRulesBotControlRuleSet',
  'AWSManagedRulesATPRuleSet',
  'AWSManagedRulesACFPRuleSet',
];

/**
 * `AWS::WAFv2::WebACL`: the web ACL and each rule (a rule group counts as one) a month, and the
 * assumed requests. Subscription fees of Bot Control, ATP and ACFP are not in the price table.
 *
 * @internal
 */
export const webAclPricer: Pricer = (resource, context) => {
  const rules = Array.isArray(resource.properties.Rules)
    ? resource.properties.Rules
    : [];
  const requests = context.usage.get('requestsPerMonth');
  const line = new LineBuilder(context.prices)
    .monthly('web ACL', 1, AWS_PRICES.waf.webAclMonth)
    .monthly('rules', rules.length, AWS_PRICES.waf.ruleMonth)
    .monthly(
      `× 1M requests (${formatQuantity(requests)})`,
      requests / 1e6,
      AWS_PRICES.waf.requestsMillion,
    );
  for (const rule of rules) {
    const statement = objectProperty(
      objectProperty({ rule }, 'rule'),
      'Statement',
    );
    const name = optionalString(
      objectProperty(statement, 'ManagedRuleGroupStatement'),
      'Name',
    );
    if (name && PAID_RULE_GROUPS.includes(name)) {
      line.cannotPrice(
        `the subscription fee of ${name} is not in the price table`,
      );
    }
  }
  return line.build();
};
