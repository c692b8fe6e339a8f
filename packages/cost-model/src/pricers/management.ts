import { formatQuantity } from '../format';
import { AWS_PRICES } from '../prices/aws-prices';
import { LineBuilder, noCharge } from './LineBuilder';
import { optionalString } from './properties';
import { Pricer } from './types';

/**
 * `AWS::SecretsManager::Secret`: the secret a month and the assumed API calls.
 *
 * @internal
 */
export const secretPricer: Pricer = (_resource, context) => {
  const calls = context.usage.get('secretsApiCallsPerMonth');
  return new LineBuilder(context.prices)
    .monthly('secret', 1, AWS_PRICES.secretsManager.secretMonth)
    .monthly(
      `× 10k API calls (${formatQuantity(calls)})`,
      calls / 10_000,
      AWS_PRICES.secretsManager.apiCalls10k,
    )
    .build();
};

/**
 * `AWS::SSM::Parameter`: standard parameters are free; advanced ones are billed a month.
 *
 * @internal
 */
export const parameterPricer: Pricer = (resource, context) => {
  const tier = optionalString(resource.properties, 'Tier') ?? 'Standard';
  if (tier !== 'Advanced') return noCharge('no charge (standard parameter)');
  return new LineBuilder(context.prices)
    .monthly('advanced parameter', 1, AWS_PRICES.ssm.advancedParameterMonth)
    .build();
};

/**
 * `AWS::Route53::HostedZone`: the zone a month (first 25 rate); queries assumed to be alias
 * queries to AWS resources, which are free.
 *
 * @internal
 */
export const hostedZonePricer: Pricer = (_resource, context) =>
  new LineBuilder(context.prices)
    .monthly('hosted zone', 1, AWS_PRICES.route53.hostedZoneMonth)
    .note('queries assumed to be alias queries to AWS resources (free)')
    .build();
