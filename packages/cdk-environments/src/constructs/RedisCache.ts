import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import { Construct } from 'constructs';
import { ElastiCacheProfile } from '../profiles';

/**
 * Props of {@link RedisCache}.
 *
 * @public
 */
export interface RedisCacheProps {
  /** Cache settings from the scale profile. */
  readonly profile: ElastiCacheProfile;
  /** The VPC; the nodes go in its isolated subnets. */
  readonly vpc: ec2.IVpc;
  /** Description of the replication group. */
  readonly description: string;
}

/**
 * An ElastiCache replication group (Redis OSS or Valkey) in isolated subnets, encrypted in
 * transit and at rest, with automatic failover across zones when the profile is Multi-AZ.
 *
 * @public
 */
export class RedisCache extends Construct {
  /** The replication group. */
  readonly replicationGroup: elasticache.CfnReplicationGroup;
  /** Security group of the nodes; allow the API to reach it on {@link RedisCache.port}. */
  readonly connections: ec2.Connections;
  /** Port of the primary endpoint. */
  readonly port = 6379;

  constructor(scope: Construct, id: string, props: RedisCacheProps) {
    super(scope, id);
    const { profile } = props;
    const subnetGroup = new elasticache.CfnSubnetGroup(this, 'Subnets', {
      description: props.description,
      subnetIds: props.vpc.selectSubnets({
        subnetType: ec2.SubnetType.PRIVATE_ISOLATED,
      }).subnetIds,
    });
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: props.description,
      allowAllOutbound: false,
    });
    this.connections = new ec2.Connections({
      securityGroups: [securityGroup],
      defaultPort: ec2.Port.tcp(this.port),
    });
    this.replicationGroup = new elasticache.CfnReplicationGroup(
      this,
      'ReplicationGroup',
      {
        replicationGroupDescription: props.description,
        engine: profile.engine,
        cacheNodeType: profile.nodeType,
        numCacheClusters: profile.numCacheNodes,
        multiAzEnabled: profile.multiAz,
        automaticFailoverEnabled: profile.multiAz,
        cacheSubnetGroupName: subnetGroup.ref,
        securityGroupIds: [securityGroup.securityGroupId],
        port: this.port,
        transitEncryptionEnabled: true,
        atRestEncryptionEnabled: true,
      },
    );
  }
}
