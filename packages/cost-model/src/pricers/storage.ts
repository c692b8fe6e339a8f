import { formatQuantity } from '../format';
import { AWS_PRICES } from '../prices/aws-prices';
import { LineBuilder } from './LineBuilder';
import { optionalString } from './properties';
import { Pricer } from './types';

/**
 * `AWS::S3::Bucket`: the assumed Standard storage and requests.
 *
 * @internal
 */
export const bucketPricer: Pricer = (_resource, context) => {
  const puts = context.usage.get('s3PutRequestsPerMonth');
  const gets = context.usage.get('s3GetRequestsPerMonth');
  return new LineBuilder(context.region)
    .monthly(
      'GB-mo Standard storage',
      context.usage.get('s3StorageGb'),
      AWS_PRICES.s3.standardGbMonth,
    )
    .monthly(
      `× 1k PUT/COPY/POST/LIST requests (${formatQuantity(puts)})`,
      puts / 1000,
      AWS_PRICES.s3.putRequests1k,
    )
    .monthly(
      `× 1k GET requests (${formatQuantity(gets)})`,
      gets / 1000,
      AWS_PRICES.s3.getRequests1k,
    )
    .build();
};

/**
 * `AWS::DynamoDB::Table` and single-region `AWS::DynamoDB::GlobalTable` in on-demand mode:
 * the assumed request units and storage. Provisioned capacity and replicated writes are not in
 * the price table.
 *
 * @internal
 */
export const dynamoDbTablePricer: Pricer = (resource, context) => {
  const { properties } = resource;
  const line = new LineBuilder(context.region);
  const mode = optionalString(properties, 'BillingMode') ?? 'PROVISIONED';
  if (mode !== 'PAY_PER_REQUEST') {
    return line
      .cannotPrice('provisioned capacity prices are not in the price table')
      .build();
  }
  if (Array.isArray(properties.Replicas) && properties.Replicas.length > 1) {
    return line
      .cannotPrice('replicated write request units are not in the price table')
      .build();
  }
  const { dynamoDb } = AWS_PRICES;
  return line
    .monthly(
      '× 1M write request units',
      context.usage.get('dynamoDbWriteMillionsPerMonth'),
      dynamoDb.writeRequestsMillion,
    )
    .monthly(
      '× 1M read request units',
      context.usage.get('dynamoDbReadMillionsPerMonth'),
      dynamoDb.readRequestsMillion,
    )
    .monthly(
      'GB-mo stored',
      context.usage.get('dynamoDbStorageGb'),
      dynamoDb.storageGbMonth,
    )
    .build();
};

/**
 * `AWS::ECR::Repository`: the assumed image storage.
 *
 * @internal
 */
export const repositoryPricer: Pricer = (_resource, context) =>
  new LineBuilder(context.region)
    .monthly(
      'GB-mo image storage',
      context.usage.get('ecrStorageGb'),
      AWS_PRICES.ecrStorageGbMonth,
    )
    .build();
