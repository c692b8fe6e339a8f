import {
  AWS_PRICES,
  PRICED_REGIONS,
  PricePoint,
  PriceQuality,
  PriceRow,
  PricedRegion,
} from './aws-prices';
import { DATABASE_PRICES, rdsInstanceRow } from './databasePrices';
import { EBS_PRICES, ec2InstanceRow } from './ec2Prices';
import { isBundledRegion, quotePrice } from './priceBook';
import { ALL_REGIONS } from './priceRows';
import {
  pageCacheHours,
  pageDocumentDbHours,
  pageEc2Hours,
  pageMskBrokerHours,
  pageNeptuneHours,
  pageRdsHours,
  pageSearchHours,
} from './priceWatcherInstances';
import { PAGE_PRICES, PagePrice } from './priceWatcherPrices';
import { SERVICE_PRICES } from './servicePrices';
import { vantageCacheHours, vantageRdsHours } from './vantagePrices';

function rows(value: unknown, path = 'AWS_PRICES'): Array<[string, PriceRow]> {
  if (typeof value !== 'object' || value === null) return [];
  if ('regions' in value && 'source' in value)
    return [[path, value as PriceRow]];
  return Object.entries(value).flatMap(([key, child]) =>
    rows(child, `${path}.${key}`),
  );
}

describe('the price table', () => {
  const all = [
    ...rows(AWS_PRICES),
    ...rows(EBS_PRICES, 'EBS_PRICES'),
    ...rows(DATABASE_PRICES, 'DATABASE_PRICES'),
    ...rows(SERVICE_PRICES, 'SERVICE_PRICES'),
  ];

  it('has rows', () => {
    expect(all.length).toBeGreaterThan(60);
  });

  it.each(all)('%s cites a source and has sane prices', (_path, row) => {
    // A row with no offline price at all exists only to be asked of the Price List API.
    const apiOnly = Object.keys(row.regions).length === 0;
    expect(row.source).toMatch(
      apiOnly ? /^AWS Price List API only$/ : /PL|drv|\[[A-Z]\]/,
    );
    expect(apiOnly ? row.query : row.regions).toBeDefined();
    expect(row.label).not.toBe('');
    for (const [region, point] of Object.entries(row.regions)) {
      expect([...PRICED_REGIONS, ALL_REGIONS]).toContain(region);
      expect(point!.usd).toBeGreaterThanOrEqual(0);
      expect(['list', 'derived', 'secondary', 'unconfirmed']).toContain(
        point!.quality,
      );
    }
  });

  it('keeps 730 hours a month and a 0.76 £/$ rate', () => {
    expect(AWS_PRICES.hoursPerMonth).toBe(730);
    expect(AWS_PRICES.usdToGbp).toBe(0.76);
  });

  it('quotes a price or says why there is none', () => {
    expect(quotePrice(AWS_PRICES.natGateway.hour, 'eu-west-2')).toMatchObject({
      usd: 0.05,
      quality: 'list',
      unit: 'h',
    });
    expect(
      quotePrice(
        AWS_PRICES.elastiCache.redisNodes['cache.r6g.large'],
        'eu-west-1',
      ),
    ).toBe(
      'no eu-west-1 price for ElastiCache cache.r6g.large Redis OSS in the price table',
    );
    expect(quotePrice(AWS_PRICES.natGateway.hour, 'ap-southeast-2')).toBe(
      'no offline prices for ap-southeast-2 (NAT gateway hour); price it with the AWS Price List API (--pricing-api)',
    );
    expect(isBundledRegion('eu-central-1')).toBe(true);
  });

  it('prices global services the same in every region, bundled or not', () => {
    for (const region of ['us-east-1', 'eu-central-1', 'ap-southeast-2']) {
      expect(quotePrice(AWS_PRICES.waf.webAclMonth, region)).toMatchObject({
        usd: 5,
      });
      expect(
        quotePrice(AWS_PRICES.route53.hostedZoneMonth, region),
      ).toMatchObject({ usd: 0.5 });
    }
  });

  it('takes a Price List overlay over the table, as a list price with its source', () => {
    const overlay = new Map([
      ['NAT gateway hour', { usd: 0.059, source: 'AWS Price List API' }],
    ]);
    expect(
      quotePrice(AWS_PRICES.natGateway.hour, 'ap-southeast-2', overlay),
    ).toMatchObject({
      usd: 0.059,
      quality: 'list',
      source: 'AWS Price List API',
    });
  });
});

type Cell = readonly [usd: number, quality: PriceQuality] | undefined;
type Cells = readonly [Cell, Cell, Cell];

/** Secondary prices (third-party copies of Price List rows) in all three regions. */
const secondary = (a: number, b: number, c: number): Cells => [
  [a, 'secondary'],
  [b, 'secondary'],
  [c, 'secondary'],
];

