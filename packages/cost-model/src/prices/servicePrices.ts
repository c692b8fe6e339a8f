import type { PriceRow } from './aws-prices';
import { ALL_REGIONS, byUsageType, priced, rowsByKey, sec } from './priceRows';
import { PAGE_PRICES, withPagePrice } from './priceWatcherPrices';

const us = (usd: number) => ({ 'us-east-1': sec(usd) });

/**
 * Prices of managed services beyond the main table, from [K] (cost ÷ quantity, us-east-1 unless
 * a row says otherwise) and [Q] in the other bundled regions.
 *
 * @internal
 */
export const SERVICE_PRICES = {
  eks: {
    clusterHour: withPagePrice(
      priced(
        'EKS cluster (standard support)',
        'h',
        '[K] eks_cluster_test: $73.00 / 730 h',
        us(0.1),
        {
          serviceCode: 'AmazonEKS',
          filters: { usagetype: 'AmazonEKS-Hours:perCluster' },
        },
      ),
      PAGE_PRICES.eksClusterHour,
    ),
    extendedSupportHour: priced(
      'EKS cluster (extended support)',
      'h',
      '[K] eks_cluster_test: $438.00 / 730 h',
      us(0.6),
    ),
  },
  nlb: {
    hour: withPagePrice(
      priced(
        'Network Load Balancer hour',
        'h',
        '[K] lb_test: $16.43 / 730 h',
        us(0.0225),
        {
          serviceCode: 'AWSELB',
          filters: {
            productFamily: 'Load Balancer-Network',
            group: 'ELB:Balancer',
          },
        },
      ),
      PAGE_PRICES.nlbHour,
    ),
    nlcuHour: withPagePrice(
      priced(
        'Network Load Balancer NLCU',
        'NLCU-h',
        '[K] lb_test: $4.38 per NLCU-month / 730 h',
        us(0.006),
      ),
      PAGE_PRICES.nlbNlcuHour,
    ),
  },
  /** Gateway Load Balancer: [Q] in the six bundled regions, the Price List API elsewhere. */
  gwlb: {
    hour: withPagePrice(
      priced(
        'Gateway Load Balancer hour',
        'h',
        'AWS Price List API only',
        {},
        byUsageType('AWSELB', 'LoadBalancerUsage', {
          productFamily: 'Load Balancer-Gateway',
        }),
      ),
      PAGE_PRICES.gwlbHour,
    ),
    glcuHour: withPagePrice(
      priced(
        'Gateway Load Balancer GLCU',
        'GLCU-h',
        'AWS Price List API only',
        {},
        byUsageType('AWSELB', 'LCUUsage', {
          productFamily: 'Load Balancer-Gateway',
        }),
      ),
      PAGE_PRICES.gwlbGlcuHour,
    ),
  },
  route53HealthCheck: {
    awsEndpointMonth: priced(
      'Route 53 health check, AWS endpoint',
      'month',
      '[K] route53_health_check_test (Route 53 is global)',
      { [ALL_REGIONS]: sec(0.5) },
    ),
    otherEndpointMonth: priced(
      'Route 53 health check, non-AWS endpoint',
      'month',
      '[K] route53_health_check_test (Route 53 is global)',
      { [ALL_REGIONS]: sec(0.75) },
    ),
    awsFeatureMonth: priced(
      'Route 53 health check optional feature, AWS endpoint',
      'month',
      '[K] route53_health_check_test (Route 53 is global)',
      { [ALL_REGIONS]: sec(1) },
    ),
    otherFeatureMonth: priced(
      'Route 53 health check optional feature, non-AWS endpoint',
      'month',
      '[K] route53_health_check_test (Route 53 is global)',
      { [ALL_REGIONS]: sec(2) },
    ),
  },
  kmsKeyMonth: withPagePrice(
    priced(
      'KMS customer managed key',
      'month',
      '[K] kms_key_test: $1.00',
      us(1),
    ),
    PAGE_PRICES.kmsKeyMonth,
  ),
  openSearch: {
    instances: rowsByKey(
      {
        'c4.2xlarge.search': us(0.587),
        'c4.8xlarge.search': us(2.347),
        'ultrawarm1.medium.search': us(0.238),
      },
      (instanceType, regions) =>
        priced(
          `OpenSearch ${instanceType}`,
          'h',
          '[K] opensearch_domain_test: $1,285.53 / 2,190 h, $1,713.31 / 730 h, $347.48 / 1,460 h',
          regions,
          {
            serviceCode: 'AmazonES',
            filters: { instanceType },
          },
        ),
    ),
    storage: rowsByKey(
      {
        gp2: us(0.135),
        gp3: us(0.122),
        io1: us(0.169),
        standard: us(0.067),
      },
      (type, regions) =>
        priced(
          `OpenSearch ${type} storage`,
          'GB-mo',
          '[K] opensearch_domain_test, elasticsearch_domain_test: 400 GB gp2 $54.00, 400 GB gp3 $48.80, 1,000 GB io1 $169.00, 123 GB standard $8.24',
          regions,
        ),
    ),
    io1IopsMonth: priced(
      'OpenSearch io1 IOPS',
      'IOPS-mo',
      '[K] opensearch_domain_test: 10 IOPS $0.88',
      us(0.088),
    ),
  },
  msk: {
    brokers: rowsByKey(
      {
        'kafka.t3.small': us(0.0456),
        'kafka.m5.24xlarge': us(10.08),
      },
      (instanceType, regions) =>
        priced(
          `MSK ${instanceType} broker`,
          'h',
          '[K] msk_cluster_test: $66.58 / 1,460 h, $29,433.60 / 2,920 h',
          regions,
          { serviceCode: 'AmazonMSK', filters: { instanceType } },
        ),
    ),
    storageGbMonth: withPagePrice(
      priced(
        'MSK broker storage',
        'GB-mo',
        '[K] msk_cluster_test: 1,000 GB $100.00',
        us(0.1),
      ),
      PAGE_PRICES.mskStorageGbMonth,
    ),
  },
  elastiCacheNodes: {
    ...rowsByKey(
      {
        'cache.m4.large': us(0.156),
        'cache.r5.4xlarge': us(1.724),
        'cache.m6g.12xlarge': us(3.557),
      },
      (nodeType, regions) =>
        priced(
          `ElastiCache ${nodeType} (Redis OSS or Memcached)`,
          'node-h',
          '[K] elasticache_cluster_test, elasticache_replication_group_test: cache.m4.large $227.76 / 1,460 h (Memcached) and $1,822.08 / 11,680 h (Redis)',
          regions,
        ),
    ),
    'cache.t3.medium': priced(
      'ElastiCache cache.t3.medium (Redis OSS or Memcached)',
      'node-h',
      '[L] USW2-NodeUsage:cache.t3.medium: $49.64 / 730 h (us-west-2)',
      { 'us-west-2': sec(0.068) },
    ),
  } as Record<string, PriceRow>,
  dynamoDbProvisioned: {
    wcuHour: withPagePrice(
      priced(
        'DynamoDB provisioned write capacity unit',
        'WCU-h',
        '[K] dynamodb_table_test (us-east-2): 20 WCU $9.49',
        { 'us-east-2': sec(0.00065) },
      ),
      PAGE_PRICES.dynamoDbWcuHour,
    ),
    rcuHour: withPagePrice(
      priced(
        'DynamoDB provisioned read capacity unit',
        'RCU-h',
        '[K] dynamodb_table_test (us-east-2): 30 RCU $2.85',
        { 'us-east-2': sec(0.00013) },
      ),
      PAGE_PRICES.dynamoDbRcuHour,
    ),
    storageGbMonth: withPagePrice(
      priced(
        'DynamoDB storage',
        'GB-mo',
        '[K] dynamodb_table_test (us-east-2): $0.25 per GB',
        { 'us-east-2': sec(0.25) },
      ),
      PAGE_PRICES.dynamoDbStorageGbMonth,
    ),
  },
};
