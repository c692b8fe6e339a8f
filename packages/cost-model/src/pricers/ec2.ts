import { formatQuantity } from '../format';
import { AWS_PRICES } from '../prices/aws-prices';
import { ec2InstanceRow } from '../prices/ec2Prices';
import { ResolvedResource } from '../template/resolveTemplate';
import { addBlockDevices, addEbsVolume } from './ebs';
import { LineBuilder } from './LineBuilder';
import {
  objectProperty,
  optionalBoolean,
  optionalNumber,
  optionalString,
  referencedResource,
} from './properties';
import { CannotPrice, Pricer, PricingContext } from './types';

/** What an instance runs: its type, volumes and whether it gets a public IPv4 address. */
interface InstanceShape {
  readonly instanceType?: string;
  readonly blockDevices?: unknown;
  readonly publicIp: boolean;
  readonly from?: string;
}

/** The launch template a `{ LaunchTemplateId | LaunchTemplateName }` points to, in the template. */
export function launchTemplateData(
  specification: unknown,
  context: PricingContext,
): { data: Record<string, unknown>; logicalId: string } | undefined {
  const spec =
    typeof specification === 'object' && specification !== null
      ? (specification as Record<string, unknown>)
      : {};
  // EC2 and Auto Scaling say LaunchTemplateId/LaunchTemplateName; EKS node groups say Id/Name.
  const id = spec.LaunchTemplateId ?? spec.Id;
  const name = spec.LaunchTemplateName ?? spec.Name;
  const byRef =
    referencedResource(id, context) ?? referencedResource(name, context);
  const byName =
    typeof name === 'string'
      ? context.template.resources.find(
          resource =>
            resource.type === 'AWS::EC2::LaunchTemplate' &&
            resource.properties.LaunchTemplateName === name,
        )
      : undefined;
  const template = byRef ?? byName;
  if (!template || template.type !== 'AWS::EC2::LaunchTemplate')
    return undefined;
  return {
    data: objectProperty(template.properties, 'LaunchTemplateData'),
    logicalId: template.logicalId,
  };
}

function associatesPublicIp(interfaces: unknown): boolean {
  return (
    Array.isArray(interfaces) &&
    interfaces.some(
      item =>
        String((item as Record<string, unknown>).AssociatePublicIpAddress) ===
        'true',
    )
  );
}

/** An instance's own properties over its launch template's. */
function instanceShape(
  properties: Record<string, unknown>,
  context: PricingContext,
): InstanceShape {
  const launchTemplate =
    properties.LaunchTemplate !== undefined
      ? launchTemplateData(properties.LaunchTemplate, context)
      : undefined;
  const data = launchTemplate?.data ?? {};
  return {
    instanceType:
      optionalString(properties, 'InstanceType') ??
      optionalString(data, 'InstanceType'),
    blockDevices: properties.BlockDeviceMappings ?? data.BlockDeviceMappings,
    publicIp:
      associatesPublicIp(properties.NetworkInterfaces) ||
      associatesPublicIp(data.NetworkInterfaces),
    from: launchTemplate?.logicalId,
  };
}

/**
 * Adds `count` instances of a shape (hours, volumes, public IPv4) to a line.
 *
 * @internal
 */
export function addInstances(
  line: LineBuilder,
  shape: InstanceShape,
  count: number,
  context: PricingContext,
): LineBuilder {
  if (!shape.instanceType) {
    throw new CannotPrice(
      `InstanceType is not set${
        shape.from ? ` here or in launch template ${shape.from}` : ''
      }`,
    );
  }
  line.hourly(
    `${shape.instanceType} instance${count === 1 ? '' : 's'}`,
    count,
    ec2InstanceRow(shape.instanceType),
  );
  addBlockDevices(line, shape.blockDevices, context, count);
  if (shape.publicIp) {
    line.hourly(
      `public IPv4 address${count === 1 ? '' : 'es'}`,
      count,
      AWS_PRICES.publicIpv4Hour,
    );
  }
  return line;
}

