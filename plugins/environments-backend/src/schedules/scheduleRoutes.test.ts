import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { edgeConfig, useEdgeStandIns } from '../__testUtils__/previews';
import {
  component,
  scheduledStaging,
  SERVICE_TEMPLATE,
} from '../__testUtils__/schedules';
import { startEnvironmentsBackend } from '../__testUtils__/startEnvironmentsBackend';

jest.setTimeout(120_000);

// AWS at its HTTP edge (see ScheduleRunner.test.ts for the references).
const edge = useEdgeStandIns();

const BASE = '/api/environments/environments/default/macro-ai-web-staging';

async function backend(allowed = true) {
  const auditor = mockServices.auditor.mock();
  const policy = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({
        result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      })) as any,
  });
  const { server } = await startEnvironmentsBackend({
    config: { ...edgeConfig, environments: { schedules: { enabled: false } } },
    entities: [component, scheduledStaging()],
    features: [policy.factory, auditor.factory],
  });
  return { server, auditor };
}

async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (done(value)) return value;
    await sleep(50);
  }
  throw new Error('not reached in 10 s');
}

describe('Stop now, Start now and keep running', () => {
  it('stop and start a scheduled environment for a user allowed environments.deploy, audited, the status following', async () => {
    const stack = edge.aws
      .cloudFormation()
      .seedStack('MacroAiWebStagingStack', SERVICE_TEMPLATE, {
        tags: [{ Key: 'stageline.dev/stage', Value: 'staging' }],
      });
    const tasks = () =>
      edge.aws.ecs().service(stack.resources.get('Api')!.physicalId)
        .desiredCount;
    const { server, auditor } = await backend();
    const status = async () =>
      (await request(server).get(`${BASE}/status`)).body;

    expect((await status()).schedule).toMatchObject({
      state: 'running',
      nextShutdown: expect.stringMatching(/T18:00:00\.000Z$/),
      nextStartup: expect.stringMatching(/T08:00:00\.000Z$/),
    });
    const stop = await request(server).post(`${BASE}/stop`).send();
    expect(stop.status).toBe(202);
    const stopped = await until(status, s => s.schedule?.state === 'stopped');
    expect(stopped.schedule).toMatchObject({
      method: 'scale-to-zero',
      lastActor: 'user:default/mock',
    });
    expect(tasks()).toBe(0);

    expect((await request(server).post(`${BASE}/start`).send()).status).toBe(
      202,
    );
    await until(status, s => s.schedule?.state === 'running');
    expect(tasks()).toBe(1);

    const events = auditor.createEvent.mock.calls.map(
      ([options]) => options.eventId,
    );
    expect(events).toEqual([
      'environment-stop-request',
      'environment-stop',
      'environment-start-request',
      'environment-start',
    ]);
  });

  it('keeps a running environment up until a time, and refuses a time that makes no sense', async () => {
    const { server } = await backend();
    const bad = await request(server)
      .post(`${BASE}/keep-running`)
      .send({ until: 'tonight' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'Invalid keep-running request: until must be a time (ISO 8601) in the next 7 days, or null to end the override; got "tonight"',
    );
    const later = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const ok = await request(server)
      .post(`${BASE}/keep-running`)
      .send({ until: later });
    expect(ok.status).toBe(200);
    const { body } = await request(server).get(`${BASE}/status`);
    expect(body.schedule).toMatchObject({
      keepRunningUntil: later,
      keepRunningBy: 'user:default/mock',
    });
    await request(server)
      .post(`${BASE}/keep-running`)
      .send({ until: null })
      .expect(200);
    expect(
      (await request(server).get(`${BASE}/status`)).body.schedule
        .keepRunningUntil,
    ).toBeUndefined();
  });

  it('refuses a user not allowed environments.deploy on the stack, changing nothing', async () => {
    const { server, auditor } = await backend(false);
    const res = await request(server).post(`${BASE}/stop`).send();
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'You are not allowed environments.deploy on environment:default/macro-ai-web-staging',
    );
    const event = await auditor.createEvent.mock.results[0].value;
    expect(event.fail).toHaveBeenCalled();
    expect(edge.aws.calls('ecs')).toEqual([]);
  });
});
