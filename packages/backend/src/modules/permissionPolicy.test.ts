import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { setupServer } from 'msw/node';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import permissionPlugin from '@backstage/plugin-permission-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleEnvironments from '@stageline/plugin-catalog-backend-module-environments';
import environmentsPlugin from '@stageline/plugin-environments-backend';
import permissionPolicyModule from './permissionPolicy';
import { catalogYaml, ownershipOf } from './__testUtils__/exampleOrg';
import { GithubRepository } from './__testUtils__/githubRepository';
import { onBehalfOfAuthServiceFactory } from './__testUtils__/onBehalfOfAuth';

/*
 * The example policy end to end: the environments plugin asks the real permission backend,
 * whose policy (./permissionPolicy) answers ALLOW for platform members and a conditional
 * decision for everyone else; the permission backend then has the environments plugin apply
 * those conditions to the target Environment (its apply-conditions endpoint), which is read from
 * the real catalog. Only GitHub (msw) and the identity of the caller are stand-ins.
 */

jest.setTimeout(90_000);

const REPO = 'acme/macro-ai';
const github = new GithubRepository(REPO, ['feature', 'develop', 'main']);
const msw = setupServer(...github.handlers());

beforeAll(() =>
  msw.listen({
    onUnhandledRequest: (req, print) => {
      if (new URL(req.url).hostname.endsWith('github.com')) print.error();
    },
  }),
);
afterAll(() => msw.close());

/**
 * The permission backend asks `userInfo` for the caller's ownership refs; with mock tokens
 * there is no signed `ent` claim to read them from, so they come from the same org the catalog
 * holds (what the auth backend's default sign-in resolver would have put in the token).
 */
const userInfoFromOrg = mockServices.userInfo.mock({
  async getUserInfo(credentials: BackstageCredentials) {
    const principal = credentials.principal as { userEntityRef: string };
    return {
      userEntityRef: principal.userEntityRef,
      ownershipEntityRefs: ownershipOf(principal.userEntityRef),
    };
  },
});

async function startBackend() {
  const dir = mkdtempSync(join(tmpdir(), 'stageline-policy-'));
  const catalogFile = join(dir, 'catalog.yaml');
  writeFileSync(catalogFile, catalogYaml(REPO));
  const backend = await startTestBackend({
    features: [
      permissionPlugin,
      permissionPolicyModule,
      catalogPlugin,
      catalogModuleEnvironments,
      environmentsPlugin,
      userInfoFromOrg.factory,
      onBehalfOfAuthServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          catalog: {
            rules: [{ allow: ['Component', 'Group', 'User', 'Environment'] }],
            locations: [{ type: 'file', target: catalogFile }],
          },
          integrations: {
            github: [
              {
                host: 'github.com',
                token: 'ghp_testtokentesttokentesttoken1234',
              },
            ],
          },
          environments: { status: { scheduledRefresh: false } },
        },
      }),
    ],
  });
  await waitForEnvironments(backend.server, 3);
  return backend;
}

/** Waits until the catalog has processed `count` environments (with their relations). */
async function waitForEnvironments(server: any, count: number) {
  for (let attempt = 0; attempt < 150; attempt++) {
    const res = await request(server)
      .get('/api/catalog/entities?filter=kind=environment')
      .set('Authorization', mockCredentials.service.header());
    const processed = (res.body as any[]).filter(e => e.relations?.length);
    if (processed.length === count) return;
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`the catalog did not process ${count} environments`);
}

function promote(server: any, source: string, user: string) {
  return request(server)
    .post(`/api/environments/environments/default/${source}/promote`)
    .set('Authorization', mockCredentials.user.header(user))
    .send({});
}

describe('the example permission policy through the real permission backend', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  beforeAll(async () => {
    backend = await startBackend();
  });
  afterAll(() => backend?.stop());
  beforeEach(() => github.reset());

  it('lets an owner (alice of team-a) promote into staging', async () => {
    github.push('feature', 2);
    const res = await promote(
      backend.server,
      'macro-ai-api-development',
      'user:default/alice',
    );
    expect(res.body.error).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      targetRef: 'environment:default/macro-ai-api-staging',
      actor: 'user:default/alice',
      result: 'succeeded',
    });
    expect(github.pulls).toEqual([
      expect.objectContaining({ head: 'feature', base: 'develop' }),
    ]);
  });

  it('refuses the same owner promotion into production (403), changing nothing', async () => {
    github.push('develop', 2);
    const res = await promote(
      backend.server,
      'macro-ai-api-staging',
      'user:default/alice',
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'user:default/alice may not promote into environment:default/macro-ai-api-production',
    );
    expect(github.pulls).toEqual([]);
  });

  it('lets a member of platform (guest) promote into production', async () => {
    github.push('develop', 2);
    const res = await promote(
      backend.server,
      'macro-ai-api-staging',
      'user:default/guest',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      targetRef: 'environment:default/macro-ai-api-production',
      result: 'succeeded',
    });
    expect(github.pulls).toEqual([
      expect.objectContaining({ head: 'develop', base: 'main' }),
    ]);
  });

  it('refuses someone who neither owns the target nor is in platform', async () => {
    github.push('feature', 1);
    const res = await promote(
      backend.server,
      'macro-ai-api-development',
      'user:default/bob',
    );
    expect(res.status).toBe(403);
  });
});
