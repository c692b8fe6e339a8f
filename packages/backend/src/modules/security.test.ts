import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { http as mswHttp, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogYaml } from './__testUtils__/exampleOrg';
import { GithubRepository } from './__testUtils__/githubRepository';
import {
  promote,
  startStagelineBackend,
  waitForEnvironments,
} from './__testUtils__/stagelineBackend';

/*
 * Attacks from issue #9, replayed at the HTTP level through the real local backend (permission
 * backend with the example policy, catalog with the Environment kind, environments plugin).
 * Mallory is a signed-in user in no group whose repository's catalog-info.yaml the catalog
 * ingests, as an organisation's discovery of every repository would: she can put any entity in
 * the catalog. GitHub is answered at its HTTP edge; the "internal" services are real servers on
 * this machine.
 */

jest.setTimeout(120_000);

const REPO = 'acme/macro-ai';
const MALLORY = 'user:default/mallory';
const SECRETS = [
  'AKIAIOSFODNN7EXAMPLE',
  'ghp_internalTokenInternalToken1234567',
];

/** Where the catalog reads Mallory's repository's catalog-info.yaml (answered below). */
const MALLORY_CATALOG_URL = 'https://catalog.mallory.test/catalog-info.yaml';

const github = new GithubRepository(REPO, ['feature', 'develop', 'main']);
const githubRequests: string[] = [];
const msw = setupServer(
  ...github.handlers(),
  mswHttp.get(MALLORY_CATALOG_URL, () => HttpResponse.text(malloryCatalog())),
);
msw.events.on('request:start', ({ request: r }) => {
  if (new URL(r.url).hostname.endsWith('github.com')) {
    githubRequests.push(`${r.method} ${new URL(r.url).pathname}`);
  }
});
const githubWrites = () => githubRequests.filter(r => !r.startsWith('GET '));

/** A server on 127.0.0.1 that counts requests and answers with `handler`. */
async function localServer(handler: http.RequestListener) {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return { server, hits, port: (server.address() as AddressInfo).port };
}

let internal: Awaited<ReturnType<typeof localServer>>;
let allowed: Awaited<ReturnType<typeof localServer>>;
let bytesWritten = 0;

function entity(kind: string, name: string, spec: object, annotations = {}) {
  const apiVersion =
    kind === 'Environment' ? 'stageline.dev/v1alpha1' : 'backstage.io/v1alpha1';
  return { apiVersion, kind, metadata: { name, annotations }, spec };
}

function malloryEnvironment(name: string, spec: object) {
  return entity('Environment', name, {
    type: 'development',
    owner: MALLORY,
    component: 'component:default/evil-svc',
    scale: 'hobby',
    ...spec,
  });
}

/** Mallory's repository's catalog-info.yaml. */
function malloryCatalog(): string {
  const probe = (name: string, url: string) =>
    malloryEnvironment(name, { healthCheck: { url } });
  const entities = [
    entity(
      'Component',
      'evil-svc',
      { type: 'service', lifecycle: 'experimental', owner: MALLORY },
      { 'github.com/project-slug': REPO },
    ),
    malloryEnvironment('evil-src2', {
      branch: 'develop',
      promotesTo: 'environment:default/evil-tgt',
    }),
    malloryEnvironment('evil-tgt', { type: 'staging', branch: 'main' }),
    malloryEnvironment('evil-cross', {
      branch: 'feature',
      promotesTo: 'environment:default/macro-ai-api-staging',
    }),
    entity('Environment', 'evil-squat', {
      type: 'staging',
      owner: MALLORY,
      component: 'component:default/macro-ai-api',
      scale: 'hobby',
      branch: 'main',
    }),
    probe(
      'evil-probe-metadata',
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    ),
    probe('evil-probe-loopback', `http://127.0.0.1:${internal.port}/secrets`),
    probe('evil-probe-localhost', `http://localhost:${internal.port}/secrets`),
    probe('evil-probe-private', 'http://10.0.0.1/admin'),
    probe('evil-probe-redirect', `http://127.0.0.1:${allowed.port}/redirect`),
    probe('evil-probe-echo', `http://127.0.0.1:${allowed.port}/echo`),
    probe('evil-probe-big', `http://127.0.0.1:${allowed.port}/big`),
  ];
  return entities.map(e => `---\n${JSON.stringify(e)}\n`).join('');
}

let backend: Awaited<ReturnType<typeof startStagelineBackend>>;

beforeAll(async () => {
  msw.listen({ onUnhandledRequest: 'bypass' });
  internal = await localServer((_req, res) =>
    res.end(
      JSON.stringify({ aws_secret_access_key: SECRETS[0], token: SECRETS[1] }),
    ),
  );
  allowed = await localServer((req, res) => {
    if (req.url === '/redirect') {
      res.writeHead(302, {
        location: `http://127.0.0.1:${internal.port}/secrets`,
      });
      res.end();
    } else if (req.url === '/big') {
      const chunk = Buffer.alloc(64 * 1024, ' ');
      const pump = (): void => {
        while (bytesWritten < 50 * 1024 * 1024) {
          bytesWritten += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      req.socket.on('close', () => res.destroy());
      pump();
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: SECRETS[0],
          checks: { [SECRETS[1]]: { status: 'ok' }, db: { status: 'up' } },
          env: { AWS_SECRET_ACCESS_KEY: SECRETS[0] },
        }),
      );
    }
  });
  backend = await startStagelineBackend({
    catalogs: [catalogYaml(REPO)],
    config: {
      backend: { reading: { allow: [{ host: 'catalog.mallory.test' }] } },
      environments: {
        // Mallory writes at a location the operator trusts (as anyone may in a shared catalog
        // repository), so her promotions get past the repository check to the branch guard.
        security: { trustedLocations: [`url:${MALLORY_CATALOG_URL}`] },
        // the operator allows every public host, and names one internal health endpoint
        health: { allowedHosts: ['*', `127.0.0.1:${allowed.port}`] },
      },
    },
  });
  await waitForEnvironments(backend.server, ['macro-ai-api-production']);
  // Mallory's repository is registered once the organisation's catalog is in, as it would be
  // by a discovery provider finding a new repository.
  const registered = await request(backend.server)
    .post('/api/catalog/locations')
    .set('Authorization', mockCredentials.user.header('user:default/guest'))
    .send({ type: 'url', target: MALLORY_CATALOG_URL });
  if (registered.status !== 201) {
    throw new Error(`registering Mallory's repository: ${registered.text}`);
  }
  await waitForEnvironments(backend.server, [
    'evil-src2',
    'evil-tgt',
    'evil-cross',
    'evil-probe-big',
  ]);
});
afterAll(async () => {
  await backend?.stop();
  msw.close();
  internal?.server.close();
  allowed?.server.close();
});
beforeEach(() => {
  github.reset();
  githubRequests.length = 0;
});

