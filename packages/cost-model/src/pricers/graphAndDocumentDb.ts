import { PriceRow } from '../prices/aws-prices';
import { DATABASE_PRICES } from '../prices/databasePrices';
import { rowOrQuery } from '../prices/priceRows';
import {
  pageDocumentDbHours,
  pageNeptuneHours,
} from '../prices/priceWatcherInstances';
import { PagePrice, withPagePrice } from '../prices/priceWatcherPrices';
import { LineBuilder } from './LineBuilder';
import { requiredString } from './properties';
import { clusterStorageLine } from './rds';
import { Pricer } from './types';

const { neptune, documentDb } = DATABASE_PRICES;

function instanceLine(
  rows: Record<string, PriceRow>,
  service: string,
  serviceCode: string,
  pageHours: (instanceClass: string) => PagePrice | undefined,
): Pricer {
  return (resource, context) => {
    const instanceClass = requiredString(
      resource.properties,
      'DBInstanceClass',
    );
    const line = new LineBuilder(context.prices);
    const row = withPagePrice(
      rowOrQuery(rows, instanceClass, `${service} ${instanceClass}`, 'h', {
        serviceCode,
        filters: { instanceType: instanceClass },
      }),
      pageHours(instanceClass),
    );
    return line
      .hourly(`${instanceClass} ${service} instance`, 1, row)
      .note('storage and I/O are priced on the cluster')
      .build();
  };
}

/**
 * `AWS::Neptune::DBInstance`: instance hours by class.
 *
 * @internal
 */
export const neptuneInstancePricer = instanceLine(
  neptune.instances,
  'Neptune',
  'AmazonNeptune',
  pageNeptuneHours,
);

/**
 * `AWS::Neptune::DBCluster`: storage and I/O from the usage assumptions.
 *
 * @internal
 */
export const neptuneClusterPricer: Pricer = (_resource, context) =>
  clusterStorageLine(
    new LineBuilder(context.prices),
    context,
    neptune.storageGbMonth,
    neptune.ioMillion,
  ).build();

/**
 * `AWS::DocDB::DBInstance`: instance hours by class.
 *
 * @internal
 */
export const documentDbInstancePricer = instanceLine(
  documentDb.instances,
  'DocumentDB',
  'AmazonDocDB',
  pageDocumentDbHours,
);

/**
 * `AWS::DocDB::DBCluster`: storage and I/O from the usage assumptions.
 *
 * @internal
 */
export const documentDbClusterPricer: Pricer = (_resource, context) =>
  clusterStorageLine(
    new LineBuilder(context.prices),
    context,
    documentDb.storageGbMonth,
    documentDb.ioMillion,
  ).build();
