import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import {
  createServiceFactory,
  coreServices,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { cacheServiceFactory } from '@backstage/backend-defaults/cache';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import type { JsonObject } from '@backstage/types';
import { setupStandIns } from './__testUtils__/standIns';
import {
  githubConfig,
  startEnvironmentsBackend,
} from './__testUtils__/startEnvironmentsBackend';
import { REPO } from './__testUtils__/fixtures';
import {
  postgresConnectionString,
  redisUrl,
  sharedBackendConfig,
} from './__testUtils__/sharedInfrastructure';

/*
 * Two instances of the backend behind one load balancer: one PostgreSQL (plugin databases,
 * promotion lock, scheduler) and one Redis (Backstage's cache service), as an operator runs
 * replicas. Real database, cache and scheduler services; GitHub and the health URL at the HTTP
 * edge. Runs where PostgreSQL and Redis answer (`make test` starts both when they are installed;
 * CI installs them).
 */

jest.setTimeout(120_000);

const standIns = setupStandIns();
const auth = mockCredentials.user.header();
const STATUS =
  '/api/environments/environments/default/macro-ai-api-staging/status';
const PROMOTE =
  '/api/environments/environments/default/macro-ai-api-staging/promote';

/** A logger that keeps when each scheduled refresh finished, per instance. */
function refreshRecorder() {
  const refreshes: number[] = [];
  const logger: LoggerService = {
    info: message => {
      if (message.startsWith('Refreshed the status of')) {
        refreshes.push(Date.now());
      }
    },
    warn: () => {},
    error: () => {},
    debug: () => {},
    child: () => logger,
  };
  const factory = createServiceFactory({
    service: coreServices.logger,
    deps: {},
    factory: () => logger,
  });
  return { refreshes, factory };
}

let shared: { database: JsonObject; cache: JsonObject } | undefined;

beforeAll(async () => {
  const postgres = postgresConnectionString();
  const redis = await redisUrl();
  if (postgres && redis) shared = sharedBackendConfig(postgres, redis);
  else {
    // eslint-disable-next-line no-console
    console.warn(
      `replica tests skipped: ${
        postgres
          ? ''
          : 'no PostgreSQL (BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING) '
      }${redis ? '' : 'no Redis (127.0.0.1:6379 or STAGELINE_TEST_REDIS_URL)'}`,
    );
  }
});

/** One replica: the real database, cache and scheduler services on the shared servers. */
function replica(environments: JsonObject, features: any[] = []) {
  return startEnvironmentsBackend({
    config: { ...githubConfig, backend: shared, environments },
    features: [
      databaseServiceFactory,
      cacheServiceFactory,
      schedulerServiceFactory,
      ...features,
    ],
  });
}

/**
 * Starts replicas one after the other, as a rolling deployment does: Backstage's own scheduler
 * migrations race when two instances start on an empty database at the same moment.
 */
async function startInTurn<T>(...starts: Array<() => Promise<T>>) {
  const started: T[] = [];
  for (const start of starts) started.push(await start());
  return started;
}

describe('two replicas on one PostgreSQL and one Redis', () => {
  it('refresh every environment once per interval across the replicas, not once per replica', async () => {
    if (!shared) return; // no PostgreSQL or Redis here: said in beforeAll
    const intervalMs = 2000;
    const a = refreshRecorder();
    const b = refreshRecorder();
    const status = {
      scheduledRefresh: true,
      refreshInterval: { milliseconds: intervalMs },
      refreshInitialDelay: { milliseconds: 200 },
    };
    const replicas = await startInTurn(
      () => replica({ status }, [a.factory]),
      () => replica({ status }, [b.factory]),
    );
    try {
      await sleep(5 * intervalMs);
    } finally {
      await Promise.all(replicas.map(r => r.stop()));
    }
    const runs = [...a.refreshes, ...b.refreshes];
    expect(runs.length).toBeGreaterThanOrEqual(2);
    // Five intervals hold at most six runs (the first after the initial delay); with a refresh
    // per replica there would be ten or more. The gaps between runs are not asserted: the
    // scheduler keeps to its nominal times, so a run that started late on a loaded machine is
    // followed by one less than an interval later.
    expect(runs.length).toBeLessThanOrEqual(6);
  });

  it('answer 409 on one replica while a promotion into the same target runs on the other', async () => {
    if (!shared) return; // no PostgreSQL or Redis here: said in beforeAll
    const [a, b] = await startInTurn(
      () => replica({}),
      () => replica({}),
    );
    try {
      standIns.github.push(REPO, 'develop', 2, 'Feature');
      standIns.github.delayMs = 1500;
      const first = request(a.server)
        .post(PROMOTE)
        .set('Authorization', auth)
        .send({});
      const firstDone = first.then(res => res);
      await sleep(700);
      const second = await request(b.server)
        .post(PROMOTE)
        .set('Authorization', auth)
        .send({});
      expect(second.status).toBe(409);
      expect(second.body.error.message).toBe(
        'A promotion into environment:default/macro-ai-api-production is already running; try again when it has finished',
      );
      expect((await firstDone).status).toBe(200);
      standIns.github.delayMs = 0;
      const history = await request(b.server)
        .get(
          '/api/environments/environments/default/macro-ai-api-staging/promotions',
        )
        .set('Authorization', auth);
      expect(history.body.items).toHaveLength(1);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('serve from the shared cache on one replica a status the other computed', async () => {
    if (!shared) return; // no PostgreSQL or Redis here: said in beforeAll
    const [a, b] = await startInTurn(
      () => replica({}),
      () => replica({}),
    );
    try {
      const computed = await request(a.server)
        .get(STATUS)
        .set('Authorization', auth);
      expect(computed.status).toBe(200);
      const githubCalls = standIns.github.rateLimitUnits();
      const probes = standIns.health.requests;
      expect(probes).toBeGreaterThan(0);

      const served = await request(b.server)
        .get(STATUS)
        .set('Authorization', auth);
      expect(served.body).toEqual(computed.body);
      expect(standIns.github.rateLimitUnits()).toBe(githubCalls);
      expect(standIns.health.requests).toBe(probes);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