/** A row with official Price List (PL) rows in all three regions. */
const listed = (usEast1: number, euWest2: number, euWest1: number): Cells => [
  [usEast1, 'list'],
  [euWest2, 'list'],
  [euWest1, 'list'],
];

/**
 * Key rows copied by hand from the sources listed in aws-prices.ts, in this order: us-east-1,
 * eu-west-2, eu-west-1 (PL → list, sec → secondary, drv → derived, ≈/unconfirmed with a
 * number → unconfirmed, "unconfirmed" without one → absent). A change to the table that does
 * not match its sources fails here, naming the row and region.
 */
const REFERENCE: ReadonlyArray<
  readonly [name: string, row: PriceRow, cells: Cells]
> = [
  ['NAT gateway hour', AWS_PRICES.natGateway.hour, listed(0.045, 0.05, 0.048)],
  [
    'NAT gateway data',
    AWS_PRICES.natGateway.dataGb,
    listed(0.045, 0.05, 0.048),
  ],
  ['ALB hour', AWS_PRICES.alb.hour, listed(0.0225, 0.02646, 0.0252)],
  ['ALB LCU', AWS_PRICES.alb.lcuHour, listed(0.008, 0.0084, 0.008)],
  [
    'Fargate x86 vCPU',
    AWS_PRICES.fargate.x86_64.vcpuHour,
    listed(0.04048, 0.04656, 0.04048),
  ],
  [
    'Fargate x86 memory',
    AWS_PRICES.fargate.x86_64.gbHour,
    listed(0.004445, 0.00511, 0.004445),
  ],
  [
    'Fargate ARM vCPU',
    AWS_PRICES.fargate.arm64.vcpuHour,
    listed(0.03238, 0.03725, 0.03238),
  ],
  [
    'Fargate ARM memory',
    AWS_PRICES.fargate.arm64.gbHour,
    listed(0.00356, 0.00409, 0.00356),
  ],
  [
    'RDS PostgreSQL db.t4g.micro Single-AZ',
    AWS_PRICES.rdsPostgres.instances['db.t4g.micro'].single,
    listed(0.016, 0.018, 0.017),
  ],
  [
    'RDS PostgreSQL db.t4g.micro Multi-AZ',
    AWS_PRICES.rdsPostgres.instances['db.t4g.micro'].multiAz,
    listed(0.032, 0.036, 0.035),
  ],
  [
    'RDS PostgreSQL db.t4g.medium Single-AZ',
    AWS_PRICES.rdsPostgres.instances['db.t4g.medium'].single,
    listed(0.065, 0.072, 0.069),
  ],
  [
    'RDS PostgreSQL db.t4g.medium Multi-AZ',
    AWS_PRICES.rdsPostgres.instances['db.t4g.medium'].multiAz,
    listed(0.129, 0.145, 0.138),
  ],
  [
    'RDS PostgreSQL db.r6g.large Multi-AZ',
    AWS_PRICES.rdsPostgres.instances['db.r6g.large'].multiAz,
    listed(0.45, 0.529, 0.504),
  ],
  [
    'RDS gp3 storage Single-AZ',
    AWS_PRICES.rdsPostgres.storage.gp3.single,
    [
      [0.115, 'secondary'],
      [0.133, 'list'],
      [0.127, 'derived'],
    ],
  ],
  [
    'RDS gp3 storage Multi-AZ (the gp2 Multi-AZ row)',
    AWS_PRICES.rdsPostgres.storage.gp3.multiAz,
    listed(0.23, 0.266, 0.253),
  ],
  [
    'ElastiCache cache.t4g.micro Redis OSS',
    AWS_PRICES.elastiCache.redisNodes['cache.t4g.micro'],
    [[0.016, 'secondary'], [0.018, 'list'], undefined],
  ],
  [
    'CloudWatch Logs ingestion',
    AWS_PRICES.cloudWatch.logsIngestGb,
    [
      [0.5, 'secondary'],
      [0.5985, 'list'],
      [0.57, 'list'],
    ],
  ],
  [
    'API Gateway HTTP API requests',
    AWS_PRICES.apiGateway.httpRequestsMillion,
    listed(1, 1.16, 1.11),
  ],
  ['WAF web ACL', AWS_PRICES.waf.webAclMonth, listed(5, 5, 5)],
  ['WAF rule', AWS_PRICES.waf.ruleMonth, listed(1, 1, 1)],
  [
    'Secrets Manager secret',
    AWS_PRICES.secretsManager.secretMonth,
    listed(0.4, 0.4, 0.4),
  ],
  [
    'Secrets Manager API calls',
    AWS_PRICES.secretsManager.apiCalls10k,
    listed(0.05, 0.05, 0.05),
  ],
  [
    'Public IPv4 address',
    AWS_PRICES.publicIpv4Hour,
    listed(0.005, 0.005, 0.005),
  ],
];

