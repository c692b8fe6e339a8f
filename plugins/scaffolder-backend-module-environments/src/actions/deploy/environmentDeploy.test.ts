import {
  CloudFormationClient,
  CreateChangeSetCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import path from 'node:path';
import {
  actionContext,
  CheckpointStore,
} from '../../__testUtils__/actionContext';
import {
  AwsStandIn,
  DEPLOYER_KEYS,
  QUALIFIER,
  REGION,
} from '@stageline/aws-stand-in';
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
  cdkAppEnvironment,
  environmentEntity,
  exampleCatalog,
} from '../../__testUtils__/entities';
import { permissionPolicy } from '../../__testUtils__/permissionPolicy';
import { createEnvironmentDeployAction } from './environmentDeploy';

jest.setTimeout(60_000);
const standIn = useAwsStandIn(aws => {
  aws.cloudFormation().looksWhileCreating = 0;
  aws.cloudFormation().stepsPerLook = 5;
});

const STACK = 'MacroAiStagingStack';
const STAGING = 'environment:default/macro-ai-api-staging';
const CHANGE_SET = 'stageline-deploy-task-1';
const WEB_STACK = 'MacroAiWebStagingStack';
const WEB_STAGING = 'environment:default/macro-ai-web-staging';

const webStaging = cdkAppEnvironment();

function createAction(
  overrides: Partial<Parameters<typeof createEnvironmentDeployAction>[0]> = {},
) {
  return createEnvironmentDeployAction({
    catalog: catalogServiceMock({
      entities: [...exampleCatalog(), webStaging],
    }),
    aws: configuredAws(),
    ...permissionPolicy().authorization,
    pollIntervalMs: 1,
    ...overrides,
  });
}

/** The stack tags a deploy of macro-ai-api-staging gives the stack. */
const STAGING_TAGS = [
  { Key: 'stageline.dev/environment', Value: 'macro-ai-api-staging' },
  { Key: 'stageline.dev/app', Value: 'macro-ai' },
  { Key: 'stageline.dev/stage', Value: 'staging' },
  { Key: 'stageline.dev/scale', Value: 'hobby' },
];

const cloudFormation = () =>
  new CloudFormationClient({ region: REGION, credentials: DEPLOYER_KEYS });

