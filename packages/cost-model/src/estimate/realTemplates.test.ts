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