const REFERENCE_REGIONS: readonly PricedRegion[] = [
  'us-east-1',
  'eu-west-2',
  'eu-west-1',
];

describe('the price table against the figures of its sources', () => {
  it.each(
    REFERENCE.flatMap(([name, row, cells]) =>
      REFERENCE_REGIONS.map(
        (region, index) => [name, region, row, cells[index]] as const,
      ),
    ),
  )('%s in %s matches its sources', (_name, region, row, cell) => {
    const quote = quotePrice(row, region);
    expect(
      typeof quote === 'string' ? undefined : [quote.usd, quote.quality],
    ).toEqual(cell);
  });
});

/**
 * Rows from infracost's test output ([K]), checked against the monthly figure and quantity of
 * the golden file row they were divided from (cost ÷ quantity, to the cent).
 */
describe('the [K] rows against their infracost golden rows', () => {
  it.each([
    ['EC2 t3.medium', ec2InstanceRow('t3.medium'), 730, 30.37],
    ['EC2 m5.large', ec2InstanceRow('m5.large'), 2190, 210.24],
    ['EBS gp3', EBS_PRICES.storage.gp3, 40, 3.2],
    ['EBS io1 IOPS', EBS_PRICES.provisionedIopsMonth.io1, 300, 19.5],
    ['EKS cluster', SERVICE_PRICES.eks.clusterHour, 730, 73],
    ['NLB hour', SERVICE_PRICES.nlb.hour, 730, 16.43],
    ['Aurora storage', DATABASE_PRICES.aurora.storageGbMonth, 100, 10],
    [
      'MSK kafka.t3.small',
      SERVICE_PRICES.msk.brokers['kafka.t3.small'],
      1460,
      66.58,
    ],
    ['OpenSearch gp2', SERVICE_PRICES.openSearch.storage.gp2, 400, 54],
    [
      'ElastiCache cache.m4.large',
      SERVICE_PRICES.elastiCacheNodes['cache.m4.large'],
      1460,
      227.76,
    ],
  ] as const)(
    '%s × the golden quantity is the golden cost',
    (_name, row, quantity, cost) => {
      const quote = quotePrice(row, 'us-east-1');
      expect(typeof quote).toBe('object');
      expect(
        Math.abs((quote as { usd: number }).usd * quantity - cost),
      ).toBeLessThan(0.01);
    },
  );
});

/**
 * Rows added for us-east-2, us-west-2 and eu-central-1, copied by hand from their sources
 * ([A] Price List rows → list; [L], [P], [Q] and [T] → secondary); a cell left undefined has no
 * source and must stay absent (unpriced, never invented).
 */
const NEW_REGIONS: readonly PricedRegion[] = [
  'us-east-2',
  'us-west-2',
  'eu-central-1',
];
const NEW_REGION_REFERENCE: ReadonlyArray<
  readonly [name: string, row: PriceRow, cells: Cells]
