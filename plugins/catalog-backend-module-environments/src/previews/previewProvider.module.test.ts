import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { setupServer } from 'msw/node';
import type {
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { GithubStandIn } from '@stageline/github-stand-in';
import { catalogModuleEnvironments } from '../module';
import { entitiesLocation } from '../__testUtils__/entitiesLocation';
import {
  component,
  GITHUB_TOKEN,
  SLUG,
  staging,
} from '../__testUtils__/previewFixtures';

const github = new GithubStandIn();
const server = setupServer(...github.handlers());
beforeAll(() =>
  server.listen({
    onUnhandledRequest(req, print) {
      if (
        !['127.0.0.1', 'localhost', '::1'].includes(new URL(req.url).hostname)
      )
        print.error();
    },
  }),
);
afterAll(() => server.close());

async function waitFor<T>(fn: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const value = await fn();
    if (value !== undefined) return value;
    await sleep(200);
  }
  throw new Error('condition not met within 30 s');
}

describe('the preview provider in the catalog', () => {
  jest.setTimeout(90_000);

  it('is installed from catalog.providers.stagelinePreviews and runs on its schedule', async () => {
    github.reset();
    github.addRepo(SLUG, ['main', 'develop']);
    github.push(SLUG, 'feature/streaming');
    const number = github.openPull(
      SLUG,
      'feature/streaming',
      'develop',
      'Stream',
      { author: 'alice' },
    );
    // Backstage's mock scheduler runs a task in the test when triggered; its factory installs it.
    const scheduler = mockServices.scheduler() as SchedulerService & {
      factory(): ServiceFactory<SchedulerService, 'plugin'>;
    };
    const backend = await startTestBackend({
      features: [
        scheduler.factory(),
        catalogPlugin,
        catalogModuleEnvironments,
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [{ host: 'github.com', token: GITHUB_TOKEN }],
            },
            catalog: {
              rules: [{ allow: ['Component', 'Environment', 'Location'] }],
              locations: [
                {
                  type: 'file',
                  target: entitiesLocation([component(), staging()]),
                },
              ],
              providers: {
                stagelinePreviews: {
                  schedule: {
                    frequency: { trigger: 'manual' },
                    timeout: { minutes: 1 },
                  },
                },
              },
            },
          },
        }),
      ],
    });
    const preview = `macro-ai-api-pr-${number}`;
    const trigger = () => scheduler.triggerTask('stageline-previews:refresh');
    const find = () =>
      request(backend.server).get(
        `/api/catalog/entities/by-name/environment/default/${preview}`,
      );
    try {
      // The provider reads once the declaring Environment and its component are in the catalog.
      await waitFor(async () => {
        const res = await request(backend.server).get(
          '/api/catalog/entities/by-name/environment/default/macro-ai-api-staging',
        );
        return res.status === 200 ? true : undefined;
      });
      const emitted = await waitFor(async () => {
        await trigger();
        const res = await find();
        return res.status === 200 && res.body.relations?.length
          ? res.body
          : undefined;
      });
      expect(emitted.spec).toMatchObject({
        type: 'preview',
        branch: 'feature/streaming',
      });
      expect(
        emitted.relations.map((r: any) => `${r.type} ${r.targetRef}`).sort(),
      ).toEqual([
        'environmentOf component:default/macro-ai-api',
        'ownedBy group:default/platform',
        'partOf system:default/macro-ai',
      ]);

      github.closePull(SLUG, number);
      await waitFor(async () => {
        await trigger();
        return (await find()).status === 404 ? true : undefined;
      });
    } finally {
      await backend.stop();
    }
  });
});