describe('promotion through self-registered Environments', () => {
  it('refuses a self-registered "staging" on the production branch of the real repository, for every strategy and in a dry run', async () => {
    github.push('develop', 2);
    for (const body of [
      {},
      { strategy: 'workflow-dispatch' },
      { strategy: 'merge' },
      { dryRun: true },
    ]) {
      const res = await promote(backend.server, 'evil-src2', MALLORY, body);
      expect([JSON.stringify(body), res.status]).toEqual([
        JSON.stringify(body),
        403,
      ]);
      expect(res.body.error.message).toBe(
        'user:default/mallory may not promote into environment:default/evil-tgt: ' +
          'it writes to branch main of acme/macro-ai, which environment:default/macro-ai-api-production (production) also runs; ' +
          'main is the default branch of acme/macro-ai, which counts as production',
      );
    }
    expect(githubWrites()).toEqual([]);
    expect(github.pulls).toEqual([]);
  });

  it("does not let an Environment of someone else's component into the catalog", async () => {
    const res = await request(backend.server)
      .get('/api/catalog/entities/by-name/environment/default/evil-squat')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(404);
  });

  it("refuses a promotion into another component's environment", async () => {
    github.push('feature', 1);
    const res = await promote(backend.server, 'evil-cross', MALLORY);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      "environment:default/evil-cross (component component:default/evil-svc) promotes into environment:default/macro-ai-api-staging of another component (component:default/macro-ai-api): a promotion stays within one component's repository",
    );
    expect(githubWrites()).toEqual([]);
  });
});

describe('catalog mutations under the example policy', () => {
  it('refuses mallory registering a location or deleting an entity, and lets platform do it', async () => {
    const register = (user: string) =>
      request(backend.server)
        .post('/api/catalog/locations?dryRun=true')
        .set('Authorization', mockCredentials.user.header(user))
        .send({
          type: 'url',
          target: 'https://github.com/acme/evil/blob/main/catalog-info.yaml',
        });
    expect((await register(MALLORY)).status).toBe(403);
    expect((await register('user:default/guest')).status).not.toBe(403);

    const users = await request(backend.server)
      .get('/api/catalog/entities/by-name/user/default/mallory')
      .set('Authorization', mockCredentials.service.header());
    const removal = await request(backend.server)
      .delete(`/api/catalog/entities/by-uid/${users.body.metadata.uid}`)
      .set('Authorization', mockCredentials.user.header(MALLORY));
    expect(removal.status).toBe(403);
  });
});

describe('health probes of self-registered Environments', () => {
  async function healthOf(name: string) {
    const res = await request(backend.server)
      .get(`/api/environments/environments/default/${name}/status`)
      .set('Authorization', mockCredentials.user.header(MALLORY));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toMatch(
      new RegExp(`${SECRETS.join('|')}|ECONN|socket`),
    );
    return res.body.health;
  }

  it.each([
    ['the cloud metadata address', 'evil-probe-metadata', '169.254.169.254'],
    ['a loopback address', 'evil-probe-loopback', '127.0.0.1'],
    ['a name resolving to loopback', 'evil-probe-localhost', 'localhost'],
    ['a private address', 'evil-probe-private', '10.0.0.1'],
  ])('never reaches %s', async (_what, name, host) => {
    const health = await healthOf(name);
    expect(health.checks).toEqual([
      expect.objectContaining({
        name: 'http',
        state: 'unknown',
        detail: expect.stringContaining(`${host} is not a public address`),
      }),
    ]);
    expect(internal.hits).toEqual([]);
  });

  it('does not follow a redirect from an allowed host to an internal one', async () => {
    const health = await healthOf('evil-probe-redirect');
    expect(health.checks[0]).toMatchObject({
      state: 'unknown',
      detail: expect.stringContaining('127.0.0.1 is not a public address'),
    });
    expect(allowed.hits).toContain('/redirect');
    expect(internal.hits).toEqual([]);
  });

  it('echoes nothing of an answer but known status words and identifier-like check names', async () => {
    const health = await healthOf('evil-probe-echo');
    expect(health.checks).toEqual([
      expect.objectContaining({
        name: 'http',
        state: 'unhealthy',
        detail: expect.stringMatching(
          /\(status unrecognized status; 1 checks not read\)$/,
        ),
      }),
      { name: 'db', state: 'healthy', detail: 'up' },
    ]);
  });

  it('reads at most 64 KB of a 50 MB answer', async () => {
    const health = await healthOf('evil-probe-big');
    expect(health.checks[0].detail).toContain('answer over 64 KB, not read');
    expect(bytesWritten).toBeLessThan(10 * 1024 * 1024);
  });
});
