import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockClient } from 'aws-sdk-client-mock';
import {
  actionContext,
  CheckpointStore,
} from '../../__testUtils__/actionContext';
import {
  awsError,
  changeSetArn,
  configuredAws,
  stack,
  stackDoesNotExist,
  stackId,
  unconfiguredAws,
  commandNames,
} from '../../__testUtils__/cloudFormationStandIn';
import { exampleCatalog } from '../../__testUtils__/entities';
import { createEnvironmentPlanAction } from './environmentPlan';

const cfn = mockClient(CloudFormationClient);
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

function changeSetWithChanges() {
  cfn
    .on(DescribeStacksCommand)
    .resolves({ Stacks: [stack(STACK, 'UPDATE_COMPLETE')] });
  cfn
    .on(CreateChangeSetCommand)
    .resolves({ Id: changeSetArn(CHANGE_SET), StackId: stackId(STACK) });
  cfn.on(DescribeChangeSetCommand).resolves({
    ChangeSetName: CHANGE_SET,
    Status: 'CREATE_COMPLETE',
    ExecutionStatus: 'AVAILABLE',
    Changes: [
      {
        Type: 'Resource',
        ResourceChange: {
          Action: 'Modify',
          LogicalResourceId: 'ApiFunction6BF808ED',
          ResourceType: 'AWS::Lambda::Function',
          Replacement: 'False',
          Scope: ['Properties'],
          Details: [],
        },
      },
      {
        Type: 'Resource',
        ResourceChange: {
          Action: 'Modify',
          LogicalResourceId: 'ApiHttpApi4C294DC0',
          ResourceType: 'AWS::ApiGatewayV2::Api',
          Replacement: 'True',
          Scope: ['Properties'],
          Details: [],
        },
      },
      {
        Type: 'Resource',
        ResourceChange: {
          Action: 'Remove',
          LogicalResourceId: 'OldQueue',
          ResourceType: 'AWS::SQS::Queue',
          PhysicalResourceId:
            'https://sqs.eu-west-2.amazonaws.com/123456789012/old',
          Scope: [],
          Details: [],
        },
      },
    ],
  });
  cfn.on(DeleteChangeSetCommand).resolves({});
}

describe('environment:plan', () => {
  beforeEach(() => cfn.reset());

  it('estimates the cost against the budget without AWS, and says so', async () => {
    const { ctx, outputs, logs } = actionContext({
      environmentRef: PRODUCTION,
    });

    await createAction(unconfiguredAws()).handler(ctx);

    expect(cfn.calls()).toHaveLength(0);
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
    changeSetWithChanges();
    const { ctx, outputs, logs } = actionContext(
      { environmentRef: PRODUCTION },
      { taskId: 'task-1' },
    );

    await createAction().handler(ctx);

    expect(commandNames(cfn)).toEqual([
      'DescribeStacksCommand',
      'CreateChangeSetCommand',
      'DescribeChangeSetCommand',
      'DeleteChangeSetCommand',
    ]);
    expect(cfn.commandCalls(CreateChangeSetCommand)[0].args[0].input).toEqual({
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
    expect(cfn.commandCalls(DeleteChangeSetCommand)[0].args[0].input).toEqual({
      ChangeSetName: changeSetArn(CHANGE_SET),
    });
    expect(outputs).toMatchObject({
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
            logicalId: 'ApiFunction6BF808ED',
            type: 'AWS::Lambda::Function',
            replacement: 'False',
          },
          {
            action: 'Modify',
            logicalId: 'ApiHttpApi4C294DC0',
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
    cfn.on(DescribeStacksCommand).rejects(stackDoesNotExist(STACK));
    const { ctx, outputs } = actionContext({ environmentRef: PRODUCTION });

    await createAction().handler(ctx);

    expect(commandNames(cfn)).toEqual(['DescribeStacksCommand']);
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
    changeSetWithChanges();
    cfn
      .on(DescribeChangeSetCommand)
      .rejects(awsError('Throttling', 'Rate exceeded'));
    const { ctx } = actionContext({ environmentRef: PRODUCTION });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'AWS failed working out the changes to MacroAiProductionStack (Throttling: Rate exceeded)',
    );
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
  });

  it('does not create a change set while the stack is busy', async () => {
    cfn
      .on(DescribeStacksCommand)
      .resolves({ Stacks: [stack(STACK, 'UPDATE_IN_PROGRESS')] });
    const { ctx, outputs } = actionContext({ environmentRef: PRODUCTION });

    await createAction().handler(ctx);

    expect(commandNames(cfn)).toEqual(['DescribeStacksCommand']);
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
    expect(cfn.calls()).toHaveLength(0);
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

    expect(cfn.calls()).toHaveLength(0);
    expect(outputs.changeSummary).toEqual({
      source: 'unavailable',
      reason: 'dry run: no change set was created',
    });
    expect((outputs.estimate as Estimate).total).toBeGreaterThan(0);
  });

  it('makes no AWS calls when the task is retried after it finished', async () => {
    changeSetWithChanges();
    const checkpoints = new CheckpointStore();
    await createAction().handler(
      actionContext({ environmentRef: PRODUCTION }, { checkpoints }).ctx,
    );
    const callsAfterFirstRun = cfn.calls().length;

    const retry = actionContext(
      { environmentRef: PRODUCTION },
      { checkpoints },
    );
    await createAction().handler(retry.ctx);

    expect(cfn.calls()).toHaveLength(callsAfterFirstRun);
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
});
