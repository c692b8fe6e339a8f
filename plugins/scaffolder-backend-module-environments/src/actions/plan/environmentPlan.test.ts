import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import path from 'node:path';
import {
  actionContext,
  CheckpointStore,
} from '../../__testUtils__/actionContext';
import type { AwsStandIn } from '@stageline/aws-stand-in';
import {
  FIXTURES,
  referenceTemplate,
  useAwsStandIn,
  withServiceCode,
} from '../../__testUtils__/aws/toolkitTestSetup';
import {
  configuredAws,
  unconfiguredAws,
} from '../../__testUtils__/cloudFormationStandIn';
import {
  exampleCatalog,
  exampleCatalogWithModes,
} from '../../__testUtils__/entities';
import { createEnvironmentPlanAction } from './environmentPlan';

jest.setTimeout(60_000);
const standIn = useAwsStandIn();
const STACK = 'MacroAiProductionStack';
const PRODUCTION = 'environment:default/macro-ai-api-production';
const CHANGE_SET = 'stageline-plan-hobby-task-1';

function createAction(
  aws = configuredAws(),
  options: Partial<Parameters<typeof createEnvironmentPlanAction>[0]> = {},
) {
  return createEnvironmentPlanAction({
    catalog: catalogServiceMock({ entities: exampleCatalog() }),
    aws,
    pollIntervalMs: 0,
    ...options,
  });
}

/** The outputs of a plan without AWS. */
async function plan(
  input: Parameters<typeof actionContext>[0],
  options: Partial<Parameters<typeof createEnvironmentPlanAction>[0]> = {},
) {
  const context = actionContext(input);
  await createAction(unconfiguredAws(), options).handler(context.ctx);
  return context;
}

type Estimate = {
  total: number;
  currency: string;
  lines: Array<{ monthly: number; basis: string }>;
  unpriced: Array<{ logicalId: string; reason: string }>;
  assumptions: string[];
  scheduleSaving?: number;
};

/** The production stack as deployed, three changes away from what the plan synthesizes. */
function deployedWithChanges(aws: AwsStandIn) {
  const template = referenceTemplate('hobby', 'production');
  const ids = Object.keys(template.Resources);
  const byType = (type: string) =>
    ids.find(id => template.Resources[id].Type === type)!;
  const fn = byType('AWS::Lambda::Function');
  const api = byType('AWS::ApiGatewayV2::Api');
  template.Resources[fn].Properties!.MemorySize = 256;
  template.Resources[api].Properties!.ProtocolType = 'WEBSOCKET';
  template.Resources.OldQueue = { Type: 'AWS::SQS::Queue', Properties: {} };
  aws.cloudFormation().seedStack(STACK, JSON.stringify(template));
  return { fn, api };
}

