import { formatQuantity } from '../format';
import { AWS_PRICES } from '../prices/aws-prices';
import { LineBuilder } from './LineBuilder';
import { Pricer } from './types';

const KB_PER_GB = 1024 * 1024;

/**
 * `AWS::CloudFront::Distribution`: data out (requests × average response size) and HTTPS
 * requests from the usage assumptions, at the rates of the viewers' region.
 *
 * @internal
 */
export const distributionPricer: Pricer = (_resource, context) => {
  const rates = AWS_PRICES.cloudFront[context.usage.cloudFrontViewerRegion()];
  const requests = context.usage.get('requestsPerMonth');
  const responseKb = context.usage.get('averageResponseKb');
  return new LineBuilder(context.prices)
    .monthly(
      `GB data out (${formatQuantity(requests)} requests × ${formatQuantity(
        responseKb,
      )} KB)`,
      (requests * responseKb) / KB_PER_GB,
      rates.dataOutGb,
    )
    .monthly(
      `× 10k HTTPS requests (${formatQuantity(requests)})`,
      requests / 10_000,
      rates.httpsRequests10k,
    )
    .build();
};
