import path from 'node:path';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import type { EnvironmentStatus } from '@stageline/plugin-environments-common';
import { setupStandIns } from '../__testUtils__/standIns';
import {
  githubConfig,
  startEnvironmentsBackend,
} from '../__testUtils__/startEnvironmentsBackend';
import { environmentEntity } from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const standIns = setupStandIns();
const auth = mockCredentials.user.header();
const SECRET = 'acme/secret-repo';
const SECRET_TITLE = 'Rotate the payments signing key';
const ELSEWHERE =
  'url:https://github.com/mallory/notes/blob/main/catalog-info.yaml';
const SECRET_OWN =
  'url:https://github.com/acme/secret-repo/blob/main/catalog-info.yaml';
const MANAGED_BY = 'backstage.io/managed-by-location';

/** Mallory's component and its two Environments naming acme/secret-repo, read from `location`. */
function claimOfSecretRepo(location: string): Entity[] {
  const annotations = {
    [MANAGED_BY]: location,
    'github.com/project-slug': SECRET,
  };
  const spec = {
    owner: 'user:default/mallory',
    component: 'component:default/lookout',
    system: undefined,
  };
  return [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'lookout', namespace: 'default', annotations },
      spec: { type: 'service', lifecycle: 'production', owner: spec.owner },
    },
    environmentEntity(
      'lookout-staging',
      {
        ...spec,
        type: 'staging',
        branch: 'develop',
        promotesTo: 'lookout-production',
      },
      annotations,
    ),
    environmentEntity(
      'lookout-production',
      { ...spec, type: 'production', branch: 'main' },
      annotations,
    ),
  ];
}

async function staging(entities: Entity[], config: JsonObject = {}) {
  const { server } = await startEnvironmentsBackend({
    entities,
    config: { ...githubConfig, ...config },
  });
  const res = await request(server)
    .get('/api/environments/environments/default/lookout-staging/status')
    .set('Authorization', auth);
  expect(res.status).toBe(200);
  return { status: res.body as EnvironmentStatus, server };
}

/** Every request the backend made to GitHub that names the secret repository. */
function secretReads() {
  return standIns.github.requests.filter(r =>
    JSON.stringify(r).includes('secret-repo'),
  );
}

beforeEach(() => {
  standIns.github.addRepo(SECRET, ['develop', 'main'], {
    defaultBranch: 'main',
  });
  standIns.github.push(SECRET, 'develop', 2, SECRET_TITLE);
  standIns.github.openPull(SECRET, 'develop', 'main', 'Payments hardening');
  standIns.github.requests.length = 0;
});

describe('a repository is read for an Environment only when the catalog vouches for it', () => {
  it('reads nothing of a repository an Environment registered elsewhere names, and says why', async () => {
    const { status, server } = await staging(claimOfSecretRepo(ELSEWHERE));

    expect(status.promotion).toMatchObject({
      status: 'unconfigured',
      target: 'environment:default/lookout-production',
    });
    expect(status.promotion.message).toContain(
      `acme/secret-repo is not read for environment:default/lookout-staging: it was registered from ${ELSEWHERE}`,
    );
    expect(status.promotion.message).toContain(
      'environments.security.trustedLocations',
    );
    expect(status.promotion.commits).toBeUndefined();
    expect(status.promotion.pullRequest).toBeUndefined();
    expect(JSON.stringify(status)).not.toContain(SECRET_TITLE);

    const history = await request(server)
      .get('/api/environments/environments/default/lookout-staging/promotions')
      .set('Authorization', auth);
    expect(history.body.items).toEqual([]);
    expect(history.body.message).toContain(ELSEWHERE);

    // A dry run lists the pending commits: refused before anything is read.
    const dryRun = await request(server)
      .post('/api/environments/environments/default/lookout-staging/promote')
      .set('Authorization', auth)
      .send({ dryRun: true });
    expect(dryRun.status).toBe(403);
    expect(dryRun.body.error.message).toContain(
      `acme/secret-repo is not read for component:default/lookout: it was registered from ${ELSEWHERE}`,
    );
    expect(JSON.stringify(dryRun.body)).not.toContain(SECRET_TITLE);

    expect(secretReads()).toEqual([]);
  });

  it('reads it for the same Environment registered from the repository itself', async () => {
    const { status } = await staging(claimOfSecretRepo(SECRET_OWN));
    expect(status.promotion).toMatchObject({
      status: 'ok',
      commitsAhead: 2,
      pullRequest: { number: 1, state: 'open' },
    });
    expect(status.promotion.commits?.[0].message).toMatch(
      /^Rotate the payments signing key \d+$/,
    );
  });

  it('compares owner and repository case-insensitively, as GitHub does', async () => {
    const { status } = await staging(
      claimOfSecretRepo(
        'url:https://github.com/ACME/Secret-Repo/tree/main/deploy/catalog-info.yaml',
      ),
    );
    expect(status.promotion.status).toBe('ok');
  });

  it('is not fooled by a location that only starts in the repository', async () => {
    const { status } = await staging(
      claimOfSecretRepo(
        'url:https://github.com/acme/secret-repo/../../mallory/notes/blob/main/catalog-info.yaml',
      ),
    );
    expect(status.promotion.status).toBe('unconfigured');
    expect(secretReads()).toEqual([]);
  });

  it('reads it for a location listed in environments.security.trustedLocations', async () => {
    const { status } = await staging(claimOfSecretRepo(ELSEWHERE), {
      environments: {
        security: { trustedLocations: ['url:https://github.com/mallory/*'] },
      },
    });
    expect(status.promotion.status).toBe('ok');
    expect(status.promotion.commitsAhead).toBe(2);
  });

  it('reads it for entities of the file locations the operator listed in catalog.locations', async () => {
    const target = '../../examples/environments.yaml';
    const { status } = await staging(
      claimOfSecretRepo(`file:${path.resolve(target)}`),
      { catalog: { locations: [{ type: 'file', target }] } },
    );
    expect(status.promotion.status).toBe('ok');
    expect(status.promotion.commits?.[0].message).toMatch(
      /^Rotate the payments signing key \d+$/,
    );
  });

  it('refuses a file location that is not in catalog.locations', async () => {
    const { status } = await staging(
      claimOfSecretRepo(`file:${path.resolve('../../examples/other.yaml')}`),
      {
        catalog: {
          locations: [
            { type: 'file', target: '../../examples/environments.yaml' },
          ],
        },
      },
    );
    expect(status.promotion.status).toBe('unconfigured');
    expect(secretReads()).toEqual([]);
  });
});
