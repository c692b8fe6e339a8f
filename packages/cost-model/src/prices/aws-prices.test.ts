import {
  AWS_PRICES,
  PRICED_REGIONS,
  PriceQuality,
  PriceRow,
  PricedRegion,
} from './aws-prices';
import { quotePrice } from './priceBook';

function rows(value: unknown, path = 'AWS_PRICES'): Array<[string, PriceRow]> {
  if (typeof value !== 'object' || value === null) return [];
  if ('regions' in value && 'source' in value)
    return [[path, value as PriceRow]];
  return Object.entries(value).flatMap(([key, child]) =>
    rows(child, `${path}.${key}`),
  );
}

describe('the price table', () => {
  const all = rows(AWS_PRICES);

  it('has rows', () => {
    expect(all.length).toBeGreaterThan(60);
  });

  it.each(all)('%s cites a source and has sane prices', (_path, row) => {
    expect(row.source).toMatch(/PL|drv|\[[A-Z]\]/);
    expect(row.label).not.toBe('');
    for (const [region, point] of Object.entries(row.regions)) {
      expect(PRICED_REGIONS).toContain(region);
      expect(point!.usd).toBeGreaterThanOrEqual(0);
      expect(['list', 'derived', 'secondary', 'unconfirmed']).toContain(
        point!.quality,
      );
    }
  });

  it('keeps 730 hours a month and the 0.76 £/$ rate of the reference', () => {
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
  });
});

type Cell = readonly [usd: number, quality: PriceQuality] | undefined;

/**
 * Key rows copied by hand from `reference/aws-prices.md`, in its column order: us-east-1,
 * eu-west-2, eu-west-1 (PL → list, sec → secondary, drv → derived, ≈/unconfirmed with a
 * number → unconfirmed, "unconfirmed" without one → absent). A change to the table that does
 * not match the reference fails here, naming the row and region.
 */
const REFERENCE: ReadonlyArray<
  readonly [name: string, row: PriceRow, cells: readonly [Cell, Cell, Cell]]
> = [
  [
    'NAT gateway hour',
    AWS_PRICES.natGateway.hour,
    [
      [0.045, 'list'],
      [0.05, 'list'],
      [0.048, 'list'],
    ],
  ],
  [
    'NAT gateway data',
    AWS_PRICES.natGateway.dataGb,
    [
      [0.045, 'list'],
      [0.05, 'list'],
      [0.048, 'list'],
    ],
  ],
  [
    'ALB hour',
    AWS_PRICES.alb.hour,
    [
      [0.0225, 'list'],
      [0.02646, 'list'],
      [0.0252, 'list'],
    ],
  ],
  [
    'ALB LCU',
    AWS_PRICES.alb.lcuHour,
    [
      [0.008, 'list'],
      [0.0084, 'list'],
      [0.008, 'list'],
    ],
  ],
  [
    'Fargate x86 vCPU',
    AWS_PRICES.fargate.x86_64.vcpuHour,
    [
      [0.04048, 'list'],
      [0.04656, 'list'],
      [0.04048, 'list'],
    ],
  ],
  [
    'Fargate x86 memory',
    AWS_PRICES.fargate.x86_64.gbHour,
    [
      [0.004445, 'list'],
      [0.00511, 'list'],
      [0.004445, 'list'],
    ],
  ],
  [
    'Fargate ARM vCPU',
    AWS_PRICES.fargate.arm64.vcpuHour,
    [
      [0.03238, 'list'],
      [0.03725, 'list'],
      [0.03238, 'list'],
    ],
  ],
  [
    'Fargate ARM memory',
    AWS_PRICES.fargate.arm64.gbHour,
    [
      [0.00356, 'list'],
      [0.00409, 'list'],
      [0.00356, 'list'],
    ],
  ],
  [
    'RDS PostgreSQL db.t4g.micro Single-AZ',
    AWS_PRICES.rdsPostgres.instances['db.t4g.micro'].single,
    [
      [0.016, 'list'],
      [0.018, 'list'],
      [0.017, 'list'],
    ],
  ],
  [
    'RDS PostgreSQL db.t4g.micro Multi-AZ',
    AWS_PRICES.rdsPostgres.instances['db.t4g.micro'].multiAz,
    [
      [0.032, 'list'],
      [0.036, 'list'],
      [0.035, 'list'],
    ],
  ],
  [
    'RDS PostgreSQL db.t4g.medium Single-AZ',
    AWS_PRICES.rdsPostgres.instances['db.t4g.medium'].single,
    [
      [0.065, 'list'],
      [0.072, 'list'],
      [0.069, 'list'],
    ],
  ],
  [
    'RDS PostgreSQL db.t4g.medium Multi-AZ',
    AWS_PRICES.rdsPostgres.instances['db.t4g.medium'].multiAz,
    [
      [0.129, 'list'],
      [0.145, 'list'],
      [0.138, 'list'],
    ],
  ],
  [
    'RDS PostgreSQL db.r6g.large Multi-AZ',
    AWS_PRICES.rdsPostgres.instances['db.r6g.large'].multiAz,
    [
      [0.45, 'list'],
      [0.529, 'list'],
      [0.504, 'list'],
    ],
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
    [
      [0.23, 'list'],
      [0.266, 'list'],
      [0.253, 'list'],
    ],
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
    [
      [1, 'list'],
      [1.16, 'list'],
      [1.11, 'list'],
    ],
  ],
  [
    'WAF web ACL',
    AWS_PRICES.waf.webAclMonth,
    [
      [5, 'list'],
      [5, 'list'],
      [5, 'list'],
    ],
  ],
  [
    'WAF rule',
    AWS_PRICES.waf.ruleMonth,
    [
      [1, 'list'],
      [1, 'list'],
      [1, 'list'],
    ],
  ],
  [
    'Secrets Manager secret',
    AWS_PRICES.secretsManager.secretMonth,
    [
      [0.4, 'list'],
      [0.4, 'list'],
      [0.4, 'list'],
    ],
  ],
  [
    'Secrets Manager API calls',
    AWS_PRICES.secretsManager.apiCalls10k,
    [
      [0.05, 'list'],
      [0.05, 'list'],
      [0.05, 'list'],
    ],
  ],
  [
    'Public IPv4 address',
    AWS_PRICES.publicIpv4Hour,
    [
      [0.005, 'list'],
      [0.005, 'list'],
      [0.005, 'list'],
    ],
  ],
];

const REFERENCE_REGIONS: readonly PricedRegion[] = [
  'us-east-1',
  'eu-west-2',
  'eu-west-1',
];

describe('the price table against reference/aws-prices.md', () => {
  it.each(
    REFERENCE.flatMap(([name, row, cells]) =>
      REFERENCE_REGIONS.map(
        (region, index) => [name, region, row, cells[index]] as const,
      ),
    ),
  )('%s in %s matches the reference', (_name, region, row, cell) => {
    const point = row.regions[region];
    expect(point && [point.usd, point.quality]).toEqual(cell);
  });
});