describe('environment:deploy', () => {
  let aws: AwsStandIn;
  beforeEach(() => {
    aws = standIn();
  });

  const stackTemplate = () => aws.cloudFormation().templateOf(STACK);
  const calls = () => aws.calls('cloudformation');

  describe('a reference Environment', () => {
    it('deploys the profile through the CDK toolkit library: the change set in the log, then its stack events, then the outputs', async () => {
      const previous = referenceTemplate();
      const [alarm] = Object.keys(previous.Resources).filter(
        id => previous.Resources[id].Type === 'AWS::Logs::LogGroup',
      );
      delete previous.Resources[alarm];
      aws.cloudFormation().seedStack(STACK, JSON.stringify(previous), {
        tags: STAGING_TAGS,
      });
      const { ctx, outputs, logs } = actionContext(
        { environmentRef: STAGING },
        { taskId: 'task-1' },
      );

      await createAction().handler(ctx);

      const create = aws.requests.find(r => r.action === 'CreateChangeSet')!;
      expect(create.params).toMatchObject({
        StackName: STACK,
        ChangeSetName: CHANGE_SET,
        ChangeSetType: 'UPDATE',
        TemplateBody: expect.any(String),
        Tags: expect.arrayContaining([
          { Key: 'stageline.dev/environment', Value: 'macro-ai-api-staging' },
          { Key: 'stageline.dev/scale', Value: 'hobby' },
        ]),
      });
      expect(stackTemplate()?.Resources).toEqual(referenceTemplate().Resources);
      expect(outputs).toMatchObject({
        stackName: STACK,
        mode: 'reference',
        stackId: aws.cloudFormation().stack(STACK)!.stackId,
        status: 'UPDATE_COMPLETE',
        noChanges: false,
        changeSummary: { added: 1, modified: 0, replaced: 0, removed: 0 },
      });
      expect(Object.keys(outputs.outputs as object).length).toBeGreaterThan(0);
      const lines = logs();
      const shown = lines.indexOf(
        `info: Change set ${CHANGE_SET} of ${STACK}: 1 to add, 0 to modify, 0 to remove`,
      );
      const executed = lines.findIndex(line =>
        line.startsWith(
          `info: UPDATE_IN_PROGRESS AWS::CloudFormation::Stack ${STACK}`,
        ),
      );
      expect(shown).toBeGreaterThan(-1);
      expect(lines[shown + 1]).toBe(`info:   Add AWS::Logs::LogGroup ${alarm}`);
      expect(executed).toBeGreaterThan(shown);
      expect(lines).toContain(
        `info: CREATE_COMPLETE AWS::Logs::LogGroup ${alarm}`,
      );
      expect(lines).toContain(`info: Deployed ${STACK}: UPDATE_COMPLETE`);
    });

    it('creates a stack that does not exist yet', async () => {
      const { ctx, outputs } = actionContext(
        { environmentRef: STAGING },
        { taskId: 'task-1' },
      );

      await createAction().handler(ctx);

      expect(
        aws.requests.find(r => r.action === 'CreateChangeSet')?.params,
      ).toMatchObject({
        ChangeSetType: 'CREATE',
      });
      expect(outputs).toMatchObject({
        status: 'CREATE_COMPLETE',
        noChanges: false,
      });
    });

    it('succeeds with noChanges when the stack is already up to date, leaving no change set', async () => {
      aws
        .cloudFormation()
        .seedStack(STACK, JSON.stringify(referenceTemplate()), {
          tags: STAGING_TAGS,
        });
      const { ctx, outputs, logs } = actionContext(
        { environmentRef: STAGING },
        { taskId: 'task-1' },
      );

      await createAction().handler(ctx);

      expect(outputs).toMatchObject({
        status: 'CREATE_COMPLETE',
        noChanges: true,
        changeSummary: { added: 0, modified: 0, replaced: 0, removed: 0 },
      });
      expect(calls()).not.toContain('cloudformation:ExecuteChangeSet');
      expect(aws.cloudFormation().changeSets).toEqual([]);
      expect(logs()).toContain(
        `info: No changes: ${STACK} is already up to date`,
      );
    });

    it('never replaces the code a deployed stack runs with the placeholder: refused before anything is created', async () => {
      const running = withServiceCode(referenceTemplate());
      aws.cloudFormation().seedStack(STACK, JSON.stringify(running));
      const { ctx } = actionContext(
        { environmentRef: STAGING },
        { taskId: 'task-1' },
      );

      await expect(createAction().handler(ctx)).rejects.toThrow(
        /^Refusing to deploy MacroAiStagingStack: the template runs Stageline's placeholder code, and the deployed stack runs its own: ApiFunction[0-9A-F]+ \(AWS::Lambda::Function\) runs s3:\/\/cdk-hnb659fds-assets-123456789012-eu-west-2\/6f2b2c1e[0-9a-f]+\.zip\. Deploying would replace that code with the placeholder\. Deploy this environment from the service's pipeline or CDK app instead \(spec\.deployment\.mode: pipeline or cdk-app\)$/,
      );
      expect(calls()).not.toContain('cloudformation:CreateChangeSet');
      expect(stackTemplate()).toEqual(running);
    });

    it('fails with the first failed resource, its reason and the rollback result', async () => {
      const previous = referenceTemplate();
      const [fn] = Object.keys(previous.Resources).filter(
        id => previous.Resources[id].Type === 'AWS::Lambda::Function',
      );
      previous.Resources[fn].Properties!.MemorySize = 256;
      aws.cloudFormation().seedStack(STACK, JSON.stringify(previous));
      aws.cloudFormation().failNext(STACK, {
        logicalId: fn,
        reason:
          'Resource handler returned message: "Memory size 20480 is not within the range of 128 to 10240" (RequestToken: 1a2b, HandlerErrorCode: InvalidRequest)',
      });
      const { ctx, logs } = actionContext(
        { environmentRef: STAGING },
        { taskId: 'task-1' },
      );

      await expect(createAction().handler(ctx)).rejects.toThrow(
        `Deploy of ${STACK} failed and was rolled back (UPDATE_ROLLBACK_COMPLETE); first failure: ${fn} (AWS::Lambda::Function) UPDATE_FAILED: Resource handler returned message: "Memory size 20480 is not within the range of 128 to 10240"`,
      );
      expect(logs()).toContain(
        `info: UPDATE_ROLLBACK_IN_PROGRESS AWS::CloudFormation::Stack ${STACK}: The following resource(s) failed to update: [${fn}]. `,
      );
      expect(stackTemplate()).toEqual(previous);
    });

    it('says when the rollback failed too', async () => {
      const previous = referenceTemplate();
      const ids = Object.keys(previous.Resources);
      for (const id of ids) {
        if (previous.Resources[id].Type === 'AWS::Logs::LogGroup') {
          previous.Resources[id].Properties!.RetentionInDays = 3;
        }
      }
      const [logGroup] = ids.filter(
        id => previous.Resources[id].Type === 'AWS::Logs::LogGroup',
      );
      const [fn] = ids.filter(
        id => previous.Resources[id].Type === 'AWS::Lambda::Function',
      );
      previous.Resources[fn].Properties!.MemorySize = 256;
      aws.cloudFormation().seedStack(STACK, JSON.stringify(previous));
      aws.cloudFormation().failNext(STACK, {
        logicalId: fn,
        reason: 'Rate exceeded',
        rollbackReason: 'Log group retention cannot be changed: AccessDenied',
      });
      const { ctx } = actionContext(
        { environmentRef: STAGING },
        { taskId: 'task-1' },
      );

      await expect(createAction().handler(ctx)).rejects.toThrow(
        `Deploy of ${STACK} failed and its rollback failed too (UPDATE_ROLLBACK_FAILED): the stack needs fixing in the CloudFormation console before the next deploy; first failure: ${fn} (AWS::Lambda::Function) UPDATE_FAILED: Rate exceeded`,
      );
      expect(logGroup).toBeDefined();
    });

    it.each(['UPDATE_IN_PROGRESS', 'UPDATE_ROLLBACK_IN_PROGRESS'])(
      'refuses to deploy while another operation leaves the stack %s',
      async status => {
        aws
          .cloudFormation()
          .seedStack(STACK, JSON.stringify(referenceTemplate()), { status });
        const { ctx } = actionContext(
          { environmentRef: STAGING },
          { taskId: 'task-1' },
        );

        await expect(createAction().handler(ctx)).rejects.toThrow(
          `Stack ${STACK} is ${status}: another operation is running on it. Wait for it to finish, then deploy again`,
        );
        expect(calls()).toEqual([
          'cloudformation:DescribeStacks',
          'cloudformation:DescribeChangeSet',
        ]);
      },
    );

    it('makes no AWS calls when the task is retried after it finished', async () => {
      const checkpoints = new CheckpointStore();
      await createAction().handler(
        actionContext(
          { environmentRef: STAGING },
          { checkpoints, taskId: 'task-1' },
        ).ctx,
      );
      const before = aws.requests.length;

      const retry = actionContext(
        { environmentRef: STAGING },
        { checkpoints, taskId: 'task-1' },
      );
      await createAction().handler(retry.ctx);

      expect(aws.requests).toHaveLength(before);
      expect(retry.outputs).toMatchObject({ status: 'CREATE_COMPLETE' });
    });

    it('picks up the change set it executed before it was interrupted, executing nothing again', async () => {
      const previous = referenceTemplate();
      aws
        .cloudFormation()
        .seedStack(STACK, JSON.stringify(withoutOneLogGroup(previous)));
      const { Id } = await cloudFormation().send(
        new CreateChangeSetCommand({
          StackName: STACK,
          ChangeSetName: CHANGE_SET,
          TemplateBody: JSON.stringify(previous),
          Capabilities: ['CAPABILITY_IAM'],
        }),
      );
      await cloudFormation().send(
        new ExecuteChangeSetCommand({ ChangeSetName: Id }),
      );
      aws.requests.splice(0);
      const { ctx, outputs, logs } = actionContext(
        { environmentRef: STAGING },
        { taskId: 'task-1' },
      );

      await createAction().handler(ctx);

      expect(logs()).toContain(
        `info: Picking up this task's deploy of ${STACK} (change set ${CHANGE_SET}, EXECUTE_IN_PROGRESS)`,
      );
      expect(calls()).not.toContain('cloudformation:CreateChangeSet');
      expect(calls()).not.toContain('cloudformation:ExecuteChangeSet');
      expect(outputs).toMatchObject({ status: 'UPDATE_COMPLETE' });
    });

    it('says exactly what it would deploy in a dry run, and calls nothing', async () => {
      const { ctx, outputs, logs } = actionContext(
        { environmentRef: STAGING },
        { isDryRun: true, taskId: 'task-1' },
      );

      await createAction().handler(ctx);

      expect(aws.requests).toEqual([]);
      expect(outputs).toEqual({
        stackName: STACK,
        mode: 'reference',
        status: 'DRY_RUN',
        noChanges: false,
        changeSummary: { added: 0, modified: 0, replaced: 0, removed: 0 },
        outputs: {},
      });
      expect(logs()).toContainEqual(
        expect.stringMatching(
          /^info: Dry run: would deploy MacroAiStagingStack \(staging, hobby\) in eu-west-2, account 123456789012 from the @stageline\/cdk-environments reference profile: \d+ resources, template [\d,]+ bytes \(sent inline, within CloudFormation's 51,200-byte limit\), with the CDK toolkit library through change set stageline-deploy-task-1 \(file assets published to the bootstrap bucket, the change set shown in the log, then executed and its stack events streamed\); AWS was not called$/,
        ),
      );
    });

    it('says what to configure when AWS is not configured', async () => {
      const { ctx } = actionContext({ environmentRef: STAGING });

      await expect(
        createAction({ aws: unconfiguredAws() }).handler(ctx),
      ).rejects.toThrow(
        'Cannot deploy MacroAiStagingStack: AWS is not configured',
      );
      expect(aws.requests).toEqual([]);
    });
  });

  describe('a cdk-app Environment', () => {
    const deployWeb = async (
      options: {
        scale?: string;
        workspace?: string;
        synthTimeoutMs?: number;
      } = {},
    ) => {
      const context = actionContext(
        {
          environmentRef: WEB_STAGING,
          ...(options.scale ? { scale: options.scale } : {}),
        },
        {
          taskId: 'task-1',
          workspacePath: path.join(
            FIXTURES,
            options.workspace ?? 'service-repo',
          ),
        },
      );
      await createAction({ synthTimeoutMs: options.synthTimeoutMs }).handler(
        context.ctx,
      );
      return context;
    };

    beforeEach(() => {
      aws.bootstrap();
    });

    it("publishes the app's code to the bootstrap bucket and deploys it with the deploy role, over a stack that already runs real code", async () => {
      const running = {
        Resources: {
          ApiFunction: {
            Type: 'AWS::Lambda::Function',
            Properties: {
              Code: {
                S3Bucket: `cdk-${QUALIFIER}-assets-123456789012-${REGION}`,
                S3Key: 'previous-release.zip',
              },
              Handler: 'index.handler',
              Runtime: 'nodejs22.x',
            },
          },
        },
      };
      aws.cloudFormation().seedStack(WEB_STACK, JSON.stringify(running));
      const { outputs, logs } = await deployWeb();

      const bucket = `cdk-${QUALIFIER}-assets-123456789012-${REGION}`;
      const zips = aws.s3.keys(bucket).filter(key => key.endsWith('.zip'));
      expect(zips).toHaveLength(1);
      const deployed = JSON.parse(
        aws.cloudFormation().stack(WEB_STACK)!.templateBody!,
      );
      const [fn] = Object.values<any>(deployed.Resources).filter(
        r => r.Type === 'AWS::Lambda::Function',
      );
      expect(fn.Properties.Code).toEqual({
        S3Bucket: bucket,
        S3Key: zips[0],
      });
      const create = aws.requests.find(r => r.action === 'CreateChangeSet')!;
      expect(create.params.TemplateURL).toMatch(
        new RegExp(
          `^https://s3\\.${REGION}\\.amazonaws\\.com/${bucket}/[0-9a-f]{64}\\.json$`,
        ),
      );
      const deployRole = aws.requests.find(
        r => r.action === 'AssumeRole' && /deploy-role/.test(r.params.RoleArn),
      )!;
      const assumedKey = aws.requests.find(
        r => r.service === 'sts' && r.accessKeyId !== DEPLOYER_KEYS.accessKeyId,
      );
      expect(deployRole).toBeDefined();
      expect(aws.identities.byAccessKey(create.accessKeyId)?.arn).toMatch(
        /:assumed-role\/cdk-hnb659fds-deploy-role-123456789012-eu-west-2\//,
      );
      expect(assumedKey).toBeUndefined();
      expect(outputs).toMatchObject({
        mode: 'cdk-app',
        status: 'UPDATE_COMPLETE',
      });
      expect(logs()).toContain(
        'info: Synthesizing the CDK app in web/infrastructure: node bin/app.js',
      );
    });

    it("uploads a template over CloudFormation's 51,200-byte inline limit to the bootstrap bucket", async () => {
      aws.cloudFormation().stepsPerLook = 1000;
      const { outputs } = await deployWeb({ scale: 'enterprise' });

      const create = aws.requests.find(r => r.action === 'CreateChangeSet')!;
      const body = aws.s3.readUrl(create.params.TemplateURL)!;
      expect(Buffer.byteLength(body)).toBeGreaterThan(51_200);
      expect(create.params.TemplateBody).toBeUndefined();
      expect(outputs).toMatchObject({ status: 'CREATE_COMPLETE' });
      expect(
        Object.keys(
          JSON.parse(aws.cloudFormation().stack(WEB_STACK)!.templateBody!)
            .Resources,
        ).length,
      ).toBeGreaterThan(250);
    });

    it("runs the app without the backend's secrets, in a home of its own", async () => {
      const secrets = {
        AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        GITHUB_TOKEN: 'ghp_StandInToken0123456789abcdefABCDEF0123',
        POSTGRES_PASSWORD: 'postgres',
        BACKEND_SECRET: 'backstage-backend-secret',
      };
      Object.assign(process.env, secrets);
      try {
        await deployWeb({ workspace: 'probe-repo' });
      } finally {
        for (const name of Object.keys(secrets)) delete process.env[name];
      }

      const create = aws.requests.find(r => r.action === 'CreateChangeSet')!;
      const probe = JSON.parse(aws.s3.readUrl(create.params.TemplateURL)!)
        .Resources.Probe.Metadata;
      expect(probe.environment).toEqual(
        expect.arrayContaining([
          'PATH',
          'HOME',
          'CDK_OUTDIR',
          'CDK_DEPLOY_ENV',
        ]),
      );
      expect(
        probe.environment.filter((name: string) =>
          /^AWS_|TOKEN|SECRET|PASSWORD/.test(name),
        ),
      ).toEqual([]);
      expect(probe.home).not.toBe(process.env.HOME);
    });

    it('stops an app that takes longer than the time limit, before any AWS call', async () => {
      await expect(
        deployWeb({ workspace: 'slow-repo', synthTimeoutMs: 1500 }),
      ).rejects.toThrow(
        'The CDK app in web/infrastructure did not finish within 2 s and was stopped',
      );
      expect(aws.requests).toEqual([]);
    });

    it('says to fetch the repository when the app is not in the task workspace', async () => {
      await expect(
        deployWeb({ workspace: 'probe-repo/infrastructure' }),
      ).rejects.toThrow(
        "The CDK app folder web/infrastructure (spec.deployment.cdkApp.path) is not in the task workspace: fetch the service's repository into the workspace first, e.g. with a fetch:plain step before this one",
      );
    });

    it('deploys only the stack its Environment names, and says which stacks the app has', async () => {
      const context = actionContext(
        { environmentRef: WEB_STAGING, stage: 'production' },
        {
          taskId: 'task-1',
          workspacePath: path.join(FIXTURES, 'service-repo'),
        },
      );
      const other = environmentEntity({
        name: 'macro-ai-web-staging',
        spec: {
          ...webStaging.spec,
          deployment: {
            ...webStaging.spec.deployment!,
            stackName: 'MacroAiWebLegacyStack',
          },
        },
      });

      await expect(
        createAction({
          catalog: catalogServiceMock({
            entities: [...exampleCatalog(), other],
          }),
        }).handler(context.ctx),
      ).rejects.toThrow(
        'The CDK app in web/infrastructure has no stack MacroAiWebLegacyStack (spec.deployment.stackName); it has MacroAiWebStagingStack',
      );
      expect(aws.calls('cloudformation')).toEqual([]);
    });

    it('says exactly what it would do in a dry run, without running the app or calling AWS', async () => {
      const { ctx, logs } = actionContext(
        { environmentRef: WEB_STAGING },
        {
          isDryRun: true,
          taskId: 'task-1',
          workspacePath: path.join(FIXTURES, 'slow-repo'),
        },
      );

      await createAction({ synthTimeoutMs: 1 }).handler(ctx);

      expect(aws.requests).toEqual([]);
      expect(logs()).toContain(
        "info: Dry run: would synthesize the CDK app in web/infrastructure of the task workspace (the app of its cdk.json, without a shell and without the backend's credentials) and deploy its stack MacroAiWebStagingStack (staging, hobby) in eu-west-2, account 123456789012 with the CDK toolkit library through change set stageline-deploy-task-1 (file assets published to the bootstrap bucket, the change set shown in the log, then executed and its stack events streamed); AWS was not called and the app was not run",
      );
    });
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
      const policy = permissionPolicy();
      const { ctx, outputs } = actionContext(EXPLICIT, { taskId: 'task-1' });

      await createAction({ permissions: policy.permissions }).handler(ctx);

      expect(policy.asked).toEqual([`environments.deploy on ${STAGING}`]);
      expect(
        aws.requests.find(r => r.action === 'CreateChangeSet')?.params
          .StackName,
      ).toBe(STACK);
      expect(outputs).toMatchObject({
        stackName: STACK,
        status: 'CREATE_COMPLETE',
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
      expect(aws.requests).toEqual([]);
    });

    it("refuses an Environment not owned by its component's owner, before any AWS call", async () => {
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
      expect(aws.requests).toEqual([]);
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
      expect(aws.requests).toEqual([]);
    });

    it('refuses a denied environment given by ref, before any AWS call', async () => {
      const policy = permissionPolicy({ denied: [STAGING] });
      const { ctx } = actionContext({ environmentRef: STAGING });

      await expect(
        createAction({ permissions: policy.permissions }).handler(ctx),
      ).rejects.toThrow(
        'You are not allowed environments.deploy on environment:default/macro-ai-api-staging',
      );
      expect(aws.requests).toEqual([]);
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
        expect(aws.requests).toEqual([]);
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
      expect(aws.requests).toEqual([]);
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

/** The template without one of its log groups, as before a deploy that adds it. */
function withoutOneLogGroup(template: ReturnType<typeof referenceTemplate>) {
  const copy = structuredClone(template);
  const [logGroup] = Object.keys(copy.Resources).filter(
    id => copy.Resources[id].Type === 'AWS::Logs::LogGroup',
  );
  delete copy.Resources[logGroup];
  return copy;
}
