import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PromotionRecord } from '@stageline/plugin-environments-common';
import { setupStandIns } from '../__testUtils__/standIns';
import {
  awsConfig,
  githubConfig,
  startEnvironmentsBackend,
} from '../__testUtils__/startEnvironmentsBackend';
import { REPO, STAGING_TEMPLATE } from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const standIns = setupStandIns();
/** PostgreSQL runs where BACKSTAGE_TEST_DATABASE_POSTGRES<NN>_CONNECTION_STRING is set. */
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'POSTGRES_17'],
});
const auth = mockCredentials.user.header();
const PROMOTE =
  '/api/environments/environments/default/macro-ai-api-staging/promote';
const HISTORY =
  '/api/environments/environments/default/macro-ai-api-staging/promotions';

/** develop is 2 commits ahead of main with green checks on its head. */
function readyToPromote() {
  const head = standIns.github.push(REPO, 'develop', 2, 'Feature');
  standIns.github.setChecks(REPO, head, [
    { kind: 'status', name: 'ci/build', state: 'success' },
    { kind: 'check-run', name: 'test', state: 'success' },
  ]);
  return head;
}

function stackIs(status: string, commit?: string) {
  standIns.aws
    .cloudFormation()
    .seedStack('MacroAiStagingStack', STAGING_TEMPLATE, {
      status,
      tags: commit ? [{ Key: 'stageline.dev/commit', Value: commit }] : [],
    });
}

async function backend(config: object = githubConfig, features: any[] = []) {
  const { server } = await startEnvironmentsBackend({
    config: config as any,
    features,
  });
  return server;
}

/** A backend whose plugin database is a fresh one on `databaseId` (SQLite or PostgreSQL). */
async function backendOn(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  return backend(githubConfig, [mockServices.database.factory({ knex })]);
}

async function historyOf(server: Parameters<typeof request>[0]) {
  const res = await request(server).get(HISTORY).set('Authorization', auth);
  expect(res.status).toBe(200);
  return res.body.items as PromotionRecord[];
}