> = [
  ['NAT gateway hour', AWS_PRICES.natGateway.hour, listed(0.045, 0.045, 0.052)],
  [
    'NAT gateway data ([T] in us-east-2, no source elsewhere)',
    AWS_PRICES.natGateway.dataGb,
    [[0.045, 'secondary'], undefined, undefined],
  ],
  [
    'Lambda x86 duration',
    AWS_PRICES.lambda.x86_64GbSecond,
    listed(0.0000166667, 0.0000166667, 0.0000166667),
  ],
  ['Lambda requests', AWS_PRICES.lambda.requestsMillion, listed(0.2, 0.2, 0.2)],
  [
    'API Gateway HTTP API requests',
    AWS_PRICES.apiGateway.httpRequestsMillion,
    listed(1, 1, 1.2),
  ],
  [
    'RDS PostgreSQL db.t4g.micro Single-AZ',
    AWS_PRICES.rdsPostgres.instances['db.t4g.micro'].single,
    listed(0.016, 0.016, 0.019),
  ],
  [
    'RDS PostgreSQL db.t4g.medium Multi-AZ',
    AWS_PRICES.rdsPostgres.instances['db.t4g.medium'].multiAz,
    listed(0.129, 0.129, 0.149),
  ],
  [
    'RDS PostgreSQL db.r6g.large Single-AZ',
    AWS_PRICES.rdsPostgres.instances['db.r6g.large'].single,
    listed(0.225, 0.225, 0.274),
  ],
  [
    'RDS gp2 storage Single-AZ',
    AWS_PRICES.rdsPostgres.storage.gp2.single,
    listed(0.115, 0.115, 0.137),
  ],
  [
    'RDS gp2 storage Multi-AZ',
    AWS_PRICES.rdsPostgres.storage.gp2.multiAz,
    listed(0.23, 0.23, 0.273),
  ],
  [
    'RDS MySQL db.r6g.large Multi-AZ',
    rdsInstanceRow('mysql', 'db.r6g.large', 'Multi-AZ'),
    listed(0.43, 0.43, 0.519),
  ],
  [
    'Fargate x86 vCPU',
    AWS_PRICES.fargate.x86_64.vcpuHour,
    secondary(0.04048, 0.04048, 0.04656),
  ],
  [
    'Fargate x86 memory',
    AWS_PRICES.fargate.x86_64.gbHour,
    secondary(0.004445, 0.004445, 0.00511),
  ],
  [
    'Fargate ARM vCPU',
    AWS_PRICES.fargate.arm64.vcpuHour,
    secondary(0.03238, 0.03238, 0.03725),
  ],
  [
    'Fargate ARM memory',
    AWS_PRICES.fargate.arm64.gbHour,
    secondary(0.00356, 0.00356, 0.00409),
  ],
  ['ALB hour', AWS_PRICES.alb.hour, secondary(0.0225, 0.0225, 0.027)],
  ['ALB LCU', AWS_PRICES.alb.lcuHour, secondary(0.008, 0.008, 0.008)],
  [
    'RDS gp3 storage Single-AZ',
    AWS_PRICES.rdsPostgres.storage.gp3.single,
    secondary(0.115, 0.115, 0.137),
  ],
  [
    'CloudWatch Logs ingestion',
    AWS_PRICES.cloudWatch.logsIngestGb,
    secondary(0.5, 0.5, 0.63),
  ],
  [
    'CloudWatch Logs storage',
    AWS_PRICES.cloudWatch.logsStorageGbMonth,
    secondary(0.03, 0.03, 0.0324),
  ],
  [
    'Secrets Manager secret',
    AWS_PRICES.secretsManager.secretMonth,
    secondary(0.4, 0.4, 0.4),
  ],
  [
    'S3 Standard storage',
    AWS_PRICES.s3.standardGbMonth,
    secondary(0.023, 0.023, 0.0245),
  ],
  [
    'DynamoDB provisioned write capacity unit',
    SERVICE_PRICES.dynamoDbProvisioned.wcuHour,
    secondary(0.00065, 0.00065, 0.000793),
  ],
  [
    'Gateway Load Balancer hour',
    SERVICE_PRICES.gwlb.hour,
    secondary(0.0125, 0.0125, 0.0147),
  ],
  [
    'EBS gp3 storage (no source)',
    EBS_PRICES.storage.gp3,
    [undefined, undefined, undefined],
  ],
  [
    'Public IPv4 address',
    AWS_PRICES.publicIpv4Hour,
    [
      [0.005, 'secondary'],
      [0.005, 'secondary'],
      [0.005, 'secondary'],
    ],
  ],
];

describe('the price table in us-east-2, us-west-2 and eu-central-1 against its sources', () => {
  it.each(
    NEW_REGION_REFERENCE.flatMap(([name, row, cells]) =>
      NEW_REGIONS.map(
        (region, index) => [name, region, row, cells[index]] as const,
      ),
    ),
  )('%s in %s matches its sources', (_name, region, row, cell) => {
    const quote = quotePrice(row, region);
    expect(
      typeof quote === 'string' ? undefined : [quote.usd, quote.quality],
    ).toEqual(cell);
  });

  it('prices RDS for MySQL from [A] in all six bundled regions', () => {
    const row = rdsInstanceRow('mysql', 'db.t4g.micro', 'Single-AZ');
    expect(
      PRICED_REGIONS.map(region => (quotePrice(row, region) as any).usd),
    ).toEqual([0.016, 0.016, 0.016, 0.017, 0.018, 0.019]);
    expect(row.source).toBe('PL [A]');
  });
});

/**
 * [V] (an older third-party scrape of the Price List) is trusted only because it agrees with
 * the Price List rows of the other sources wherever both have a price.
 */
