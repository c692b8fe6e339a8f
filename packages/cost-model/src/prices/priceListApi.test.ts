import { PricingClient } from '@aws-sdk/client-pricing';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { estimateWithPriceListApi } from '../estimate/estimateWithPriceListApi';
import { estimateMonthlyCost } from '../estimate/estimateMonthlyCost';
import { awsGetProducts } from './awsPricingClient';
import { parsePriceListItem } from './priceListApi';
import { answerGetProducts, priceListItem } from '../testUtils';

const T3_MEDIUM = priceListItem({
  sku: 'AB12CD34EF56GH78',
  serviceCode: 'AmazonEC2',
  productFamily: 'Compute Instance',
  attributes: {
    instanceType: 't3.medium',
    regionCode: 'ap-southeast-2',
    usagetype: 'APS2-BoxUsage:t3.medium',
    operatingSystem: 'Linux',
    tenancy: 'Shared',
    preInstalledSw: 'NA',
    capacitystatus: 'Used',
    licenseModel: 'No License required',
  },
  usd: '0.0528000000',
  unit: 'Hrs',
  description: '$0.0528 per On Demand Linux t3.medium Instance Hour',
});
const GP2 = priceListItem({
  sku: 'ZY98XW76VU54TS32',
  serviceCode: 'AmazonEC2',
  productFamily: 'Storage',
  attributes: { volumeApiName: 'gp2', regionCode: 'ap-southeast-2' },
  usd: '0.1200000000',
  unit: 'GB-Mo',
  description:
    '$0.12 per GB-month of General Purpose SSD (gp2) provisioned storage - Asia Pacific (Sydney)',
});
/** NAT gateway hours and data share a product family; only the usage type tells them apart. */
const NAT_HOURS = priceListItem({
  sku: 'NATHRSAPS2000001',
  serviceCode: 'AmazonEC2',
  productFamily: 'NAT Gateway',
  attributes: {
    regionCode: 'ap-southeast-2',
    usagetype: 'APS2-NatGateway-Hours',
    group: 'NGW:NatGateway',
  },
  usd: '0.0590000000',
  unit: 'Hrs',
  description: '$0.059 per NAT Gateway Hour',
});
const NAT_BYTES = priceListItem({
  sku: 'NATGBAPS20000001',
  serviceCode: 'AmazonEC2',
  productFamily: 'NAT Gateway',
  attributes: {
    regionCode: 'ap-southeast-2',
    usagetype: 'APS2-NatGateway-Bytes',
    group: 'NGW:NatGateway',
  },
  usd: '0.0590000000',
  unit: 'GB',
  description: '$0.059 per GB Data Processed by NAT Gateways',
});
/** Secrets Manager prices API calls per call; the table's row is per 10,000. */
const SECRET = priceListItem({
  sku: 'SECRETAPS2000001',
  serviceCode: 'AWSSecretsManager',
  productFamily: 'Secret',
  attributes: {
    regionCode: 'ap-southeast-2',
    usagetype: 'APS2-AWSSecretsManager-Secrets',
  },
  usd: '0.4000000000',
  unit: 'Secrets',
  description: '$0.40 per secret per month',
});
const SECRET_API = priceListItem({
  sku: 'SECRETAPIAPS2001',
  serviceCode: 'AWSSecretsManager',
  productFamily: 'API Request',
  attributes: {
    regionCode: 'ap-southeast-2',
    usagetype: 'APS2-AWSSecretsManagerAPIRequest',
  },
  usd: '0.0000050000',
  unit: 'API Requests',
  description: '$0.05 per 10,000 API requests',
});
/**
 * A node type the table has no price for, as Redis OSS and as Memcached, at the eu-west-2 price
 * the AWS pricing page shows ([Q] elasticache.json: $8.64).
 */
