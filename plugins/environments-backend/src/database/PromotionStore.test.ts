import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import { PromotionStore } from './PromotionStore';

jest.setTimeout(60_000);

/** PostgreSQL ids run where BACKSTAGE_TEST_DATABASE_POSTGRES<NN>_CONNECTION_STRING is set. */
const ids: TestDatabaseId[] = ['SQLITE_3', 'POSTGRES_17', 'POSTGRES_15'];
const databases = TestDatabases.create({ ids });

const TARGET = 'environment:default/macro-ai-api-production';
const SOURCE = 'environment:default/macro-ai-api-staging';

async function createStore(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  return PromotionStore.create(mockServices.database({ knex }));
}

const attempt = (
  result: 'succeeded' | 'blocked' | 'dry-run',
  createdAt: string,
) => ({
  sourceRef: SOURCE,
  targetRef: TARGET,
  actor: 'user:default/jane',
  strategy: 'pull-request' as const,
  result,
  commits: [{ sha: 'a'.repeat(40), message: 'Fix' }],
  gates: [{ id: 'checks-green', status: 'passed' as const, message: 'green' }],
  link: 'https://github.com/acme/macro-ai/pull/1',
  message: 'done',
  createdAt,
  finishedAt: createdAt,
});

describe.each(databases.eachSupportedId())(
  'PromotionStore on %p',
  databaseId => {
    it('writes history and reads it back newest first, from either side', async () => {
      const store = await createStore(databaseId);
      const first = await store.record(
        attempt('succeeded', '2026-01-01T10:00:00.000Z'),
      );
      const second = await store.record(
        attempt('blocked', '2026-01-02T10:00:00.000Z'),
      );
      const third = await store.record(
        attempt('dry-run', '2026-01-02T10:00:00.000Z'),
      );

      const fromSource = await store.list(SOURCE, { limit: 10 });
      expect(fromSource.map(p => p.id)).toEqual([
        third.id,
        second.id,
        first.id,
      ]);
      expect(fromSource[2]).toEqual({
        ...attempt('succeeded', '2026-01-01T10:00:00.000Z'),
        id: first.id,
      });
      expect(await store.list(TARGET, { limit: 2 })).toHaveLength(2);
      expect(
        await store.list('environment:default/other', { limit: 10 }),
      ).toEqual([]);
      expect((await store.lastSucceeded(SOURCE))?.id).toBe(first.id);
    });

    it('keeps the workflow run id of a dispatched promotion, beyond 32 bits', async () => {
      const store = await createStore(databaseId);
      const dispatched = {
        ...attempt('succeeded', '2026-01-03T10:00:00.000Z'),
        strategy: 'workflow-dispatch' as const,
        runId: 9_876_543_210,
      };
      const written = await store.record(dispatched);
      const [read] = await store.list(SOURCE, { limit: 1 });
      expect(read).toEqual({ ...dispatched, id: written.id });
    });

    it('holds one lock per target, released by its holder or by expiry', async () => {
      const store = await createStore(databaseId);
      const now = new Date('2026-01-01T10:00:00Z');
      const holder = await store.tryLock(TARGET, 60_000, now);
      expect(holder).toBeDefined();
      expect(await store.tryLock(TARGET, 60_000, now)).toBeUndefined();
      expect(await store.tryLock(SOURCE, 60_000, now)).toBeDefined();

      await store.unlock(TARGET, 'not-the-holder');
      expect(await store.tryLock(TARGET, 60_000, now)).toBeUndefined();
      await store.unlock(TARGET, holder!);
      const next = await store.tryLock(TARGET, 60_000, now);
      expect(next).toBeDefined();

      const later = new Date(now.getTime() + 61_000);
      expect(await store.tryLock(TARGET, 60_000, later)).toBeDefined();
    });

    it('lets exactly one of many concurrent lockers win', async () => {
      const store = await createStore(databaseId);
      const results = await Promise.all(
        Array.from({ length: 8 }, () => store.tryLock(TARGET, 60_000)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  },
);

describe.each(
  databases.eachSupportedId().filter(([id]) => id.startsWith('POSTGRES')),
)('PromotionStore migrations on %p', databaseId => {
  it('succeed for two replicas starting at once on an empty database', async () => {
    const first = await databases.init(databaseId);
    const second = knexFactory({
      client: 'pg',
      connection: first.client.config.connection,
    });
    try {
      const stores = await Promise.all(
        [first, second].map(knex =>
          PromotionStore.create(mockServices.database({ knex })),
        ),
      );
      await stores[0].record(attempt('succeeded', '2026-01-01T10:00:00Z'));
      expect(await stores[1].list(TARGET, { limit: 10 })).toHaveLength(1);
    } finally {
      await second.destroy();
    }
  });
});
