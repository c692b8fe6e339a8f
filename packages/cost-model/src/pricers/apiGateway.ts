import { formatQuantity } from '../format';
import { AWS_PRICES, PriceRow } from '../prices/aws-prices';
import { LineBuilder } from './LineBuilder';
import { optionalString } from './properties';
import { Pricer, PricingContext } from './types';

function requestsLine(context: PricingContext, row: PriceRow) {
  const requests = context.usage.get('requestsPerMonth');
  return new LineBuilder(context.prices).monthly(
    `× 1M requests (${formatQuantity(requests)})`,
    requests / 1e6,
    row,
  );
}

/**
 * `AWS::ApiGatewayV2::Api`: HTTP API requests from the usage assumptions. WebSocket APIs are
 * not in the price table.
 *
 * @internal
 */
export const httpApiPricer: Pricer = (resource, context) => {
  const protocol =
    optionalString(resource.properties, 'ProtocolType') ?? 'HTTP';
  if (protocol !== 'HTTP') {
    return new LineBuilder(context.prices)
      .cannotPrice(`${protocol} API prices are not in the price table`)
      .build();
  }
  return requestsLine(
    context,
    AWS_PRICES.apiGateway.httpRequestsMillion,
  ).build();
};

/**
 * `AWS::ApiGateway::RestApi`: REST API requests from the usage assumptions.
 *
 * @internal
 */
export const restApiPricer: Pricer = (_resource, context) =>
  requestsLine(context, AWS_PRICES.apiGateway.restRequestsMillion).build();
