import { estimateSubject } from '../__testUtils__/estimateSubject';

const east = { region: 'us-east-1' };

describe('EC2 instances and volumes', () => {
  it('prices an instance, its mapped volumes and a public IPv4 address it asks for', () => {
    // [K] instance_test: m5.large, io1 20 GB + 200 IOPS, gp3 100 GB with 4,000 IOPS, 200 MiB/s
    const { line } = estimateSubject(
      'AWS::EC2::Instance',
      {
        InstanceType: 'm5.large',
        BlockDeviceMappings: [
          {
            DeviceName: '/dev/xvda',
            Ebs: { VolumeSize: 30, VolumeType: 'gp2' },
          },
          {
            DeviceName: '/dev/sdf',
            Ebs: { VolumeSize: 20, VolumeType: 'io1', Iops: 200 },
          },
          {
            DeviceName: '/dev/sdg',
            Ebs: {
              VolumeSize: 100,
              VolumeType: 'gp3',
              Iops: 4000,
              Throughput: 200,
            },
          },
          { DeviceName: '/dev/sdh', VirtualName: 'ephemeral0' },
        ],
        NetworkInterfaces: [
          { DeviceIndex: '0', AssociatePublicIpAddress: true },
        ],
      },
      east,
    );
    // 0.096 × 730 + 30 × 0.10 + 20 × 0.125 + 200 × 0.065 + 100 × 0.08 + 1,000 × 0.005
    //   + 75 × 0.04 + 0.005 × 730
    expect(line!.monthlyUsd).toBe(108.23);
    expect(line!.components.map(component => component.description)).toEqual([
      'm5.large instance',
      'GB-mo gp2 root volume',
      'GB-mo io1 volume /dev/sdf',
      'provisioned IOPS volume /dev/sdf',
      'GB-mo gp3 volume /dev/sdg',
      'IOPS over 3,000 volume /dev/sdg',
      'MiB/s over 125 volume /dev/sdg',
      'public IPv4 address',
    ]);
  });

  it('reduces instance hours, not storage, under a schedule', () => {
    const { line } = estimateSubject(
      'AWS::EC2::Instance',
      { InstanceType: 't3.medium' },
      { ...east, schedule: { shutdown: '0 18 * * 1-5' } },
    );
    expect(line!.monthlyUsd).toBe(9.85); // 0.0416 × 217.5 + 8 × 0.10
  });

  it('takes the type from a launch template and names what is missing', () => {
    const launchTemplate = {
      Template: {
        Type: 'AWS::EC2::LaunchTemplate',
        Properties: { LaunchTemplateData: { InstanceType: 't3.large' } },
      },
    };
    const { line } = estimateSubject(
      'AWS::EC2::Instance',
      {
        LaunchTemplate: { LaunchTemplateId: { Ref: 'Template' }, Version: '1' },
      },
      east,
      launchTemplate,
    );
    expect(line!.components[0].description).toBe('t3.large instance');
    const missing = estimateSubject(
      'AWS::EC2::Instance',
      { ImageId: 'ami-123' },
      east,
    );
    expect(missing.unpriced[0].reason).toBe('InstanceType is not set');
    const unknownType = estimateSubject(
      'AWS::EC2::Instance',
      { InstanceType: 'p5.48xlarge' },
      east,
    );
    expect(unknownType.unpriced[0].reason).toBe(
      'no us-east-1 price for EC2 p5.48xlarge Linux on-demand in the price table',
    );
  });

  it('prices an Auto Scaling group at its desired capacity from a launch configuration', () => {
    const { line, estimate } = estimateSubject(
      'AWS::AutoScaling::AutoScalingGroup',
      {
        LaunchConfigurationName: { Ref: 'Config' },
        MinSize: '1',
        MaxSize: '4',
        DesiredCapacity: '3',
      },
      east,
      {
        Config: {
          Type: 'AWS::AutoScaling::LaunchConfiguration',
          Properties: {
            InstanceType: 't3.micro',
            BlockDeviceMappings: [
              { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 10 } },
            ],
          },
        },
      },
    );
    // 3 × 0.0104 × 730 + 3 × 10 GB gp2 × 0.10
    expect(line!.monthlyUsd).toBe(25.78);
    expect(estimate.assumptions).toContain(
      'Subject: 3 instances (DesiredCapacity; scaling between 1 and 4); Linux on demand assumed.',
    );
  });

  it('prices a standalone volume', () => {
    const { line } = estimateSubject(
      'AWS::EC2::Volume',
      { Size: 40, VolumeType: 'st1' },
      east,
    );
    expect(line!.monthlyUsd).toBe(1.8); // [K] ebs_volume_test: 40 GB st1 $1.80
  });
});

describe('EKS', () => {
  it('prices the control plane and a node group with the EKS defaults', () => {
    const cluster = estimateSubject('AWS::EKS::Cluster', {}, east);
    expect(cluster.line!.monthlyUsd).toBe(73);
    const nodes = estimateSubject('AWS::EKS::Nodegroup', {}, east);
    // EKS defaults: 2 × t3.medium, 20 GB gp2 disk ([K] eks_node_group_test: $30.37 + $2.00 each)
    expect(nodes.line!.monthlyUsd).toBe(64.74);
    const spot = estimateSubject(
      'AWS::EKS::Nodegroup',
      { CapacityType: 'SPOT' },
      east,
    );
    expect(spot.unpriced[0].reason).toBe(
      'Spot node prices are not in the price table',
    );
  });
});
