import { estimateSubject } from '../__testUtils__/estimateSubject';

const east = { region: 'us-east-1' };

describe('RDS engines, Aurora provisioned and read replicas', () => {
  it.each([
    // [K] db_instance_test rows (us-east-1), 20 GB gp2 at 0.115 each
    ['mysql', 'db.t3.large', undefined, 101.58],
    ['mariadb', 'db.t3.large', undefined, 101.58],
    ['oracle-se2', 'db.t3.large', undefined, 221.3],
    ['oracle-ee', 'db.t3.large', 'bring-your-own-license', 101.58],
    ['sqlserver-web', 'db.t3.large', undefined, 171.66],
    ['sqlserver-se', 'db.m5.xlarge', 'license-included', 895.82],
  ])(
    '%s %s (%s) matches the hand calculation',
    (engine, instanceClass, licenseModel, usd) => {
      const { line } = estimateSubject(
        'AWS::RDS::DBInstance',
        {
          Engine: engine,
          DBInstanceClass: instanceClass,
          AllocatedStorage: 20,
          ...(licenseModel ? { LicenseModel: licenseModel } : {}),
        },
        east,
      );
      expect(line!.monthlyUsd).toBe(usd);
    },
  );

  it('prices io1 storage with its IOPS and gp3 IOPS beyond the included', () => {
    const io1 = estimateSubject(
      'AWS::RDS::DBInstance',
      {
        Engine: 'mysql',
        DBInstanceClass: 'db.t3.large',
        AllocatedStorage: 100,
        Iops: 1000,
      },
      east,
    );
    // [K] mysql-default-iops: 99.28 + 100 GB × 0.125 + 1,000 IOPS × 0.10
    expect(io1.line!.monthlyUsd).toBe(211.78);
    const gp3 = estimateSubject(
      'AWS::RDS::DBInstance',
      {
        Engine: 'mysql',
        DBInstanceClass: 'db.t4g.small',
        AllocatedStorage: 400,
        StorageType: 'gp3',
        Iops: 14000,
        MultiAZ: true,
      },
      east,
    );
    // [K] gp3["multi_az"]: $47.45 + 400 GB × 0.23 + 2,000 IOPS × 0.04
    expect(gp3.line!.monthlyUsd).toBe(219.45);
  });

  it('a read replica inherits engine, class and storage from its source, and a cycle is named', () => {
    const { line } = estimateSubject(
      'AWS::RDS::DBInstance',
      { SourceDBInstanceIdentifier: { Ref: 'Primary' } },
      east,
      {
        Primary: {
          Type: 'AWS::RDS::DBInstance',
          Properties: {
            Engine: 'MySQL',
            DBInstanceClass: 'db.t3.large',
            AllocatedStorage: 20,
            MultiAZ: true,
          },
        },
      },
    );
    // Single-AZ (a replica's own MultiAZ default), MySQL db.t3.large + 20 GB gp2
    expect(line!.monthlyUsd).toBe(101.58);
    const cycle = estimateSubject(
      'AWS::RDS::DBInstance',
      { SourceDBInstanceIdentifier: { Ref: 'Other' } },
      east,
      {
        Other: {
          Type: 'AWS::RDS::DBInstance',
          Properties: { SourceDBInstanceIdentifier: { Ref: 'Subject' } },
        },
      },
    );
    expect(cycle.unpriced[0].reason).toBe(
      'read replicas form a cycle: Subject → Other → Subject',
    );
    const outside = estimateSubject(
      'AWS::RDS::DBInstance',
      {
        SourceDBInstanceIdentifier:
          'arn:aws:rds:us-east-1:123456789012:db:prod',
        DBInstanceClass: 'db.t3.large',
      },
      east,
    );
    expect(outside.unpriced[0].reason).toBe(
      'read replica of an instance outside this template: its engine is not known',
    );
  });

  it('prices an Aurora provisioned instance by the engine of its cluster', () => {
    const { line } = estimateSubject(
      'AWS::RDS::DBInstance',
      {
        DBClusterIdentifier: { Ref: 'Cluster' },
        DBInstanceClass: 'db.r4.large',
      },
      east,
      {
        Cluster: {
          Type: 'AWS::RDS::DBCluster',
          Properties: { Engine: 'aurora-mysql' },
        },
      },
    );
    expect(line!.monthlyUsd).toBe(211.7); // [K] rds_cluster_instance_test $211.70
    expect(line!.basis).toBe(
      '1 db.r4.large Aurora MySQL instance × 730 h × $0.29/h',
    );
  });
});

