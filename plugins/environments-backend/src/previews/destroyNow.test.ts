import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { apiComponent, environmentEntity } from '../__testUtils__/fixtures';
import {
  edgeConfig,
  modelledOn,
  previewStackTags,
  providerPreview,
  SLUG,
  SMALL_TEMPLATE,
  useEdgeStandIns,
} from '../__testUtils__/previews';
import { startEnvironmentsBackend } from '../__testUtils__/startEnvironmentsBackend';

jest.setTimeout(120_000);

// AWS and GitHub at their HTTP edge (see PreviewCleanup.test.ts for the references).
const edge = useEdgeStandIns();

const PREVIEW = 'environment:default/macro-ai-api-pr-1';
const DESTROY =
  '/api/environments/environments/default/macro-ai-api-pr-1/destroy';
const STATUS =
  '/api/environments/environments/default/macro-ai-api-pr-1/status';

/** The policy: environments.destroy allowed everywhere but on the refs given. */
function policyDenying(...denied: string[]) {
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(({ resourceRef }: any) => ({
        result: denied.includes(resourceRef)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })) as any,
  });
}

async function backend(
  entities = [apiComponent, modelledOn, providerPreview(1)],
  denied: string[] = [],
) {
  const auditor = mockServices.auditor.mock();
  const { server } = await startEnvironmentsBackend({
    config: {
      ...edgeConfig,
      environments: { previews: { cleanup: { enabled: false } } },
    },
    entities,
    features: [policyDenying(...denied).factory, auditor.factory],
  });
  return { server, auditor };
}

const stackStatus = (name: string) =>
  edge.aws.cloudFormation().stacks.find(s => s.stackName === name)?.status;

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

describe('Destroy now', () => {
  beforeEach(() => {
    edge.github.openPull(SLUG, 'develop', 'main');
    edge.aws.cloudFormation().seedStack('MacroAiPr1Stack', SMALL_TEMPLATE, {
      tags: previewStackTags(1),
    });
  });

  it("destroys a preview's stack for a user allowed environments.destroy on it, audited", async () => {
    const { server, auditor } = await backend();
    const res = await request(server).post(DESTROY).send();
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ entityRef: PREVIEW, state: 'requested' });

    const status = await until(
      async () => (await request(server).get(STATUS)).body,
      body => body.preview?.cleanup.state === 'destroyed',
    );
    expect(stackStatus('MacroAiPr1Stack')).toBe('DELETE_COMPLETE');
    expect(status.preview.cleanup).toMatchObject({
      state: 'destroyed',
      reason: 'requested',
      requestedBy: 'user:default/mock',
    });
    const events = auditor.createEvent.mock.calls.map(([options]) => options);
    expect(events).toEqual([
      expect.objectContaining({
        eventId: 'environment-destroy',
        severityLevel: 'high',
        meta: {
          environment: PREVIEW,
          actor: 'user:default/mock',
          via: 'destroy-now',
        },
      }),
      expect.objectContaining({
        eventId: 'environment-preview-destroy',
        meta: expect.objectContaining({
          reason: 'requested',
          actor: 'user:default/mock',
        }),
      }),
    ]);
    const request0 = await auditor.createEvent.mock.results[0].value;
    expect(request0.success).toHaveBeenCalledWith({
      meta: { authorizedOn: [PREVIEW], stack: 'MacroAiPr1Stack' },
    });
  });

  it('is refused when any Environment describing the stack is denied, and touches nothing', async () => {
    // Someone registered a production Environment naming the preview's stack: the strictest decides.
    const squatter = environmentEntity('macro-ai-api-production', {
      type: 'production',
      deployment: {
        provider: 'cloudformation',
        stackName: 'MacroAiPr1Stack',
        region: 'eu-west-2',
        accountId: '123456789012',
      },
    });
    const { server, auditor } = await backend(
      [apiComponent, modelledOn, providerPreview(1), squatter],
      ['environment:default/macro-ai-api-production'],
    );
    const res = await request(server).post(DESTROY).send();
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'You are not allowed environments.destroy on environment:default/macro-ai-api-production (the Environment of stack MacroAiPr1Stack)',
    );
    expect(stackStatus('MacroAiPr1Stack')).toBe('CREATE_COMPLETE');
    const event = await auditor.createEvent.mock.results[0].value;
    expect(event.fail).toHaveBeenCalled();
    expect((await request(server).get(STATUS)).body.preview.cleanup.state).toBe(
      'scheduled',
    );
  });

  it('only destroys previews', async () => {
    const { server } = await backend();
    const res = await request(server)
      .post(
        '/api/environments/environments/default/macro-ai-api-staging/destroy',
      )
      .send();
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(
      /^environment:default\/macro-ai-api-staging is a staging Environment: only previews are destroyed from here/,
    );
  });

  it("shows a preview's pull request, author, time left and cost so far in its status", async () => {
    const { server } = await backend();
    const { body } = await request(server).get(STATUS);
    expect(body.preview).toMatchObject({
      pullRequest: {
        number: 1,
        url: `https://github.com/${SLUG}/pull/1`,
        author: 'alice',
        branch: 'feature/1',
        openedAt: '2026-03-01T09:00:00Z',
      },
      lastPushAt: '2026-03-02T09:00:00Z',
      ttl: '72h',
      cleanupAt: '2026-03-05T09:00:00.000Z',
      cleanup: { state: 'scheduled' },
    });
    // The reference profile's monthly estimate, for the hours since the pull request opened.
    const hours = (Date.now() - Date.parse('2026-03-01T09:00:00Z')) / 3_600_000;
    expect(body.preview.costSoFar.currency).toBe(body.cost.currency);
    expect(body.preview.costSoFar.amount).toBeCloseTo(
      (body.cost.estimate.monthly * hours) / 730,
      2,
    );
  });
});
