import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { environmentsPolicyDecision } from '@stageline/plugin-environments-node';
import type {
  EnvironmentStatus,
  PromotionRecord,
} from '@stageline/plugin-environments-common';
import { setupStandIns } from '../__testUtils__/standIns';
import {
  githubConfig,
  startEnvironmentsBackend,
} from '../__testUtils__/startEnvironmentsBackend';
import {
  apiComponent,
  productionEnvironment,
  REPO,
  stagingEnvironment,
} from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

// The stand-ins answer GitHub and the health URL; the local repository is a real one on disk.
const standIns = setupStandIns();
const auth = mockCredentials.user.header();
const STAGING = '/api/environments/environments/default/macro-ai-api-staging';

/** The script `make start` runs to create the example repository. */
const CREATE_SCRIPT = resolve(__dirname, '../../../../scripts/local-repo.mjs');

let root: string;
let repository: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'stageline-local-repo-'));
  repository = join(root, 'local-repo');
  execFileSync(process.execPath, [CREATE_SCRIPT, '--path', repository]);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const git = (...args: string[]) =>
  execFileSync('git', ['-C', repository, ...args], { encoding: 'utf8' }).trim();

function localRepositoryConfig() {
  return {
    localRepository: { path: repository, repositories: [REPO] },
    // git runs as child processes: give them more than the shared 1.5 s on a busy machine
    status: { providerTimeout: { seconds: 10 } },
  };
}

async function backend(
  config: object = { environments: localRepositoryConfig() },
  features: any[] = [],
) {
  const { server } = await startEnvironmentsBackend({
    config: config as any,
    features,
  });
  return server;
}

async function stagingStatus(server: Parameters<typeof request>[0]) {
  const res = await request(server)
    .get(`${STAGING}/status`)
    .set('Authorization', auth);
  expect(res.status).toBe(200);
  return res.body as EnvironmentStatus;
}

