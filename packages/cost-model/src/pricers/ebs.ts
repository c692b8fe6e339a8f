import { formatQuantity } from '../format';
import { EBS_PRICES } from '../prices/ec2Prices';
import { LineBuilder } from './LineBuilder';
import { objectProperty, optionalNumber, optionalString } from './properties';
import { PricingContext } from './types';

/** gp3 includes 3,000 IOPS and 125 MiB/s per volume. */
const GP3_IOPS = 3000;
const GP3_THROUGHPUT = 125;

/**
 * Adds one EBS volume (storage, and IOPS or throughput billed beyond what it includes) to a
 * line. `count` is how many such volumes (e.g. one per node).
 *
 * @internal
 */
export function addEbsVolume(
  line: LineBuilder,
  volume: {
    what: string;
    type: string;
    sizeGb: number;
    iops?: number;
    throughput?: number;
  },
  count = 1,
): LineBuilder {
  const { what, type, sizeGb } = volume;
  const each =
    count === 1
      ? ''
      : ` (${formatQuantity(count)} × ${formatQuantity(sizeGb)} GB)`;
  const storage = EBS_PRICES.storage[type];
  if (!storage)
    return line.cannotPrice(`EBS ${type} volumes are not in the price table`);
  line.monthly(`GB-mo ${type} ${what}${each}`, count * sizeGb, storage);
  const provisioned = EBS_PRICES.provisionedIopsMonth[type];
  if (provisioned) {
    line.monthly(
      `provisioned IOPS ${what}`,
      count * (volume.iops ?? 100),
      provisioned,
    );
  }
  if (type === 'gp3' && (volume.iops ?? 0) > GP3_IOPS) {
    line.monthly(
      `IOPS over 3,000 ${what}`,
      count * (volume.iops! - GP3_IOPS),
      EBS_PRICES.gp3IopsMonth,
    );
  }
  if (type === 'gp3' && (volume.throughput ?? 0) > GP3_THROUGHPUT) {
    line.monthly(
      `MiB/s over 125 ${what}`,
      count * (volume.throughput! - GP3_THROUGHPUT),
      EBS_PRICES.gp3ThroughputMonth,
    );
  }
  return line;
}

/** Device names an AMI's root volume is usually at. */
const ROOT_DEVICES = ['/dev/xvda', '/dev/sda1', '/dev/sda'];

/**
 * The EBS volumes of `BlockDeviceMappings` (an instance's, launch template's or launch
 * configuration's), plus the AMI's root volume when no mapping overrides it (its size
 * assumed from `ec2RootVolumeGb`, gp2). Instance-store (`VirtualName`) and `NoDevice`
 * entries cost nothing extra.
 *
 * @internal
 */
export function addBlockDevices(
  line: LineBuilder,
  mappings: unknown,
  context: PricingContext,
  count = 1,
): LineBuilder {
  const list = Array.isArray(mappings) ? mappings : [];
  let hasRoot = false;
  for (const item of list) {
    const mapping = item as Record<string, unknown>;
    const device = optionalString(mapping, 'DeviceName') ?? '';
    if (ROOT_DEVICES.includes(device)) hasRoot = true;
    if (mapping.Ebs === undefined) continue;
    const ebs = objectProperty(mapping, 'Ebs');
    const size = optionalNumber(ebs, 'VolumeSize');
    const what = ROOT_DEVICES.includes(device)
      ? 'root volume'
      : `volume ${device}`;
    if (size === undefined) {
      line.cannotPrice(
        `${what}: VolumeSize is not set (it comes from the snapshot)`,
      );
      continue;
    }
    addEbsVolume(
      line,
      {
        what,
        type: (optionalString(ebs, 'VolumeType') ?? 'gp2').toLowerCase(),
        sizeGb: size,
        iops: optionalNumber(ebs, 'Iops'),
        throughput: optionalNumber(ebs, 'Throughput'),
      },
      count,
    );
  }
  if (!hasRoot) {
    addEbsVolume(
      line,
      {
        what: 'root volume (size from the AMI, assumed)',
        type: 'gp2',
        sizeGb: context.usage.get('ec2RootVolumeGb'),
      },
      count,
    );
  }
  return line;
}
