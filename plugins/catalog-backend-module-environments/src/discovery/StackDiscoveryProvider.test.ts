import { setupServer } from 'msw/node';
import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ACCOUNT, AwsStandIn } from '@stageline/aws-stand-in';
import { validateEnvironmentEntity } from '@stageline/plugin-environments-common';
import {
  addOtherAccount,
  connectedDiscovery,
  OTHER_ACCOUNT,
  SMALL_TEMPLATE,
  tags,
} from '../__testUtils__/discoveryFixtures';
import { DiscoveredStackStore } from './DiscoveredStackStore';

jest.setTimeout(60_000);

// AWS at its HTTP edge: DescribeStacks of every stack of an account and region, paged, with tags
// and outputs (AWS CloudFormation API Reference, DescribeStacks), through the real SDK.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
let aws: AwsStandIn;
beforeEach(() => {
  server.resetHandlers();
  aws = new AwsStandIn(server);
  addOtherAccount(aws);
});
afterEach(() => aws.assertNoBugs());

/** macro-ai-api-staging as its repository declares it: no region or account. */
const declaredStaging = {
  apiVersion: 'stageline.dev/v1alpha1',
  kind: 'Environment',
  metadata: { name: 'macro-ai-api-staging', namespace: 'default' },
  spec: {
    type: 'staging',
    owner: 'group:default/team-a',
    component: 'component:default/macro-ai-api',
    scale: 'hobby',
    deployment: {
      provider: 'cloudformation',
      stackName: 'MacroAiStagingStack',
    },
  },
};

function seedAccounts() {
  const ours = aws.cloudFormation('eu-west-2', ACCOUNT);
  ours.seedStack('MacroAiStagingStack', SMALL_TEMPLATE, {
    tags: tags({
      'stageline.dev/stage': 'staging',
      'stageline.dev/app': 'macro-ai',
    }),
  });
  ours.seedStack(
    'BillingProductionStack',
    JSON.stringify({
      Resources: { Queue: { Type: 'AWS::SQS::Queue' } },
      Outputs: {
        HealthCheckUrl: { Value: 'https://billing.example.com/api/health' },
      },
    }),
    {
      tags: tags({
        'stageline.dev/stage': 'production',
        'stageline.dev/scale': 'enterprise',
        'stageline.dev/app': 'billing',
        'stageline.dev/owner': 'group:default/payments',
        'stageline.dev/component': 'component:default/billing-api',
      }),
      outputs: { HealthCheckUrl: 'https://billing.example.com/api/health' },
    },
  );
  // The CDK stack's tags of the release before.
  aws
    .cloudFormation('us-east-1', ACCOUNT)
    .seedStack('BillingStagingStack', SMALL_TEMPLATE, {
      tags: tags({ 'stageline:stage': 'staging', 'stageline:app': 'billing' }),
    });
  const other = aws.cloudFormation('eu-west-2', OTHER_ACCOUNT);
  other.seedStack('ReportsDevelopmentStack', SMALL_TEMPLATE);
  other.seedStack('ReportsPr7Stack', SMALL_TEMPLATE);
  other.seedStack('SomethingElseStack', SMALL_TEMPLATE);
  other.seedStack('OddStack', SMALL_TEMPLATE, {
    tags: tags({ 'stageline.dev/stage': 'qa' }),
  });
  // Same app and stage as the staging of the first account's us-east-1.
  other.seedStack('BillingStagingStack', SMALL_TEMPLATE, {
    tags: tags({
      'stageline.dev/stage': 'staging',
      'stageline.dev/app': 'billing',
    }),
  });
}