const cacheNode = (sku: string, cacheEngine: string, usd: string) =>
  priceListItem({
    sku,
    serviceCode: 'AmazonElastiCache',
    productFamily: 'Cache Instance',
    attributes: {
      regionCode: 'eu-west-2',
      instanceType: 'cache.m5.24xlarge',
      cacheEngine,
      usagetype: 'EUW2-NodeUsage:cache.m5.24xlarge',
    },
    usd,
    unit: 'Hrs',
    description: `$${usd} per Cache instance hour (or partial hour) running ${cacheEngine}`,
  });
/** Load balancer hours share a usage type across families; the family tells them apart. */
const loadBalancerHour = (sku: string, productFamily: string, usd: string) =>
  priceListItem({
    sku,
    serviceCode: 'AWSELB',
    productFamily,
    attributes: {
      regionCode: 'ap-southeast-2',
      usagetype: 'APS2-LoadBalancerUsage',
    },
    usd,
    unit: 'Hrs',
    description: `$${usd} per ${productFamily} hour (or partial hour)`,
  });
const CATALOGUE = [
  loadBalancerHour(
    'ALBHOURAPS200001',
    'Load Balancer-Application',
    '0.0252000000',
  ),
  loadBalancerHour('GWLBHOURAPS20001', 'Load Balancer-Gateway', '0.0140000000'),
  priceListItem({
    sku: 'GWLBLCUAPS200001',
    serviceCode: 'AWSELB',
    productFamily: 'Load Balancer-Gateway',
    attributes: { regionCode: 'ap-southeast-2', usagetype: 'APS2-LCUUsage' },
    usd: '0.0040000000',
    unit: 'GLCU-Hrs',
    description: '$0.004 per GLCU-hour (or partial hour)',
  }),
  T3_MEDIUM,
  GP2,
  NAT_HOURS,
  NAT_BYTES,
  SECRET,
  SECRET_API,
  cacheNode('CACHEM5REDIS0001', 'Redis', '8.6400000000'),
  cacheNode('CACHEM5MEMCD0001', 'Memcached', '8.6400000000'),
];

describe('parsePriceListItem', () => {
  it('reads the on-demand USD price of the first tier, its unit and SKU', () => {
    expect(parsePriceListItem(T3_MEDIUM)).toEqual({
      sku: 'AB12CD34EF56GH78',
      usagetype: 'APS2-BoxUsage:t3.medium',
      usd: 0.0528,
      unit: 'Hrs',
      description: '$0.0528 per On Demand Linux t3.medium Instance Hour',
    });
    expect(
      parsePriceListItem(JSON.stringify({ product: { sku: 'X' }, terms: {} })),
    ).toBeUndefined();
  });
});