describe('the [V] rows against the other sources', () => {
  const usd = (row: PriceRow | Record<string, PricePoint | undefined>) =>
    Object.fromEntries(
      Object.entries('regions' in row ? (row as PriceRow).regions : row).map(
        ([region, point]) => [region, (point as PricePoint).usd],
      ),
    );

  it('RDS db.r6g.large Single-AZ equals [A] in all six regions, MySQL and PostgreSQL', () => {
    expect(usd(vantageRdsHours('mysql|db.r6g.large')!)).toEqual(
      usd(rdsInstanceRow('mysql', 'db.r6g.large', 'Single-AZ')),
    );
    const postgres = AWS_PRICES.rdsPostgres.instances['db.r6g.large'].single;
    expect(usd(vantageRdsHours('postgres|db.r6g.large')!)).toEqual(
      usd(postgres),
    );
  });

  it.each([
    ['mysql|db.t3.large', rdsInstanceRow('mysql', 'db.t3.large', 'Single-AZ')],
    ['mysql|db.m5.large', rdsInstanceRow('mysql', 'db.m5.large', 'Single-AZ')],
  ] as const)('RDS %s equals [K] in us-east-1', (key, row) => {
    expect(vantageRdsHours(key)!['us-east-1'].usd).toBe(
      row.regions['us-east-1']!.usd,
    );
  });

  it.each([
    [
      'cache.r6g.large',
      'us-east-1',
      AWS_PRICES.elastiCache.redisNodes['cache.r6g.large'],
    ],
    [
      'cache.t4g.micro',
      'eu-west-2',
      AWS_PRICES.elastiCache.redisNodes['cache.t4g.micro'],
    ],
    [
      'cache.m4.large',
      'us-east-1',
      SERVICE_PRICES.elastiCacheNodes['cache.m4.large'],
    ],
    [
      'cache.t3.medium',
      'us-west-2',
      SERVICE_PRICES.elastiCacheNodes['cache.t3.medium'],
    ],
  ] as const)(
    'ElastiCache %s in %s equals its other source',
    (nodeType, region, row) => {
      expect(vantageCacheHours(nodeType)![region].usd).toBe(
        row.regions[region]!.usd,
      );
    },
  );
});

/**
 * A row's cells that [Q] did not fill: [Q] fills cells a row has none for and names those
 * regions in the row's source (`…; [Q] ecs "perCPU per hour" (us-east-2, eu-central-1)`); a row
 * whose source is [Q] alone has none of its own. Checking [Q] against a row's cells it filled
 * itself would compare it with itself.
 */
function ownCells(row: PriceRow): Record<string, PricePoint | undefined> {
  if (row.source.startsWith('[Q]')) return {};
  const filled = /\[Q\][^;]*\(([a-z0-9, -]+)\)(?:;|$)/.exec(row.source);
  const byQ = new Set(filled ? filled[1].split(', ') : []);
  return Object.fromEntries(
    Object.entries(row.regions).filter(([region]) => !byQ.has(region)),
  );
}

/**
 * [Q] (the pricing pages' data as a third party saved it in 2025) is trusted only because it
 * equals every other source wherever both have a price: each [Q] cell must be the table's
 * price in that region. A row keeps its own sources' cells and takes [Q] only where it had none
 * (or an estimate), so a disagreement shows here as a test naming the row and region.
 */
