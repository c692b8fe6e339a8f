import request from 'supertest';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { environmentsPolicyDecision } from '@stageline/plugin-environments-node';
import type { JsonObject } from '@backstage/types';
import { setupStandIns } from '../__testUtils__/standIns';
import {
  githubConfig,
  startEnvironmentsBackend,
} from '../__testUtils__/startEnvironmentsBackend';
import {
  apiComponent,
  productionEnvironment,
  REPO,
  REPO_LOCATION,
  stagingEnvironment,
} from '../__testUtils__/fixtures';

/*
 * What a promotion acts on comes from the component, checked when the promotion is asked for: the
 * catalog may still hold an Environment that was valid when it was processed (its component's
 * owner changed since, or it was ingested before its component), so the backend checks again.
 */

jest.setTimeout(60_000);

const standIns = setupStandIns();
const PROMOTE =
  '/api/environments/environments/default/macro-ai-api-staging/promote';

async function promoteWith(
  entities: object[],
  config: JsonObject = githubConfig,
  features: any[] = [],
) {
  standIns.github.push(REPO, 'develop', 1);
  const { server } = await startEnvironmentsBackend({
    config,
    entities: entities as any,
    features,
  });
  const res = await request(server)
    .post(PROMOTE)
    .set('Authorization', mockCredentials.user.header())
    .send({});
  expect(standIns.github.repo(REPO).pulls).toHaveLength(
    res.status === 200 ? 1 : 0,
  );
  return res;
}

/** Staging with another owner (and the ownedBy relation the catalog would emit for it). */
const ownedBy = (owner: string) => ({
  ...stagingEnvironment,
  spec: { ...stagingEnvironment.spec, owner },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

describe('promotion scope', () => {
  it("refuses an Environment not owned by its component's owner, changing nothing", async () => {
    const res = await promoteWith([
      apiComponent,
      ownedBy('user:default/mallory'),
      productionEnvironment,
    ]);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      "environment:default/macro-ai-api-staging is owned by user:default/mallory, but its component component:default/macro-ai-api is owned by group:default/team-a: an Environment must have its component's owner (or an owner in environments.security.trustedEnvironmentOwners)",
    );
  });

  it('accepts an owner listed in environments.security.trustedEnvironmentOwners', async () => {
    const res = await promoteWith(
      [apiComponent, ownedBy('group:default/platform'), productionEnvironment],
      {
        ...githubConfig,
        environments: {
          security: { trustedEnvironmentOwners: ['group:default/platform'] },
        },
      },
    );
    expect(res.status).toBe(200);
  });

  it("refuses an Environment that names another repository than its component's", async () => {
    const elsewhere = {
      ...stagingEnvironment,
      metadata: {
        ...stagingEnvironment.metadata,
        annotations: { 'github.com/project-slug': 'acme/payments' },
      },
    };
    const res = await promoteWith([
      apiComponent,
      elsewhere,
      productionEnvironment,
    ]);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      "environment:default/macro-ai-api-staging says its repository is acme/payments, but its component component:default/macro-ai-api lives in acme/macro-ai: the component's github.com/project-slug (or backstage.io/source-location) decides",
    );
  });

  it("takes the repository from the component's source location when it has no slug", async () => {
    const component = {
      ...apiComponent,
      metadata: {
        ...apiComponent.metadata,
        annotations: {
          'backstage.io/managed-by-location': REPO_LOCATION,
          'backstage.io/source-location':
            'url:https://github.com/acme/macro-ai/tree/main/',
        },
      },
    };
    const unannotated = (environment: typeof stagingEnvironment) => ({
      ...environment,
      metadata: { ...environment.metadata, annotations: {} },
    });
    const res = await promoteWith([
      component,
      unannotated(stagingEnvironment),
      unannotated(productionEnvironment),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.link).toBe('https://github.com/acme/macro-ai/pull/1');
  });

  it('refuses an Environment whose component is not in the catalog', async () => {
    const res = await promoteWith([stagingEnvironment, productionEnvironment]);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'environment:default/macro-ai-api-staging names component component:default/macro-ai-api, which is not in the catalog: register the component first',
    );
  });

  it("needs the permission on the source too: a trusted owner's staging is not alice's to promote from", async () => {
    // the example policy's decision for alice of team-a: her environments, not production
    const policy = mockServices.permissions.mock({
      authorizeConditional: async requests =>
        requests.map(
          ({ permission }) =>
            environmentsPolicyDecision(
              { permission } as any,
              {
                info: {
                  userEntityRef: 'user:default/alice',
                  ownershipEntityRefs: [
                    'user:default/alice',
                    'group:default/team-a',
                  ],
                },
              } as any,
              { productionPromoters: ['group:default/platform'] },
            )!,
        ) as any,
    });
    const teamStaging = {
      ...productionEnvironment,
      metadata: {
        ...productionEnvironment.metadata,
        name: 'macro-ai-api-production',
      },
      spec: {
        ...productionEnvironment.spec,
        type: 'staging',
        branch: 'release',
      },
    };
    const res = await promoteWith(
      [apiComponent, ownedBy('group:default/platform'), teamStaging],
      {
        ...githubConfig,
        environments: {
          security: { trustedEnvironmentOwners: ['group:default/platform'] },
        },
      },
      [policy.factory],
    );
    expect(res.body.error?.message).toBe(
      'user:default/mock may not promote into environment:default/macro-ai-api-production: you may not promote from environment:default/macro-ai-api-staging',
    );
    expect(res.status).toBe(403);
  });
});
