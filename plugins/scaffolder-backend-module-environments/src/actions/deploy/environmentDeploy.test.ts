import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockClient } from 'aws-sdk-client-mock';
import {
  actionContext,
  CheckpointStore,
} from '../../__testUtils__/actionContext';
import {
  changeSetArn,
  configuredAws,
  stack,
  stackDoesNotExist,
  stackEvent,
  stackId,
  unconfiguredAws,
  commandNames,
} from '../../__testUtils__/cloudFormationStandIn';
import {
  changeSetReady as scenarioChangeSetReady,
  STACK_OUTPUTS,
  stackUpdatesCleanly,
} from '../../__testUtils__/cloudFormationScenarios';
import {
  environmentEntity,
  exampleCatalog,
} from '../../__testUtils__/entities';
import { permissionPolicy } from '../../__testUtils__/permissionPolicy';
import { createEnvironmentDeployAction } from './environmentDeploy';

const cfn = mockClient(CloudFormationClient);
const STACK = 'MacroAiStagingStack';
const STAGING = 'environment:default/macro-ai-api-staging';
const CHANGE_SET = 'stageline-deploy-task-1';
const OUTPUTS = STACK_OUTPUTS;

function createAction(
  overrides: Partial<Parameters<typeof createEnvironmentDeployAction>[0]> = {},
) {
  return createEnvironmentDeployAction({
    catalog: catalogServiceMock({ entities: exampleCatalog() }),
    aws: configuredAws(),
    ...permissionPolicy().authorization,
    pollIntervalMs: 0,
    ...overrides,
  });
}

const before = stackEvent(
  STACK,
  STACK,
  'AWS::CloudFormation::Stack',
  'UPDATE_COMPLETE',
);

const changeSetReady = () => scenarioChangeSetReady(cfn, STACK, CHANGE_SET);
const updatesCleanly = () => stackUpdatesCleanly(cfn, STACK, CHANGE_SET);

