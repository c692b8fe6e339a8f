import type { PriceRow } from './aws-prices';
import { priced, rowsByKey, sec } from './priceRows';
import { pageEc2Hours } from './priceWatcherInstances';
import { withPagePrice } from './priceWatcherPrices';

const K_INSTANCES =
  '[K] instance_test, autoscaling_group_test, eks_node_group_test (us-east-1)';
const K_BEANSTALK = '[K] elastic_beanstalk_environment_test (eu-west-1)';
const K_EBS = '[K] ebs_volume_test, instance_test (us-east-1)';

/**
 * EC2 on-demand Linux instance hours (shared tenancy) in us-east-1, USD per hour, from [K]:
 * monthly cost ÷ hours of the `Instance usage (Linux/UNIX, on-demand, TYPE)` rows.
 */
const INSTANCE_HOURS: Record<string, number> = {
  't2.micro': 0.0116, // 16.94 / 1,460 h
  't2.medium': 0.0464, // 33.87 / 730 h
  't2.large': 0.0928, // 203.23 / 2,190 h
  't3.micro': 0.0104, // 7.59 / 730 h
  't3.small': 0.0208, // 16.64 / 730 h
  't3.medium': 0.0416, // 30.37 / 730 h
  't3.large': 0.0832, // 60.74 / 730 h
  'm3.medium': 0.067, // 48.91 / 730 h
  'm3.large': 0.133, // 97.09 / 730 h
  'm5.large': 0.096, // 210.24 / 2,190 h
  'm5.xlarge': 0.192, // 420.48 / 2,190 h
  'r3.xlarge': 0.333, // 243.09 / 730 h
};

/**
 * The same in eu-west-1, from the one [K] test whose provider region is eu-west-1 (these rows
 * were once filed under us-east-1; [Q] has the us-east-1 prices: 0.0752, 0.1504, 0.10).
 */
const EU_WEST_1_INSTANCE_HOURS: Record<string, number> = {
  't3a.large': 0.0816, // 59.57 / 730 h
  't3a.xlarge': 0.1632, // 119.14 / 730 h
  'c4.large': 0.113, // 329.96 / 2,920 h
};

/**
 * The hourly row of an EC2 instance type: from [K] where it has the type, [Q] in the other
 * bundled regions, and a Price List query for every type and region.
 *
 * @internal
 */
export function ec2InstanceRow(instanceType: string): PriceRow {
  const usEast1 = INSTANCE_HOURS[instanceType];
  const euWest1 = EU_WEST_1_INSTANCE_HOURS[instanceType];
  const row = priced(
    `EC2 ${instanceType} Linux on-demand`,
    'h',
    euWest1 === undefined ? K_INSTANCES : K_BEANSTALK,
    {
      ...(usEast1 === undefined ? {} : { 'us-east-1': sec(usEast1) }),
      ...(euWest1 === undefined ? {} : { 'eu-west-1': sec(euWest1) }),
    },
    {
      serviceCode: 'AmazonEC2',
      filters: {
        instanceType,
        operatingSystem: 'Linux',
        tenancy: 'Shared',
        preInstalledSw: 'NA',
        capacitystatus: 'Used',
        licenseModel: 'No License required',
      },
    },
  );
  return withPagePrice(row, pageEc2Hours(instanceType));
}

const ebsQuery = (volumeApiName: string) => ({
  serviceCode: 'AmazonEC2',
  filters: { productFamily: 'Storage', volumeApiName },
});

/**
 * EBS volume storage per GB-month, by volume type, and the provisioned IOPS and throughput
 * billed beyond what a volume includes. From [K]: e.g. 10 GB gp2 $1.00, 40 GB gp3 $3.20,
 * 1,000 extra gp3 IOPS $5.00, 5 extra MiB/s $0.20, 30 GB io1 $3.75 + 300 IOPS $19.50.
 *
 * @internal
 */
export const EBS_PRICES = {
  storage: rowsByKey(
    {
      gp2: { 'us-east-1': sec(0.1) },
      gp3: { 'us-east-1': sec(0.08) },
      io1: { 'us-east-1': sec(0.125) },
      io2: { 'us-east-1': sec(0.125) },
      st1: { 'us-east-1': sec(0.045) },
      sc1: { 'us-east-1': sec(0.015) },
      standard: { 'us-east-1': sec(0.05) },
    },
    (type, regions) =>
      priced(`EBS ${type} storage`, 'GB-mo', K_EBS, regions, ebsQuery(type)),
  ),
  gp3IopsMonth: priced(
    'EBS gp3 IOPS over the included 3,000',
    'IOPS-mo',
    K_EBS,
    { 'us-east-1': sec(0.005) },
  ),
  gp3ThroughputMonth: priced(
    'EBS gp3 throughput over the included 125 MiB/s',
    'MiBps-mo',
    K_EBS,
    { 'us-east-1': sec(0.04) },
  ),
  provisionedIopsMonth: rowsByKey(
    { io1: { 'us-east-1': sec(0.065) }, io2: { 'us-east-1': sec(0.065) } },
    (type, regions) =>
      priced(
        `EBS ${type} provisioned IOPS (first tier)`,
        'IOPS-mo',
        K_EBS,
        regions,
      ),
  ),
};
