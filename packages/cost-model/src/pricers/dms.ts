import { DATABASE_PRICES } from '../prices/databasePrices';
import { LineBuilder } from './LineBuilder';
import { optionalBoolean, optionalNumber, requiredString } from './properties';
import { Pricer } from './types';

/** GB of gp2 storage a replication instance includes, by class family. */
function includedStorageGb(instanceClass: string): number {
  return /^dms\.(c4|r4|r5)\./.test(instanceClass) ? 100 : 50;
}

/**
 * `AWS::DMS::ReplicationInstance`: instance hours (Single-AZ or Multi-AZ) and gp2 storage
 * beyond what the class includes (50 GB for t2/t3, 100 GB for c4/r4/r5).
 *
 * @internal
 */
export const dmsReplicationInstancePricer: Pricer = (resource, context) => {
  const { properties } = resource;
  const instanceClass = requiredString(properties, 'ReplicationInstanceClass');
  const multiAz = optionalBoolean(properties, 'MultiAZ', false);
  const deployment = multiAz ? 'Multi-AZ' : 'Single-AZ';
  const line = new LineBuilder(context.prices);
  const row = DATABASE_PRICES.dms.instances[`${instanceClass}|${deployment}`];
  if (row)
    line.hourly(`${instanceClass} ${deployment} replication instance`, 1, row);
  else
    line.cannotPrice(
      `DMS ${instanceClass} ${deployment} is not in the price table`,
    );
  const storage = optionalNumber(properties, 'AllocatedStorage') ?? 50;
  const extra = storage - includedStorageGb(instanceClass);
  if (extra > 0) {
    const storageRow = DATABASE_PRICES.dms.gp2Storage[deployment];
    if (storageRow)
      line.monthly(
        `GB-mo gp2 storage beyond the included ${includedStorageGb(
          instanceClass,
        )} GB`,
        extra,
        storageRow,
      );
    else
      line.cannotPrice(
        `DMS gp2 storage ${deployment} is not in the price table`,
      );
  }
  return line.build();
};
