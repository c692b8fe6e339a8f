import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { NetworkProfile } from '../profiles';

/**
 * Props of {@link Network}.
 *
 * @public
 */
export interface NetworkProps {
  /** The network section of the scale profile (must be enabled). */
  readonly profile: NetworkProfile;
}

/**
 * A VPC with public subnets (load balancer, NAT gateways), private subnets with egress (the
 * API) and, when the profile asks, isolated subnets (database, cache). A free S3 gateway
 * endpoint keeps S3 traffic off the NAT gateway.
 *
 * @public
 */
export class Network extends Construct {
  /** The VPC. */
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const { profile } = props;
    const subnetConfiguration: ec2.SubnetConfiguration[] = [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
      {
        name: 'Private',
        subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS,
        cidrMask: 22,
      },
    ];
    if (profile.isolatedSubnets) {
      subnetConfiguration.push({
        name: 'Data',
        subnetType: ec2.SubnetType.PRIVATE_ISOLATED,
        cidrMask: 26,
      });
    }
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'),
      maxAzs: profile.maxAzs,
      natGateways: profile.natGateways,
      subnetConfiguration,
      gatewayEndpoints: {
        S3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
      },
    });
    for (const service of profile.interfaceEndpoints) {
      this.vpc.addInterfaceEndpoint(`Endpoint-${service}`, {
        service: new ec2.InterfaceVpcEndpointAwsService(service),
        subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      });
    }
  }
}
