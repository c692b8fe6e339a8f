import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CostEstimate, EstimateOptions } from '../types';
import { estimateMonthlyCost } from './estimateMonthlyCost';

/**
 * Real public templates (see `src/__fixtures__/real-templates/README.md` for their repository,
 * path, commit and licence), each checked against a hand calculation from the sourced rows of
 * the price table (us-east-1 unless said; [K] = infracost test output, PL = Price List rows).
 */
function estimate(
  file: string,
  options: Partial<EstimateOptions> = {},
): CostEstimate {
  const text = readFileSync(
    join(__dirname, '..', '__fixtures__', 'real-templates', file),
    'utf8',
  );
  return estimateMonthlyCost(text, { region: 'us-east-1', ...options });
}

function monthly(result: CostEstimate): Record<string, number> {
  return Object.fromEntries(
    result.lines
      .filter(line => line.monthlyUsd > 0)
      .map(line => [line.logicalId, line.monthlyUsd]),
  );
}

/** Within 5% of the hand calculation (the bar); most are exact to the cent. */
function near(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected * 0.05);
}

describe('real templates priced against hand calculations', () => {
  it('RDS MySQL with a read replica: the replica inherits the engine of its source', () => {
    const result = estimate('rds-mysql-with-read-replica.yaml', {
      parameters: { DBInstanceClass: 'db.t3.large', DBAllocatedStorage: '20' },
    });
    // MySQL db.t3.large 0.136 × 730 = 99.28 ([K] $99.28) + 20 GB gp2 × 0.115 = 2.30, twice;
    // secret 0.40 + 10k API calls × 0.05 / 10k.
    expect(monthly(result)).toEqual({
      MainDB: 101.58,
      ReplicaDB: 101.58,
      DBCredential: 0.45,
    });
    expect(result.totalUsd).toBe(203.61);
    expect(result.unpriced).toEqual([]);
    // The template's defaults: MySQL db.t3.medium 0.068 × 730 = 49.64 ([Q], = [V] Single-AZ)
    // + 5 GB gp2 × 0.115 = 0.575, twice.
    const defaults = estimate('rds-mysql-with-read-replica.yaml');
    near(monthly(defaults).MainDB, 50.22);
    near(monthly(defaults).ReplicaDB, 50.22);
    expect(defaults.unpriced).toEqual([]);
    // Multi-AZ source ([Q] rds-mysql-ondemand db.t3.medium Multi-AZ $0.136/h) + 5 GB gp2
    // Multi-AZ × 0.23; the replica stays Single-AZ (MultiAZ is not inherited).
    const multiAz = estimate('rds-mysql-with-read-replica.yaml', {
      parameters: { MultiAZ: 'true' },
    });
    expect(monthly(multiAz)).toMatchObject({
      MainDB: 100.43,
      ReplicaDB: 50.22,
    });
    expect(multiAz.unpriced).toEqual([]);
  });

  it('EC2 instance: its hours and the AMI root volume', () => {
    const result = estimate('ec2-instance-with-security-group.yaml');
    // t3.small 0.0208 × 730 = 15.184 ([K] $16.64 / 730 h) + 8 GB gp2 × 0.10
    expect(monthly(result)).toEqual({ EC2Instance: 15.98 });
    expect(result.complete).toBe(true);
    expect(result.assumptions).toContain(
      'Usage: 8 GB gp2 root volume for an EC2 instance or node whose size comes from its AMI.',
    );
  });

  it('EKS cluster with a managed node group on a launch template, NAT gateways and EIPs', () => {
    const result = estimate('eks-cluster-and-node-group.yaml');
    // Cluster 0.10 × 730; 2 × t3.medium 0.0416 × 730 + 2 × 80 GB gp3 × 0.08 (the launch
    // template's volume); 3 NAT gateways 0.045 × 730 + 1 GB × 0.045; 3 EIPs 0.005 × 730.
    expect(monthly(result)).toEqual({
      ControlPlane: 73,
      ManagedNodeGroup: 73.54,
      NATGateway1: 32.9,
      NATGateway2: 32.9,
      NATGateway3: 32.9,
      EIP1: 3.65,
      EIP2: 3.65,
      EIP3: 3.65,
    });
    near(result.totalUsd, 73 + 73.536 + 3 * 32.895 + 3 * 3.65);
    expect(result.unpriced).toEqual([]);
  });

  it('Neptune cluster in eu-west-2: instance, cluster storage and I/O, alarms', () => {
    const result = estimate('neptune-cluster.yaml', { region: 'eu-west-2' });
    // db.r4.large 0.408 × 730 = 297.84 ([K] eu-west-2); 10 GB × 0.116 + 1M I/O × 0.232;
    // 4 alarms × 0.10 (PL).
    expect(monthly(result)).toMatchObject({
      NeptuneDBInstance: 297.84,
      NeptuneDBCluster: 1.39,
      NeptunePrimaryCpuAlarm: 0.1,
    });
    expect(result.totalUsd).toBe(299.63);
    expect(result.unpriced).toEqual([]);
  });

  it('DynamoDB provisioned table in us-east-2', () => {
    const result = estimate('dynamodb-table.yaml', { region: 'us-east-2' });
    // 10 WCU × 0.00065 × 730 + 5 RCU × 0.00013 × 730 + 1 GB × 0.25 ([K] us-east-2)
    expect(monthly(result)).toEqual({ myDynamoDBTable: 5.47 });
  });

  it('Fargate service with AssignPublicIp ENABLED: vCPU, memory and a public IPv4 per task', () => {
    const result = estimate('fargate-public-service.yaml');
    // 2 × 0.25 vCPU × 0.04048 × 730 + 2 × 0.5 GB × 0.004445 × 730 + 2 × 0.005 × 730
    expect(monthly(result)).toEqual({ Service: 25.32 });
    expect(result.complete).toBe(true);
  });

  it('internal Network Load Balancer behind a PrivateLink endpoint service', () => {
    const result = estimate('nlb-private-link-service.yaml');
    // 0.0225 × 730 ([K] $16.43) + 0.5 NLCU × 0.006 × 730
    expect(monthly(result)).toEqual({ ASCPrivateLinkNLB: 18.62 });
    expect(result.complete).toBe(true);
  });

  it('SAM hello world: the function and the implicit REST API', () => {
    const result = estimate('sam-hello-world.yaml');
    // 100k requests × 0.20/M + 100k × 0.2 s × 0.125 GB × 0.0000166667; REST 0.1M × 3.50
    expect(monthly(result)).toEqual({
      HelloWorldFunction: 0.06,
      ServerlessRestApi: 0.35,
    });
    expect(result.assumptions).toContain(
      'Template: the implicit ServerlessRestApi SAM creates for Api events is priced.',
    );
    expect(result.complete).toBe(true);
  });

  it('SAM web backend: three functions, one implicit API, a provisioned SimpleTable', () => {
    const east2 = estimate('sam-web-backend.yaml', { region: 'us-east-2' });
    // SimpleTable 2 WCU × 0.00065 × 730 + 2 RCU × 0.00013 × 730 + 1 GB × 0.25 ([K] us-east-2)
    expect(monthly(east2).SampleTable).toBe(1.39);
    const east1 = estimate('sam-web-backend.yaml');
    expect(monthly(east1)).toMatchObject({
      ServerlessRestApi: 0.35,
      getAllItemsFunction: 0.06,
      putItemFunction: 0.06,
    });
    // us-east-1 provisioned capacity from [Q] dynamodb, the same rates as [K] us-east-2.
    expect(monthly(east1).SampleTable).toBe(1.39);
    expect(east1.complete).toBe(true);
  });
});

