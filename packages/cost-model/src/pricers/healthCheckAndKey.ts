import { SERVICE_PRICES } from '../prices/servicePrices';
import { LineBuilder, noCharge } from './LineBuilder';
import {
  objectProperty,
  optionalBoolean,
  optionalNumber,
  optionalString,
} from './properties';
import { Pricer } from './types';

const { route53HealthCheck: rates } = SERVICE_PRICES;

/** Whether a health check's endpoint is an AWS resource (an `*.amazonaws.com` name). */
function awsEndpoint(config: Record<string, unknown>): boolean {
  const type = optionalString(config, 'Type') ?? '';
  if (type === 'CALCULATED' || type === 'CLOUDWATCH_METRIC') return true;
  const name = optionalString(config, 'FullyQualifiedDomainName') ?? '';
  return /\.amazonaws\.com\.?$/i.test(name);
}

/**
 * `AWS::Route53::HealthCheck`: the check a month (AWS or non-AWS endpoint rate) and each
 * optional feature: HTTPS, string matching, fast (10 s) interval, latency measurement.
 *
 * @internal
 */
export const healthCheckPricer: Pricer = (resource, context) => {
  const config = objectProperty(resource.properties, 'HealthCheckConfig');
  const aws = awsEndpoint(config);
  const type = optionalString(config, 'Type') ?? '';
  const features = [
    type.startsWith('HTTPS') ? 'HTTPS' : undefined,
    type.endsWith('_STR_MATCH') ? 'string matching' : undefined,
    optionalNumber(config, 'RequestInterval') === 10
      ? 'fast interval'
      : undefined,
    optionalBoolean(config, 'MeasureLatency', false)
      ? 'latency measurement'
      : undefined,
  ].filter((feature): feature is string => feature !== undefined);
  const line = new LineBuilder(context.prices).monthly(
    `health check (${aws ? 'AWS' : 'non-AWS'} endpoint)`,
    1,
    aws ? rates.awsEndpointMonth : rates.otherEndpointMonth,
  );
  if (features.length > 0) {
    line.monthly(
      `optional features (${features.join(', ')})`,
      features.length,
      aws ? rates.awsFeatureMonth : rates.otherFeatureMonth,
    );
  }
  if (!aws) {
    line.note(
      'endpoint assumed outside AWS (not an *.amazonaws.com name): the higher rate',
    );
  }
  return line.build();
};

/**
 * `AWS::KMS::Key`: a customer managed key a month (requests beyond the free tier are not
 * estimated). A key pending deletion or disabled is still billed.
 *
 * @internal
 */
export const kmsKeyPricer: Pricer = (resource, context) => {
  if (optionalString(resource.properties, 'Origin') === 'EXTERNAL_KEY_STORE')
    return noCharge('no charge assumed for an external key store key');
  return new LineBuilder(context.prices)
    .monthly('customer managed key', 1, SERVICE_PRICES.kmsKeyMonth)
    .note('API requests are billed by usage and not estimated')
    .build();
};
