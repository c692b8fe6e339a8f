import supertest from 'supertest';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
} from '@aws-sdk/client-cost-explorer';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { JsonObject } from '@backstage/types';
import type {
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { synthesizeEnvironment } from '@stageline/cdk-environments';
import { estimateMonthlyCost } from '@stageline/cost-model';
import {
  answerGetProducts,
  priceListItem,
} from '@stageline/cost-model/testUtils';
import type { CostSection } from '@stageline/plugin-environments-common';
import { AwsStandIn, DEPLOYER_KEYS } from '@stageline/aws-stand-in';
import { startEnvironmentsBackend } from '../__testUtils__/startEnvironmentsBackend';
import { apiComponent, environmentEntity } from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const REGION = 'ap-southeast-2';
const PRICING_URL = 'https://api.pricing.us-east-1.amazonaws.com/';

/**
 * A hobby stack in a region the bundled table does not have. Environments at the same stage ×
 * scale × region share one estimate whatever their account; one at another stage is estimated
 * afresh, so it shows where prices come from now.
 */
function sydney(
  name: string,
  accountId = '123456789012',
  stage: 'staging' | 'production' = 'staging',
) {
  return environmentEntity(name, {
    type: stage,
    deployment: {
      provider: 'cloudformation',
      stackName: `${name}-stack`,
      region: REGION,
      accountId,
    },
  });
}

/** Price List products of what a hobby stack runs (documented Price List format). */
function catalogue(lambdaRequestUsd = '0.0000002000') {
  const item = (
    sku: string,
    serviceCode: string,
    productFamily: string,
    attributes: Record<string, string>,
    usd: string,
    unit: string,
  ) =>
    priceListItem({
      sku,
      serviceCode,
      productFamily,
      attributes: { regionCode: REGION, ...attributes },
      usd,
      unit,
      description: `${usd} per ${unit}`,
    });
  return [
    item(
      'LAMBDAREQAPS2001',
      'AWSLambda',
      'Serverless',
      { group: 'AWS-Lambda-Requests', usagetype: 'APS2-Request' },
      lambdaRequestUsd,
      'Requests',
    ),
    item(
      'LAMBDAARMAPS2001',
      'AWSLambda',
      'Serverless',
      {
        group: 'AWS-Lambda-Duration-ARM',
        usagetype: 'APS2-Lambda-GB-Second-ARM',
      },
      '0.0000133334',
      'Lambda-GB-Second',
    ),
    item(
      'CWLOGSINAPS20001',
      'AmazonCloudWatch',
      'Data Payload',
      { usagetype: 'APS2-DataProcessing-Bytes' },
      '0.5700000000',
      'GB',
    ),
    item(
      'CWLOGSSTAPS20001',
      'AmazonCloudWatch',
      'Storage Snapshot',
      { usagetype: 'APS2-TimedStorage-ByteHrs' },
      '0.0330000000',
      'GB-Mo',
    ),
    item(
      'HTTPAPIAPS200001',
      'AmazonApiGateway',
      'API Calls',
      { usagetype: 'APS2-ApiGatewayHttpRequest' },
      '0.0000012900',
      'Requests',
    ),
  ];
}

/** The Price List API behind msw: answers from `products`, or refuses as AWS does. */
const api = {
  products: catalogue(),
  refuse: false,
  requests: [] as Array<{ authorization: string; body: any }>,
};
const server = setupServer(
  http.post(PRICING_URL, async ({ request }) => {
    const body = (await request.json()) as any;
    api.requests.push({
      authorization: request.headers.get('authorization') ?? '',
      body,
    });
    if (api.refuse) {
      // AWS JSON 1.1 error shape (Price List Query API reference, Common Errors).
      return HttpResponse.json(
        {
          __type: 'AccessDeniedException',
          Message:
            'User: arn:aws:iam::123456789012:user/backstage is not authorized to perform: pricing:GetProducts',
        },
        {
          status: 400,
          headers: { 'content-type': 'application/x-amz-json-1.1' },
        },
      );
    }
    return HttpResponse.json(answerGetProducts(body, api.products), {
      headers: { 'content-type': 'application/x-amz-json-1.1' },
    });
  }),
);
const costExplorer = mockClient(CostExplorerClient);
/** CloudFormation at the HTTP edge: none of the stacks is deployed yet. */
let aws: AwsStandIn;

beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => server.close());
afterEach(() => {
  aws.assertNoBugs();
  server.resetHandlers();
});
beforeEach(() => {
  aws = new AwsStandIn(server);
  api.products = catalogue();
  api.refuse = false;
  api.requests = [];
  costExplorer.reset();
  costExplorer.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [] });
  costExplorer.on(GetCostForecastCommand).resolves({});
});

/** Both accounts' stacks can be read (neither is deployed yet), so both are estimated. */
const config = (priceListApi: JsonObject = {}): JsonObject => ({
  aws: {
    accounts: [
      { accountId: '123456789012', ...DEPLOYER_KEYS },
      { accountId: '210987654321', ...DEPLOYER_KEYS },
    ],
  },
  environments: {
    status: { providerTimeout: { seconds: 30 } },
    cost: {
      currency: 'USD',
      priceListApi: { accountId: '123456789012', ...priceListApi },
    },
  },
});

async function costOf(
  backend: Awaited<ReturnType<typeof startEnvironmentsBackend>>,
  name: string,
): Promise<CostSection> {
  const res = await supertest(backend.server)
    .get(`/api/environments/environments/default/${name}/cost`)
    .set('Authorization', mockCredentials.user.header());
  expect(res.status).toBe(200);
  return res.body;
}

