import type { CacheService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { ACCOUNT } from '@stageline/aws-stand-in';
import { AwsAccess } from '@stageline/plugin-environments-node';
import { environmentEntity, STAGING_TEMPLATE } from '../__testUtils__/fixtures';
import { setupStandIns } from '../__testUtils__/standIns';
import { awsConfig } from '../__testUtils__/startEnvironmentsBackend';
import { StackReader } from '../aws/StackReader';
import { createStagelineCostEstimator } from './StagelineCostEstimator';
import { DefaultCostProvider } from './DefaultCostProvider';
import type { CostEstimateInput } from './CostEstimator';

// CloudFormation at its HTTP edge (DescribeStacks, GetTemplate as
// https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_GetTemplate.html says).
const standIns = setupStandIns();

/** The cache service's contract, in memory. */
function memoryCache(): CacheService {
  const values = new Map<string, any>();
  const cache: CacheService = {
    get: async key => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
    delete: async key => {
      values.delete(key);
    },
    withOptions: () => cache,
  };
  return cache;
}

describe('identical estimate inputs are computed once', () => {
  const setup = (config: object = {}) => {
    const real = createStagelineCostEstimator({});
    const estimated: CostEstimateInput[] = [];
    const templates: unknown[] = [];
    const aws = AwsAccess.fromConfig(new ConfigReader(config), {
      env: {},
      homeDir: '/nonexistent',
    });
    const provider = new DefaultCostProvider({
      estimator: {
        estimate: input => {
          estimated.push(input);
          return real.estimate(input);
        },
        estimateTemplate: (template, input) => {
          templates.push(template);
          return real.estimateTemplate(template, input);
        },
      },
      aws,
      stacks: new StackReader(aws),
      cache: memoryCache(),
      currency: 'GBP',
      usdToGbp: 0.79,
      estimateTtlMs: 60_000,
      actualsTtlMs: 60_000,
      actualsTimeoutMs: 1000,
      nearBudgetRatio: 0.8,
    });
    return { provider, estimated, templates };
  };
  const environment = (app: string, spec: object = {}) =>
    environmentEntity(`${app}-production`, {
      type: 'production',
      scale: 'enterprise',
      component: `component:default/${app}`,
      deployment: {
        provider: 'cloudformation',
        stackName: `${app
          .split('-')
          .map(w => w[0].toUpperCase() + w.slice(1))
          .join('')}ProductionStack`,
        region: 'eu-west-2',
      },
      ...spec,
    });

  it('shares one synthesis between apps at the same stage × scale × region, priced alike', async () => {
    const { provider, estimated } = setup();
    const [a, b] = await Promise.all([
      provider.getCost(environment('macro-ai')),
      provider.getCost(environment('billing-service')),
    ]);
    expect(estimated).toHaveLength(1);
    expect(estimated[0]).toMatchObject({
      appName: 'app',
      stage: 'production',
      scale: 'enterprise',
      region: 'eu-west-2',
    });
    expect(a.status).toBe('ok');
    expect(b.estimate).toEqual(a.estimate);
  });

  it('computes another scale or region on its own', async () => {
    const { provider, estimated } = setup();
    await provider.getCost(environment('macro-ai'));
    await provider.getCost(environment('macro-ai', { scale: 'hobby' }));
    await provider.getCost(
      environment('macro-ai', {
        deployment: {
          provider: 'cloudformation',
          stackName: 'MacroAiProductionStack',
          region: 'eu-west-1',
        },
      }),
    );
    expect(estimated.map(i => `${i.scale} ${i.region}`)).toEqual([
      'enterprise eu-west-2',
      'hobby eu-west-2',
      'enterprise eu-west-1',
    ]);
  });

  it('prices stacks deployed from the same template with the same parameters once, by its hash', async () => {
    const cloudFormation = standIns.aws.cloudFormation();
    cloudFormation.seedStack('MacroAiProductionStack', STAGING_TEMPLATE);
    cloudFormation.seedStack('BillingServiceProductionStack', STAGING_TEMPLATE);
    cloudFormation.seedStack('ReportsProductionStack', STAGING_TEMPLATE, {
      parameters: [{ ParameterKey: 'MemorySize', ParameterValue: '1024' }],
    });
    const { provider, templates, estimated } = setup(awsConfig);
    const deployedAt = (app: string) =>
      environment(app, {
        deployment: {
          provider: 'cloudformation',
          stackName: `${app
            .split('-')
            .map(w => w[0].toUpperCase() + w.slice(1))
            .join('')}ProductionStack`,
          region: 'eu-west-2',
          accountId: ACCOUNT,
        },
      });

    const [a, b, c] = await Promise.all(
      ['macro-ai', 'billing-service', 'reports'].map(app =>
        provider.getCost(deployedAt(app)),
      ),
    );

    expect([a, b, c].map(section => section.template?.source)).toEqual([
      'deployed',
      'deployed',
      'deployed',
    ]);
    // the same template twice with the default MemorySize, once with 1024: two pricings
    expect(templates).toHaveLength(2);
    expect(estimated).toHaveLength(0);
    expect(b.estimate).toEqual(a.estimate);
    expect(c.estimate).not.toEqual(a.estimate);
  });
});