describe('StackDiscoveryProvider', () => {
  it("turns stacks carrying Stageline's tags, or matching the name pattern, into Environments across accounts and regions", async () => {
    seedAccounts();
    const { read, logger } = await connectedDiscovery([declaredStaging], {
      stackNamePattern: /^Reports/,
      defaultOwner: 'group:default/platform',
    });
    const emitted = await read();
    expect([...emitted.keys()].sort()).toEqual([
      'billing-production',
      'billing-staging',
      'billing-staging-eu-west-2',
      'reports-development',
      'reports-pr-7',
    ]);
    for (const { entity } of emitted.values()) {
      expect([entity.metadata.name, validateEnvironmentEntity(entity)]).toEqual(
        [entity.metadata.name, []],
      );
    }
    const production = emitted.get('billing-production')!;
    expect(production.locationKey).toBe(
      `stageline-stacks:${ACCOUNT}/eu-west-2`,
    );
    expect(production.entity.spec).toEqual({
      type: 'production',
      owner: 'group:default/payments',
      component: 'component:default/billing-api',
      scale: 'enterprise',
      deployment: {
        provider: 'cloudformation',
        stackName: 'BillingProductionStack',
        region: 'eu-west-2',
        accountId: ACCOUNT,
      },
      healthCheck: { url: 'https://billing.example.com/api/health' },
    });
    expect(emitted.get('billing-staging')!.entity.spec).toMatchObject({
      type: 'staging',
      owner: 'group:default/platform',
      component: 'component:default/billing',
      scale: 'hobby',
      deployment: { region: 'us-east-1', accountId: ACCOUNT },
    });
    expect(
      emitted.get('billing-staging-eu-west-2')!.entity.spec.deployment,
    ).toMatchObject({
      region: 'eu-west-2',
      accountId: OTHER_ACCOUNT,
    });
    expect(emitted.get('reports-pr-7')!.entity).toMatchObject({
      metadata: { annotations: { 'stageline.dev/pull-request': '7' } },
      spec: { type: 'preview' },
    });
    expect(logger.warn).toHaveBeenCalledWith(
      `Discovered OddStack in ${OTHER_ACCOUNT}/eu-west-2 is not an Environment: its stage is unknown (no stageline.dev/stage tag of development, preview, staging, production, and its name is not {App}{Stage}Stack)`,
    );
  });

  it('does not duplicate a stack an Environment declared in a repository describes', async () => {
    seedAccounts();
    const { read } = await connectedDiscovery([declaredStaging], {
      defaultOwner: 'group:default/platform',
    });
    const emitted = await read();
    expect(emitted.has('macro-ai-staging')).toBe(false);
    expect(
      [...emitted.values()].map(e => e.entity.spec.deployment?.stackName),
    ).not.toContain('MacroAiStagingStack');
  });

  it('skips a stack without an owner when no default owner is configured', async () => {
    seedAccounts();
    const { read, logger } = await connectedDiscovery([]);
    const emitted = await read();
    expect([...emitted.keys()]).toEqual(['billing-production']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Discovered MacroAiStagingStack in 123456789012/eu-west-2 is not an Environment: it names no owner (stageline.dev/owner tag) and catalog.providers.stagelineStacks.defaultOwner is not set',
      ),
    );
  });

  it('keeps what an account showed before while AWS refuses to list its stacks', async () => {
    seedAccounts();
    const { read, logger } = await connectedDiscovery([], {
      defaultOwner: 'group:default/platform',
    });
    const before = [...(await read()).keys()].sort();
    aws.deny('cloudformation:DescribeStacks');
    expect([...(await read()).keys()].sort()).toEqual(before);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Could not list the stacks of 123456789012\/eu-west-2: AWS failed listing the stacks of account 123456789012 in eu-west-2 \(AccessDenied: .*\); the role used for account 123456789012 needs CloudFormation permissions in eu-west-2; keeping the 2 found before$/,
      ),
    );
  });
});

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'POSTGRES_15'] as TestDatabaseId[],
});

describe.each(databases.eachSupportedId())(
  'discovered stacks on %p',
  databaseId => {
    it("keep every Stageline stack found, declared ones too, for filling declared Environments' gaps", async () => {
      seedAccounts();
      const knex = await databases.init(databaseId);
      const store = await DiscoveredStackStore.create(
        mockServices.database({ knex }),
      );
      const { read } = await connectedDiscovery([declaredStaging], {}, store);
      await read();
      const [found] = await store.find({ stackName: 'MacroAiStagingStack' });
      expect(found).toMatchObject({
        accountId: ACCOUNT,
        region: 'eu-west-2',
        status: 'CREATE_COMPLETE',
      });
      expect(
        await store.find({ stackName: 'BillingStagingStack' }),
      ).toHaveLength(2);
      expect(
        await store.find({
          stackName: 'BillingStagingStack',
          accountId: OTHER_ACCOUNT,
        }),
      ).toHaveLength(1);
      expect(await store.find({ stackName: 'SomethingElseStack' })).toEqual([]);
    });
  },
);