/**
 * `AWS::EC2::Instance`: Linux on-demand hours of its type (or its launch template's), its EBS
 * volumes (the AMI's root volume assumed when not mapped) and a public IPv4 address when a
 * network interface asks for one. Windows, dedicated tenancy and Spot are not priced.
 *
 * @internal
 */
export const instancePricer: Pricer = (resource, context) => {
  const line = new LineBuilder(context.prices);
  const { properties } = resource;
  if (optionalString(properties, 'Tenancy') === 'dedicated')
    return line
      .cannotPrice('dedicated tenancy is not in the price table')
      .build();
  addInstances(line, instanceShape(properties, context), 1, context);
  line.note(
    'Linux assumed (the AMI decides; Windows and licensed AMIs cost more); a public IPv4 address the subnet assigns on launch is not counted',
  );
  return line.build();
};

/**
 * `AWS::EC2::Volume`: storage and provisioned IOPS/throughput beyond what the type includes.
 *
 * @internal
 */
export const volumePricer: Pricer = (resource, context) => {
  const { properties } = resource;
  const size = optionalNumber(properties, 'Size');
  if (size === undefined)
    throw new CannotPrice('Size is not set (it comes from the snapshot)');
  return addEbsVolume(new LineBuilder(context.prices), {
    what: 'volume',
    type: (optionalString(properties, 'VolumeType') ?? 'gp2').toLowerCase(),
    sizeGb: size,
    iops: optionalNumber(properties, 'Iops'),
    throughput: optionalNumber(properties, 'Throughput'),
  }).build();
};

/** The launch shape of an Auto Scaling group: launch template, mixed policy or configuration. */
function groupShape(
  resource: ResolvedResource,
  context: PricingContext,
): InstanceShape {
  const { properties } = resource;
  const mixed = objectProperty(properties, 'MixedInstancesPolicy');
  const mixedTemplate = objectProperty(mixed, 'LaunchTemplate');
  const spec =
    properties.LaunchTemplate ??
    mixedTemplate.LaunchTemplateSpecification ??
    undefined;
  if (spec !== undefined) {
    const shape = instanceShape({ LaunchTemplate: spec }, context);
    const overrides = mixedTemplate.Overrides;
    const first = Array.isArray(overrides)
      ? optionalString(overrides[0] as Record<string, unknown>, 'InstanceType')
      : undefined;
    return first ? { ...shape, instanceType: first } : shape;
  }
  const configuration = referencedResource(
    properties.LaunchConfigurationName,
    context,
  );
  if (!configuration)
    throw new CannotPrice(
      'its launch template or launch configuration is not in this template',
    );
  const config = configuration.properties;
  return {
    instanceType: optionalString(config, 'InstanceType'),
    blockDevices: config.BlockDeviceMappings,
    publicIp: optionalBoolean(config, 'AssociatePublicIpAddress', false),
    from: configuration.logicalId,
  };
}

/**
 * `AWS::AutoScaling::AutoScalingGroup`: DesiredCapacity (or MinSize) instances of its launch
 * template's or launch configuration's type, with their volumes. A mixed instances policy is
 * priced at its first override, on demand.
 *
 * @internal
 */
export const autoScalingGroupPricer: Pricer = (resource, context) => {
  const { properties } = resource;
  const line = new LineBuilder(context.prices);
  const desired = optionalNumber(properties, 'DesiredCapacity');
  const count = desired ?? optionalNumber(properties, 'MinSize') ?? 0;
  addInstances(line, groupShape(resource, context), count, context);
  line.note(
    `${formatQuantity(count)} instance${count === 1 ? '' : 's'} (${
      desired === undefined ? 'MinSize' : 'DesiredCapacity'
    }; scaling between ${properties.MinSize} and ${
      properties.MaxSize
    }); Linux on demand assumed`,
  );
  return line.build();
};
