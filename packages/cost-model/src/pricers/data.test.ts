import { estimateSubject } from '../__testUtils__/estimateSubject';

describe('RDS for PostgreSQL', () => {
  it('prices a Multi-AZ instance and its storage: db.t4g.medium, 20 GB gp2, eu-west-2', () => {
    const { line } = estimateSubject('AWS::RDS::DBInstance', {
      Engine: 'postgres',
      DBInstanceClass: 'db.t4g.medium',
      MultiAZ: true,
      AllocatedStorage: '20',
    });
    // 0.145 × 730 + 20 × 0.266 = 111.17
    expect(line!.monthlyUsd).toBe(111.17);
    expect(line!.basis).toBe(
      '1 db.t4g.medium Multi-AZ instance (RDS PostgreSQL) × 730 h × $0.145/h + 20 GB-mo gp2 storage Multi-AZ × $0.266/GB-mo',
    );
  });

  it('prices a class the table only estimated from a sourced price: db.t4g.small Multi-AZ, eu-west-2', () => {
    const { line, estimate } = estimateSubject('AWS::RDS::DBInstance', {
      Engine: 'postgres',
      DBInstanceClass: 'db.t4g.small',
      MultiAZ: true,
      AllocatedStorage: 100,
      StorageType: 'gp3',
    });
    // The table's ≈0.072 gives way to [Q] rds-postgresql-ondemand ($0.072/h): 0.072 × 730
    // + 100 GB-mo gp3 Multi-AZ × 0.266
    expect(line!.estimate).toBe(false);
    expect(line!.monthlyUsd).toBe(79.16);
    expect(line!.components[0].priceSource).toBe(
      'RDS PostgreSQL db.t4g.small Multi-AZ ([T]; [D]; bill; [Q] rds-postgresql-ondemand db.t4g.small Multi-AZ (us-east-2, us-west-2, eu-west-1, eu-west-2, eu-central-1))',
    );
    expect(
      estimate.assumptions.some(text => text.startsWith('Estimated price')),
    ).toBe(false);
  });

  it('lists a class not in the table as unpriced but still prices the storage', () => {
    const { line, unpriced } = estimateSubject('AWS::RDS::DBInstance', {
      Engine: 'postgres',
      DBInstanceClass: 'db.x2g.large',
      AllocatedStorage: 10,
    });
    expect(unpriced.map(item => item.reason)).toEqual([
      'no eu-west-2 price for RDS PostgreSQL db.x2g.large Single-AZ in the price table',
    ]);
    expect(line!.monthlyUsd).toBe(1.33);
  });

  it('names an unresolvable class and other engines', () => {
    const unresolved = estimateSubject('AWS::RDS::DBInstance', {
      Engine: 'postgres',
      DBInstanceClass: { Ref: 'Class' },
    });
    expect(unresolved.unpriced[0].reason).toBe(
      'DBInstanceClass cannot be read offline: Ref to Class, which the template does not define',
    );
    const mysql = estimateSubject('AWS::RDS::DBInstance', {
      Engine: 'mysql',
      DBInstanceClass: 'db.m7g.12xlarge',
      AllocatedStorage: 20,
    });
    expect(mysql.unpriced[0].reason).toBe(
      'no eu-west-2 price for RDS MySQL db.m7g.12xlarge Single-AZ in the price table',
    );
    const db2 = estimateSubject('AWS::RDS::DBInstance', {
      Engine: 'db2-se',
      DBInstanceClass: 'db.m6i.large',
    });
    expect(db2.unpriced[0].reason).toBe(
      'engine db2-se is not in the price table',
    );
  });
});

