import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { templateHash } from '@stageline/plugin-environments-node';
import type {
  DeploymentRecord,
  RollbackPlan,
} from '@stageline/plugin-environments-common';
import { setupStandIns } from '../__testUtils__/standIns';
import {
  awsConfig,
  startEnvironmentsBackend,
} from '../__testUtils__/startEnvironmentsBackend';
import {
  apiComponent,
  environmentEntity,
  stagingEnvironment,
} from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const standIns = setupStandIns();
const user = mockCredentials.user.header();
const service = mockCredentials.service.header();
const BASE = '/api/environments/environments/default/macro-ai-api-staging';

const templateOf = (name: string) => ({
  Resources: {
    Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: name } },
  },
});
const snapshotOf = (name: string) => ({
  manifestVersion: '48.0.0',
  artifactId: 'MacroAiStagingStack',
  environment: 'aws://123456789012/eu-west-2',
  properties: { stackName: 'MacroAiStagingStack' },
  template: templateOf(name),
  tags: { 'stageline.dev/environment': 'macro-ai-api-staging' },
});
/** What environment:deploy records after deploying template `name` of a reference Environment. */
const deployed = (name: string, taskId: string) => ({
  action: 'deploy',
  mode: 'reference',
  actor: 'user:default/guest',
  result: 'succeeded',
  stackName: 'MacroAiStagingStack',
  stackStatus: 'UPDATE_COMPLETE',
  templateHash: templateHash(templateOf(name)),
  taskId,
  message: `Deployed template ${name}`,
  snapshot: snapshotOf(name),
});

async function record(
  server: Parameters<typeof request>[0],
  body: object,
  path = `${BASE}/deployments`,
) {
  return request(server)
    .post(path)
    .set('Authorization', service)
    .set('Content-Type', 'application/json')
    .send(body);
}

describe('deployment history routes', () => {
  it('records deployments from backend plugins and lists them to users, newest first, without snapshots', async () => {
    const { server } = await startEnvironmentsBackend();
    const first = await record(server, deployed('a', 'task-1'));
    const second = await record(server, deployed('b', 'task-2'));
    expect(first.status).toBe(201);
    expect(second.body).toMatchObject({
      environmentRef: 'environment:default/macro-ai-api-staging',
      action: 'deploy',
      rollbackSnapshot: true,
    });

    const listed = await request(server)
      .get(`${BASE}/deployments`)
      .set('Authorization', user);
    expect(listed.status).toBe(200);
    expect(
      (listed.body.items as DeploymentRecord[]).map(d => d.message),
    ).toEqual(['Deployed template b', 'Deployed template a']);
    expect(JSON.stringify(listed.body)).not.toContain('AWS::SNS::Topic');

    const snapshot = await request(server)
      .get(`${BASE}/deployments/${first.body.id}/snapshot`)
      .set('Authorization', service);
    expect(snapshot.status).toBe(200);
    expect(snapshot.body).toEqual(snapshotOf('a'));
  });

  it('refuses users writing history or reading snapshots: only backend plugins may', async () => {
    const { server } = await startEnvironmentsBackend();
    const asUser = await request(server)
      .post(`${BASE}/deployments`)
      .set('Authorization', user)
      .send(deployed('evil', 'task-9'));
    expect(asUser.status).toBe(403);
    const recorded = await record(server, deployed('a', 'task-1'));

    const snapshot = await request(server)
      .get(`${BASE}/deployments/${recorded.body.id}/snapshot`)
      .set('Authorization', user);
    expect(snapshot.status).toBe(403);
    const listed = await request(server)
      .get(`${BASE}/deployments`)
      .set('Authorization', user);
    expect(listed.body.items).toHaveLength(1);
  });

  it('answers 400 naming the field for a bad record, and 404 for an unknown environment or snapshot', async () => {
    const { server } = await startEnvironmentsBackend();
    const bad = await record(server, {
      ...deployed('a', 'task-1'),
      templateHash: 'not-a-hash',
      force: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'Invalid deployment record: templateHash must be a SHA-256 in hex; unknown field force; allowed: action, mode, actor, result, stackName, stackStatus, commit, runId, runUrl, templateHash, restores, taskId, message, snapshot, createdAt, finishedAt',
    );
    const tooBig = await record(server, {
      ...deployed('a', 'task-1'),
      snapshot: {
        ...snapshotOf('a'),
        template: { Resources: { Big: { Type: 'x'.repeat(1_100_000) } } },
      },
    });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.message).toMatch(
      /snapshot\.template must be at most 1048576 bytes/,
    );
    const unknown = await record(
      server,
      deployed('a', 'task-1'),
      '/api/environments/environments/default/nope/deployments',
    );
    expect(unknown.status).toBe(404);
    const noSnapshot = await request(server)
      .get(`${BASE}/deployments/9b2f4c1e-1d2a-4c3b-8e5f-6a7b8c9d0e1f/snapshot`)
      .set('Authorization', service);
    expect(noSnapshot.status).toBe(404);
  });
});

