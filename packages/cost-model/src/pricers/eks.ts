import { formatQuantity } from '../format';
import { SERVICE_PRICES } from '../prices/servicePrices';
import { addInstances, launchTemplateData } from './ec2';
import { LineBuilder } from './LineBuilder';
import { objectProperty, optionalNumber, optionalString } from './properties';
import { Pricer } from './types';

/**
 * `AWS::EKS::Cluster`: the control plane per hour (standard support).
 *
 * @internal
 */
export const eksClusterPricer: Pricer = (_resource, context) =>
  new LineBuilder(context.prices)
    .hourly('EKS cluster', 1, SERVICE_PRICES.eks.clusterHour)
    .note(
      `priced at standard support; a Kubernetes version in extended support bills ${SERVICE_PRICES.eks.extendedSupportHour.regions['us-east-1']?.usd} $/h in us-east-1 instead`,
    )
    .build();

/**
 * `AWS::EKS::Nodegroup` (managed node group): its nodes as EC2 instances — DesiredSize
 * (default 2, the EKS default) of the first instance type (default t3.medium) or the launch
 * template's, each with its disk (default 20 GB gp2). Spot and Windows nodes are not priced.
 *
 * @internal
 */
export const eksNodegroupPricer: Pricer = (resource, context) => {
  const { properties } = resource;
  const line = new LineBuilder(context.prices);
  if (optionalString(properties, 'CapacityType') === 'SPOT')
    return line
      .cannotPrice('Spot node prices are not in the price table')
      .build();
  const ami = optionalString(properties, 'AmiType') ?? 'AL2_x86_64';
  if (ami.startsWith('WINDOWS'))
    return line.cannotPrice(`${ami} nodes are not in the price table`).build();
  const scaling = objectProperty(properties, 'ScalingConfig');
  const desired = optionalNumber(scaling, 'DesiredSize');
  const nodes = desired ?? optionalNumber(scaling, 'MinSize') ?? 2;
  const types = properties.InstanceTypes;
  const launchTemplate =
    properties.LaunchTemplate !== undefined
      ? launchTemplateData(properties.LaunchTemplate, context)
      : undefined;
  const data = launchTemplate?.data ?? {};
  const instanceType =
    (Array.isArray(types) && types.length > 0 ? String(types[0]) : undefined) ??
    optionalString(data, 'InstanceType') ??
    't3.medium';
  const blockDevices = data.BlockDeviceMappings ?? [
    {
      DeviceName: '/dev/xvda',
      Ebs: {
        VolumeSize: optionalNumber(properties, 'DiskSize') ?? 20,
        VolumeType: 'gp2',
      },
    },
  ];
  addInstances(
    line,
    {
      instanceType,
      blockDevices,
      publicIp: false,
      from: launchTemplate?.logicalId,
    },
    nodes,
    context,
  );
  line.note(
    `${formatQuantity(nodes)} node${nodes === 1 ? '' : 's'} (${
      desired === undefined ? 'EKS default desired size' : 'DesiredSize'
    }), on demand${
      Array.isArray(types) && types.length > 1
        ? `, at the first of InstanceTypes`
        : ''
    }`,
  );
  return line.build();
};