describe('Aurora Serverless v2', () => {
  const aurora = (
    options: Parameters<typeof estimateSubject>[2],
    minCapacity = 0.5,
  ) =>
    estimateSubject(
      'AWS::RDS::DBInstance',
      {
        Engine: 'aurora-postgresql',
        DBInstanceClass: 'db.serverless',
        DBClusterIdentifier: { Ref: 'Cluster' },
      },
      { region: 'us-east-1', ...options },
      {
        Cluster: {
          Type: 'AWS::RDS::DBCluster',
          Properties: {
            Engine: 'aurora-postgresql',
            ServerlessV2ScalingConfiguration: {
              MinCapacity: minCapacity,
              MaxCapacity: 4,
            },
          },
        },
      },
    );

  it('prices each instance at the cluster minimum ACUs and the cluster storage and I/O from the usage assumptions', () => {
    const { line, estimate } = aurora({});
    // 0.5 ACU × 0.12 × 730
    expect(line!.monthlyUsd).toBe(43.8);
    expect(line!.basis).toBe(
      '0.5 ACU (Serverless v2 minimum capacity) × 730 h × $0.12/ACU-h',
    );
    expect(estimate.assumptions).toContain(
      'Subject: priced at the minimum 0.5 ACU for all 730 h of the month; it scales up to 4 ACU under load.',
    );
    expect(estimate.unpriced).toEqual([]);
    const cluster = estimate.lines.find(item => item.logicalId === 'Cluster')!;
    // 10 GB × $0.10 + 1M I/O × $0.20
    expect(cluster.monthlyUsd).toBe(1.2);
    expect(cluster.basis).toBe(
      '10 GB-mo cluster storage × $0.1/GB-mo + 1 × 1M I/O requests (1,000,000) × $0.2/1M',
    );
  });

  it('prices eu-central-1 from [Q]: ACUs, cluster storage and I/O', () => {
    const { line, estimate } = aurora({ region: 'eu-central-1' });
    // 0.5 ACU × 0.14 × 730; 10 GB × 0.119 + 1M I/O × 0.22
    expect(line!.monthlyUsd).toBe(51.1);
    const cluster = estimate.lines.find(item => item.logicalId === 'Cluster')!;
    expect(cluster.monthlyUsd).toBe(1.41);
    expect(estimate.complete).toBe(true);
  });

  it('bills the minimum ACUs only for the hours the schedule keeps the cluster running, and says so', () => {
    const { line, estimate } = aurora({
      schedule: { shutdown: '0 18 * * 1-5' },
    });
    // 0.5 ACU × 0.12 × 217.5 h
    expect(line!.monthlyUsd).toBe(13.05);
    expect(line!.basis).toBe(
      '0.5 ACU (Serverless v2 minimum capacity) × 217.5 h × $0.12/ACU-h',
    );
    const note = estimate.assumptions.find(text => text.startsWith('Subject:'));
    expect(note).toBe(
      'Subject: priced at the minimum 0.5 ACU for the 217.5 h a month the schedule keeps it running ' +
        '(assumes the shutdown stops the Aurora cluster: a stopped cluster bills storage but no ACUs; ' +
        'a cluster left running bills at least the minimum every hour); it scales up to 4 ACU under load.',
    );
    expect(note).not.toContain('all month');
    // (730 − 217.5) h × 0.5 ACU × 0.12
    expect(estimate.savings!.monthly).toBe(30.75);
  });

  it('says what a minimum of 0 ACU (auto-pause) assumes', () => {
    const { line, estimate } = aurora({}, 0);
    expect(line!.monthlyUsd).toBe(0);
    expect(estimate.assumptions).toContain(
      'Subject: priced at the minimum 0 ACU (MinCapacity 0: assumed paused with no connections; every hour it is active bills the ACUs it uses) for all 730 h of the month; it scales up to 4 ACU under load.',
    );
  });
});

