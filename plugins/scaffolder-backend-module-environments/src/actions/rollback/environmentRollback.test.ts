import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { AwsStandIn } from '@stageline/aws-stand-in';
import { exampleCatalog } from '../../__testUtils__/entities';
import {
  actionContext,
  CheckpointStore,
} from '../../__testUtils__/actionContext';
import {
  referenceTemplate,
  useAwsStandIn,
} from '../../__testUtils__/aws/toolkitTestSetup';
import { configuredAws } from '../../__testUtils__/cloudFormationStandIn';
import {
  recordingAuditor,
  startDeploymentHistory,
} from '../../__testUtils__/deploymentHistory';
import { permissionPolicy } from '../../__testUtils__/permissionPolicy';
import { createEnvironmentDeployAction } from '../deploy/environmentDeploy';
import { createEnvironmentRollbackAction } from './environmentRollback';

jest.setTimeout(120_000);

const STACK = 'MacroAiStagingStack';
const STAGING = 'environment:default/macro-ai-api-staging';

/**
 * `environment:rollback` of `reference` Environments and of a stack stuck in
 * UPDATE_ROLLBACK_FAILED, against the real environments backend in process (its deployment
 * history and rollback plan) and CloudFormation at the HTTP edge.
 */
describe('environment:rollback', () => {
  const standIn = useAwsStandIn(aws => {
    aws.cloudFormation().looksWhileCreating = 0;
    aws.cloudFormation().stepsPerLook = 20;
  });
  let aws: AwsStandIn;
  beforeEach(() => {
    aws = standIn();
  });

  async function setup(options: { denied?: string[] } = {}) {
    const backend = await startDeploymentHistory();
    const policy = permissionPolicy({ denied: options.denied });
    const { auditor, events } = recordingAuditor();
    const actionOptions = {
      catalog: catalogServiceMock({ entities: exampleCatalog() }),
      aws: configuredAws(),
      ...policy.authorization,
      history: backend.history,
      pollIntervalMs: 1,
    };
    return {
      ...backend,
      asked: policy.asked,
      audits: events,
      deploy: createEnvironmentDeployAction(actionOptions),
      rollback: createEnvironmentRollbackAction({ ...actionOptions, auditor }),
    };
  }

  /** Staging deployed at hobby (task deploy-1), then at enterprise (task deploy-2). */
  async function deployedTwice(
    env: Awaited<ReturnType<typeof setup>>,
  ): Promise<void> {
    await env.deploy.handler(
      actionContext(
        { environmentRef: STAGING, commit: '1111111' },
        { taskId: 'deploy-1' },
      ).ctx,
    );
    await env.deploy.handler(
      actionContext(
        { environmentRef: STAGING, scale: 'enterprise', commit: '2222222' },
        { taskId: 'deploy-2' },
      ).ctx,
    );
  }

  it('deploys the previous template again: its change set, its tags, the history entry and the audit event', async () => {
    const env = await setup();
    await deployedTwice(env);
    const [second, first] = await env.deployments('macro-ai-api-staging');
    expect(first).toMatchObject({
      action: 'deploy',
      result: 'succeeded',
      commit: '1111111',
      rollbackSnapshot: true,
    });
    expect(aws.cloudFormation().templateOf(STACK)?.Resources).toEqual(
      referenceTemplate('enterprise').Resources,
    );
    const writesBefore = aws.requests.length;
    const { ctx, outputs, logs } = actionContext(
      { environmentRef: STAGING },
      { taskId: 'rollback-1' },
    );

    await env.rollback.handler(ctx);

    expect(aws.cloudFormation().templateOf(STACK)?.Resources).toEqual(
      referenceTemplate('hobby').Resources,
    );
    const create = aws.requests
      .slice(writesBefore)
      .find(r => r.action === 'CreateChangeSet')!;
    expect(create.params).toMatchObject({
      StackName: STACK,
      ChangeSetName: 'stageline-rollback-rollback-1',
      Tags: expect.arrayContaining([
        { Key: 'stageline.dev/commit', Value: '1111111' },
        { Key: 'stageline.dev/scale', Value: 'hobby' },
      ]),
    });
    expect(outputs).toMatchObject({
      stackName: STACK,
      mode: 'reference',
      kind: 'redeploy',
      restored: first.id,
      status: 'UPDATE_COMPLETE',
      commit: '1111111',
    });
    expect(logs()).toContain(
      `info: Rollback of ${STACK}: ${outputs.message as string}`,
    );
    const [rollback] = await env.deployments('macro-ai-api-staging');
    expect(rollback).toMatchObject({
      action: 'rollback',
      mode: 'reference',
      actor: 'user:default/guest',
      result: 'succeeded',
      restores: first.id,
      templateHash: first.templateHash,
      commit: '1111111',
      taskId: 'rollback-1',
      stackStatus: 'UPDATE_COMPLETE',
    });
    expect(second.commit).toBe('2222222');
    expect(env.asked).toContain(`environments.deploy on ${STAGING}`);
    expect(env.audits).toEqual([
      {
        eventId: 'environment-rollback',
        severityLevel: 'high',
        meta: {
          environment: STAGING,
          dryRun: false,
          actor: 'user:default/guest',
          taskId: 'rollback-1',
        },
        outcome: 'success',
        endMeta: {
          kind: 'redeploy',
          restored: first.id,
          status: 'UPDATE_COMPLETE',
        },
      },
    ]);
  });

  it('goes no further than the first deployment, and says so without changing anything', async () => {
    const env = await setup();
    await deployedTwice(env);
    await env.rollback.handler(
      actionContext({ environmentRef: STAGING }, { taskId: 'rollback-1' }).ctx,
    );
    const changeSets = aws.calls('cloudformation').length;

    await expect(
      env.rollback.handler(
        actionContext({ environmentRef: STAGING }, { taskId: 'rollback-2' })
          .ctx,
      ),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringMatching(
        /^Cannot roll back MacroAiStagingStack: No earlier successful deployment of MacroAiStagingStack is recorded that a rollback could restore/,
      ),
    });
    expect(
      aws
        .calls('cloudformation')
        .slice(changeSets)
        .filter(call => !/Describe|GetTemplate/.test(call)),
    ).toEqual([]);
    expect(env.audits[1]).toMatchObject({
      outcome: 'fail',
      error: expect.stringMatching(/^ConflictError: Cannot roll back/),
    });
  });

  it('says in a dry run what it would restore, and changes and records nothing', async () => {
    const env = await setup();
    await deployedTwice(env);
    const before = await env.deployments('macro-ai-api-staging');
    const requests = aws.requests.length;
    const { ctx, outputs, logs } = actionContext(
      { environmentRef: STAGING },
      { isDryRun: true },
    );

    await env.rollback.handler(ctx);

    expect(outputs).toMatchObject({
      kind: 'redeploy',
      restored: before[1].id,
      status: 'DRY_RUN',
    });
    expect(outputs.message).toMatch(
      /^Deploy again the template of .* UTC \([0-9a-f]{12}\), the deployment before the one running now$/,
    );
    expect(logs()).toContain(
      'info: Dry run: nothing was changed in AWS or GitHub, and nothing recorded',
    );
    expect(
      aws.requests.slice(requests).map(r => `${r.service}:${r.action}`),
    ).toEqual(['cloudformation:DescribeStacks', 'cloudformation:GetTemplate']);
    expect(await env.deployments('macro-ai-api-staging')).toEqual(before);
    expect(env.audits[0]).toMatchObject({
      severityLevel: 'medium',
      meta: { dryRun: true },
      outcome: 'success',
    });
  });

  it('refuses a user not allowed to deploy the Environment before anything is read or changed', async () => {
    const env = await setup({ denied: [STAGING] });
    aws.cloudFormation().seedStack(STACK, JSON.stringify(referenceTemplate()));

    await expect(
      env.rollback.handler(actionContext({ environmentRef: STAGING }).ctx),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: `You are not allowed environments.deploy on ${STAGING}`,
    });
    expect(aws.requests).toEqual([]);
    expect(env.audits[0]).toMatchObject({
      outcome: 'fail',
      error: `NotAllowedError: You are not allowed environments.deploy on ${STAGING}`,
    });
  });

  it('refuses to restore another deployment than the one expected', async () => {
    const env = await setup();
    await deployedTwice(env);
    const requests = aws.requests.length;

    await expect(
      env.rollback.handler(
        actionContext({
          environmentRef: STAGING,
          restore: '9b2f4c1e-1d2a-4c3b-8e5f-6a7b8c9d0e1f',
        }).ctx,
      ),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(
        'not 9b2f4c1e-1d2a-4c3b-8e5f-6a7b8c9d0e1f as expected',
      ),
    });
    expect(
      aws
        .calls('cloudformation')
        .slice(requests)
        .filter(c => /Create|Execute/.test(c)),
    ).toEqual([]);
  });

  it('is not repeated by a retried task: the plan and the deploy are checkpoints', async () => {
    const env = await setup();
    await deployedTwice(env);
    const checkpoints = new CheckpointStore();
    await env.rollback.handler(
      actionContext(
        { environmentRef: STAGING },
        { checkpoints, taskId: 'rollback-1' },
      ).ctx,
    );
    const requests = aws.requests.length;
    const { ctx, outputs } = actionContext(
      { environmentRef: STAGING },
      { checkpoints, taskId: 'rollback-1' },
    );

    await env.rollback.handler(ctx);

    expect(aws.requests.slice(requests)).toEqual([]);
    expect(outputs).toMatchObject({
      kind: 'redeploy',
      status: 'UPDATE_COMPLETE',
    });
    expect(
      (await env.deployments('macro-ai-api-staging')).filter(
        d => d.action === 'rollback',
      ),
    ).toHaveLength(1);
  });

  describe('a stack stuck in UPDATE_ROLLBACK_FAILED', () => {
    const topic = (name: string) => ({
      Type: 'AWS::SNS::Topic',
      Properties: { DisplayName: name },
    });
    const template = (a: string, b: string) =>
      JSON.stringify({ Resources: { Alerts: topic(a), Events: topic(b) } });

    /** An update by someone else failed at Events, and rolling Alerts back failed too. */
    function stuck() {
      const fake = aws.cloudFormation();
      fake.seedStack(STACK, template('a', 'b'));
      fake.failNext(STACK, {
        logicalId: 'Events',
        reason: 'Invalid parameter: DisplayName',
        rollbackReason: 'Topic Alerts was deleted outside CloudFormation',
      });
      fake.startUpdate(STACK, template('a2', 'b2'));
      fake.describeStacks({ StackName: STACK });
      expect(fake.stack(STACK)!.status).toBe('UPDATE_ROLLBACK_FAILED');
      return fake;
    }

    it('continues the rollback to UPDATE_ROLLBACK_COMPLETE with a token of the task, and records it', async () => {
      const env = await setup();
      stuck();
      const { ctx, outputs, logs } = actionContext(
        { environmentRef: STAGING },
        { taskId: 'rollback-9' },
      );

      await env.rollback.handler(ctx);

      const request = aws.requests.find(
        r => r.action === 'ContinueUpdateRollback',
      )!;
      expect(request.params).toEqual({
        StackName: aws.cloudFormation().stack(STACK)!.stackId,
        ClientRequestToken: 'stageline-rollback-rollback-9',
      });
      expect(outputs).toMatchObject({
        kind: 'continue-rollback',
        status: 'UPDATE_ROLLBACK_COMPLETE',
      });
      expect(outputs.restored).toBeUndefined();
      expect(logs()).toEqual(
        expect.arrayContaining([
          `info: Continuing the rollback of ${STACK}`,
          `info: UPDATE_ROLLBACK_IN_PROGRESS AWS::CloudFormation::Stack ${STACK}: User Initiated`,
          `info: UPDATE_ROLLBACK_COMPLETE AWS::CloudFormation::Stack ${STACK}`,
        ]),
      );
      const [record] = await env.deployments('macro-ai-api-staging');
      expect(record).toMatchObject({
        action: 'rollback',
        result: 'succeeded',
        stackStatus: 'UPDATE_ROLLBACK_COMPLETE',
      });
      expect(record.restores).toBeUndefined();
    });

    it('names the resource when the rollback fails again, and skips it when asked', async () => {
      const env = await setup();
      const fake = stuck();
      fake.failNext(STACK, {
        logicalId: 'Alerts',
        reason: 'Topic Alerts does not exist',
      });

      await expect(
        env.rollback.handler(
          actionContext({ environmentRef: STAGING }, { taskId: 'rollback-1' })
            .ctx,
        ),
      ).rejects.toThrow(
        `The continued rollback of ${STACK} failed (UPDATE_ROLLBACK_FAILED); first failure: Alerts (AWS::SNS::Topic) UPDATE_FAILED: Topic Alerts does not exist. Fix Alerts in its service, or roll back again with resourcesToSkip: [Alerts] (CloudFormation then leaves it as it is)`,
      );
      const { ctx, outputs } = actionContext(
        { environmentRef: STAGING, resourcesToSkip: ['Alerts'] },
        { taskId: 'rollback-2' },
      );
      await env.rollback.handler(ctx);

      expect(outputs.status).toBe('UPDATE_ROLLBACK_COMPLETE');
      expect(
        aws.requests.filter(r => r.action === 'ContinueUpdateRollback')[1]
          .params.ResourcesToSkip,
      ).toEqual(['Alerts']);
      expect(
        (await env.deployments('macro-ai-api-staging')).map(
          d => `${d.action} ${d.result}`,
        ),
      ).toEqual(['rollback succeeded', 'rollback failed']);
    });
  });
});