describe('OpenSearch, MSK, DocumentDB, DMS', () => {
  it('prices an OpenSearch domain: data nodes, masters and EBS per node', () => {
    const { line } = estimateSubject(
      'AWS::OpenSearchService::Domain',
      {
        ClusterConfig: {
          InstanceType: 'c4.2xlarge.search',
          InstanceCount: 3,
          DedicatedMasterEnabled: true,
          DedicatedMasterType: 'c4.8xlarge.search',
          DedicatedMasterCount: 1,
        },
        EBSOptions: { EBSEnabled: true, VolumeSize: 100, VolumeType: 'gp2' },
      },
      east,
    );
    // [K] opensearch_domain_test: $1,285.53 + $1,713.31 + 300 GB × 0.135
    expect(line!.monthlyUsd).toBe(3039.34);
    // [Q] es: m5.large.search $0.142/h in us-east-1, $0.17/h in eu-central-1
    const es = (region: string) =>
      estimateSubject(
        'AWS::Elasticsearch::Domain',
        {
          ElasticsearchClusterConfig: {
            InstanceType: 'm5.large.elasticsearch',
          },
        },
        { region },
      );
    expect(es('us-east-1').line!.monthlyUsd).toBe(103.66);
    expect(es('eu-central-1').line!.monthlyUsd).toBe(124.1);
    const or1 = estimateSubject(
      'AWS::OpenSearchService::Domain',
      { ClusterConfig: { InstanceType: 'or1.large.search' } },
      east,
    );
    expect(or1.unpriced[0].reason).toBe(
      'no us-east-1 price for OpenSearch or1.large.search in the price table',
    );
  });

  it('prices MSK brokers and their storage', () => {
    const { line } = estimateSubject(
      'AWS::MSK::Cluster',
      {
        NumberOfBrokerNodes: 2,
        BrokerNodeGroupInfo: {
          InstanceType: 'kafka.t3.small',
          StorageInfo: { EBSStorageInfo: { VolumeSize: 500 } },
        },
      },
      east,
    );
    expect(line!.monthlyUsd).toBe(166.58); // [K] $66.58 + 1,000 GB × 0.10
  });

  it('prices m5 and m7g brokers and their storage in the other bundled regions from [Q]', () => {
    const cluster = (InstanceType: string, region: string) =>
      estimateSubject(
        'AWS::MSK::Cluster',
        {
          NumberOfBrokerNodes: 3,
          BrokerNodeGroupInfo: {
            InstanceType,
            StorageInfo: { EBSStorageInfo: { VolumeSize: 100 } },
          },
        },
        { region },
      ).line!;
    // 3 × 0.2445 × 730 + 300 GB × 0.119
    expect(cluster('kafka.m7g.large', 'eu-central-1').monthlyUsd).toBe(571.16);
    // 3 × 0.243 × 730 + 300 GB × 0.116
    expect(cluster('kafka.m5.large', 'eu-west-2').monthlyUsd).toBe(566.97);
    expect(cluster('kafka.m7g.large', 'eu-central-1').basis).toBe(
      '3 kafka.m7g.large brokers × 730 h × $0.2445/h + 300 GB-mo broker storage (3 × 100 GB) × $0.119/GB-mo',
    );
  });

  it('prices DocumentDB instances and cluster storage, and DMS instances with storage beyond the included', () => {
    expect(
      estimateSubject(
        'AWS::DocDB::DBInstance',
        { DBInstanceClass: 'db.t3.medium' },
        east,
      ).line!.monthlyUsd,
    ).toBe(56.94);
    expect(
      estimateSubject('AWS::DocDB::DBCluster', {}, east).line!.monthlyUsd,
    ).toBe(1.2);
    const dms = estimateSubject(
      'AWS::DMS::ReplicationInstance',
      {
        ReplicationInstanceClass: 'dms.t2.micro',
        MultiAZ: true,
        AllocatedStorage: 70,
      },
      east,
    );
    expect(dms.line!.monthlyUsd).toBe(30.88); // [K] dms_test: $26.28 + 20 GB × $0.23
  });
});

describe('Route 53 health checks and KMS keys', () => {
  it('prices a check by endpoint and optional features', () => {
    const https = estimateSubject('AWS::Route53::HealthCheck', {
      HealthCheckConfig: {
        Type: 'HTTPS_STR_MATCH',
        FullyQualifiedDomainName: 'example.com',
        MeasureLatency: true,
      },
    });
    // non-AWS: 0.75 + 3 features × 2.00 ([K] ssl_latency_string_match_withUsage $6.75)
    expect(https.line!.monthlyUsd).toBe(6.75);
    const aws = estimateSubject('AWS::Route53::HealthCheck', {
      HealthCheckConfig: {
        Type: 'HTTP',
        FullyQualifiedDomainName: 'my-lb.elb.us-east-1.amazonaws.com',
      },
    });
    expect(aws.line!.monthlyUsd).toBe(0.5);
  });

  it('prices a customer managed key', () => {
    expect(estimateSubject('AWS::KMS::Key', {}, east).line!.monthlyUsd).toBe(1);
  });
});
