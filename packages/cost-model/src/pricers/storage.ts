import { formatQuantity } from '../format';
import { AWS_PRICES } from '../prices/aws-prices';
import { SERVICE_PRICES } from '../prices/servicePrices';
import { ResolvedResource } from '../template/resolveTemplate';
import { LineBuilder } from './LineBuilder';
import { objectProperty, optionalNumber, optionalString } from './properties';
import { CannotPrice, Pricer, PricingContext } from './types';

/**
 * `AWS::S3::Bucket`: the assumed Standard storage and requests.
 *
 * @internal
 */
export const bucketPricer: Pricer = (_resource, context) => {
  const puts = context.usage.get('s3PutRequestsPerMonth');
  const gets = context.usage.get('s3GetRequestsPerMonth');
  return new LineBuilder(context.prices)
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

/** Capacity units of a table and its global secondary indexes. */
function capacity(properties: Record<string, unknown>, key: string): number {
  const own =
    optionalNumber(objectProperty(properties, 'ProvisionedThroughput'), key) ??
    0;
  const indexes = Array.isArray(properties.GlobalSecondaryIndexes)
    ? properties.GlobalSecondaryIndexes
    : [];
  return indexes.reduce(
    (sum: number, index) =>
      sum +
      (optionalNumber(
        objectProperty(
          index as Record<string, unknown>,
          'ProvisionedThroughput',
        ),
        key,
      ) ?? 0),
    own,
  );
}

/** Provisioned mode: WCU and RCU hours (table and global indexes) and the assumed storage. */
function provisionedTable(
  resource: ResolvedResource,
  context: PricingContext,
  line: LineBuilder,
) {
  const { properties } = resource;
  const rows = SERVICE_PRICES.dynamoDbProvisioned;
  const writes = capacity(properties, 'WriteCapacityUnits');
  const reads = capacity(properties, 'ReadCapacityUnits');
  if (properties.ProvisionedThroughput === undefined)
    throw new CannotPrice('provisioned mode without ProvisionedThroughput');
  // Provisioned capacity bills every hour whatever a shutdown schedule does.
  const hours = AWS_PRICES.hoursPerMonth;
  return line
    .monthly(
      `WCU-h (${formatQuantity(writes)} WCU × ${hours} h)`,
      writes * hours,
      rows.wcuHour,
    )
    .monthly(
      `RCU-h (${formatQuantity(reads)} RCU × ${hours} h)`,
      reads * hours,
      rows.rcuHour,
    )
    .monthly('GB-mo stored', context.usage.get('dynamoDbStorageGb'), {
      ...AWS_PRICES.dynamoDb.storageGbMonth,
      source: `${AWS_PRICES.dynamoDb.storageGbMonth.source}; us-east-2 ${rows.storageGbMonth.source}`,
      regions: {
        ...rows.storageGbMonth.regions,
        ...AWS_PRICES.dynamoDb.storageGbMonth.regions,
      },
    })
    .note('provisioned capacity priced as set; auto scaling may change it')
    .build();
}

/**
 * `AWS::DynamoDB::Table` and single-region `AWS::DynamoDB::GlobalTable` in on-demand mode:
 * the assumed request units and storage; in provisioned mode the capacity units per hour.
 * Replicated writes are not in the price table.
 *
 * @internal
 */
export const dynamoDbTablePricer: Pricer = (resource, context) => {
  const { properties } = resource;
  const line = new LineBuilder(context.prices);
  const mode = optionalString(properties, 'BillingMode') ?? 'PROVISIONED';
  if (Array.isArray(properties.Replicas) && properties.Replicas.length > 1) {
    return line
      .cannotPrice('replicated write request units are not in the price table')
      .build();
  }
  if (mode !== 'PAY_PER_REQUEST')
    return provisionedTable(resource, context, line);
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
  new LineBuilder(context.prices)
    .monthly(
      'GB-mo image storage',
      context.usage.get('ecrStorageGb'),
      AWS_PRICES.ecrStorageGbMonth,
    )
    .build();