/**
 * The same kind of templates in the regions and for the resources [Q] added (prices from [Q]
 * unless said: the AWS pricing pages' data in QuinnyPig/aws-price-watcher at a6645eb).
 */
describe('real templates in the other bundled regions, from [Q] prices', () => {
  const fargateAlb = {
    ParentVPCStack: 'vpc',
    ParentClusterStack: 'cluster',
    LoadBalancerScheme: 'internal',
  };

  it('Fargate service behind its own ALB, with a log group and alarms, in eu-central-1 and us-east-2', () => {
    const frankfurt = estimate('fargate-service-dedicated-alb.yaml', {
      region: 'eu-central-1',
      parameters: fargateAlb,
    });
    // 2 tasks × 0.25 vCPU × 0.04656 × 730 + 2 × 0.5 GB × 0.00511 × 730 + 2 IPv4 × 0.005 × 730
    // (SubnetsReach Public: AssignPublicIp ENABLED); ALB 0.027 × 730 + 0.5 LCU × 0.008 × 730;
    // logs 0.5 GB × 0.63 + 0.23 GB-mo × 0.0324; 2 alarms × 0.10.
    expect(monthly(frankfurt)).toEqual({
      Service: 28.02,
      LoadBalancer: 22.63,
      LogGroup: 0.32,
      CPUUtilizationHighAlarm: 0.1,
      CPUUtilizationLowAlarm: 0.1,
    });
    near(
      frankfurt.totalUsd,
      16.9944 + 3.7303 + 7.3 + 19.71 + 2.92 + 0.3225 + 0.2,
    );
    expect(frankfurt.complete).toBe(true);
    const ohio = estimate('fargate-service-dedicated-alb.yaml', {
      region: 'us-east-2',
      parameters: fargateAlb,
    });
    // 0.04048 / 0.004445 / 0.005; ALB 0.0225 + 0.5 × 0.008; logs 0.50 and 0.03.
    expect(monthly(ohio)).toMatchObject({
      Service: 25.32,
      LoadBalancer: 19.35,
      LogGroup: 0.26,
    });
    expect(ohio.totalUsd).toBe(45.13);
  });

  it('NAT gateway with its Elastic IP: data priced in us-east-2 ([T]), unpriced in eu-central-1', () => {
    const ohio = estimate('vpc-nat-gateway.yaml', {
      region: 'us-east-2',
      parameters: { ParentVPCStack: 'vpc' },
    });
    // 0.045 × 730 ([A]) + 1 GB × 0.045 ([T] PointFive); IPv4 0.005 × 730.
    expect(monthly(ohio)).toEqual({ NatGateway: 32.9, EIP: 3.65 });
    expect(ohio.complete).toBe(true);
    const frankfurt = estimate('vpc-nat-gateway.yaml', {
      region: 'eu-central-1',
      parameters: { ParentVPCStack: 'vpc' },
    });
    expect(monthly(frankfurt)).toEqual({ NatGateway: 37.96, EIP: 3.65 });
    expect(frankfurt.unpriced.map(item => item.reason)).toEqual([
      'no eu-central-1 price for NAT gateway data processed in the price table',
    ]);
  });

  it('RDS PostgreSQL Multi-AZ with gp2 storage: db.m6g.large in eu-central-1, db.t4g.medium in us-west-2', () => {
    const frankfurt = estimate('rds-postgres.yaml', {
      region: 'eu-central-1',
      parameters: {
        ParentVPCStack: 'vpc',
        DBInstanceClass: 'db.m6g.large',
        DBAllocatedStorage: '100',
      },
    });
    // 0.379 × 730 + 100 GB × 0.273 ([A] gp2 Multi-AZ)
    expect(monthly(frankfurt)).toEqual({ DBInstance: 303.97 });
    expect(frankfurt.complete).toBe(true);
    const oregon = estimate('rds-postgres.yaml', {
      region: 'us-west-2',
      parameters: {
        ParentVPCStack: 'vpc',
        DBInstanceClass: 'db.t4g.medium',
        DBAllocatedStorage: '100',
      },
    });
    // 0.129 × 730 ([A]) + 100 GB × 0.23
    expect(monthly(oregon)).toEqual({ DBInstance: 117.17 });
  });

  it('OpenSearch domain with r6g data nodes and m5 masters: us-east-1, and eu-central-1 without EBS prices', () => {
    const parameters = {
      ParentVPCStack: 'vpc',
      ClusterInstanceType: 'r6g.large.elasticsearch',
      ClusterInstanceCount: '2',
      DedicatedMasterCount: '3',
      DedicatedMasterType: 'm5.large.elasticsearch',
      EBSVolumeSize: '100',
    };
    const virginia = estimate('elasticsearch-domain.yaml', { parameters });
    // 2 × 0.167 × 730 + 3 × 0.142 × 730 + 2 × 100 GB gp2 × 0.135 ([K])
    expect(monthly(virginia)).toEqual({ ElasticsearchDomain: 581.8 });
    expect(virginia.complete).toBe(true);
    const frankfurt = estimate('elasticsearch-domain.yaml', {
      region: 'eu-central-1',
      parameters,
    });
    // 2 × 0.202 × 730 + 3 × 0.17 × 730; no eu-central-1 OpenSearch EBS price in any source.
    expect(monthly(frankfurt)).toEqual({ ElasticsearchDomain: 667.22 });
    expect(frankfurt.unpriced.map(item => item.reason)).toEqual([
      'no eu-central-1 price for OpenSearch gp2 storage in the price table',
    ]);
  });

  it('MSK cluster (AWS docs "Get Started") with its client instance in us-west-2', () => {
    const oregon = estimate('msk-get-started.yaml', {
      region: 'us-west-2',
      parameters: { KeyName: 'key' },
    });
    // 3 kafka.m5.large × 0.21 × 730 + 3 × 2,000 GB × 0.10; client m5.large 0.096 × 730.
    expect(monthly(oregon)).toEqual({
      MSKCluster: 1059.9,
      KafkaClientEC2Instance: 70.08,
    });
    // No us-west-2 EBS price: the client's root volume is said, not invented.
    expect(oregon.unpriced.map(item => item.reason)).toEqual([
      'no us-west-2 price for EBS gp2 storage in the price table',
    ]);
    const virginia = estimate('msk-get-started.yaml', {
      parameters: { KeyName: 'key' },
    });
    // The same brokers; m5.large + 8 GB gp2 × 0.10 ([K]).
    expect(monthly(virginia)).toEqual({
      MSKCluster: 1059.9,
      KafkaClientEC2Instance: 70.88,
    });
  });

  it('Gateway Load Balancer in eu-central-1', () => {
    const result = estimate('gateway-load-balancer.yaml', {
      region: 'eu-central-1',
      parameters: {
        GwlbSubnets: 'subnet-1,subnet-2',
        VpcId: 'vpc-1',
        Appliance1InstanceId: 'i-1',
        Appliance2InstanceId: 'i-2',
      },
    });
    // 0.0147 × 730 + 0.5 GLCU × 0.0042 × 730
    expect(monthly(result)).toEqual({ Gwlb: 12.26 });
    expect(result.complete).toBe(true);
  });

  it('ElastiCache Serverless Valkey in eu-west-1', () => {
    const result = estimate('elasticache-serverless-valkey.yaml', {
      region: 'eu-west-1',
      parameters: { VpcModule: 'vpc', ClientSgModule: 'sg', CacheName: 'c' },
    });
    // 1 GB × 0.094 × 730 + 1M ECPU × 0.0025
    expect(monthly(result)).toEqual({ ServerlessCache: 68.62 });
    expect(result.complete).toBe(true);
  });

  it('DocumentDB cluster with two instances in eu-central-1', () => {
    const result = estimate('documentdb-cluster.yaml', {
      region: 'eu-central-1',
      parameters: { ParentVPCStack: 'vpc' },
    });
    // db.r5.large 0.334 × 730, twice; 10 GB × 0.119 + 1M I/O × 0.22.
    expect(monthly(result)).toEqual({
      InstanceA: 243.82,
      InstanceB: 243.82,
      Cluster: 1.41,
    });
    expect(result.complete).toBe(true);
  });

  it.each([
    // 10 WCU and 5 RCU × 730 h + 1 GB
    ['us-east-1', 10 * 0.00065 * 730 + 5 * 0.00013 * 730 + 0.25],
    ['eu-west-2', 10 * 0.000772 * 730 + 5 * 0.0001544 * 730 + 0.29715],
    ['eu-central-1', 10 * 0.000793 * 730 + 5 * 0.0001586 * 730 + 0.306],
  ])('DynamoDB provisioned table in %s', (region, expected) => {
    const result = estimate('dynamodb-table.yaml', { region });
    near(monthly(result).myDynamoDBTable, expected);
    expect(result.complete).toBe(true);
  });

  it('internal NLB behind a PrivateLink endpoint service in eu-central-1', () => {
    const result = estimate('nlb-private-link-service.yaml', {
      region: 'eu-central-1',
    });
    // 0.027 × 730 + 0.5 NLCU × 0.006 × 730
    expect(monthly(result)).toEqual({ ASCPrivateLinkNLB: 21.9 });
  });
});
