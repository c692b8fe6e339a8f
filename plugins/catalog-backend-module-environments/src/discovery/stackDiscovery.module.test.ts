import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { setupServer } from 'msw/node';
import type {
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { ACCOUNT, AwsStandIn, DEPLOYER_KEYS } from '@stageline/aws-stand-in';
import { catalogModuleEnvironments } from '../module';
import { entitiesLocation } from '../__testUtils__/entitiesLocation';
import { SMALL_TEMPLATE, tags } from '../__testUtils__/discoveryFixtures';

// AWS at its HTTP edge (the stand-in answers DescribeStacks as the CloudFormation API Reference says).
const server = setupServer();
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

describe('CloudFormation discovery in the catalog', () => {
  jest.setTimeout(90_000);

  it("adds the Environments of discovered stacks and fills a declared Environment's gaps, without duplicating it", async () => {
    const aws = new AwsStandIn(server);
    const cloudFormation = aws.cloudFormation('eu-west-2', ACCOUNT);
    cloudFormation.seedStack('MacroAiStagingStack', SMALL_TEMPLATE, {
      tags: tags({ 'stageline:stage': 'staging', 'stageline:app': 'macro-ai' }),
    });
    cloudFormation.seedStack('BillingProductionStack', SMALL_TEMPLATE, {
      tags: tags({
        'stageline.dev/stage': 'production',
        'stageline.dev/app': 'billing',
      }),
    });
    const scheduler = mockServices.scheduler() as SchedulerService & {
      factory(): ServiceFactory<SchedulerService, 'plugin'>;
    };
    const declared = {
      apiVersion: 'stageline.dev/v1alpha1',
      kind: 'Environment',
      metadata: { name: 'macro-ai-api-staging' },
      spec: {
        type: 'staging',
        owner: 'group:default/platform',
        component: 'component:default/macro-ai-api',
        scale: 'hobby',
        deployment: {
          provider: 'cloudformation',
          stackName: 'MacroAiStagingStack',
        },
      },
    };
    const backend = await startTestBackend({
      features: [
        scheduler.factory(),
        catalogPlugin,
        catalogModuleEnvironments,
        mockServices.rootConfig.factory({
          data: {
            aws: { accounts: [{ accountId: ACCOUNT, ...DEPLOYER_KEYS }] },
            catalog: {
              rules: [{ allow: ['Component', 'Environment', 'Location'] }],
              locations: [
                { type: 'file', target: entitiesLocation([declared as any]) },
              ],
              providers: {
                stagelineStacks: {
                  regions: ['eu-west-2'],
                  defaultOwner: 'group:default/platform',
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
    const get = (name: string) =>
      request(backend.server).get(
        `/api/catalog/entities/by-name/environment/default/${name}`,
      );
    try {
      await waitFor(async () =>
        (await get('macro-ai-api-staging')).status === 200 ? true : undefined,
      );
      await scheduler.triggerTask('stageline-stacks:refresh');
      const billing = await waitFor(async () => {
        const res = await get('billing-production');
        return res.status === 200 ? res.body : undefined;
      });
      expect(billing.spec).toMatchObject({
        type: 'production',
        owner: 'group:default/platform',
        deployment: {
          stackName: 'BillingProductionStack',
          region: 'eu-west-2',
          accountId: ACCOUNT,
        },
      });

      // The declared staging is not duplicated; processed again, it gets its region and account.
      await request(backend.server)
        .post('/api/catalog/refresh')
        .set('Authorization', mockCredentials.service.header())
        .send({ entityRef: 'environment:default/macro-ai-api-staging' })
        .expect(200);
      const staging = await waitFor(async () => {
        const res = await get('macro-ai-api-staging');
        return res.body.spec?.deployment?.region ? res.body : undefined;
      });
      expect(staging.spec.deployment).toEqual({
        provider: 'cloudformation',
        stackName: 'MacroAiStagingStack',
        region: 'eu-west-2',
        accountId: ACCOUNT,
      });
      expect(
        staging.metadata.annotations['stageline.dev/discovered-stack'],
      ).toMatch(
        /^arn:aws:cloudformation:eu-west-2:123456789012:stack\/MacroAiStagingStack\//,
      );
      const all = await request(backend.server).get(
        '/api/catalog/entities?filter=kind=environment',
      );
      expect(all.body.map((e: any) => e.metadata.name).sort()).toEqual([
        'billing-production',
        'macro-ai-api-staging',
      ]);
    } finally {
      await backend.stop();
    }
  });
});