describe('promotion on a local repository (environments.localRepository, no GitHub)', () => {
  it('shows the commits develop has and main lacks, naming the local repository as the source', async () => {
    const logger = mockServices.logger.mock();
    const server = await backend(undefined, [logger.factory]);
    expect(logger.warn).toHaveBeenCalledWith(
      `GitHub is not configured: promotions of acme/macro-ai use the local repository ${repository} (environments.localRepository), not GitHub`,
    );
    const { promotion } = await stagingStatus(server);
    expect(promotion).toMatchObject({
      status: 'ok',
      sourceBranch: 'develop',
      targetBranch: 'main',
      commitsAhead: 3,
      sourceControl: `local repository ${repository}`,
    });
    expect(promotion.commits!.map(c => c.message)).toEqual([
      'Retry completions that time out',
      'Cache the model list for an hour',
      'Add a readiness probe to the API',
    ]);
    expect(promotion.strategies).toEqual([
      expect.objectContaining({ strategy: 'merge', available: true }),
      expect.objectContaining({ strategy: 'pull-request', available: false }),
      expect.objectContaining({
        strategy: 'workflow-dispatch',
        available: false,
      }),
    ]);
  });

  it('promotes staging to production with merge: main moves to develop, the gates and the history say so', async () => {
    const develop = git('rev-parse', 'refs/heads/develop');
    const server = await backend();

    const dryRun = await request(server)
      .post(`${STAGING}/promote`)
      .set('Authorization', auth)
      .send({ dryRun: true });
    expect(dryRun.body.error?.message).toBeUndefined();
    expect(dryRun.status).toBe(200);
    expect(dryRun.body).toMatchObject({
      strategy: 'merge',
      message:
        'Gates passed; would merge (fast-forward where possible) develop into main (3 commits)',
    });
    expect(dryRun.body.gates).toEqual([
      expect.objectContaining({ id: 'freeze-window', status: 'passed' }),
      expect.objectContaining({ id: 'deployment-complete', status: 'skipped' }),
      expect.objectContaining({ id: 'deployed-version', status: 'skipped' }),
      {
        id: 'checks-green',
        status: 'passed',
        message: `No checks reported on develop@${develop.slice(
          0,
          7,
        )}: a local repository has no CI, so nothing checks its commits`,
      },
      {
        id: 'commits-pending',
        status: 'passed',
        message: '3 commits to promote',
      },
      expect.objectContaining({ id: 'pull-request-ready', status: 'skipped' }),
    ]);
    expect(git('rev-parse', 'refs/heads/main')).not.toBe(develop);

    const promoted = await request(server)
      .post(`${STAGING}/promote`)
      .set('Authorization', auth)
      .send({ strategy: 'merge' });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({
      result: 'succeeded',
      strategy: 'merge',
      message: `Fast-forwarded main to develop at ${develop.slice(
        0,
        7,
      )} (3 commits) in the local repository ${repository}.`,
    });
    expect(git('rev-parse', 'refs/heads/main')).toBe(develop);

    const history = await request(server)
      .get(`${STAGING}/promotions`)
      .set('Authorization', auth);
    const [record] = history.body.items as PromotionRecord[];
    expect(history.body.items).toHaveLength(1);
    expect(record).toMatchObject({
      sourceRef: 'environment:default/macro-ai-api-staging',
      targetRef: 'environment:default/macro-ai-api-production',
      actor: 'user:default/mock',
      strategy: 'merge',
      result: 'succeeded',
    });
    expect(record.commits).toHaveLength(3);
    expect(record.gates.map(g => g.id)).toEqual([
      'freeze-window',
      'deployment-complete',
      'deployed-version',
      'checks-green',
      'commits-pending',
      'pull-request-ready',
    ]);

    const { promotion } = await stagingStatus(server);
    expect(promotion).toMatchObject({
      commitsAhead: 0,
      lastPromotion: { id: record.id },
    });
  });

  it('refuses the pull-request strategy (409) saying why, and changes nothing', async () => {
    const main = git('rev-parse', 'refs/heads/main');
    const server = await backend();
    const refused = await request(server)
      .post(`${STAGING}/promote`)
      .set('Authorization', auth)
      .send({ strategy: 'pull-request' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'Strategy pull-request is not available for macro-ai-api-production: A local repository has no pull requests: use merge',
    );
    expect(git('rev-parse', 'refs/heads/main')).toBe(main);
  });

  it('counts main, the default branch of the local repository, as production when authorizing', async () => {
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
    // a self-registered "staging" that runs main
    const onMain = {
      ...productionEnvironment,
      spec: { ...productionEnvironment.spec, type: 'staging' as const },
    };
    const main = git('rev-parse', 'refs/heads/main');
    const { server } = await startEnvironmentsBackend({
      config: { environments: localRepositoryConfig() } as any,
      entities: [apiComponent, stagingEnvironment, onMain],
      features: [policy.factory],
    });
    const res = await request(server)
      .post(`${STAGING}/promote`)
      .set('Authorization', auth)
      .send({ strategy: 'merge' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      `user:default/mock may not promote into environment:default/macro-ai-api-production: main is the default branch of ${REPO}, which counts as production`,
    );
    expect(git('rev-parse', 'refs/heads/main')).toBe(main);
  });

  it('uses GitHub, not the local repository, once GitHub has a token', async () => {
    const logger = mockServices.logger.mock();
    const server = await backend(
      { ...githubConfig, environments: localRepositoryConfig() },
      [logger.factory],
    );
    expect(logger.info).toHaveBeenCalledWith(
      `GitHub has credentials, so promotions of acme/macro-ai use GitHub; the local repository ${repository} (environments.localRepository) is not used`,
    );
    expect(logger.warn).not.toHaveBeenCalledWith(
      expect.stringContaining('use the local repository'),
    );
    const { promotion } = await stagingStatus(server);
    expect(promotion.sourceControl).toBeUndefined();
    expect(promotion.compareUrl).toBe(
      'https://github.com/acme/macro-ai/compare/main...develop',
    );
    expect(standIns.github.rateLimitUnits()).toBeGreaterThan(0);
  });

  it('rejects a repositories entry that is not owner/repo, naming the key', async () => {
    await expect(
      backend({
        environments: {
          localRepository: { path: repository, repositories: ['macro-ai'] },
        },
      }),
    ).rejects.toThrow(
      'environments.localRepository.repositories[0] must be "owner/repo"; got "macro-ai"',
    );
  });
});
