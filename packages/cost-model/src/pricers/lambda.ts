import { formatQuantity } from '../format';
import { AWS_PRICES } from '../prices/aws-prices';
import { Unresolved } from '../template/values';
import { LineBuilder, noCharge } from './LineBuilder';
import { optionalNumber } from './properties';
import { Pricer, PricingContext } from './types';

const CUSTOM_RESOURCE = /^(Custom::|AWS::CloudFormation::CustomResource$)/;

/** Whether a custom resource's ServiceToken points at the function: it runs only on deploys. */
function backsCustomResource(
  logicalId: string,
  context: PricingContext,
): boolean {
  return context.template.resources.some(resource => {
    if (!CUSTOM_RESOURCE.test(resource.type)) return false;
    const token = resource.properties.ServiceToken;
    return token instanceof Unresolved && token.logicalId === logicalId;
  });
}

/**
 * `AWS::Lambda::Function`: requests and GB-seconds from the usage assumptions, the function's
 * memory (default 128 MB) and architecture (default x86_64). A function that backs a custom
 * resource is assumed to run only during deployments.
 *
 * @internal
 */
export const lambdaFunctionPricer: Pricer = (resource, context) => {
  if (backsCustomResource(resource.logicalId, context)) {
    return noCharge(
      'no charge assumed: it backs a custom resource and runs only during deployments',
    );
  }
  const memoryMb = optionalNumber(resource.properties, 'MemorySize') ?? 128;
  const architectures = resource.properties.Architectures;
  const arm = Array.isArray(architectures) && architectures[0] === 'arm64';
  const requests = context.usage.get('requestsPerMonth');
  const durationMs = context.usage.get('lambdaAverageDurationMs');
  const gbSeconds = (requests * (durationMs / 1000) * memoryMb) / 1024;
  return new LineBuilder(context.prices)
    .monthly(
      `× 1M requests (${formatQuantity(requests)})`,
      requests / 1e6,
      AWS_PRICES.lambda.requestsMillion,
    )
    .monthly(
      `GB-s (${formatQuantity(requests)} × ${formatQuantity(
        durationMs,
      )} ms × ${formatQuantity(memoryMb)} MB, ${arm ? 'arm64' : 'x86_64'})`,
      gbSeconds,
      arm ? AWS_PRICES.lambda.arm64GbSecond : AWS_PRICES.lambda.x86_64GbSecond,
    )
    .build();
};