describe('GET .../rollback', () => {
  async function plan(server: Parameters<typeof request>[0], path = BASE) {
    const res = await request(server)
      .get(`${path}/rollback`)
      .set('Authorization', user);
    expect(res.status).toBe(200);
    return res.body as RollbackPlan;
  }

  it('redeploys the template before the one the stack runs', async () => {
    const { server } = await startEnvironmentsBackend({ config: awsConfig });
    const a = await record(server, deployed('a', 'task-1'));
    const b = await record(server, deployed('b', 'task-2'));
    standIns.aws
      .cloudFormation()
      .seedStack('MacroAiStagingStack', JSON.stringify(templateOf('b')));

    const rollback = await plan(server);

    expect(rollback).toMatchObject({
      kind: 'redeploy',
      mode: 'reference',
      stackName: 'MacroAiStagingStack',
      stackStatus: 'CREATE_COMPLETE',
      current: {
        templateHash: templateHash(templateOf('b')),
        deploymentId: b.body.id,
        source: 'stack',
      },
      target: { id: a.body.id },
    });
    expect(rollback.message).toMatch(
      /^Deploy again the template of .* UTC \([0-9a-f]{12}\), the deployment before the one running now$/,
    );
    expect(standIns.aws.calls('cloudformation')).toEqual([
      'cloudformation:DescribeStacks',
      'cloudformation:GetTemplate',
    ]);
  });

  it('restores the last deployment Stageline made when the stack runs a template it did not deploy', async () => {
    const { server } = await startEnvironmentsBackend({ config: awsConfig });
    await record(server, deployed('a', 'task-1'));
    const b = await record(server, deployed('b', 'task-2'));
    standIns.aws
      .cloudFormation()
      .seedStack('MacroAiStagingStack', JSON.stringify(templateOf('by hand')));

    const rollback = await plan(server);

    expect(rollback.target?.id).toBe(b.body.id);
    expect(rollback.message).toContain(
      'MacroAiStagingStack runs a version Stageline did not deploy; this is the last one it did',
    );
  });

  it('continues a failed rollback, waits for a busy stack, and has nothing for a stack not deployed', async () => {
    const { server } = await startEnvironmentsBackend({ config: awsConfig });
    await record(server, deployed('a', 'task-1'));
    const fake = standIns.aws.cloudFormation();

    expect(await plan(server)).toMatchObject({
      kind: 'none',
      stackStatus: 'NOT_FOUND',
      message:
        'MacroAiStagingStack is not deployed, so there is nothing to roll back: deploy it',
    });
    const stack = fake.seedStack(
      'MacroAiStagingStack',
      JSON.stringify(templateOf('a')),
      { status: 'UPDATE_ROLLBACK_FAILED' },
    );
    expect(await plan(server)).toMatchObject({
      kind: 'continue-rollback',
      stackStatus: 'UPDATE_ROLLBACK_FAILED',
    });
    stack.status = 'UPDATE_IN_PROGRESS';
    expect((await plan(server)).message).toBe(
      'MacroAiStagingStack is UPDATE_IN_PROGRESS: wait for that operation to finish before rolling back',
    );
  });

  it('re-runs the run of the previous deployment of a pipeline Environment, by the commit the stack is tagged with', async () => {
    const pipelineStaging = environmentEntity('macro-ai-api-staging', {
      ...stagingEnvironment.spec,
      deployment: {
        ...stagingEnvironment.spec.deployment!,
        mode: 'pipeline',
        pipeline: { workflow: 'deploy.yml' },
      },
    });
    const { server } = await startEnvironmentsBackend({
      config: awsConfig,
      entities: [apiComponent, pipelineStaging],
    });
    const run = (commit: string, runId: number, taskId: string) => ({
      action: 'deploy',
      mode: 'pipeline',
      actor: 'user:default/guest',
      result: 'succeeded',
      stackName: 'MacroAiStagingStack',
      commit,
      runId,
      runUrl: `https://github.com/acme/macro-ai/actions/runs/${runId}`,
      taskId,
      message: `Deployed ${commit}`,
    });
    const first = await record(server, run('1111111aaaa', 9120000001, 't1'));
    await record(server, run('2222222bbbb', 9120000002, 't2'));
    standIns.aws
      .cloudFormation()
      .seedStack('MacroAiStagingStack', JSON.stringify(templateOf('b')), {
        tags: [{ Key: 'stageline.dev/commit', Value: '2222222bbbb' }],
      });

    const rollback = await plan(server);

    expect(rollback).toMatchObject({
      kind: 'rerun',
      mode: 'pipeline',
      current: { commit: '2222222bbbb', source: 'stack' },
      target: { id: first.body.id, runId: 9120000001, commit: '1111111aaaa' },
      message:
        'Re-run run 9120000001 of the pipeline, which deployed commit 1111111, the deployment before the one running now',
    });
  });

  it('takes the last deployment recorded as running where AWS is not configured, and says so', async () => {
    const { server } = await startEnvironmentsBackend();
    const a = await record(server, deployed('a', 'task-1'));
    await record(server, deployed('b', 'task-2'));

    const rollback = await plan(server);

    expect(rollback).toMatchObject({
      kind: 'redeploy',
      current: { source: 'history' },
      target: { id: a.body.id },
    });
    expect(rollback.message).toContain(
      '; AWS is not configured: add aws.mainAccount or aws.accounts',
    );
  });
});
