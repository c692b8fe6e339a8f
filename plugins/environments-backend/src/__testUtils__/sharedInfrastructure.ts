import net from 'node:net';
import { randomBytes } from 'node:crypto';

/** PostgreSQL for tests, as TestDatabases finds it (`BACKSTAGE_TEST_DATABASE_POSTGRES*`). */
export function postgresConnectionString(): string | undefined {
  return Object.entries(process.env).find(
    ([key, value]) =>
      /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(key) &&
      value,
  )?.[1];
}

/** Redis for tests: `STAGELINE_TEST_REDIS_URL`, else whatever answers on 127.0.0.1:6379. */
export async function redisUrl(): Promise<string | undefined> {
  if (process.env.STAGELINE_TEST_REDIS_URL) {
    return process.env.STAGELINE_TEST_REDIS_URL;
  }
  const answers = await new Promise<boolean>(resolve => {
    const socket = net.connect({ host: '127.0.0.1', port: 6379 });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
  return answers ? 'redis://127.0.0.1:6379' : undefined;
}

/**
 * `backend.database` and `backend.cache` config that several backend instances share: one
 * PostgreSQL with databases of their own for this run (a fresh prefix), one Redis under a fresh
 * namespace — as replicas behind a load balancer share them.
 */
export function sharedBackendConfig(postgres: string, redis: string) {
  const run = randomBytes(4).toString('hex');
  return {
    database: {
      client: 'pg',
      connection: postgres,
      prefix: `stageline_replicas_${run}_`,
    },
    cache: {
      store: 'redis',
      connection: redis,
      redis: { client: { namespace: `stageline-replicas-${run}` } },
    },
  };
}
