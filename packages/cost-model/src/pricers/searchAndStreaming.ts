import { formatQuantity } from '../format';
import { rowOrQuery } from '../prices/priceRows';
import {
  pageMskBrokerHours,
  pageSearchHours,
} from '../prices/priceWatcherInstances';
import { withPagePrice } from '../prices/priceWatcherPrices';
import { SERVICE_PRICES } from '../prices/servicePrices';
import { LineBuilder } from './LineBuilder';
import {
  objectProperty,
  optionalBoolean,
  optionalNumber,
  optionalString,
} from './properties';
import { CannotPrice, Pricer } from './types';

const { openSearch, msk } = SERVICE_PRICES;

/** `m5.large.elasticsearch` and `m5.large.search` are the same instance. */
function searchType(type: string): string {
  return type.replace(/\.elasticsearch$/, '.search');
}

function nodes(
  line: LineBuilder,
  what: string,
  type: string | undefined,
  count: number,
): void {
  if (count <= 0) return;
  if (!type) throw new CannotPrice(`${what} InstanceType is not set`);
  const instanceType = searchType(type);
  const row = withPagePrice(
    rowOrQuery(
      openSearch.instances,
      instanceType,
      `OpenSearch ${instanceType}`,
      'h',
      { serviceCode: 'AmazonES', filters: { instanceType } },
    ),
    pageSearchHours(instanceType),
  );
  line.hourly(
    `${searchType(type)} ${what}${count === 1 ? '' : 's'}`,
    count,
    row,
  );
}

/**
 * `AWS::OpenSearchService::Domain` and `AWS::Elasticsearch::Domain`: data nodes, dedicated
 * master and UltraWarm nodes per hour, and EBS storage per data node (io1 with its IOPS).
 *
 * @internal
 */
export const searchDomainPricer: Pricer = (resource, context) => {
  const { properties } = resource;
  const line = new LineBuilder(context.prices);
  const cluster = objectProperty(
    properties,
    resource.type === 'AWS::Elasticsearch::Domain'
      ? 'ElasticsearchClusterConfig'
      : 'ClusterConfig',
  );
  const dataNodes = optionalNumber(cluster, 'InstanceCount') ?? 1;
  nodes(line, 'data node', optionalString(cluster, 'InstanceType'), dataNodes);
  if (optionalBoolean(cluster, 'DedicatedMasterEnabled', false)) {
    nodes(
      line,
      'dedicated master',
      optionalString(cluster, 'DedicatedMasterType'),
      optionalNumber(cluster, 'DedicatedMasterCount') ?? 3,
    );
  }
  if (optionalBoolean(cluster, 'WarmEnabled', false)) {
    nodes(
      line,
      'UltraWarm node',
      optionalString(cluster, 'WarmType'),
      optionalNumber(cluster, 'WarmCount') ?? 0,
    );
    line.cannotPrice(
      'UltraWarm managed storage is billed by usage and not priced',
    );
  }
  const ebs = objectProperty(properties, 'EBSOptions');
  if (optionalBoolean(ebs, 'EBSEnabled', false)) {
    const size = optionalNumber(ebs, 'VolumeSize');
    if (size === undefined)
      throw new CannotPrice('EBSOptions.VolumeSize is not set');
    const type = (optionalString(ebs, 'VolumeType') ?? 'gp2').toLowerCase();
    const row = openSearch.storage[type];
    if (!row)
      line.cannotPrice(`OpenSearch ${type} storage is not in the price table`);
    else {
      line.monthly(
        `GB-mo ${type} storage (${formatQuantity(dataNodes)} × ${formatQuantity(
          size,
        )} GB)`,
        dataNodes * size,
        row,
      );
      if (type === 'io1') {
        line.monthly(
          'provisioned IOPS',
          dataNodes * (optionalNumber(ebs, 'Iops') ?? 0),
          openSearch.io1IopsMonth,
        );
      }
      if (
        type === 'gp3' &&
        (ebs.Iops !== undefined || ebs.Throughput !== undefined)
      ) {
        line.note('gp3 IOPS and throughput beyond the included are not priced');
      }
    }
  }
  return line.build();
};

/**
 * `AWS::MSK::Cluster` (provisioned): broker hours and broker storage (default 1,000 GB each).
 *
 * @internal
 */
export const mskClusterPricer: Pricer = (resource, context) => {
  const { properties } = resource;
  const line = new LineBuilder(context.prices);
  const brokers = optionalNumber(properties, 'NumberOfBrokerNodes');
  if (brokers === undefined)
    throw new CannotPrice('NumberOfBrokerNodes is not set');
  const group = objectProperty(properties, 'BrokerNodeGroupInfo');
  const type = optionalString(group, 'InstanceType');
  if (!type)
    throw new CannotPrice('BrokerNodeGroupInfo.InstanceType is not set');
  line.hourly(
    `${type} brokers`,
    brokers,
    withPagePrice(
      rowOrQuery(msk.brokers, type, `MSK ${type} broker`, 'h', {
        serviceCode: 'AmazonMSK',
        filters: { instanceType: type },
      }),
      pageMskBrokerHours(type),
    ),
  );
  const storage =
    optionalNumber(
      objectProperty(objectProperty(group, 'StorageInfo'), 'EBSStorageInfo'),
      'VolumeSize',
    ) ?? 1000;
  return line
    .monthly(
      `GB-mo broker storage (${formatQuantity(brokers)} × ${formatQuantity(
        storage,
      )} GB)`,
      brokers * storage,
      msk.storageGbMonth,
    )
    .build();
};
