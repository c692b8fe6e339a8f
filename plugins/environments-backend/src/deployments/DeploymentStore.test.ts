import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { DeploymentStore, NewDeployment } from './DeploymentStore';

jest.setTimeout(60_000);

/** PostgreSQL ids run where BACKSTAGE_TEST_DATABASE_POSTGRES<NN>_CONNECTION_STRING is set. */
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'POSTGRES_15'],
});
const STAGING = 'environment:default/macro-ai-web-staging';

const snapshot = {
  manifestVersion: '48.0.0',
  artifactId: 'MacroAiWebStagingStack',
  environment: 'aws://123456789012/eu-west-2',
  properties: { stackName: 'MacroAiWebStagingStack' },
  template: { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } },
  tags: { 'stageline.dev/environment': 'macro-ai-web-staging' },
};

const deployment = (extra: Partial<NewDeployment> = {}): NewDeployment => ({
  action: 'deploy',
  mode: 'cdk-app',
  actor: 'user:default/guest',
  result: 'succeeded',
  stackName: 'MacroAiWebStagingStack',
  stackStatus: 'UPDATE_COMPLETE',
  templateHash: 'a'.repeat(64),
  commit: '1a2b3c4',
  taskId: 'task-1',
  message: 'Deployed MacroAiWebStagingStack: UPDATE_COMPLETE',
  createdAt: '2026-03-01T10:00:00.000Z',
  finishedAt: '2026-03-01T10:04:00.000Z',
  ...extra,
});

describe.each(databases.eachSupportedId())(
  'DeploymentStore on %p',
  (databaseId: TestDatabaseId) => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      return DeploymentStore.create(mockServices.database({ knex }));
    }

    it('records deployments and lists them newest first, without their snapshots', async () => {
      const store = await createStore();
      const first = await store.record(STAGING, deployment({ snapshot }));
      const second = await store.record(
        STAGING,
        deployment({
          action: 'rollback',
          taskId: 'task-2',
          restores: first.id,
          result: 'failed',
          createdAt: '2026-03-02T10:00:00.000Z',
        }),
      );
      await store.record(
        'environment:default/other',
        deployment({ taskId: 'task-3' }),
      );

      const listed = await store.list(STAGING, { limit: 10 });
      expect(listed.map(d => d.id)).toEqual([second.id, first.id]);
      expect(listed[1]).toEqual({
        id: first.id,
        environmentRef: STAGING,
        action: 'deploy',
        mode: 'cdk-app',
        actor: 'user:default/guest',
        result: 'succeeded',
        stackName: 'MacroAiWebStagingStack',
        stackStatus: 'UPDATE_COMPLETE',
        commit: '1a2b3c4',
        templateHash: 'a'.repeat(64),
        taskId: 'task-1',
        message: 'Deployed MacroAiWebStagingStack: UPDATE_COMPLETE',
        rollbackSnapshot: true,
        createdAt: '2026-03-01T10:00:00.000Z',
        finishedAt: '2026-03-01T10:04:00.000Z',
      });
      expect(listed[0]).toMatchObject({
        restores: first.id,
        rollbackSnapshot: false,
      });
      expect(JSON.stringify(listed)).not.toContain('AWS::SNS::Topic');
      expect(await store.snapshot(STAGING, first.id)).toEqual(snapshot);
      expect(await store.snapshot(STAGING, second.id)).toBeUndefined();
      expect(
        await store.snapshot('environment:default/other', first.id),
      ).toBeUndefined();
    });

    it('keeps one record per task and action: recording it again updates it', async () => {
      const store = await createStore();
      const first = await store.record(
        STAGING,
        deployment({ result: 'failed', message: 'Timed out' }),
      );
      const again = await store.record(
        STAGING,
        deployment({ snapshot, createdAt: '2026-03-01T11:00:00.000Z' }),
      );

      expect(again).toMatchObject({
        id: first.id,
        createdAt: first.createdAt,
        result: 'succeeded',
        rollbackSnapshot: true,
      });
      expect(await store.list(STAGING, { limit: 10 })).toEqual([again]);
      expect(await store.snapshot(STAGING, first.id)).toEqual(snapshot);
    });

    it('keeps a workflow run id beyond 32 bits', async () => {
      const store = await createStore();
      await store.record(
        STAGING,
        deployment({ mode: 'pipeline', runId: 9_120_000_001 }),
      );
      const [record] = await store.list(STAGING, { limit: 1 });
      expect(record.runId).toBe(9_120_000_001);
    });
  },
);