describe('ElastiCache', () => {
  it('prices every node of a replication group: 2 × cache.t4g.micro Redis in eu-west-2', () => {
    const properties = {
      CacheNodeType: 'cache.t4g.micro',
      NumCacheClusters: 2,
    };
    expect(
      estimateSubject('AWS::ElastiCache::ReplicationGroup', properties).line!
        .monthlyUsd,
    ).toBe(26.28);
    // Valkey: 20% less
    expect(
      estimateSubject('AWS::ElastiCache::ReplicationGroup', {
        ...properties,
        Engine: 'valkey',
      }).line!.monthlyUsd,
    ).toBe(21.02);
  });

  it('counts shards × (replicas + 1) and cache cluster nodes', () => {
    const shards = estimateSubject(
      'AWS::ElastiCache::ReplicationGroup',
      {
        CacheNodeType: 'cache.t4g.small',
        NumNodeGroups: 2,
        ReplicasPerNodeGroup: 1,
      },
      { region: 'us-east-1' },
    );
    expect(shards.line!.components[0].quantity).toBe(4);
    expect(shards.line!.monthlyUsd).toBe(93.44);
    const cluster = estimateSubject(
      'AWS::ElastiCache::CacheCluster',
      { CacheNodeType: 'cache.t4g.small', NumCacheNodes: 3, Engine: 'redis' },
      { region: 'us-east-1' },
    );
    expect(cluster.line!.monthlyUsd).toBe(70.08);
  });

  it('lists a node type without a price in the region as unpriced and prices memcached nodes', () => {
    const r7g = estimateSubject('AWS::ElastiCache::ReplicationGroup', {
      CacheNodeType: 'cache.r7g.16xlarge',
      NumCacheClusters: 2,
    });
    expect(r7g.line).toBeUndefined();
    expect(r7g.unpriced[0].reason).toBe(
      'no eu-west-2 price for ElastiCache cache.r7g.16xlarge Redis OSS in the price table',
    );
    // [Q] fills the regions the table lacks: cache.r6g.large eu-west-2 $0.24/h, 2 nodes.
    const r6g = estimateSubject('AWS::ElastiCache::ReplicationGroup', {
      CacheNodeType: 'cache.r6g.large',
      NumCacheClusters: 2,
    });
    expect(r6g.line!.monthlyUsd).toBe(350.4);
    expect(r6g.line!.components[0].priceSource).toBe(
      'ElastiCache cache.r6g.large Redis OSS (PL [F]; fixture; [Q] elasticache cache.r6g.large (us-east-2, us-west-2, eu-west-1, eu-west-2, eu-central-1))',
    );
    // [K] elasticache_cluster_test: 2 cache.m4.large Memcached nodes, 1,460 h, $227.76
    const memcached = estimateSubject(
      'AWS::ElastiCache::CacheCluster',
      {
        CacheNodeType: 'cache.m4.large',
        Engine: 'memcached',
        NumCacheNodes: 2,
      },
      { region: 'us-east-1' },
    );
    expect(memcached.line!.monthlyUsd).toBe(227.76);
    expect(memcached.line!.basis).toBe(
      '2 cache.m4.large Memcached node × 730 h × $0.156/node-h',
    );
  });
});

describe('S3 and DynamoDB', () => {
  it("prices a bucket's assumed storage and requests", () => {
    // 1 × 0.024 + 1 × 0.0053 + 10 × 0.00042
    expect(
      estimateSubject('AWS::S3::Bucket').line!.components.reduce(
        (sum, c) => sum + c.monthlyUsd,
        0,
      ),
    ).toBeCloseTo(0.0335, 4);
  });

  it('prices an on-demand table and a provisioned one', () => {
    const onDemand = estimateSubject(
      'AWS::DynamoDB::Table',
      { BillingMode: 'PAY_PER_REQUEST' },
      { region: 'us-east-1' },
    );
    expect(onDemand.line!.monthlyUsd).toBe(1);
    // eu-west-2: 1M WRU × 0.7423 + 1M RRU × 0.1487 + 1 GB × 0.29715 ([Q], no longer estimated)
    const london = estimateSubject('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
    }).line!;
    expect(london.estimate).toBe(false);
    expect(london.monthlyUsd).toBe(1.19);
    expect(estimateSubject('AWS::DynamoDB::Table', {}).unpriced[0].reason).toBe(
      'provisioned mode without ProvisionedThroughput',
    );
    // [K] dynamodb_table_test (us-east-2): 20 WCU $9.49, 30 RCU $2.85
    const provisioned = estimateSubject(
      'AWS::DynamoDB::Table',
      {
        ProvisionedThroughput: {
          WriteCapacityUnits: 15,
          ReadCapacityUnits: 20,
        },
        GlobalSecondaryIndexes: [
          {
            ProvisionedThroughput: {
              WriteCapacityUnits: 5,
              ReadCapacityUnits: 10,
            },
          },
        ],
      },
      { region: 'us-east-2', usage: { dynamoDbStorageGb: 0 } },
    );
    expect(provisioned.line!.monthlyUsd).toBe(12.34); // 9.49 + 2.847
    const scheduled = estimateSubject(
      'AWS::DynamoDB::Table',
      {
        ProvisionedThroughput: {
          WriteCapacityUnits: 20,
          ReadCapacityUnits: 30,
        },
      },
      { region: 'us-east-2', schedule: { shutdown: '0 18 * * 1-5' } },
    );
    expect(scheduled.line!.components[0].monthlyUsd).toBe(9.49); // capacity bills all month
  });
});
