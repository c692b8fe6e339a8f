import { AWS_PRICES } from '../prices/aws-prices';
import { SERVICE_PRICES } from '../prices/servicePrices';
import { LineBuilder } from './LineBuilder';
import { listLength, optionalString } from './properties';
import { Pricer } from './types';

/**
 * `AWS::ElasticLoadBalancingV2::LoadBalancer` of type `application` or `network`: hours, the
 * assumed LCUs (NLCUs), and for an internet-facing one a public IPv4 address per subnet.
 * Gateway Load Balancers: hours and assumed GLCUs ([Q] in the bundled regions, the Price List API
 * elsewhere).
 *
 * @internal
 */
export const loadBalancerPricer: Pricer = (resource, context) => {
  const { properties } = resource;
  const line = new LineBuilder(context.prices);
  const type = optionalString(properties, 'Type') ?? 'application';
  if (type === 'gateway') {
    // No public IPv4: a Gateway Load Balancer sits behind route tables, not on the internet.
    return line
      .hourly('Gateway Load Balancer', 1, SERVICE_PRICES.gwlb.hour)
      .hourly(
        'GLCU',
        context.usage.get('gwlbGlcuPerHour'),
        SERVICE_PRICES.gwlb.glcuHour,
      )
      .build();
  }
  if (type === 'network') {
    line
      .hourly('Network Load Balancer', 1, SERVICE_PRICES.nlb.hour)
      .hourly(
        'NLCU',
        context.usage.get('nlbNlcuPerHour'),
        SERVICE_PRICES.nlb.nlcuHour,
      );
  } else {
    line
      .hourly('Application Load Balancer', 1, AWS_PRICES.alb.hour)
      .hourly(
        'LCU',
        context.usage.get('albLcuPerHour'),
        AWS_PRICES.alb.lcuHour,
      );
  }
  if (
    (optionalString(properties, 'Scheme') ?? 'internet-facing') ===
    'internet-facing'
  ) {
    let subnets =
      listLength(properties, 'Subnets') ??
      listLength(properties, 'SubnetMappings');
    if (subnets === undefined) {
      subnets = 2;
      line.note('subnets not listed: 2 assumed, one public IPv4 address each');
    }
    line.hourly(
      'public IPv4 address (one per subnet)',
      subnets,
      AWS_PRICES.publicIpv4Hour,
    );
  }
  return line.build();
};