describe('estimateWithPriceListApi through the AWS SDK', () => {
  const requests: Array<{ target: string | null; body: any }> = [];
  const server = setupServer(
    // The Price List Query API endpoint (AWS JSON 1.1 protocol).
    http.post(
      'https://api.pricing.us-east-1.amazonaws.com/',
      async ({ request }) => {
        const body = (await request.json()) as any;
        requests.push({ target: request.headers.get('x-amz-target'), body });
        return HttpResponse.json(answerGetProducts(body, CATALOGUE), {
          headers: { 'content-type': 'application/x-amz-json-1.1' },
        });
      },
    ),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  const client = new PricingClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });

  it('prices what the table lacks in an unbundled region and leaves the rest unpriced', async () => {
    const estimate = await estimateWithPriceListApi(
      {
        Resources: {
          Web: {
            Type: 'AWS::EC2::Instance',
            Properties: { InstanceType: 't3.medium' },
          },
          Big: {
            Type: 'AWS::EC2::Instance',
            Properties: { InstanceType: 'x2iedn.32xlarge' },
          },
          Nat: { Type: 'AWS::EC2::NatGateway' },
          Secret: { Type: 'AWS::SecretsManager::Secret' },
          Gwlb: {
            Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
            Properties: { Type: 'gateway' },
          },
        },
      },
      { region: 'ap-southeast-2' },
      awsGetProducts(client),
    );
    const web = estimate.lines.find(line => line.logicalId === 'Web')!;
    // 0.0528 × 730 + 8 GB gp2 root × 0.12
    expect(web.monthlyUsd).toBe(39.5);
    expect(web.components[0].priceSource).toBe(
      'EC2 t3.medium Linux on-demand (AWS Price List API AmazonEC2 SKU AB12CD34EF56GH78)',
    );
    expect(
      estimate.unpriced.map(item => [item.logicalId, item.reason]),
    ).toEqual([
      [
        'Big',
        'no offline prices for ap-southeast-2 (EC2 x2iedn.32xlarge Linux on-demand); price it with the AWS Price List API (--pricing-api)',
      ],
    ]);
    // The usage type picks the hour out of the NAT gateway products: 0.059 × 730 + 1 GB × 0.059.
    const nat = estimate.lines.find(line => line.logicalId === 'Nat')!;
    expect(nat.monthlyUsd).toBe(43.13);
    expect(nat.components.map(component => component.priceSource)).toEqual([
      'NAT gateway hour (AWS Price List API AmazonEC2 SKU NATHRSAPS2000001)',
      'NAT gateway data processed (AWS Price List API AmazonEC2 SKU NATGBAPS20000001)',
    ]);
    // Per-call API price × 10,000 = the row's per-10k price: 0.40 + 10,000 calls × 0.05 / 10k.
    const secret = estimate.lines.find(line => line.logicalId === 'Secret')!;
    expect(secret.monthlyUsd).toBe(0.45);
    // The Gateway family's hour, not the Application one: 0.014 × 730 + 0.5 GLCU × 730 × 0.004.
    const gwlb = estimate.lines.find(line => line.logicalId === 'Gwlb')!;
    expect(gwlb.monthlyUsd).toBe(11.68);
    expect(requests[0].target).toBe('AWSPriceListService.GetProducts');
    expect(requests[0].body).toMatchObject({
      ServiceCode: 'AmazonEC2',
      FormatVersion: 'aws_v1',
      Filters: expect.arrayContaining([
        { Type: 'TERM_MATCH', Field: 'instanceType', Value: 't3.medium' },
        { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'ap-southeast-2' },
        { Type: 'TERM_MATCH', Field: 'operatingSystem', Value: 'Linux' },
      ]),
    });
  });

  it('prices a node type the table lacks in a bundled region by its engine', async () => {
    const cache = {
      Resources: {
        Cache: {
          Type: 'AWS::ElastiCache::CacheCluster',
          Properties: { CacheNodeType: 'cache.m5.24xlarge', NumCacheNodes: 2 },
        },
      },
    };
    const offline = estimateMonthlyCost(cache, { region: 'eu-west-2' });
    expect(offline.unpriced[0].reason).toBe(
      'no eu-west-2 price for ElastiCache cache.m5.24xlarge Redis OSS in the price table',
    );
    requests.length = 0;
    const estimate = await estimateWithPriceListApi(
      cache,
      { region: 'eu-west-2' },
      awsGetProducts(client),
    );
    expect(estimate.unpriced).toEqual([]);
    expect(estimate.totalUsd).toBe(12614.4); // 2 × 730 h × $8.64
    expect(requests[0].body.Filters).toEqual(
      expect.arrayContaining([
        { Type: 'TERM_MATCH', Field: 'cacheEngine', Value: 'Redis' },
        {
          Type: 'TERM_MATCH',
          Field: 'instanceType',
          Value: 'cache.m5.24xlarge',
        },
      ]),
    );
  });

  it('asks nothing when the bundled table prices everything', async () => {
    requests.length = 0;
    const estimate = await estimateWithPriceListApi(
      {
        Resources: {
          Web: {
            Type: 'AWS::EC2::Instance',
            Properties: { InstanceType: 't3.medium' },
          },
        },
      },
      { region: 'us-east-1' },
      awsGetProducts(client),
    );
    expect(estimate.totalUsd).toBe(31.17); // 0.0416 × 730 + 8 × 0.10
    expect(requests).toEqual([]);
  });
});