describe('the [Q] rows against the other sources', () => {
  const { fargate, alb, rdsPostgres, cloudWatch, s3, dynamoDb } = AWS_PRICES;
  const pairs: ReadonlyArray<readonly [string, PriceRow, PagePrice]> = [
    [
      'Fargate x86 vCPU',
      fargate.x86_64.vcpuHour,
      PAGE_PRICES.fargateX86VcpuHour,
    ],
    ['Fargate x86 memory', fargate.x86_64.gbHour, PAGE_PRICES.fargateX86GbHour],
    [
      'Fargate ARM vCPU',
      fargate.arm64.vcpuHour,
      PAGE_PRICES.fargateArmVcpuHour,
    ],
    ['Fargate ARM memory', fargate.arm64.gbHour, PAGE_PRICES.fargateArmGbHour],
    [
      'Fargate ephemeral storage',
      fargate.ephemeralGbHour,
      PAGE_PRICES.fargateEphemeralGbHour,
    ],
    [
      'Lambda x86 duration',
      AWS_PRICES.lambda.x86_64GbSecond,
      PAGE_PRICES.lambdaX86GbSecond,
    ],
    [
      'Lambda arm64 duration',
      AWS_PRICES.lambda.arm64GbSecond,
      PAGE_PRICES.lambdaArm64GbSecond,
    ],
    [
      'Lambda requests',
      AWS_PRICES.lambda.requestsMillion,
      PAGE_PRICES.lambdaRequestsMillion,
    ],
    ['ALB hour', alb.hour, PAGE_PRICES.albHour],
    ['ALB LCU', alb.lcuHour, PAGE_PRICES.albLcuHour],
    ['NLB hour', SERVICE_PRICES.nlb.hour, PAGE_PRICES.nlbHour],
    ['NLB NLCU', SERVICE_PRICES.nlb.nlcuHour, PAGE_PRICES.nlbNlcuHour],
    ['GWLB hour', SERVICE_PRICES.gwlb.hour, PAGE_PRICES.gwlbHour],
    ['GWLB GLCU', SERVICE_PRICES.gwlb.glcuHour, PAGE_PRICES.gwlbGlcuHour],
    [
      'VPC interface endpoint',
      AWS_PRICES.vpcInterfaceEndpoint.azHour,
      PAGE_PRICES.vpcEndpointAzHour,
    ],
    [
      'VPC interface endpoint data',
      AWS_PRICES.vpcInterfaceEndpoint.dataGb,
      PAGE_PRICES.vpcEndpointDataGb,
    ],
    ['Public IPv4', AWS_PRICES.publicIpv4Hour, PAGE_PRICES.publicIpv4Hour],
    [
      'RDS gp2 Single-AZ',
      rdsPostgres.storage.gp2.single,
      PAGE_PRICES.rdsGp2Single,
    ],
    [
      'RDS gp2 Multi-AZ',
      rdsPostgres.storage.gp2.multiAz,
      PAGE_PRICES.rdsGp2MultiAz,
    ],
    [
      'RDS gp3 Single-AZ',
      rdsPostgres.storage.gp3.single,
      PAGE_PRICES.rdsGp3Single,
    ],
    [
      'RDS gp3 IOPS Single-AZ',
      DATABASE_PRICES.rdsGp3Iops.single,
      PAGE_PRICES.rdsGp3IopsSingle,
    ],
    [
      'RDS gp3 IOPS Multi-AZ',
      DATABASE_PRICES.rdsGp3Iops.multiAz,
      PAGE_PRICES.rdsGp3IopsMultiAz,
    ],
    [
      'RDS io1 storage',
      DATABASE_PRICES.rdsIo1.storage,
      PAGE_PRICES.rdsIo1Single,
    ],
    ['RDS io1 IOPS', DATABASE_PRICES.rdsIo1.iops, PAGE_PRICES.rdsIo1IopsSingle],
    [
      'RDS magnetic',
      DATABASE_PRICES.rdsMagnetic,
      PAGE_PRICES.rdsMagneticSingle,
    ],
    ['RDS backup', rdsPostgres.backupGbMonth, PAGE_PRICES.rdsBackupGbMonth],
    [
      'Aurora storage',
      DATABASE_PRICES.aurora.storageGbMonth,
      PAGE_PRICES.auroraStorageGbMonth,
    ],
    [
      'Aurora I/O',
      DATABASE_PRICES.aurora.ioMillion,
      PAGE_PRICES.auroraIoMillion,
    ],
    [
      'Aurora Serverless v2',
      AWS_PRICES.auroraServerlessV2AcuHour,
      PAGE_PRICES.auroraServerlessV2AcuHour,
    ],
    [
      'ElastiCache Serverless Redis OSS data',
      AWS_PRICES.elastiCache.serverless.redis.gbHour,
      PAGE_PRICES.cacheServerlessRedisGbHour,
    ],
    [
      'ElastiCache Serverless Redis OSS ECPUs',
      AWS_PRICES.elastiCache.serverless.redis.ecpuMillion,
      PAGE_PRICES.cacheServerlessRedisEcpuMillion,
    ],
    [
      'ElastiCache Serverless Valkey data',
      AWS_PRICES.elastiCache.serverless.valkey.gbHour,
      PAGE_PRICES.cacheServerlessValkeyGbHour,
    ],
    [
      'ElastiCache Serverless Valkey ECPUs',
      AWS_PRICES.elastiCache.serverless.valkey.ecpuMillion,
      PAGE_PRICES.cacheServerlessValkeyEcpuMillion,
    ],
    ['Logs ingestion', cloudWatch.logsIngestGb, PAGE_PRICES.logsIngestGb],
    [
      'Logs storage',
      cloudWatch.logsStorageGbMonth,
      PAGE_PRICES.logsStorageGbMonth,
    ],
    ['Alarm', cloudWatch.alarmMonth, PAGE_PRICES.alarmMonth],
    [
      'Custom metric',
      cloudWatch.customMetricMonth,
      PAGE_PRICES.customMetricMonth,
    ],
    ['Dashboard', cloudWatch.dashboardMonth, PAGE_PRICES.dashboardMonth],
    [
      'Secrets Manager secret',
      AWS_PRICES.secretsManager.secretMonth,
      PAGE_PRICES.secretMonth,
    ],
    [
      'Secrets Manager API calls',
      AWS_PRICES.secretsManager.apiCalls10k,
      PAGE_PRICES.secretsApiCalls10k,
    ],
    ['S3 storage', s3.standardGbMonth, PAGE_PRICES.s3StandardGbMonth],
    ['S3 PUT', s3.putRequests1k, PAGE_PRICES.s3PutRequests1k],
    ['S3 GET', s3.getRequests1k, PAGE_PRICES.s3GetRequests1k],
    [
      'API Gateway HTTP',
      AWS_PRICES.apiGateway.httpRequestsMillion,
      PAGE_PRICES.apiHttpRequestsMillion,
    ],
    [
      'API Gateway REST',
      AWS_PRICES.apiGateway.restRequestsMillion,
      PAGE_PRICES.apiRestRequestsMillion,
    ],
    [
      'DynamoDB WRU',
      dynamoDb.writeRequestsMillion,
      PAGE_PRICES.dynamoDbWriteRequestsMillion,
    ],
    [
      'DynamoDB RRU',
      dynamoDb.readRequestsMillion,
      PAGE_PRICES.dynamoDbReadRequestsMillion,
    ],
    [
      'DynamoDB storage',
      dynamoDb.storageGbMonth,
      PAGE_PRICES.dynamoDbStorageGbMonth,
    ],
    [
      'DynamoDB WCU',
      SERVICE_PRICES.dynamoDbProvisioned.wcuHour,
      PAGE_PRICES.dynamoDbWcuHour,
    ],
    [
      'DynamoDB RCU',
      SERVICE_PRICES.dynamoDbProvisioned.rcuHour,
      PAGE_PRICES.dynamoDbRcuHour,
    ],
    [
      'DynamoDB provisioned storage',
      SERVICE_PRICES.dynamoDbProvisioned.storageGbMonth,
      PAGE_PRICES.dynamoDbStorageGbMonth,
    ],
    [
      'ECR storage',
      AWS_PRICES.ecrStorageGbMonth,
      PAGE_PRICES.ecrStorageGbMonth,
    ],
    ['EKS cluster', SERVICE_PRICES.eks.clusterHour, PAGE_PRICES.eksClusterHour],
    ['KMS key', SERVICE_PRICES.kmsKeyMonth, PAGE_PRICES.kmsKeyMonth],
    [
      'MSK storage',
      SERVICE_PRICES.msk.storageGbMonth,
      PAGE_PRICES.mskStorageGbMonth,
    ],
    [
      'Neptune storage',
      DATABASE_PRICES.neptune.storageGbMonth,
      PAGE_PRICES.neptuneStorageGbMonth,
    ],
    [
      'Neptune I/O',
      DATABASE_PRICES.neptune.ioMillion,
      PAGE_PRICES.neptuneIoMillion,
    ],
    [
      'DocumentDB storage',
      DATABASE_PRICES.documentDb.storageGbMonth,
      PAGE_PRICES.documentDbStorageGbMonth,
    ],
    [
      'DocumentDB I/O',
      DATABASE_PRICES.documentDb.ioMillion,
      PAGE_PRICES.documentDbIoMillion,
    ],
  ];

  it('pairs every [Q] entry with its row', () => {
    expect(new Set(pairs.map(([, , page]) => page))).toEqual(
      new Set(Object.values(PAGE_PRICES)),
    );
  });

  /** Rows whose only source is [Q]: nothing to check them against. */
  const Q_ONLY = new Set(['GWLB hour', 'GWLB GLCU']);

  it.each(pairs.filter(([name]) => !Q_ONLY.has(name)))(
    '%s: [Q] equals the other sources wherever they have a price',
    (_name, row, page) => {
      const own = ownCells(row);
      const shared = Object.keys(page.regions).filter(region => own[region]);
      expect(shared.length).toBeGreaterThan(0);
      expect(usdByRegion(own, shared)).toEqual(
        usdByRegion(page.regions, shared),
      );
    },
  );

  it.each(pairs.filter(([name]) => Q_ONLY.has(name)))(
    '%s: [Q] alone, and said so',
    (_name, row, page) => {
      expect(ownCells(row)).toEqual({});
      expect(row.source).toBe(page.source);
    },
  );

  it('names the regions [Q] filled in the source and leaves the others to their sources', () => {
    expect(fargate.x86_64.vcpuHour.source).toBe(
      'PL [I][B][H]; drv [G]; us-west-2 [L] $29.55 / 730 vCPU-h; [Q] ecs "perCPU per hour" (us-east-2, eu-central-1)',
    );
    expect(quotePrice(fargate.x86_64.vcpuHour, 'eu-west-2')).toMatchObject({
      usd: 0.04656,
      quality: 'list',
    });
    // A sourced [Q] price replaces an estimate: DynamoDB on demand in eu-west-2 was ≈0.74.
    expect(
      quotePrice(dynamoDb.writeRequestsMillion, 'eu-west-2'),
    ).toMatchObject({
      usd: 0.7423,
      quality: 'secondary',
    });
  });

  /** Instance families: [Q] against the rows of the other sources before [Q] is applied. */
  const familyChecks: ReadonlyArray<
    readonly [
      string,
      PagePrice | undefined,
      Record<string, PricePoint | undefined>,
    ]
  > = [
    ...(['db.t4g.micro', 'db.t4g.medium', 'db.r6g.large'] as const).flatMap(
      instanceClass =>
        (['Single-AZ', 'Multi-AZ'] as const).flatMap(deployment => [
          [
            `RDS MySQL ${instanceClass} ${deployment} = [A]`,
            pageRdsHours('mysql', instanceClass, deployment),
            ownCells(rdsInstanceRow('mysql', instanceClass, deployment)),
          ] as const,
          [
            `RDS PostgreSQL ${instanceClass} ${deployment} = [A][B]`,
            pageRdsHours('postgres', instanceClass, deployment),
            ownCells(
              AWS_PRICES.rdsPostgres.instances[instanceClass][
                deployment === 'Multi-AZ' ? 'multiAz' : 'single'
              ],
            ),
          ] as const,
        ]),
    ),
    ...(
      [
        ['mysql', 'db.t3.large', 'Multi-AZ'],
        ['mysql', 'db.t4g.small', 'Multi-AZ'],
        ['mysql', 'db.m5.large', 'Single-AZ'],
        ['aurora-mysql', 'db.t3.medium', 'Single-AZ'],
        ['aurora-mysql', 'db.r4.large', 'Single-AZ'],
        ['aurora-postgresql', 'db.t3.large', 'Single-AZ'],
      ] as const
    ).map(
      ([engine, instanceClass, deployment]) =>
        [
          `RDS ${engine} ${instanceClass} ${deployment} = [K]`,
          pageRdsHours(engine, instanceClass, deployment),
          ownCells(rdsInstanceRow(engine, instanceClass, deployment)),
        ] as const,
    ),
    ...(['db.t3.micro', 'db.m5.large', 'db.r6g.xlarge'] as const).map(
      instanceClass =>
        [
          `RDS PostgreSQL ${instanceClass} Single-AZ = [V]`,
          pageRdsHours('postgres', instanceClass, 'Single-AZ'),
          vantageRdsHours(`postgres|${instanceClass}`)!,
        ] as const,
    ),
    ...(['cache.t4g.micro', 'cache.r6g.large', 'cache.m6g.large'] as const).map(
      nodeType =>
        [
          `ElastiCache ${nodeType} = [V]`,
          pageCacheHours(nodeType),
          vantageCacheHours(nodeType)!,
        ] as const,
    ),
    [
      'ElastiCache cache.t4g.micro = [B]',
      pageCacheHours('cache.t4g.micro'),
      ownCells(AWS_PRICES.elastiCache.redisNodes['cache.t4g.micro']),
    ],
    ...Object.entries(SERVICE_PRICES.elastiCacheNodes).map(
      ([nodeType, row]) =>
        [
          `ElastiCache ${nodeType} = [K][L]`,
          pageCacheHours(nodeType),
          ownCells(row),
        ] as const,
    ),
    ...Object.entries(SERVICE_PRICES.openSearch.instances)
      .filter(([type]) => !type.startsWith('ultrawarm'))
      .map(
        ([type, row]) =>
          [
            `OpenSearch ${type} = [K]`,
            pageSearchHours(type),
            ownCells(row),
          ] as const,
      ),
    ...Object.entries(SERVICE_PRICES.msk.brokers).map(
      ([type, row]) =>
        [`MSK ${type} = [K]`, pageMskBrokerHours(type), ownCells(row)] as const,
    ),
    ...Object.entries(DATABASE_PRICES.neptune.instances).map(
      ([instanceClass, row]) =>
        [
          `Neptune ${instanceClass} = [K]`,
          pageNeptuneHours(instanceClass),
          ownCells(row),
        ] as const,
    ),
    ...Object.entries(DATABASE_PRICES.documentDb.instances).map(
      ([instanceClass, row]) =>
        [
          `DocumentDB ${instanceClass} = [K]`,
          pageDocumentDbHours(instanceClass),
          ownCells(row),
        ] as const,
    ),
    ...(
      ['t2.micro', 't3.medium', 'm5.large', 'm3.medium', 'r3.xlarge'] as const
    ).map(
      type =>
        [
          `EC2 ${type} = [K]`,
          pageEc2Hours(type),
          ownCells(ec2InstanceRow(type)),
        ] as const,
    ),
    ...(['t3a.large', 't3a.xlarge', 'c4.large'] as const).map(
      type =>
        [
          `EC2 ${type} = [K] (eu-west-1)`,
          pageEc2Hours(type),
          ownCells(ec2InstanceRow(type)),
        ] as const,
    ),
  ];

  it.each(familyChecks)(
    '%s wherever both have a price',
    (_name, page, other) => {
      expect(page).toBeDefined();
      const shared = Object.keys(other).filter(
        region =>
          region in page!.regions && other[region]!.quality !== 'unconfirmed',
      );
      expect(shared.length).toBeGreaterThan(0);
      expect(usdByRegion(page!.regions, shared)).toEqual(
        usdByRegion(other, shared),
      );
    },
  );
});

function usdByRegion(
  regions: Readonly<Record<string, PricePoint | undefined>>,
  only: readonly string[] = Object.keys(regions),
): Record<string, number | undefined> {
  return Object.fromEntries(only.map(region => [region, regions[region]?.usd]));
}