describe('environment:deploy', () => {
  beforeEach(() => cfn.reset());

  it('updates the stack through a change set, streams its events and outputs the stack outputs', async () => {
    updatesCleanly();
    const { ctx, outputs, logs } = actionContext(
      { environmentRef: STAGING },
      { taskId: 'task-1' },
    );

    await createAction().handler(ctx);

    expect(commandNames(cfn)).toEqual([
      'DescribeStacksCommand',
      'CreateChangeSetCommand',
      'DescribeChangeSetCommand',
      'DescribeChangeSetCommand',
      'DescribeStackEventsCommand',
      'ExecuteChangeSetCommand',
      'DescribeStacksCommand',
      'DescribeStackEventsCommand',
      'DescribeStacksCommand',
      'DescribeStackEventsCommand',
    ]);
    const create = cfn.commandCalls(CreateChangeSetCommand)[0].args[0].input;
    expect(create).toEqual({
      StackName: STACK,
      ChangeSetName: CHANGE_SET,
      ChangeSetType: 'UPDATE',
      TemplateBody: expect.any(String),
      Capabilities: [
        'CAPABILITY_IAM',
        'CAPABILITY_NAMED_IAM',
        'CAPABILITY_AUTO_EXPAND',
      ],
      Description: 'Stageline deploy of macro-ai-api-staging (hobby)',
      Tags: [
        { Key: 'stageline.dev/environment', Value: 'macro-ai-api-staging' },
        { Key: 'stageline.dev/stage', Value: 'staging' },
        { Key: 'stageline.dev/scale', Value: 'hobby' },
      ],
    });
    const template = JSON.parse(create.TemplateBody!);
    expect(Object.keys(template.Resources).length).toBeGreaterThan(0);
    // Sent as synthesized in process: no parameters to pass, nothing that needs `cdk bootstrap`.
    expect(template.Parameters ?? {}).toEqual({});
    expect(template.Rules ?? {}).toEqual({});
    expect(cfn.commandCalls(ExecuteChangeSetCommand)[0].args[0].input).toEqual({
      ChangeSetName: changeSetArn(CHANGE_SET),
      ClientRequestToken: CHANGE_SET,
    });
    expect(outputs).toEqual({
      stackName: STACK,
      stackId: stackId(STACK),
      changeSummary: { added: 1, modified: 1, replaced: 0, removed: 0 },
      status: 'UPDATE_COMPLETE',
      noChanges: false,
      outputs: {
        ApiUrl: 'https://abc123.execute-api.eu-west-2.amazonaws.com/',
      },
    });
    expect(logs()).toEqual(
      expect.arrayContaining([
        'info: Change set: 1 to add, 1 to modify, 0 to remove',
        'info:   Modify AWS::Lambda::Function ApiFunction',
        'info: UPDATE_IN_PROGRESS AWS::CloudFormation::Stack MacroAiStagingStack: User Initiated',
        'info: CREATE_COMPLETE AWS::CloudWatch::Alarm ErrorsAlarm',
        'info: Deployed MacroAiStagingStack: UPDATE_COMPLETE',
      ]),
    );
  });

  it('creates a stack that does not exist yet', async () => {
    cfn
      .on(DescribeStacksCommand, { StackName: STACK })
      .rejects(stackDoesNotExist(STACK));
    changeSetReady();
    cfn.on(DescribeStacksCommand, { StackName: stackId(STACK) }).resolves({
      Stacks: [stack(STACK, 'CREATE_COMPLETE', { Outputs: OUTPUTS })],
    });
    cfn.on(DescribeStackEventsCommand).resolves({
      StackEvents: [
        stackEvent(
          STACK,
          STACK,
          'AWS::CloudFormation::Stack',
          'REVIEW_IN_PROGRESS',
          'User Initiated',
        ),
      ],
    });
    const { ctx, outputs } = actionContext(
      { environmentRef: STAGING },
      { taskId: 'task-1' },
    );

    await createAction().handler(ctx);

    expect(
      cfn.commandCalls(CreateChangeSetCommand)[0].args[0].input.ChangeSetType,
    ).toBe('CREATE');
    expect(outputs).toMatchObject({
      status: 'CREATE_COMPLETE',
      noChanges: false,
    });
  });

  it('succeeds with noChanges when the stack is already up to date, deleting the empty change set', async () => {
    cfn.on(DescribeStacksCommand).resolves({
      Stacks: [stack(STACK, 'UPDATE_COMPLETE', { Outputs: OUTPUTS })],
    });
    cfn
      .on(CreateChangeSetCommand)
      .resolves({ Id: changeSetArn(CHANGE_SET), StackId: stackId(STACK) });
    cfn.on(DescribeChangeSetCommand).resolves({
      ChangeSetName: CHANGE_SET,
      Status: 'FAILED',
      ExecutionStatus: 'UNAVAILABLE',
      StatusReason:
        "The submitted information didn't contain changes. Submit different information to create a change set.",
      Changes: [],
    });
    cfn.on(DeleteChangeSetCommand).resolves({});
    const { ctx, outputs, logs } = actionContext(
      { environmentRef: STAGING },
      { taskId: 'task-1' },
    );

    await createAction().handler(ctx);

    expect(commandNames(cfn)).toEqual([
      'DescribeStacksCommand',
      'CreateChangeSetCommand',
      'DescribeChangeSetCommand',
      'DeleteChangeSetCommand',
      'DescribeStacksCommand',
    ]);
    expect(cfn.commandCalls(DeleteChangeSetCommand)[0].args[0].input).toEqual({
      ChangeSetName: changeSetArn(CHANGE_SET),
    });
    expect(outputs).toEqual({
      stackName: STACK,
      stackId: stackId(STACK),
      changeSummary: { added: 0, modified: 0, replaced: 0, removed: 0 },
      status: 'NO_CHANGES',
      noChanges: true,
      outputs: {
        ApiUrl: 'https://abc123.execute-api.eu-west-2.amazonaws.com/',
      },
    });
    expect(logs()).toContain(
      'info: No changes: MacroAiStagingStack is already up to date',
    );
  });

  it('fails with the first failed resource and its reason when the deploy rolls back', async () => {
    cfn
      .on(DescribeStacksCommand, { StackName: STACK })
      .resolves({ Stacks: [stack(STACK, 'UPDATE_COMPLETE')] });
    changeSetReady();
    cfn.on(DescribeStacksCommand, { StackName: stackId(STACK) }).resolves({
      Stacks: [stack(STACK, 'UPDATE_ROLLBACK_COMPLETE', { Outputs: OUTPUTS })],
    });
    const failed = stackEvent(
      STACK,
      'ApiFunction',
      'AWS::Lambda::Function',
      'UPDATE_FAILED',
      'Resource handler returned message: "Memory size 20480 is not within the range of 128 to 10240" (RequestToken: 1a2b, HandlerErrorCode: InvalidRequest)',
    );
    const cancelled = stackEvent(
      STACK,
      'ErrorsAlarm',
      'AWS::CloudWatch::Alarm',
      'CREATE_FAILED',
      'Resource creation cancelled',
    );
    const rolledBack = stackEvent(
      STACK,
      STACK,
      'AWS::CloudFormation::Stack',
      'UPDATE_ROLLBACK_COMPLETE',
    );
    cfn
      .on(DescribeStackEventsCommand)
      .resolvesOnce({ StackEvents: [before] })
      .resolves({ StackEvents: [rolledBack, cancelled, failed, before] });
    const { ctx, outputs } = actionContext({ environmentRef: STAGING });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'Deploy of MacroAiStagingStack failed and was rolled back (UPDATE_ROLLBACK_COMPLETE); first failure: ApiFunction (AWS::Lambda::Function) UPDATE_FAILED: Resource handler returned message: "Memory size 20480 is not within the range of 128 to 10240"',
    );
    expect(outputs).toMatchObject({
      status: 'UPDATE_ROLLBACK_COMPLETE',
      noChanges: false,
    });
  });

  it.each([
    'UPDATE_IN_PROGRESS',
    'UPDATE_ROLLBACK_IN_PROGRESS',
    'CREATE_IN_PROGRESS',
  ])('refuses to deploy while the stack is %s', async status => {
    cfn.on(DescribeStacksCommand).resolves({ Stacks: [stack(STACK, status)] });
    const { ctx } = actionContext({ environmentRef: STAGING });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      `Stack MacroAiStagingStack is ${status}: another operation is running on it. Wait for it to finish, then deploy again`,
    );
    expect(commandNames(cfn)).toEqual(['DescribeStacksCommand']);
  });

  it('refuses a stack left in ROLLBACK_COMPLETE by a failed first deploy', async () => {
    cfn
      .on(DescribeStacksCommand)
      .resolves({ Stacks: [stack(STACK, 'ROLLBACK_COMPLETE')] });
    const { ctx } = actionContext({ environmentRef: STAGING });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'Stack MacroAiStagingStack is ROLLBACK_COMPLETE after a failed first deploy and cannot be updated: destroy it (environment:destroy) and deploy again',
    );
  });

  it("fails with CloudFormation's reason when the change set cannot be created", async () => {
    cfn
      .on(DescribeStacksCommand)
      .resolves({ Stacks: [stack(STACK, 'UPDATE_COMPLETE')] });
    cfn
      .on(CreateChangeSetCommand)
      .resolves({ Id: changeSetArn(CHANGE_SET), StackId: stackId(STACK) });
    cfn.on(DescribeChangeSetCommand).resolves({
      ChangeSetName: CHANGE_SET,
      Status: 'FAILED',
      StatusReason:
        'The following hook(s)/validation failed: [AWS::EarlyValidation::ResourceExistenceCheck]. To troubleshoot Early Validation errors, use the DescribeEvents API for detailed failure information.',
    });
    const { ctx } = actionContext({ environmentRef: STAGING });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'Change set for stack MacroAiStagingStack failed: The following hook(s)/validation failed: [AWS::EarlyValidation::ResourceExistenceCheck]',
    );
    expect(cfn.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
  });

  it('makes no calls when the task is retried after it finished', async () => {
    updatesCleanly();
    const checkpoints = new CheckpointStore();
    await createAction().handler(
      actionContext({ environmentRef: STAGING }, { checkpoints }).ctx,
    );
    const callsAfterFirstRun = cfn.calls().length;

    const retry = actionContext({ environmentRef: STAGING }, { checkpoints });
    await createAction().handler(retry.ctx);

    expect(cfn.calls()).toHaveLength(callsAfterFirstRun);
    expect(retry.outputs).toMatchObject({
      status: 'UPDATE_COMPLETE',
      outputs: { ApiUrl: expect.any(String) },
    });
  });

  it('does not create a second change set when retried after executing one', async () => {
    updatesCleanly();
    const checkpoints = new CheckpointStore();
    cfn
      .on(DescribeStacksCommand, { StackName: stackId(STACK) })
      .rejectsOnce(new Error('socket hang up'));
    await expect(
      createAction().handler(
        actionContext({ environmentRef: STAGING }, { checkpoints }).ctx,
      ),
    ).rejects.toThrow('socket hang up');
    cfn.on(DescribeStacksCommand, { StackName: stackId(STACK) }).resolves({
      Stacks: [stack(STACK, 'UPDATE_COMPLETE', { Outputs: OUTPUTS })],
    });

    const retry = actionContext({ environmentRef: STAGING }, { checkpoints });
    await createAction().handler(retry.ctx);

    expect(cfn.commandCalls(CreateChangeSetCommand)).toHaveLength(1);
    expect(cfn.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);
    expect(retry.outputs).toMatchObject({ status: 'UPDATE_COMPLETE' });
  });

  it('calls nothing in a dry run', async () => {
    const { ctx, outputs, logs } = actionContext(
      { environmentRef: STAGING },
      { isDryRun: true },
    );

    await createAction().handler(ctx);

    expect(cfn.calls()).toHaveLength(0);
    expect(outputs).toEqual({
      stackName: STACK,
      status: 'DRY_RUN',
      noChanges: false,
      changeSummary: { added: 0, modified: 0, replaced: 0, removed: 0 },
      outputs: {},
    });
    expect(
      logs().some(line =>
        line.startsWith(
          'info: Dry run: would deploy MacroAiStagingStack (staging, hobby)',
        ),
      ),
    ).toBe(true);
  });

  it('says what to configure when AWS is not configured', async () => {
    const { ctx } = actionContext({ environmentRef: STAGING });

    await expect(
      createAction({ aws: unconfiguredAws() }).handler(ctx),
    ).rejects.toThrow(
      'Cannot deploy MacroAiStagingStack: AWS is not configured',
    );
    expect(cfn.calls()).toHaveLength(0);
  });

  describe('permission', () => {
    const EXPLICIT = {
      app: 'macro-ai',
      stage: 'staging',
      scale: 'hobby',
      region: 'eu-west-2',
      accountId: '123456789012',
    };

    it('checks environments.deploy on the Environment of the stack for explicit input, then deploys', async () => {
      updatesCleanly();
      const policy = permissionPolicy();
      const { ctx, outputs } = actionContext(EXPLICIT, { taskId: 'task-1' });

      await createAction({ permissions: policy.permissions }).handler(ctx);

      expect(policy.asked).toEqual([`environments.deploy on ${STAGING}`]);
      expect(
        cfn.commandCalls(CreateChangeSetCommand)[0].args[0].input.StackName,
      ).toBe(STACK);
      expect(outputs).toMatchObject({
        stackName: STACK,
        status: 'UPDATE_COMPLETE',
      });
    });

    it('refuses explicit input for a stack whose Environment the user may not deploy, before any AWS call', async () => {
      const policy = permissionPolicy({ denied: [STAGING] });
      const { ctx } = actionContext(EXPLICIT);

      await expect(
        createAction({ permissions: policy.permissions }).handler(ctx),
      ).rejects.toThrow(
        'You are not allowed environments.deploy on environment:default/macro-ai-api-staging (the Environment of stack MacroAiStagingStack)',
      );
      expect(cfn.calls()).toHaveLength(0);
    });

    it('refuses an Environment not owned by its component\'s owner, before any AWS call', async () => {
      const squatter = environmentEntity({
        name: 'evil-staging',
        spec: {
          owner: 'user:default/mallory',
          deployment: {
            provider: 'cloudformation',
            stackName: 'EvilStack',
            region: 'eu-west-2',
          },
        },
      });
      const { ctx } = actionContext({
        environmentRef: 'environment:default/evil-staging',
      });
      await expect(
        createAction({
          catalog: catalogServiceMock({
            entities: [...exampleCatalog(), squatter],
          }),
        }).handler(ctx),
      ).rejects.toThrow(
        "environment:default/evil-staging is owned by user:default/mallory, but its component component:default/macro-ai-api is owned by group:default/platform: an Environment must have its component's owner (or an owner in environments.security.trustedEnvironmentOwners)",
      );
      expect(cfn.calls()).toHaveLength(0);
    });

    it('decides on every Environment describing the stack: a self-labelled development one of the production stack gains nothing', async () => {
      const decoy = environmentEntity({
        name: 'decoy',
        spec: {
          type: 'development',
          deployment: {
            provider: 'cloudformation',
            stackName: 'MacroAiProductionStack',
            region: 'eu-west-2',
            accountId: '123456789012',
          },
        },
      });
      const policy = permissionPolicy({
        denied: ['environment:default/macro-ai-api-production'],
      });
      const { ctx } = actionContext({
        environmentRef: 'environment:default/decoy',
      });
      await expect(
        createAction({
          catalog: catalogServiceMock({
            entities: [...exampleCatalog(), decoy],
          }),
          permissions: policy.permissions,
        }).handler(ctx),
      ).rejects.toThrow(
        'You are not allowed environments.deploy on environment:default/macro-ai-api-production (the Environment of stack MacroAiProductionStack)',
      );
      expect(cfn.calls()).toHaveLength(0);
    });

    it('refuses a denied environment given by ref, before any AWS call', async () => {
      const policy = permissionPolicy({ denied: [STAGING] });
      const { ctx } = actionContext({ environmentRef: STAGING });

      await expect(
        createAction({ permissions: policy.permissions }).handler(ctx),
      ).rejects.toThrow(
        'You are not allowed environments.deploy on environment:default/macro-ai-api-staging',
      );
      expect(cfn.calls()).toHaveLength(0);
    });

    it.each([
      [
        'an app no Environment describes',
        { ...EXPLICIT, app: 'shadow-app' },
        'No Environment in the catalog describes stack ShadowAppStagingStack in eu-west-2, account 123456789012: register one (spec.deployment.stackName), or pass its entity ref as environmentRef',
      ],
      [
        'the stack of an Environment in another region',
        { ...EXPLICIT, region: 'us-east-1' },
        'No Environment in the catalog describes stack MacroAiStagingStack in us-east-1, account 123456789012',
      ],
      [
        'the stack of an Environment in another account',
        { ...EXPLICIT, accountId: '999999999999' },
        'No Environment in the catalog describes stack MacroAiStagingStack in eu-west-2, account 999999999999',
      ],
    ])(
      'refuses %s, whoever asks, before any AWS call',
      async (_what, input, message) => {
        const policy = permissionPolicy();
        const { ctx } = actionContext(input);

        await expect(
          createAction({ permissions: policy.permissions }).handler(ctx),
        ).rejects.toThrow(message);
        expect(policy.asked).toEqual([]);
        expect(cfn.calls()).toHaveLength(0);
      },
    );

    it("also checks the Environment whose stack an entity ref's app input points at", async () => {
      // An Environment without spec.deployment.stackName takes its stack name from the app, so
      // `app` could aim a deploy allowed on it at another environment's stack.
      const loose = environmentEntity({
        name: 'sandbox-staging',
        spec: {
          deployment: { provider: 'cloudformation', region: 'eu-west-2' },
        },
      });
      const policy = permissionPolicy({ denied: [STAGING] });
      const { ctx } = actionContext({
        environmentRef: 'environment:default/sandbox-staging',
        app: 'macro-ai',
      });

      await expect(
        createAction({
          catalog: catalogServiceMock({
            entities: [...exampleCatalog(), loose],
          }),
          permissions: policy.permissions,
        }).handler(ctx),
      ).rejects.toThrow(
        'You are not allowed environments.deploy on environment:default/macro-ai-api-staging (the Environment of stack MacroAiStagingStack)',
      );
      expect(policy.asked).toEqual([
        'environments.deploy on environment:default/sandbox-staging',
        `environments.deploy on ${STAGING}`,
      ]);
      expect(cfn.calls()).toHaveLength(0);
    });
  });

  it('names the field of a schema error', async () => {
    const { ctx } = actionContext({ environmentRef: STAGING, scale: 'huge' });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'Invalid input to environment:deploy: scale must be one of hobby, enhanced-hobby, enterprise; got "huge"',
    );
  });

  it('says which explicit fields are missing', async () => {
    const { ctx } = actionContext({ app: 'macro-ai' });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'Either environmentRef or app, stage and region are required; missing stage, region',
    );
  });

  it('takes no credentials as input', () => {
    const properties = Object.keys(
      (createAction().schema?.input as { properties: Record<string, unknown> })
        .properties,
    );
    expect(
      properties.filter(p => /key|secret|token|credential/i.test(p)),
    ).toEqual([]);
  });
});
