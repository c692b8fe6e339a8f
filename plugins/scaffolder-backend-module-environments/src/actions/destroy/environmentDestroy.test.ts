import {
  CloudFormationClient,
  DeleteStackCommand,
  DescribeStackEventsCommand,
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
  configuredAws,
  stack,
  stackDoesNotExist,
  stackEvent,
  stackId,
  unconfiguredAws,
  commandNames,
} from '../../__testUtils__/cloudFormationStandIn';
import { stackDeletesCleanly } from '../../__testUtils__/cloudFormationScenarios';
import { exampleCatalog } from '../../__testUtils__/entities';
import { permissionPolicy } from '../../__testUtils__/permissionPolicy';
import { createEnvironmentDestroyAction } from './environmentDestroy';

const cfn = mockClient(CloudFormationClient);
const PREVIEW = 'MacroAiPr42Stack';
const PREVIEW_REF = 'environment:default/macro-ai-api-pr-42';

function createAction(
  overrides: Partial<Parameters<typeof createEnvironmentDestroyAction>[0]> = {},
) {
  return createEnvironmentDestroyAction({
    catalog: catalogServiceMock({ entities: exampleCatalog() }),
    aws: configuredAws(),
    ...permissionPolicy().authorization,
    pollIntervalMs: 0,
    ...overrides,
  });
}

const deletesCleanly = (name = PREVIEW) => stackDeletesCleanly(cfn, name);