/** The same stack priced directly with the Price List figures above, in the table's units. */
function handPriced(
  lambdaRequestsPerMillion = 0.2,
  stage: 'staging' | 'production' = 'staging',
) {
  const { template } = synthesizeEnvironment({
    appName: 'macro-ai',
    stage,
    scale: 'hobby',
    region: REGION,
    account: '123456789012',
  });
  return estimateMonthlyCost(template, {
    region: REGION,
    prices: new Map(
      [
        ['Lambda requests', lambdaRequestsPerMillion],
        ['Lambda arm64 duration', 0.0000133334],
        ['CloudWatch Logs ingestion', 0.57],
        ['CloudWatch Logs storage', 0.033],
        ['API Gateway HTTP API requests (first 300M)', 1.29],
      ].map(([label, usd]) => [
        label as string,
        { usd: usd as number, source: 'hand' },
      ]),
    ),
  });
}

describe('the cost section outside the bundled regions, with AWS configured', () => {
  it('prices the stack from the Price List API with the AWS integration credentials, then from the database', async () => {
    const backend = await startEnvironmentsBackend({
      config: config(),
      entities: [
        apiComponent,
        sydney('macro-ai-api-sydney'),
        sydney('macro-ai-api-sydney-2', '210987654321'),
      ],
    });
    const cost = await costOf(backend, 'macro-ai-api-sydney');
    // The stack is not deployed yet, so the reference profile is priced, and the card says so.
    expect(cost.template?.source).toBe('reference-profile');
    const expected = handPriced();
    expect(expected.unpriced).toEqual([]);
    expect(cost.estimate?.unpriced).toEqual([]);
    expect(cost.estimate?.monthly).toBe(expected.total);
    expect(cost.estimate?.monthly).toBeGreaterThan(0);
    expect(api.requests.length).toBe(5);
    // Signed with the configured account's key (SigV4 for the pricing service in us-east-1).
    expect(api.requests[0].authorization).toContain(
      'Credential=AKIAIOSFODNN7EXAMPLE/',
    );
    expect(api.requests[0].authorization).toContain('/us-east-1/pricing/');
    expect(api.requests.map(({ body }) => body.ServiceCode).sort()).toEqual([
      'AWSLambda',
      'AWSLambda',
      'AmazonApiGateway',
      'AmazonCloudWatch',
      'AmazonCloudWatch',
    ]);

    // A stack in another account in the region: estimated afresh, every price from the
    // database, no API call.
    api.requests = [];
    const second = await costOf(backend, 'macro-ai-api-sydney-2');
    expect(second.estimate?.monthly).toBe(expected.total);
    expect(api.requests).toEqual([]);
    await backend.stop();
  });

  it('refreshes the cached prices in a global scheduled task', async () => {
    const scheduler = mockServices.scheduler.mock();
    const tasks: Array<
      SchedulerServiceTaskScheduleDefinition &
        SchedulerServiceTaskInvocationDefinition
    > = [];
    scheduler.scheduleTask.mockImplementation(async task => {
      tasks.push(task);
    });
    const backend = await startEnvironmentsBackend({
      config: config({ refreshInterval: { hours: 6 } }),
      entities: [
        apiComponent,
        sydney('macro-ai-api-sydney'),
        sydney('macro-ai-api-sydney-2', '210987654321', 'production'),
      ],
      features: [scheduler.factory],
    });
    await costOf(backend, 'macro-ai-api-sydney');
    const refresh = tasks.find(
      task => task.id === 'environments-price-list-refresh',
    )!;
    expect(refresh).toMatchObject({
      scope: 'global',
      frequency: { hours: 6 },
    });

    // The Lambda request price changes; the refresh asks for every cached query again.
    api.products = catalogue('0.0000002500');
    api.requests = [];
    await refresh.fn(new AbortController().signal);
    expect(api.requests.length).toBe(5);
    const after = await costOf(backend, 'macro-ai-api-sydney-2');
    expect(after.estimate?.monthly).toBe(handPriced(0.25, 'production').total);
    expect(after.estimate?.monthly).not.toBe(
      handPriced(0.2, 'production').total,
    );
    await backend.stop();
  });

  it('keeps the offline estimate and says why when the API refuses', async () => {
    api.refuse = true;
    const backend = await startEnvironmentsBackend({
      config: config(),
      entities: [apiComponent, sydney('macro-ai-api-sydney')],
    });
    const cost = await costOf(backend, 'macro-ai-api-sydney');
    expect(cost.status).toBe('ok');
    expect(cost.estimate?.unpriced.map(item => item.reason)).toContain(
      'no offline prices for ap-southeast-2 (Lambda requests); price it with the AWS Price List API (--pricing-api)',
    );
    const problem = cost.estimate?.assumptions.find(text =>
      text.startsWith('AWS Price List API unavailable'),
    );
    expect(problem).toBe(
      'AWS Price List API unavailable (AccessDeniedException: User: arn:aws:iam::123456789012:user/backstage is not authorized to perform: pricing:GetProducts): rows without a bundled ap-southeast-2 price stay unpriced.',
    );
    expect(JSON.stringify(cost)).not.toContain(DEPLOYER_KEYS.secretAccessKey);
    // One refusal stops the lookups of that estimate.
    expect(api.requests.length).toBe(1);
    await backend.stop();
  });

  it('asks nothing when the price list is turned off or AWS is not configured', async () => {
    for (const cfg of [
      config({ enabled: false }),
      { environments: { cost: { currency: 'USD' } } },
    ]) {
      const backend = await startEnvironmentsBackend({
        config: cfg,
        entities: [apiComponent, sydney('macro-ai-api-sydney')],
      });
      const cost = await costOf(backend, 'macro-ai-api-sydney');
      expect(cost.estimate?.unpriced.length).toBeGreaterThan(0);
      await backend.stop();
    }
    expect(api.requests).toEqual([]);
  });
});
