import {
  CloudFormationClient,
  DeleteStackCommand,
} from '@aws-sdk/client-cloudformation';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import path from 'node:path';
import {
  actionContext,
  CheckpointStore,
} from '../../__testUtils__/actionContext';
import { AwsStandIn, DEPLOYER_KEYS, REGION } from '@stageline/aws-stand-in';
import {
  FIXTURES,
  referenceTemplate,
  useAwsStandIn,
} from '../../__testUtils__/aws/toolkitTestSetup';
import {
  configuredAws,
  unconfiguredAws,
} from '../../__testUtils__/cloudFormationStandIn';
import {
  environmentEntity,
  exampleCatalog,
} from '../../__testUtils__/entities';
import { permissionPolicy } from '../../__testUtils__/permissionPolicy';
import { createEnvironmentDestroyAction } from './environmentDestroy';

jest.setTimeout(60_000);
const standIn = useAwsStandIn(aws => {
  aws.cloudFormation().stepsPerLook = 5;
});

const PREVIEW = 'MacroAiPr42Stack';
const PREVIEW_REF = 'environment:default/macro-ai-api-pr-42';

function createAction(
  overrides: Partial<Parameters<typeof createEnvironmentDestroyAction>[0]> = {},
) {
  return createEnvironmentDestroyAction({
    catalog: catalogServiceMock({ entities: exampleCatalog() }),
    aws: configuredAws(),
    ...permissionPolicy().authorization,
    pollIntervalMs: 1,
    ...overrides,
  });
}