describe('POST /environments/:namespace/:name/promote', () => {
  it('rejects a malformed body naming the field', async () => {
    const server = await backend();
    const res = await request(server)
      .post(PROMOTE)
      .set('Authorization', auth)
      .send({ strategy: 'yolo' });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(
      /strategy must be one of pull-request, merge, workflow-dispatch/,
    );
    const wrongType = await request(server)
      .post(PROMOTE)
      .set('Authorization', auth)
      .send({ dryRun: 'yes' });
    expect(wrongType.body.error.message).toMatch(/dryRun must be a boolean/);
    const unknown = await request(server)
      .post(PROMOTE)
      .set('Authorization', auth)
      .send({ force: true });
    expect(unknown.body.error.message).toMatch(
      /unknown field force; allowed: dryRun, strategy/,
    );
  });

  it('rejects a body that is not JSON, saying what it should look like, and promotes nothing', async () => {
    readyToPromote();
    const server = await backend();
    const example = 'e.g. { "dryRun": true, "strategy": "pull-request" }';
    const broken = await request(server)
      .post(PROMOTE)
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send('{ dryRun: true');
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatchObject({
      name: 'InputError',
      message: `Invalid promote request: the body must be a JSON object, ${example}`,
    });
    const form = await request(server)
      .post(PROMOTE)
      .set('Authorization', auth)
      .type('form')
      .send('dryRun=true');
    expect(form.status).toBe(400);
    expect(form.body.error).toMatchObject({
      name: 'InputError',
      message: `Invalid promote request: the body must be JSON sent as Content-Type application/json, not application/x-www-form-urlencoded, ${example}`,
    });
    expect(standIns.github.repo(REPO).pulls).toHaveLength(0);
    expect((await historyOf(server)).length).toBe(0);

    const empty = await request(server)
      .post(PROMOTE)
      .set('Authorization', auth);
    expect(empty.status).toBe(200);
    expect(empty.body.result).toBe('succeeded');
  });

  it('merges the approved promotion pull request with the merge strategy', async () => {
    const head = readyToPromote();
    const server = await backend();
    const opened = await request(server)
      .post(PROMOTE)
      .set('Authorization', auth)
      .send({});
    expect(opened.body.link).toBe('https://github.com/acme/macro-ai/pull/1');
    standIns.github.reviewPull(REPO, 1, {
      reviews: [{ login: 'alice', state: 'APPROVED' }],
    });

    const merged = await request(server)
      .post(PROMOTE)
      .set('Authorization', auth)
      .send({ strategy: 'merge' });
    expect(merged.status).toBe(200);
    const main = standIns.github.head(REPO, 'main');
    expect(merged.body).toMatchObject({
      strategy: 'merge',
      result: 'succeeded',
      link: 'https://github.com/acme/macro-ai/pull/1',
      message: `Merged pull request #1 from develop into main as ${main.slice(
        0,
        7,
      )}`,
    });
    expect(merged.body.gates.at(-1)).toEqual({
      id: 'pull-request-ready',
      status: 'passed',
      message: 'Pull request #1 is approved by alice and mergeable',
    });
    expect(standIns.github.repo(REPO).merges).toEqual([
      {
        number: 1,
        merge_method: 'merge',
        sha: head,
        commit_title:
          'Promote macro-ai-api-staging to macro-ai-api-production (#1)',
        commit_message: expect.stringContaining('user:default/mock'),
      },
    ]);
    // A merge commit: main's second parent is the head that was reviewed.
    expect(standIns.github.repo(REPO).graph.get(main).parents[1]).toBe(head);
  });

  it('refuses to merge (409, nothing changed) without an open, approved, mergeable pull request', async () => {
    readyToPromote();
    const server = await backend();
    const merge = () =>
      request(server)
        .post(PROMOTE)
        .set('Authorization', auth)
        .send({ strategy: 'merge' });

    const none = await merge();
    expect(none.status).toBe(409);
    expect(none.body.error.message).toBe(
      'Promotion blocked by gate pull-request-ready (No open pull request from develop to main: open one first (strategy pull-request), and merge it once it is approved)',
    );

    standIns.github.openPull(REPO, 'develop', 'main');
    standIns.github.reviewPull(REPO, 1, {
      reviews: [
        { login: 'alice', state: 'APPROVED' },
        { login: 'bob', state: 'CHANGES_REQUESTED' },
      ],
      mergeable: false,
      mergeableState: 'dirty',
    });
    const refused = await merge();
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'Promotion blocked by gate pull-request-ready (Pull request #1 from develop to main cannot be merged: changes requested by bob; it has merge conflicts with main)',
    );

    expect(standIns.github.repo(REPO).merges).toEqual([]);
    const history = await request(server)
      .get(HISTORY)
      .set('Authorization', auth);
    expect(history.body.items.map((p: PromotionRecord) => p.result)).toEqual([
      'blocked',
      'blocked',
    ]);
  });

  // https://docs.github.com/rest/pulls/reviews#list-reviews-for-a-pull-request (commit_id): an
  // approval stays on a pull request after a push unless branch protection dismisses it.
  it('refuses to merge commits pushed after the approval (409, nothing merged)', async () => {
    readyToPromote();
    const server = await backend();
    standIns.github.openPull(REPO, 'develop', 'main');
    standIns.github.reviewPull(REPO, 1, {
      reviews: [{ login: 'alice', state: 'APPROVED' }],
    });
    const pushed = readyToPromote();

    const refused = await request(server)
      .post(PROMOTE)
      .set('Authorization', auth)
      .send({ strategy: 'merge' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(
      `it has no approval of its head commit ${pushed.slice(0, 7)}`,
    );
    expect(standIns.github.repo(REPO).merges).toEqual([]);
  });

  it('dispatches the promote workflow and links the run it started', async () => {
    readyToPromote();
    const server = await backend();
    const dispatched = await request(server)
      .post(PROMOTE)
      .set('Authorization', auth)
      .send({ strategy: 'workflow-dispatch' });
    expect(dispatched.status).toBe(200);
    const [run] = standIns.github.repo(REPO).runs;
    expect(dispatched.body.link).toBe(
      `https://github.com/acme/macro-ai/actions/runs/${run.id}`,
    );
    expect(dispatched.body.message).toMatch(
      new RegExp(
        `^Dispatched workflow promote.yml on main to promote [0-9a-f]{7} from develop: run ${run.id}$`,
      ),
    );
    expect(standIns.github.repo(REPO).dispatches).toEqual([
      {
        workflow: 'promote.yml',
        ref: 'main',
        inputs: {
          source_branch: 'develop',
          target_branch: 'main',
          sha: standIns.github.head(REPO, 'develop'),
        },
      },
    ]);
  });

  it('dry-run without a strategy answers with the configured default strategy', async () => {
    readyToPromote();
    const server = await backend({
      ...githubConfig,
      environments: { promotion: { defaultStrategy: 'workflow-dispatch' } },
    });
    const res = await request(server)
      .post(PROMOTE)
      .set('Authorization', auth)
      .send({ dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      result: 'dry-run',
      strategy: 'workflow-dispatch',
      message:
        'Gates passed; would dispatch the promote workflow for develop into main (2 commits)',
    });
    expect(standIns.github.repo(REPO).dispatches).toEqual([]);
  });

  it('answers 503 saying what to configure when GitHub is not configured', async () => {
    const server = await backend({});
    const res = await request(server)
      .post(PROMOTE)
      .set('Authorization', auth)
      .send({ dryRun: true });
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(
      /GitHub is not configured: add integrations.github with a token or app/,
    );
  });

  it('answers 403 when the permission policy denies environments.promote on the target', async () => {
    readyToPromote();
    const authorizeConditional = jest.fn(async (requests: any[]) =>
      requests.map(() => ({ result: AuthorizeResult.DENY })),
    );
    const server = await backend(githubConfig, [
      mockServices.permissions.mock({ authorizeConditional } as any).factory,
    ]);
    const res = await request(server)
      .post(PROMOTE)
      .set('Authorization', auth)
      .send({});
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(
      /may not promote into environment:default\/macro-ai-api-production/,
    );
    expect(authorizeConditional.mock.calls[0][0]).toEqual([
      {
        permission: expect.objectContaining({ name: 'environments.promote' }),
      },
    ]);
    expect(standIns.github.repo(REPO).pulls).toHaveLength(0);
  });

  it('answers 404 for an unknown source and 409 for one that promotes nowhere', async () => {
    const server = await backend();
    const missing = await request(server)
      .post('/api/environments/environments/default/nope/promote')
      .set('Authorization', auth)
      .send({});
    expect(missing.status).toBe(404);
    const last = await request(server)
      .post(
        '/api/environments/environments/default/macro-ai-api-production/promote',
      )
      .set('Authorization', auth)
      .send({});
    expect(last.status).toBe(409);
    expect(last.body.error.message).toMatch(/has no spec.promotesTo/);
  });
});

describe('gates', () => {
  /** Promotes, checks that nothing changed and the attempt was recorded as blocked; returns the 409's message. */
  async function blocked(config: object): Promise<string> {
    const server = await backend(config);
    const res = await request(server)
      .post(PROMOTE)
      .set('Authorization', auth)
      .send({});
    expect(res.status).toBe(409);
    expect(res.body.error.name).toBe('ConflictError');
    expect(standIns.github.repo(REPO).pulls).toHaveLength(0);
    expect(standIns.github.repo(REPO).merges).toHaveLength(0);
    const history = await request(server)
      .get(HISTORY)
      .set('Authorization', auth);
    expect(history.body.items[0].result).toBe('blocked');
    return res.body.error.message;
  }

  it('checks-green: a failing check run blocks', async () => {
    const head = readyToPromote();
    standIns.github.setChecks(REPO, head, [
      { kind: 'status', name: 'ci/build', state: 'success' },
      { kind: 'check-run', name: 'test', state: 'failure' },
    ]);
    expect(await blocked(githubConfig)).toMatch(
      /gate checks-green \(Checks failing on develop@[0-9a-f]{7}: test \(check run\): failure\)/,
    );
  });

  it('checks-green: a pending status blocks', async () => {
    const head = readyToPromote();
    standIns.github.setChecks(REPO, head, [
      { kind: 'status', name: 'ci/build', state: 'pending' },
    ]);
    expect(await blocked(githubConfig)).toMatch(
      /gate checks-green \(Checks still running/,
    );
  });

  it('deployment-complete: a source stack still updating blocks', async () => {
    readyToPromote();
    stackIs('UPDATE_IN_PROGRESS');
    expect(await blocked({ ...githubConfig, ...awsConfig })).toMatch(
      /gate deployment-complete \(MacroAiStagingStack is UPDATE_IN_PROGRESS/,
    );
  });

  it('deployment-complete: a rolled-back update blocks, a completed one passes', async () => {
    readyToPromote();
    stackIs('UPDATE_ROLLBACK_COMPLETE');
    expect(await blocked({ ...githubConfig, ...awsConfig })).toMatch(
      /gate deployment-complete/,
    );
  });

  it('freeze-window: a window covering production now blocks', async () => {
    readyToPromote();
    expect(
      await blocked({
        ...githubConfig,
        environments: {
          promotion: {
            freezeWindows: [
              {
                name: 'always',
                start: '2000-01-01T00:00:00Z',
                end: '2999-01-01T00:00:00Z',
              },
            ],
          },
        },
      }),
    ).toMatch(/gate freeze-window \(production is frozen by always/);
  });

  it('commits-pending: nothing to promote blocks', async () => {
    expect(await blocked(githubConfig)).toMatch(
      /gate commits-pending \(Nothing to promote: main already has every commit of develop\)/,
    );
  });

  it('deployed-version: a branch head staging does not run blocks, the one it runs passes', async () => {
    const head = readyToPromote();
    const behind = standIns.github.repo(REPO).branches.get('main')!;
    stackIs('UPDATE_COMPLETE', behind);
    expect(await blocked({ ...githubConfig, ...awsConfig })).toMatch(
      new RegExp(
        `gate deployed-version \\(macro-ai-api-staging runs ${behind.slice(
          0,
          7,
        )}, but develop is at ${head.slice(0, 7)}: deploy ${head.slice(
          0,
          7,
        )} to macro-ai-api-staging first, so that what is promoted has run there\\)`,
      ),
    );

    standIns.aws.cloudFormation().stack('MacroAiStagingStack')!.tags = [
      { Key: 'stageline.dev/commit', Value: head },
    ];
    const server = await backend({ ...githubConfig, ...awsConfig });
    const res = await request(server)
      .post(PROMOTE)
      .set('Authorization', auth)
      .send({ dryRun: true });
    expect(res.body.gates[2]).toEqual({
      id: 'deployed-version',
      status: 'passed',
      message: `macro-ai-api-staging runs develop@${head.slice(
        0,
        7,
      )}, what is promoted`,
    });
  });

  it('passes the deployment gate for a completed stack', async () => {
    readyToPromote();
    stackIs('UPDATE_COMPLETE');
    const server = await backend({ ...githubConfig, ...awsConfig });
    const res = await request(server)
      .post(PROMOTE)
      .set('Authorization', auth)
      .send({ dryRun: true });
    expect(res.body.gates[1]).toEqual({
      id: 'deployment-complete',
      status: 'passed',
      message: 'MacroAiStagingStack is UPDATE_COMPLETE',
    });
  });
});

describe.each(databases.eachSupportedId())(
  'history and locking on %p',
  databaseId => {
    it('opens a pull request, records the promotion and returns it in the history', async () => {
      readyToPromote();
      const server = await backendOn(databaseId);
      const res = await request(server)
        .post(PROMOTE)
        .set('Authorization', auth)
        .send({});
      expect(res.status).toBe(200);
      const record = res.body as PromotionRecord;
      expect(record).toMatchObject({
        sourceRef: 'environment:default/macro-ai-api-staging',
        targetRef: 'environment:default/macro-ai-api-production',
        actor: 'user:default/mock',
        strategy: 'pull-request',
        result: 'succeeded',
        link: 'https://github.com/acme/macro-ai/pull/1',
      });
      expect(record.commits).toHaveLength(2);
      expect(record.gates.map(g => [g.id, g.status])).toEqual([
        ['freeze-window', 'passed'],
        ['deployment-complete', 'skipped'],
        ['deployed-version', 'skipped'],
        ['checks-green', 'passed'],
        ['commits-pending', 'passed'],
      ]);
      const pull = standIns.github.repo(REPO).pulls[0];
      expect(pull).toMatchObject({
        head: 'develop',
        base: 'main',
        title: 'Promote macro-ai-api-staging to macro-ai-api-production',
      });
      expect(pull.body).toMatch(/requested by user:default\/mock/);

      const again = await request(server)
        .post(PROMOTE)
        .set('Authorization', auth)
        .send({});
      expect(again.body.message).toMatch(/Pull request #1 .* already open/);
      expect(standIns.github.repo(REPO).pulls).toHaveLength(1);

      expect((await historyOf(server)).map(p => p.id)).toEqual([
        again.body.id,
        record.id,
      ]);
      expect((await historyOf(server))[1]).toEqual(record);
      const target = await request(server)
        .get(
          '/api/environments/environments/default/macro-ai-api-production/promotions',
        )
        .set('Authorization', auth);
      expect(target.body.items).toHaveLength(2);
    });

    it('answers dry runs, passing or blocked, without writing history', async () => {
      readyToPromote();
      const server = await backendOn(databaseId);
      const real = await request(server)
        .post(PROMOTE)
        .set('Authorization', auth)
        .send({});
      expect(real.status).toBe(200);
      const before = await historyOf(server);
      expect(before.map(p => p.id)).toEqual([real.body.id]);

      const passing = await request(server)
        .post(PROMOTE)
        .set('Authorization', auth)
        .send({ dryRun: true });
      expect(passing.status).toBe(200);
      expect(passing.body).toMatchObject({
        sourceRef: 'environment:default/macro-ai-api-staging',
        targetRef: 'environment:default/macro-ai-api-production',
        actor: 'user:default/mock',
        strategy: 'pull-request',
        result: 'dry-run',
        link: 'https://github.com/acme/macro-ai/compare/main...develop',
        message:
          'Gates passed; would open (or reuse) a pull request from develop into main (2 commits)',
      });
      expect(passing.body.id).toMatch(/^dry-run-[0-9a-f-]{36}$/);
      expect(passing.body.commits).toHaveLength(2);
      expect(passing.body.gates).toHaveLength(5);
      expect(passing.body.createdAt).toEqual(expect.any(String));

      const blocked = await request(server)
        .post(PROMOTE)
        .set('Authorization', auth)
        .send({ dryRun: true, strategy: 'merge' });
      expect(blocked.status).toBe(409);
      expect(blocked.body.error.message).toMatch(
        /^Promotion blocked by gate pull-request-ready \(Pull request #1 from develop to main cannot be merged: it has no approving review/,
      );

      expect(standIns.github.repo(REPO).pulls).toHaveLength(1);
      expect(standIns.github.repo(REPO).merges).toEqual([]);
      expect(await historyOf(server)).toEqual(before);
    });

    it('lets one of two concurrent promotions into the same target run; the other gets 409; a dry run takes no lock', async () => {
      readyToPromote();
      standIns.github.delayMs = 200;
      const server = await backendOn(databaseId);
      const promote = (body: object) =>
        request(server).post(PROMOTE).set('Authorization', auth).send(body);
      const [a, b, dry] = await Promise.all([
        promote({}),
        promote({}),
        promote({ dryRun: true }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      expect(dry.status).toBe(200);
      const conflict = a.status === 409 ? a : b;
      expect(conflict.body.error.message).toMatch(
        /A promotion into environment:default\/macro-ai-api-production is already running/,
      );
      expect(standIns.github.repo(REPO).pulls).toHaveLength(1);
      const winner = a.status === 200 ? a : b;
      expect((await historyOf(server)).map(p => p.id)).toEqual([
        winner.body.id,
      ]);

      standIns.github.delayMs = 0;
      const after = await promote({});
      expect(after.status).toBe(200);
      expect(await historyOf(server)).toHaveLength(2);
    });
  },
);

/** What the auditor mock was told: each event's creation options and how it ended. */
async function auditedEvents(
  auditor: ReturnType<typeof mockServices.auditor.mock>,
) {
  return Promise.all(
    auditor.createEvent.mock.calls.map(async ([options], index) => {
      const event = (await auditor.createEvent.mock.results[index].value) as {
        success: jest.Mock;
        fail: jest.Mock;
      };
      return {
        options,
        succeeded: event.success.mock.calls.map(([params]) => params),
        failed: event.fail.mock.calls.map(([params]) => params),
      };
    }),
  );
}

describe('auditing', () => {
  it('audits an allowed dry run and a refused attempt with source, target and actor', async () => {
    readyToPromote();
    const auditor = mockServices.auditor.mock();
    const server = await backend(githubConfig, [auditor.factory]);
    const dry = await request(server)
      .post(PROMOTE)
      .set('Authorization', auth)
      .send({ dryRun: true });
    await request(server)
      .post(
        '/api/environments/environments/default/macro-ai-api-production/promote',
      )
      .set('Authorization', auth)
      .send({});
    const [dryRun, nowhere] = await auditedEvents(auditor);
    expect(dryRun.options).toMatchObject({
      eventId: 'environment-promote',
      // Backstage logs 'low' at debug level, where a dry run would vanish from the audit log
      severityLevel: 'medium',
      meta: {
        source: 'environment:default/macro-ai-api-staging',
        strategy: 'pull-request',
        dryRun: true,
        actor: 'user:default/mock',
      },
    });
    expect(dryRun.succeeded).toEqual([
      {
        meta: {
          target: 'environment:default/macro-ai-api-production',
          strategy: 'pull-request',
          // permissions off: allowed outright, on the target alone
          authorizedOn: ['environment:default/macro-ai-api-production'],
          result: 'dry-run',
          promotionId: null,
          link: dry.body.link,
          runId: null,
        },
      },
    ]);
    expect(dryRun.failed).toEqual([]);
    expect(nowhere.options.meta).toMatchObject({
      source: 'environment:default/macro-ai-api-production',
      actor: 'user:default/mock',
    });
    expect(nowhere.failed[0].error.message).toMatch(/has no spec.promotesTo/);
  });

  it('audits a permission-denied attempt as a failure naming the target and the actor', async () => {
    readyToPromote();
    const auditor = mockServices.auditor.mock();
    const server = await backend(githubConfig, [
      auditor.factory,
      mockServices.permissions.mock({
        authorizeConditional: async (requests: unknown[]) =>
          requests.map(() => ({ result: AuthorizeResult.DENY })),
      } as any).factory,
    ]);
    const res = await request(server)
      .post(PROMOTE)
      .set('Authorization', mockCredentials.user.header('user:default/alice'))
      .send({ strategy: 'merge' });
    expect(res.status).toBe(403);
    const events = await auditedEvents(auditor);
    expect(events).toHaveLength(1);
    const [denied] = events;
    expect(denied.options).toMatchObject({
      eventId: 'environment-promote',
      severityLevel: 'high',
      meta: {
        source: 'environment:default/macro-ai-api-staging',
        strategy: 'merge',
        dryRun: false,
        actor: 'user:default/alice',
      },
    });
    expect(denied.succeeded).toEqual([]);
    expect(denied.failed).toHaveLength(1);
    expect(denied.failed[0].meta).toEqual({
      target: 'environment:default/macro-ai-api-production',
    });
    expect(denied.failed[0].error).toMatchObject({
      name: 'NotAllowedError',
      message:
        'user:default/alice may not promote into environment:default/macro-ai-api-production',
    });
  });
});
