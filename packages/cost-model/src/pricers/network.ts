import { AWS_PRICES } from '../prices/aws-prices';
import { LineBuilder, noCharge } from './LineBuilder';
import { listLength, optionalString } from './properties';
import { Pricer } from './types';

/**
 * `AWS::EC2::NatGateway`: hours and the assumed data processed. Its public IPv4 address is
 * the `AWS::EC2::EIP` resource, priced on its own line.
 *
 * @internal
 */
export const natGatewayPricer: Pricer = (_resource, context) =>
  new LineBuilder(context.prices)
    .hourly('NAT gateway', 1, AWS_PRICES.natGateway.hour)
    .monthly(
      'GB processed',
      context.usage.get('natDataGbPerMonth'),
      AWS_PRICES.natGateway.dataGb,
    )
    .build();

/**
 * `AWS::EC2::EIP`: one public IPv4 address, billed per hour whether in use or idle.
 *
 * @internal
 */
export const elasticIpPricer: Pricer = (_resource, context) =>
  new LineBuilder(context.prices)
    .hourly('public IPv4 address', 1, AWS_PRICES.publicIpv4Hour)
    .build();

/**
 * `AWS::EC2::VPCEndpoint`: gateway endpoints are free; interface endpoints are billed per
 * AZ-hour (one per subnet) plus the assumed data. Gateway Load Balancer endpoints are not in
 * the price table.
 *
 * @internal
 */
export const vpcEndpointPricer: Pricer = (resource, context) => {
  const type =
    optionalString(resource.properties, 'VpcEndpointType') ?? 'Gateway';
  if (type === 'Gateway') return noCharge('no charge (gateway endpoint)');
  const line = new LineBuilder(context.prices);
  if (type !== 'Interface') {
    return line
      .cannotPrice(`${type} endpoint prices are not in the price table`)
      .build();
  }
  let zones = listLength(resource.properties, 'SubnetIds');
  if (zones === undefined) {
    zones = 1;
    line.note('subnets not listed: 1 zone assumed');
  }
  return line
    .hourly(
      'endpoint AZ (one per subnet)',
      zones,
      AWS_PRICES.vpcInterfaceEndpoint.azHour,
    )
    .monthly(
      'GB processed',
      context.usage.get('vpcEndpointDataGbPerMonth'),
      AWS_PRICES.vpcInterfaceEndpoint.dataGb,
    )
    .build();
};