describe('environment:destroy', () => {
  let aws: AwsStandIn;
  beforeEach(() => {
    aws = standIn();
  });

  const exists = (stackName = PREVIEW) =>
    aws
      .cloudFormation()
      .seedStack(stackName, JSON.stringify(referenceTemplate()));
  const calls = () => aws.calls('cloudformation');

  it('deletes the stack through the CDK toolkit library, streams its events and waits for DELETE_COMPLETE', async () => {
    exists();
    const { ctx, outputs, logs } = actionContext(
      { environmentRef: PREVIEW_REF },
      { taskId: 'task-1' },
    );

    await createAction().handler(ctx);

    expect(
      calls().filter(c => c === 'cloudformation:DeleteStack'),
    ).toHaveLength(1);
    expect(aws.cloudFormation().stack(PREVIEW)).toBeUndefined();
    expect(outputs).toEqual({
      stackName: PREVIEW,
      mode: 'reference',
      deleted: true,
      status: 'DELETE_COMPLETE',
    });
    expect(logs()).toEqual(
      expect.arrayContaining([
        'info: DELETE_IN_PROGRESS AWS::CloudFormation::Stack MacroAiPr42Stack: User Initiated',
        'info: DELETE_COMPLETE AWS::CloudFormation::Stack MacroAiPr42Stack',
        'info: Destroyed MacroAiPr42Stack',
      ]),
    );
    expect(
      logs().some(line =>
        /^info: DELETE_COMPLETE AWS::Lambda::Function ApiFunction/.test(line),
      ),
    ).toBe(true);
  });

  it('makes no calls when the task is retried after it finished', async () => {
    exists();
    const checkpoints = new CheckpointStore();
    await createAction().handler(
      actionContext({ environmentRef: PREVIEW_REF }, { checkpoints }).ctx,
    );
    const callsAfterFirstRun = aws.requests.length;

    const retry = actionContext(
      { environmentRef: PREVIEW_REF },
      { checkpoints },
    );
    await createAction().handler(retry.ctx);

    expect(aws.requests).toHaveLength(callsAfterFirstRun);
    expect(retry.outputs).toEqual({
      stackName: PREVIEW,
      mode: 'reference',
      deleted: true,
      status: 'DELETE_COMPLETE',
    });
  });

  it('succeeds without deleting anything when the stack does not exist', async () => {
    const { ctx, outputs, logs } = actionContext({
      environmentRef: PREVIEW_REF,
    });

    await createAction().handler(ctx);

    expect(calls()).toEqual(['cloudformation:DescribeStacks']);
    expect(outputs).toEqual({
      stackName: PREVIEW,
      mode: 'reference',
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
    expect(aws.requests).toEqual([]);
  });

  it('refuses production with a confirm that is not the stack name', async () => {
    const { ctx } = actionContext({
      environmentRef: 'environment:default/macro-ai-api-production',
      confirm: 'MacroAiStagingStack',
    });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      '(got "MacroAiStagingStack")',
    );
    expect(aws.requests).toEqual([]);
  });

  it('destroys production when confirm is the stack name', async () => {
    exists('MacroAiProductionStack');
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

    expect(aws.requests).toEqual([]);
    expect(outputs).toEqual({
      stackName: PREVIEW,
      mode: 'reference',
      deleted: false,
      status: 'DRY_RUN',
    });
    expect(logs()).toContain(
      'info: Dry run: would delete MacroAiPr42Stack (preview, hobby) in eu-west-2, account 123456789012 with the CDK toolkit library, its stack taken from the @stageline/cdk-environments reference profile, and wait for DELETE_COMPLETE; AWS was not called',
    );
  });

  it('fails with the first failed resource and its reason when the deletion fails', async () => {
    const template = referenceTemplate();
    template.Resources.AssetsBucket = { Type: 'AWS::S3::Bucket' };
    aws.cloudFormation().seedStack(PREVIEW, JSON.stringify(template));
    aws.cloudFormation().failNext(PREVIEW, {
      logicalId: 'AssetsBucket',
      reason:
        'The bucket you tried to delete is not empty (Service: S3, Status Code: 409)',
    });
    const { ctx } = actionContext({ environmentRef: PREVIEW_REF });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'Destroy of MacroAiPr42Stack failed (DELETE_FAILED); first failure: AssetsBucket (AWS::S3::Bucket) DELETE_FAILED: The bucket you tried to delete is not empty (Service: S3, Status Code: 409)',
    );
    expect(aws.cloudFormation().stack(PREVIEW)?.status).toBe('DELETE_FAILED');
  });

  it('refuses a stack that another operation is changing', async () => {
    aws
      .cloudFormation()
      .seedStack(PREVIEW, JSON.stringify(referenceTemplate()), {
        status: 'UPDATE_IN_PROGRESS',
      });
    const { ctx } = actionContext({ environmentRef: PREVIEW_REF });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'Stack MacroAiPr42Stack is UPDATE_IN_PROGRESS: another operation is running on it. Wait for it to finish, then destroy again',
    );
    expect(calls()).not.toContain('cloudformation:DeleteStack');
  });

  it('waits for a deletion already under way instead of deleting again, as a retried task does', async () => {
    const { stackId } = exists();
    await new CloudFormationClient({
      region: REGION,
      credentials: DEPLOYER_KEYS,
    }).send(new DeleteStackCommand({ StackName: stackId }));
    aws.requests.splice(0);
    const { ctx, outputs, logs } = actionContext({
      environmentRef: PREVIEW_REF,
    });

    await createAction().handler(ctx);

    expect(calls()).not.toContain('cloudformation:DeleteStack');
    expect(logs()).toContain(
      'info: Stack MacroAiPr42Stack is already being deleted; waiting for it',
    );
    expect(outputs).toMatchObject({ deleted: true, status: 'DELETE_COMPLETE' });
  });

  it('deletes the stack of a cdk-app Environment with the roles its app names, after synthesizing the app', async () => {
    aws.bootstrap();
    const webStaging = environmentEntity({
      name: 'macro-ai-web-staging',
      spec: {
        component: 'component:default/macro-ai-web',
        deployment: {
          provider: 'cloudformation',
          stackName: 'MacroAiWebStagingStack',
          region: REGION,
          accountId: '123456789012',
          mode: 'cdk-app',
          cdkApp: { path: 'web/infrastructure' },
        },
      },
    });
    exists('MacroAiWebStagingStack');
    const { ctx, outputs } = actionContext(
      { environmentRef: 'environment:default/macro-ai-web-staging' },
      { workspacePath: path.join(FIXTURES, 'service-repo') },
    );

    await createAction({
      catalog: catalogServiceMock({
        entities: [...exampleCatalog(), webStaging],
      }),
    }).handler(ctx);

    const deleteStack = aws.requests.find(r => r.action === 'DeleteStack')!;
    expect(aws.identities.byAccessKey(deleteStack.accessKeyId)?.arn).toMatch(
      /:assumed-role\/cdk-hnb659fds-deploy-role-123456789012-eu-west-2\//,
    );
    expect(outputs).toMatchObject({
      mode: 'cdk-app',
      deleted: true,
      status: 'DELETE_COMPLETE',
    });
  });

  it('says what to configure when AWS is not configured', async () => {
    const { ctx } = actionContext({ environmentRef: PREVIEW_REF });

    await expect(
      createAction({ aws: unconfiguredAws() }).handler(ctx),
    ).rejects.toThrow(
      'Cannot destroy MacroAiPr42Stack: AWS is not configured: add aws.mainAccount or aws.accounts to app-config',
    );
    expect(aws.requests).toEqual([]);
  });

  it('turns an AWS refusal into an error that says what to fix, without credentials', async () => {
    aws.deny('cloudformation:DescribeStacks');
    const { ctx } = actionContext({ environmentRef: PREVIEW_REF });

    const error = await createAction()
      .handler(ctx)
      .catch(e => e);

    expect(error.message).toBe(
      'AWS failed destroying stack MacroAiPr42Stack (AccessDenied: User: arn:aws:iam::123456789012:user/stageline-deployer is not authorized to perform: cloudformation:DescribeStacks because no identity-based policy allows the cloudformation:DescribeStacks action); the role used for account 123456789012 needs CloudFormation permissions in eu-west-2',
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
    expect(aws.requests).toEqual([]);
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
      exists();
      const policy = permissionPolicy();
      const { ctx, outputs } = actionContext(EXPLICIT);

      await createAction({ permissions: policy.permissions }).handler(ctx);

      expect(policy.asked).toEqual([`environments.destroy on ${PREVIEW_REF}`]);
      expect(
        calls().filter(c => c === 'cloudformation:DeleteStack'),
      ).toHaveLength(1);
      expect(outputs).toEqual({
        stackName: PREVIEW,
        mode: 'reference',
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
      expect(aws.requests).toEqual([]);
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
      expect(aws.requests).toEqual([]);
    });
  });
});