describe('environment:plan', () => {
  let aws: AwsStandIn;
  beforeEach(() => {
    aws = standIn();
  });
  const calls = () => aws.calls('cloudformation');

  it('estimates the cost against the budget without AWS, and says so', async () => {
    const { ctx, outputs, logs } = actionContext({
      environmentRef: PRODUCTION,
    });

    await createAction(unconfiguredAws()).handler(ctx);

    expect(aws.requests).toEqual([]);
    const estimate = outputs.estimate as Estimate;
    expect(estimate.currency).toBe('GBP');
    expect(estimate.total).toBeGreaterThan(0);
    expect(estimate.lines.map(l => l.monthly)).toEqual(
      [...estimate.lines.map(l => l.monthly)].sort((a, b) => b - a),
    );
    expect(outputs).toMatchObject({
      stackName: STACK,
      stage: 'production',
      scale: 'hobby',
      withinBudget: true,
      budgetState: 'within',
      budget: { monthly: 10, currency: 'GBP' },
      awsConfigured: false,
      changeSummary: {
        source: 'unavailable',
        reason: expect.stringMatching(
          /^estimate only: AWS is not configured: add aws.mainAccount or aws.accounts/,
        ),
      },
    });
    expect(logs()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^info: Estimated monthly cost of MacroAiProductionStack \(production, hobby\) in eu-west-2, account 123456789012: £\d+\.\d\d a month is within the £10\.00 budget/,
        ),
        expect.stringMatching(
          /^info: Changes not worked out: estimate only: AWS is not configured/,
        ),
      ]),
    );
    expect(outputs.summary).toContain('Estimated cost: **£');
  });

  it('reads what a deploy would change from a change set, and deletes the change set', async () => {
    const { fn, api } = deployedWithChanges(aws);
    const { ctx, outputs, logs } = actionContext(
      { environmentRef: PRODUCTION },
      { taskId: 'task-1' },
    );

    await createAction().handler(ctx);

    expect(calls()).toEqual([
      'cloudformation:DescribeStacks',
      'cloudformation:CreateChangeSet',
      'cloudformation:DescribeChangeSet',
      'cloudformation:DescribeChangeSet',
      'cloudformation:DeleteChangeSet',
    ]);
    expect(aws.requests[1].params).toMatchObject({
      StackName: STACK,
      ChangeSetName: CHANGE_SET,
      ChangeSetType: 'UPDATE',
      TemplateBody: expect.any(String),
      Capabilities: [
        'CAPABILITY_IAM',
        'CAPABILITY_NAMED_IAM',
        'CAPABILITY_AUTO_EXPAND',
      ],
      Description: 'Stageline plan (deleted right after it is read)',
    });
    expect(aws.cloudFormation().changeSets).toEqual([]);
    expect(outputs).toMatchObject({
      mode: 'reference',
      templateSource: 'reference-profile',
      awsConfigured: true,
      changeSummary: {
        source: 'change-set',
        added: 0,
        modified: 2,
        replaced: 1,
        removed: 1,
        changes: [
          {
            action: 'Modify',
            logicalId: fn,
            type: 'AWS::Lambda::Function',
            replacement: 'False',
          },
          {
            action: 'Modify',
            logicalId: api,
            type: 'AWS::ApiGatewayV2::Api',
            replacement: 'True',
          },
          { action: 'Remove', logicalId: 'OldQueue', type: 'AWS::SQS::Queue' },
        ],
      },
    });
    expect(logs()).toContain(
      'info: Changes: 0 to add, 2 to modify (1 replaced), 1 to remove',
    );
  });

  it('lists every resource as added for a stack that does not exist, creating nothing', async () => {
    const { ctx, outputs } = actionContext({ environmentRef: PRODUCTION });

    await createAction().handler(ctx);

    expect(calls()).toEqual(['cloudformation:DescribeStacks']);
    const summary = outputs.changeSummary as {
      source: string;
      added: number;
      modified: number;
    };
    expect(summary.source).toBe('new-stack');
    expect(summary.added).toBe((outputs.estimate as Estimate).lines.length);
    expect(summary.modified).toBe(0);
  });

  it('deletes the change set even when reading it fails', async () => {
    deployedWithChanges(aws);
    aws.cloudFormation().looksWhileCreating = 0;
    aws.deny('cloudformation:DescribeChangeSet');
    const { ctx } = actionContext({ environmentRef: PRODUCTION });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'AWS failed working out the changes to MacroAiProductionStack (AccessDenied: User: arn:aws:iam::123456789012:user/stageline-deployer is not authorized to perform: cloudformation:DescribeChangeSet',
    );
    expect(calls()).toContain('cloudformation:DeleteChangeSet');
    expect(aws.cloudFormation().changeSets).toEqual([]);
  });

  it('does not create a change set while the stack is busy', async () => {
    aws
      .cloudFormation()
      .seedStack(
        STACK,
        JSON.stringify(referenceTemplate('hobby', 'production')),
        {
          status: 'UPDATE_IN_PROGRESS',
        },
      );
    const { ctx, outputs } = actionContext({ environmentRef: PRODUCTION });

    await createAction().handler(ctx);

    expect(calls()).toEqual(['cloudformation:DescribeStacks']);
    expect(outputs.changeSummary).toEqual({
      source: 'unavailable',
      reason:
        'stack MacroAiProductionStack is UPDATE_IN_PROGRESS; no change set was created while it is busy',
    });
  });

  it('prices another scale as a what-if: enterprise costs more than hobby and is over the hobby budget', async () => {
    const hobby = actionContext({ environmentRef: PRODUCTION });
    const enterprise = actionContext({
      environmentRef: PRODUCTION,
      scale: 'enterprise',
    });

    await createAction(unconfiguredAws()).handler(hobby.ctx);
    await createAction(unconfiguredAws()).handler(enterprise.ctx);

    expect((enterprise.outputs.estimate as Estimate).total).toBeGreaterThan(
      (hobby.outputs.estimate as Estimate).total * 10,
    );
    expect(enterprise.outputs).toMatchObject({
      scale: 'enterprise',
      withinBudget: false,
      budgetState: 'over',
    });
  });

  it('fails over budget with failOverBudget, naming the overshoot and the top cost lines, before any AWS call', async () => {
    const { ctx, outputs } = actionContext({
      environmentRef: PRODUCTION,
      scale: 'enterprise',
      failOverBudget: true,
    });

    const error = await createAction()
      .handler(ctx)
      .catch(e => e);

    // InputError is the name Backstage's error handler answers 400 for.
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(
      /^MacroAiProductionStack at enterprise scale is over budget: £[\d,]+\.\d\d a month is over the £10\.00 budget by £[\d,]+\.\d\d \(\d+%\)(; .*)?\. Top costs: DatabaseInstance\w+ \(AWS::RDS::DBInstance\) £[\d.]+: /,
    );
    expect(error.message).toMatch(
      /\. To go ahead anyway, set confirmOverBudget \("Go ahead even if the new scale is over budget" in the scale-environment template\), which plans without failOverBudget; or choose a smaller scale, or raise the budget$/,
    );
    expect(aws.requests).toEqual([]);
    expect(outputs).toMatchObject({ withinBudget: false, budgetState: 'over' });
  });

  it('plans an environment that is not in the catalog from explicit input and budget', async () => {
    const { ctx, outputs } = actionContext({
      app: 'macro-ai',
      stage: 'staging',
      scale: 'hobby',
      region: 'eu-west-2',
      budget: 5,
      currency: 'GBP',
    });

    await createAction(unconfiguredAws()).handler(ctx);

    expect(outputs).toMatchObject({
      stackName: 'MacroAiStagingStack',
      budget: { monthly: 5, currency: 'GBP' },
      withinBudget: true,
    });
  });

  describe('pricing settings (environments.cost.*, as the environments backend reads them)', () => {
    const NEW_STAGING = {
      app: 'macro-ai',
      stage: 'staging',
      region: 'eu-west-2',
    } as const;

    it('converts a GBP estimate at environments.cost.rate', async () => {
      const usd = (await plan({ ...NEW_STAGING, currency: 'USD' })).outputs
        .estimate as Estimate;
      const atDefault = (await plan({ ...NEW_STAGING, currency: 'GBP' }))
        .outputs.estimate as Estimate;
      const atRate = (
        await plan({ ...NEW_STAGING, currency: 'GBP' }, { cost: { rate: 1.5 } })
      ).outputs.estimate as Estimate;

      expect(atRate.currency).toBe('GBP');
      expect(atRate.assumptions).toContain('Converted at £1.5 per $1.');
      // Each line is rounded to cents, so the totals agree to a cent a line.
      expect(Math.abs(atRate.total - usd.total * 1.5)).toBeLessThanOrEqual(
        0.01 * usd.lines.length,
      );
      expect(atRate.total).not.toBeCloseTo(atDefault.total, 1);
    });

    it('estimates in environments.cost.currency when neither the environment nor the input names one', async () => {
      const { outputs } = await plan(NEW_STAGING, {
        cost: { currency: 'USD', rate: 1.5 },
      });

      expect((outputs.estimate as Estimate).currency).toBe('USD');
      expect(outputs.summary).toMatch(
        /Estimated cost: \*\*\$\d+\.\d\d a month; no budget set/,
      );
    });

    it("keeps the environment's budget currency over environments.cost.currency", async () => {
      const { outputs } = await plan(
        { environmentRef: PRODUCTION },
        { cost: { currency: 'USD' } },
      );

      expect((outputs.estimate as Estimate).currency).toBe('GBP');
    });

    it('says near from environments.cost.nearBudgetRatio of the budget', async () => {
      const { outputs } = await plan(
        { environmentRef: PRODUCTION },
        { cost: { nearBudgetRatio: 0.01 } },
      );

      expect(outputs).toMatchObject({
        budgetState: 'near',
        withinBudget: true,
      });
    });
  });

  describe('schedule', () => {
    // Hobby scale is serverless: nothing billed by the hour, so no schedule saves anything there.
    const NEW_STAGING = {
      app: 'macro-ai',
      stage: 'staging',
      scale: 'enhanced-hobby',
      region: 'eu-west-2',
      budget: 5,
    } as const;

    it('takes the shutdown schedule of an environment given as app + stage off the estimate', async () => {
      const always = (await plan(NEW_STAGING)).outputs.estimate as Estimate;
      const { outputs } = await plan({
        ...NEW_STAGING,
        schedule: { shutdown: '0 18 * * 1-5' },
      });
      const estimate = outputs.estimate as Estimate;

      expect(always.scheduleSaving).toBeUndefined();
      expect(estimate.scheduleSaving).toBeGreaterThan(0);
      expect(estimate.total).toBeLessThan(always.total);
      expect(outputs.summary).toMatch(
        /Shutdown schedule \(`0 18 \* \* 1-5`\) saves £\d+\.\d\d\/month/,
      );
    });

    it("uses the Environment's own spec.schedule for an entity ref", async () => {
      const staging = (
        await plan({
          environmentRef: 'environment:default/macro-ai-api-staging',
          scale: 'enhanced-hobby',
        })
      ).outputs.estimate as Estimate;

      expect(staging.scheduleSaving).toBeGreaterThan(0);
    });

    it.each([
      [
        { schedule: { shutdown: '0 18 * *' } },
        'Invalid input to environment:plan: schedule.shutdown: must be a five-field cron expression in UTC, e.g. 0 18 * * 1-5',
      ],
      [
        { schedule: { shutdown: '0 99 * * 1-5' } },
        'Invalid schedule.shutdown "0 99 * * 1-5"',
      ],
      [
        { schedule: { shutdown: '0 18 * * 1-5', startup: '0 8 * * mon-fry' } },
        'Invalid schedule.startup "0 8 * * mon-fry"',
      ],
      [
        { schedule: { startup: '0 8 * * 1-5' } },
        'schedule.startup needs schedule.shutdown',
      ],
      [
        { schedule: { shutdown: '0 18 * * 1-5', stop: 'never' } },
        'Invalid input to environment:plan: schedule has unknown field(s) stop',
      ],
      [
        {
          environmentRef: 'environment:default/macro-ai-api-staging',
          schedule: { shutdown: '0 20 * * *' },
        },
        'schedule is for an environment given as app + stage; environment:default/macro-ai-api-staging is planned with its own spec.schedule',
      ],
    ])('refuses a bad schedule (%j)', async (input, message) => {
      const { ctx } = actionContext({ ...NEW_STAGING, ...input });

      await expect(
        createAction(unconfiguredAws()).handler(ctx),
      ).rejects.toThrow(message);
    });
  });

  describe('existing environments', () => {
    it('warns when the component already has an Environment at that stage, in the log, the outputs and the summary', async () => {
      const { outputs, logs } = await plan({
        app: 'macro-ai',
        stage: 'staging',
        region: 'eu-west-2',
        component: 'component:default/macro-ai-api',
      });

      const warning =
        'component:default/macro-ai-api already has a staging environment in the catalog: environment:default/macro-ai-api-staging; registering another makes a duplicate';
      expect(outputs.existingEnvironments).toEqual([
        'environment:default/macro-ai-api-staging',
      ]);
      expect(logs()).toContain(`warn: ${warning}`);
      expect(outputs.summary).toContain(`**Warning:** ${warning}`);
    });

    it("warns when another component's Environment already describes the stack", async () => {
      const { outputs, logs } = await plan({
        app: 'macro-ai',
        stage: 'production',
        region: 'eu-west-2',
        component: 'macro-ai-worker',
      });

      expect(outputs.existingEnvironments).toEqual([
        'environment:default/macro-ai-api-production',
      ]);
      expect(logs()).toContain(
        'warn: Stack MacroAiProductionStack in eu-west-2 is already described by environment:default/macro-ai-api-production; another Environment for it makes a duplicate',
      );
    });

    it('says nothing for a new component and stack', async () => {
      const { outputs, logs } = await plan({
        app: 'billing',
        stage: 'staging',
        region: 'eu-west-2',
        component: 'component:default/billing',
      });

      expect(outputs.existingEnvironments).toEqual([]);
      expect(logs().filter(line => line.startsWith('warn:'))).toEqual([]);
      expect(outputs.summary).not.toContain('Warning');
    });

    it('does not look for duplicates of an environment given by ref', async () => {
      const { outputs } = await plan({ environmentRef: PRODUCTION });

      expect(outputs).not.toHaveProperty('existingEnvironments');
    });
  });

  it('creates no change set in a dry run', async () => {
    const { ctx, outputs } = actionContext(
      { environmentRef: PRODUCTION },
      { isDryRun: true },
    );

    await createAction().handler(ctx);

    expect(aws.requests).toEqual([]);
    expect(outputs.changeSummary).toEqual({
      source: 'unavailable',
      reason: 'dry run: no change set was created',
    });
    expect((outputs.estimate as Estimate).total).toBeGreaterThan(0);
  });

  it('makes no AWS calls when the task is retried after it finished', async () => {
    deployedWithChanges(aws);
    const checkpoints = new CheckpointStore();
    await createAction().handler(
      actionContext({ environmentRef: PRODUCTION }, { checkpoints }).ctx,
    );
    const callsAfterFirstRun = aws.requests.length;

    const retry = actionContext(
      { environmentRef: PRODUCTION },
      { checkpoints },
    );
    await createAction().handler(retry.ctx);

    expect(aws.requests).toHaveLength(callsAfterFirstRun);
    expect(retry.outputs).toMatchObject({
      changeSummary: { source: 'change-set', modified: 2 },
    });
  });

  it('lists what it cannot price in a region without offline prices, naming the region', async () => {
    const { ctx, outputs } = actionContext({
      app: 'macro-ai',
      stage: 'staging',
      region: 'sa-east-1',
    });

    await createAction(unconfiguredAws()).handler(ctx);

    const estimate = outputs.estimate as Estimate;
    expect(estimate.unpriced.length).toBeGreaterThan(0);
    for (const item of estimate.unpriced) {
      expect(item.reason).toMatch(/^no offline prices for sa-east-1 /);
    }
  });

  it('says when the region is not a commercial AWS region', async () => {
    const { ctx } = actionContext({
      app: 'macro-ai',
      stage: 'staging',
      region: 'cn-north-1',
    });

    await expect(createAction(unconfiguredAws()).handler(ctx)).rejects.toThrow(
      /^Cannot estimate the cost of MacroAiStagingStack: Invalid region "cn-north-1": expected a commercial AWS region/,
    );
  });

  it.each([
    [
      { environmentRef: PRODUCTION, scale: 'huge' },
      'scale must be one of hobby, enhanced-hobby, enterprise; got "huge"',
    ],
    [
      { app: 'macro-ai', stage: 'qa', region: 'eu-west-2' },
      'stage must be one of development, preview, staging, production; got "qa"',
    ],
    [
      { environmentRef: PRODUCTION, budget: -5 },
      'budget: Number must be greater than 0',
    ],
    [
      { app: 'Macro AI', stage: 'staging', region: 'eu-west-2' },
      'app: must be kebab-case, e.g. macro-ai',
    ],
    [
      { app: 'macro-ai', stage: 'staging', region: 'London' },
      'region: must be an AWS region such as eu-west-2',
    ],
  ])('names the field of a schema error (%j)', async (input, message) => {
    const { ctx } = actionContext(input);

    await expect(createAction().handler(ctx)).rejects.toThrow(
      `Invalid input to environment:plan: ${message}`,
    );
  });

  it('fails for an entity ref that is not an Environment', async () => {
    const { ctx } = actionContext({
      environmentRef: 'component:default/macro-ai-api',
    });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'environmentRef component:default/macro-ai-api is a Component (backstage.io/v1alpha1), not a stageline.dev/v1alpha1 Environment',
    );
  });

  describe('by deployment mode', () => {
    const STAGING = 'environment:default/macro-ai-api-staging';
    const WEB_STAGING = 'environment:default/macro-ai-web-staging';
    const withModes = () =>
      catalogServiceMock({ entities: exampleCatalogWithModes() });

    it("prices a cdk-app Environment's own app and compares it with the deployed stack", async () => {
      aws.bootstrap();
      aws.cloudFormation().seedStack(
        'MacroAiWebStagingStack',
        JSON.stringify({
          Resources: {
            ApiFunctionServiceRole: { Type: 'AWS::IAM::Role', Properties: {} },
          },
        }),
      );
      const { ctx, outputs, logs } = actionContext(
        { environmentRef: WEB_STAGING },
        {
          taskId: 'task-1',
          workspacePath: path.join(FIXTURES, 'service-repo'),
        },
      );

      await createAction(configuredAws(), { catalog: withModes() }).handler(
        ctx,
      );

      expect(outputs).toMatchObject({
        mode: 'cdk-app',
        templateSource: 'cdk-app',
        changeSummary: { source: 'change-set', added: expect.any(Number) },
      });
      expect(
        (outputs.estimate as { lines: Array<{ type: string }> }).lines.map(
          l => l.type,
        ),
      ).toContain('AWS::Lambda::Function');
      expect(logs()).toContain(
        'info: Pricing the CDK app in web/infrastructure at hobby scale',
      );
      expect(aws.cloudFormation().changeSets).toEqual([]);
    });

    it('stands the reference profile in for a cdk-app in a dry run, running nothing', async () => {
      const { ctx, outputs, logs } = actionContext(
        { environmentRef: WEB_STAGING },
        { isDryRun: true, workspacePath: path.join(FIXTURES, 'slow-repo') },
      );

      await createAction(configuredAws(), {
        catalog: withModes(),
        synthTimeoutMs: 1,
      }).handler(ctx);

      expect(aws.requests).toEqual([]);
      expect(outputs).toMatchObject({ templateSource: 'reference-profile' });
      expect(logs()).toContain(
        'info: Pricing the @stageline/cdk-environments reference profile at hobby scale, standing in for the CDK app in web/infrastructure, which a dry run does not run',
      );
    });

    it("prices a pipeline Environment's deployed template", async () => {
      aws
        .cloudFormation()
        .seedStack(
          'MacroAiStagingStack',
          JSON.stringify(withServiceCode(referenceTemplate())),
        );
      const { ctx, outputs, logs } = actionContext({ environmentRef: STAGING });

      await createAction(configuredAws(), { catalog: withModes() }).handler(
        ctx,
      );

      expect(calls()).toEqual([
        'cloudformation:DescribeStacks',
        'cloudformation:GetTemplate',
      ]);
      expect(outputs).toMatchObject({
        mode: 'pipeline',
        templateSource: 'deployed',
        changeSummary: {
          source: 'unavailable',
          reason:
            'MacroAiStagingStack is deployed by its pipeline (deploy.yml), whose own run shows the change set',
        },
      });
      expect(logs()).toContain(
        'info: Pricing the template of MacroAiStagingStack as deployed by deploy.yml',
      );
      expect(outputs.summary).toContain(
        'Priced: the template of MacroAiStagingStack as deployed by deploy.yml',
      );
    });

    it('prices the profile of the new scale for a pipeline Environment changing scale, saying why', async () => {
      aws
        .cloudFormation()
        .seedStack(
          'MacroAiStagingStack',
          JSON.stringify(withServiceCode(referenceTemplate())),
        );
      const { ctx, outputs, logs } = actionContext({
        environmentRef: STAGING,
        scale: 'enterprise',
      });

      await createAction(configuredAws(), { catalog: withModes() }).handler(
        ctx,
      );

      expect(outputs).toMatchObject({
        templateSource: 'reference-profile',
        scale: 'enterprise',
      });
      expect(logs()).toContain(
        'info: Pricing the @stageline/cdk-environments reference profile at enterprise scale: deploy.yml deploys MacroAiStagingStack at hobby scale now, so the deployed template cannot show enterprise; the profile is what the scale change builds',
      );
    });

    it('stands the reference profile in for a pipeline Environment without AWS', async () => {
      const { outputs, logs } = await plan(
        { environmentRef: STAGING },
        { catalog: withModes() },
      );

      expect(outputs).toMatchObject({
        templateSource: 'reference-profile',
        awsConfigured: false,
      });
      expect(logs()).toContain(
        'info: Pricing the @stageline/cdk-environments reference profile at hobby scale, standing in for what deploy.yml deploys (AWS is not configured)',
      );
    });
  });
});