describe('environment:destroy', () => {
  beforeEach(() => cfn.reset());

  it('deletes the stack, streams its events and waits for DELETE_COMPLETE', async () => {
    deletesCleanly();
    const { ctx, outputs, logs } = actionContext(
      { environmentRef: PREVIEW_REF },
      { taskId: 'task-1' },
    );

    await createAction().handler(ctx);

    expect(commandNames(cfn)).toEqual([
      'DescribeStacksCommand',
      'DescribeStackEventsCommand',
      'DeleteStackCommand',
      'DescribeStacksCommand',
      'DescribeStackEventsCommand',
      'DescribeStacksCommand',
      'DescribeStackEventsCommand',
    ]);
    expect(cfn.commandCalls(DeleteStackCommand)[0].args[0].input).toEqual({
      StackName: stackId(PREVIEW),
      ClientRequestToken: 'stageline-destroy-task-1',
    });
    expect(outputs).toEqual({
      stackName: PREVIEW,
      deleted: true,
      status: 'DELETE_COMPLETE',
    });
    expect(logs()).toEqual(
      expect.arrayContaining([
        'info: DELETE_IN_PROGRESS AWS::CloudFormation::Stack MacroAiPr42Stack: User Initiated',
        'info: DELETE_COMPLETE AWS::Lambda::Function ApiFunction',
        'info: Destroyed MacroAiPr42Stack',
      ]),
    );
  });

  it('makes no calls when the task is retried after it finished', async () => {
    deletesCleanly();
    const checkpoints = new CheckpointStore();
    await createAction().handler(
      actionContext({ environmentRef: PREVIEW_REF }, { checkpoints }).ctx,
    );
    const callsAfterFirstRun = cfn.calls().length;

    const retry = actionContext(
      { environmentRef: PREVIEW_REF },
      { checkpoints },
    );
    await createAction().handler(retry.ctx);

    expect(cfn.calls()).toHaveLength(callsAfterFirstRun);
    expect(retry.outputs).toEqual({
      stackName: PREVIEW,
      deleted: true,
      status: 'DELETE_COMPLETE',
    });
  });

  it('succeeds without deleting anything when the stack does not exist', async () => {
    cfn.on(DescribeStacksCommand).rejects(stackDoesNotExist(PREVIEW));
    const { ctx, outputs, logs } = actionContext({
      environmentRef: PREVIEW_REF,
    });

    await createAction().handler(ctx);

    expect(commandNames(cfn)).toEqual(['DescribeStacksCommand']);
    expect(outputs).toEqual({
      stackName: PREVIEW,
      deleted: false,
      status: 'NOT_FOUND',
    });
    expect(logs()).toContain(
      'info: Stack MacroAiPr42Stack does not exist in eu-west-2; nothing to destroy',
    );
  });

  it('refuses production without confirm before any call', async () => {
    const { ctx } = actionContext({
      environmentRef: 'environment:default/macro-ai-api-production',
    });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'macro-ai-api-production is a production environment: set confirm to "MacroAiProductionStack" to destroy its stack',
    );
    expect(cfn.calls()).toHaveLength(0);
  });

  it('refuses production with a confirm that is not the stack name', async () => {
    const { ctx } = actionContext({
      environmentRef: 'environment:default/macro-ai-api-production',
      confirm: 'MacroAiStagingStack',
    });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      '(got "MacroAiStagingStack")',
    );
    expect(cfn.calls()).toHaveLength(0);
  });

  it('destroys production when confirm is the stack name', async () => {
    deletesCleanly('MacroAiProductionStack');
    const { ctx, outputs } = actionContext({
      environmentRef: 'environment:default/macro-ai-api-production',
      confirm: 'MacroAiProductionStack',
    });

    await createAction().handler(ctx);

    expect(outputs).toMatchObject({ deleted: true, status: 'DELETE_COMPLETE' });
  });

  it('calls nothing in a dry run', async () => {
    const { ctx, outputs, logs } = actionContext(
      { environmentRef: PREVIEW_REF },
      { isDryRun: true },
    );

    await createAction().handler(ctx);

    expect(cfn.calls()).toHaveLength(0);
    expect(outputs).toEqual({
      stackName: PREVIEW,
      deleted: false,
      status: 'DRY_RUN',
    });
    expect(logs()).toContain(
      'info: Dry run: would delete MacroAiPr42Stack (preview, hobby) in eu-west-2, account 123456789012; AWS was not called',
    );
  });

  it('fails with the first failed resource and its reason when the deletion fails', async () => {
    const before = stackEvent(
      PREVIEW,
      PREVIEW,
      'AWS::CloudFormation::Stack',
      'UPDATE_COMPLETE',
    );
    const bucketFailed = stackEvent(
      PREVIEW,
      'AssetsBucket',
      'AWS::S3::Bucket',
      'DELETE_FAILED',
      'The bucket you tried to delete is not empty (Service: S3, Status Code: 409)',
    );
    const stackFailed = stackEvent(
      PREVIEW,
      PREVIEW,
      'AWS::CloudFormation::Stack',
      'DELETE_FAILED',
      'The following resource(s) failed to delete: [AssetsBucket].',
    );
    cfn
      .on(DescribeStacksCommand, { StackName: PREVIEW })
      .resolves({ Stacks: [stack(PREVIEW, 'UPDATE_COMPLETE')] });
    cfn.on(DescribeStacksCommand, { StackName: stackId(PREVIEW) }).resolves({
      Stacks: [
        stack(PREVIEW, 'DELETE_FAILED', {
          StackStatusReason:
            'The following resource(s) failed to delete: [AssetsBucket].',
        }),
      ],
    });
    cfn
      .on(DescribeStackEventsCommand)
      .resolvesOnce({ StackEvents: [before] })
      .resolves({ StackEvents: [stackFailed, bucketFailed, before] });
    cfn.on(DeleteStackCommand).resolves({});
    const { ctx, outputs } = actionContext({ environmentRef: PREVIEW_REF });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'Destroy of MacroAiPr42Stack failed (DELETE_FAILED); first failure: AssetsBucket (AWS::S3::Bucket) DELETE_FAILED: The bucket you tried to delete is not empty (Service: S3, Status Code: 409)',
    );
    expect(outputs).toMatchObject({ deleted: false, status: 'DELETE_FAILED' });
  });

  it('refuses a stack that another operation is changing', async () => {
    cfn
      .on(DescribeStacksCommand)
      .resolves({ Stacks: [stack(PREVIEW, 'UPDATE_IN_PROGRESS')] });
    const { ctx } = actionContext({ environmentRef: PREVIEW_REF });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'Stack MacroAiPr42Stack is UPDATE_IN_PROGRESS: another operation is running on it. Wait for it to finish, then destroy again',
    );
    expect(cfn.commandCalls(DeleteStackCommand)).toHaveLength(0);
  });

  it('says what to configure when AWS is not configured', async () => {
    const { ctx } = actionContext({ environmentRef: PREVIEW_REF });

    await expect(
      createAction({ aws: unconfiguredAws() }).handler(ctx),
    ).rejects.toThrow(
      'Cannot destroy MacroAiPr42Stack: AWS is not configured: add aws.mainAccount or aws.accounts to app-config',
    );
    expect(cfn.calls()).toHaveLength(0);
  });

  it('turns an AWS refusal into an error that says what to fix, without credentials', async () => {
    cfn
      .on(DescribeStacksCommand)
      .rejects(
        awsError(
          'AccessDenied',
          'User: arn:aws:sts::123456789012:assumed-role/backstage/session is not authorized to perform: cloudformation:DescribeStacks',
          403,
        ),
      );
    const { ctx } = actionContext({ environmentRef: PREVIEW_REF });

    const error = await createAction()
      .handler(ctx)
      .catch(e => e);

    expect(error.message).toBe(
      'AWS failed reading stack MacroAiPr42Stack (AccessDenied: User: arn:aws:sts::123456789012:assumed-role/backstage/session is not authorized to perform: cloudformation:DescribeStacks); the role used for account 123456789012 needs CloudFormation permissions in eu-west-2',
    );
    expect(error.message).not.toContain('wJalrXUtnFEMI');
  });

  it('fails for an environment that is not in the catalog', async () => {
    const { ctx } = actionContext({
      environmentRef: 'environment:default/nope',
    });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'Environment environment:default/nope was not found in the catalog',
    );
  });

  it('names the field of a schema error', async () => {
    const { ctx } = actionContext({ environmentRef: PREVIEW_REF, confirm: 42 });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'Invalid input to environment:destroy: confirm must be a string; got number',
    );
  });

  it('refuses a user the permission policy does not allow', async () => {
    const { permissions } = permissionPolicy({ denied: [PREVIEW_REF] });
    const { ctx } = actionContext({ environmentRef: PREVIEW_REF });

    await expect(createAction({ permissions }).handler(ctx)).rejects.toThrow(
      'You are not allowed environments.destroy on environment:default/macro-ai-api-pr-42',
    );
    expect(cfn.calls()).toHaveLength(0);
  });

  describe('explicit input', () => {
    const EXPLICIT = {
      app: 'macro-ai',
      stage: 'preview',
      previewId: '42',
      region: 'eu-west-2',
      accountId: '123456789012',
    };

    it('checks environments.destroy on the Environment of the stack, then destroys', async () => {
      deletesCleanly();
      const policy = permissionPolicy();
      const { ctx, outputs } = actionContext(EXPLICIT);

      await createAction({ permissions: policy.permissions }).handler(ctx);

      expect(policy.asked).toEqual([`environments.destroy on ${PREVIEW_REF}`]);
      expect(cfn.commandCalls(DeleteStackCommand)).toHaveLength(1);
      expect(outputs).toEqual({
        stackName: PREVIEW,
        deleted: true,
        status: 'DELETE_COMPLETE',
      });
    });

    it('refuses a user who may not destroy that Environment, before any AWS call', async () => {
      const policy = permissionPolicy({ denied: [PREVIEW_REF] });
      const { ctx } = actionContext(EXPLICIT);

      await expect(
        createAction({ permissions: policy.permissions }).handler(ctx),
      ).rejects.toThrow(
        'You are not allowed environments.destroy on environment:default/macro-ai-api-pr-42 (the Environment of stack MacroAiPr42Stack)',
      );
      expect(cfn.calls()).toHaveLength(0);
    });

    it('refuses a stack no Environment describes, whoever asks, before any AWS call', async () => {
      const policy = permissionPolicy();
      const { ctx } = actionContext({ ...EXPLICIT, previewId: '43' });

      await expect(
        createAction({ permissions: policy.permissions }).handler(ctx),
      ).rejects.toThrow(
        'No Environment in the catalog describes stack MacroAiPr43Stack in eu-west-2, account 123456789012: register one (spec.deployment.stackName), or pass its entity ref as environmentRef',
      );
      expect(policy.asked).toEqual([]);
      expect(cfn.calls()).toHaveLength(0);
    });
  });
});
