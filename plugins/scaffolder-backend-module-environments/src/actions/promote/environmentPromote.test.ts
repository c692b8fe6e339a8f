import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import type { DiscoveryService } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { JsonObject } from '@backstage/types';
import { mockClient } from 'aws-sdk-client-mock';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  actionContext,
  CheckpointStore,
} from '../../__testUtils__/actionContext';
import { stack } from '../../__testUtils__/cloudFormationStandIn';
import {
  githubAndAwsConfig,
  startEnvironmentsBackend,
} from '../../__testUtils__/environmentsBackend';
import {
  DEVELOP_SHA,
  FIRST_SHA,
  GithubPromotionStandIn,
  SLUG,
} from '../../__testUtils__/githubPromotionStandIn';
import { GITHUB_TOKEN } from '../../__testUtils__/githubStandIn';
import { registerNetworkEdge } from '../../__testUtils__/networkEdge';
import { createEnvironmentPromoteAction } from './environmentPromote';

jest.setTimeout(60_000);

const server = setupServer();
const backendRequests = registerNetworkEdge(server);
const cfn = mockClient(CloudFormationClient);

const STAGING = 'environment:default/macro-ai-api-staging';
const PRODUCTION = 'environment:default/macro-ai-api-production';
const PROMOTE_PATH =
  '/api/environments/environments/default/macro-ai-api-staging/promote';
const REPO = '/repos/acme/macro-ai';
const SHORT_SHA = DEVELOP_SHA.slice(0, 7);
/** The stacks in these tests carry no stageline.dev/commit tag. */
const UNKNOWN_DEPLOYED_VERSION =
  'Deployed version not compared: the commit macro-ai-api-staging runs is not known (no stageline.dev/commit tag on its stack, or AWS not configured)';

/** The promote action as the module builds it, pointed at an environments backend. */
function promoteAction(discovery: DiscoveryService) {
  return createEnvironmentPromoteAction({
    discovery,
    auth: mockServices.auth({ pluginId: 'scaffolder' }),
  });
}

/** The real environments backend and the action pointed at it. */
async function setup(
  options: Parameters<typeof startEnvironmentsBackend>[0] = {},
) {
  const backend = await startEnvironmentsBackend(options);
  return { ...backend, action: promoteAction(backend.discovery) };
}

/** The POSTs the action sent to the environments backend. */
const promotePosts = () =>
  backendRequests.filter(r => r.method === 'POST' && r.path === PROMOTE_PATH);

/** Config with GitHub and AWS, plus `environments` settings of the backend. */
const configWith = (environments: JsonObject): JsonObject => ({
  ...githubAndAwsConfig(),
  environments,
});

describe('environment:promote', () => {
  let github: GithubPromotionStandIn;

  beforeEach(() => {
    github = new GithubPromotionStandIn(server);
    cfn.reset();
    cfn
      .on(DescribeStacksCommand)
      .resolves({ Stacks: [stack('MacroAiStagingStack', 'UPDATE_COMPLETE')] });
    cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
  });

  it('opens the pull request through the environments backend as the task user, logs each gate and records the promotion in the history', async () => {
    const { action, history } = await setup();
    const { ctx, outputs, logs } = actionContext({
      environmentRef: STAGING,
      strategy: 'pull-request',
    });

    await action.handler(ctx);

    expect(promotePosts()).toEqual([
      {
        method: 'POST',
        path: PROMOTE_PATH,
        body: { dryRun: false, strategy: 'pull-request' },
        authorization: expect.stringMatching(/^Bearer /),
      },
    ]);
    expect(github.writes()).toEqual([
      {
        method: 'POST',
        path: `${REPO}/pulls`,
        body: {
          head: 'develop',
          base: 'main',
          title: 'Promote macro-ai-api-staging to macro-ai-api-production',
          body: [
            'Promotes 2 commits from `develop` to `main`, requested by user:default/guest through Stageline.',
            '',
            `- ${SHORT_SHA} Fix token count`,
            `- ${FIRST_SHA.slice(0, 7)} Add streaming responses`,
          ].join('\n'),
        },
      },
    ]);
    const [recorded] = await history('macro-ai-api-staging');
    expect(outputs).toEqual({
      target: PRODUCTION,
      strategy: 'pull-request',
      result: 'succeeded',
      message: 'Opened pull request #1 from develop to main',
      promotionId: recorded.id,
      commits: 2,
      gates: [
        {
          id: 'freeze-window',
          status: 'passed',
          message: 'No freeze window covers production now',
        },
        {
          id: 'deployment-complete',
          status: 'passed',
          message: 'MacroAiStagingStack is UPDATE_COMPLETE',
        },
        {
          id: 'deployed-version',
          status: 'skipped',
          message: UNKNOWN_DEPLOYED_VERSION,
        },
        {
          id: 'checks-green',
          status: 'passed',
          message: `2 checks green on develop@${SHORT_SHA}`,
        },
        {
          id: 'commits-pending',
          status: 'passed',
          message: '2 commits to promote',
        },
      ],
      link: 'https://github.com/acme/macro-ai/pull/1',
      pullRequestNumber: 1,
      pullRequestUrl: 'https://github.com/acme/macro-ai/pull/1',
    });
    expect(recorded).toMatchObject({
      sourceRef: STAGING,
      targetRef: PRODUCTION,
      actor: 'user:default/guest',
      strategy: 'pull-request',
      result: 'succeeded',
      link: 'https://github.com/acme/macro-ai/pull/1',
    });
    expect(logs()).toEqual([
      'info: Promoting environment:default/macro-ai-api-staging into its promotesTo with strategy pull-request, through the environments backend',
      'info: Gate freeze-window: passed: No freeze window covers production now',
      'info: Gate deployment-complete: passed: MacroAiStagingStack is UPDATE_COMPLETE',
      `info: Gate deployed-version: skipped: ${UNKNOWN_DEPLOYED_VERSION}`,
      `info: Gate checks-green: passed: 2 checks green on develop@${SHORT_SHA}`,
      'info: Gate commits-pending: passed: 2 commits to promote',
      'info: Opened pull request #1 from develop to main',
      `info: Recorded as promotion ${recorded.id} into ${PRODUCTION}`,
    ]);
    const everything = JSON.stringify({ logs: logs(), outputs });
    expect(everything).not.toContain(GITHUB_TOKEN);
    expect(everything).not.toContain('mock-service-token');
  });

  it('reuses an open promotion pull request', async () => {
    github.withOpenPullRequest();
    const { action } = await setup();
    const { ctx, outputs } = actionContext({ environmentRef: STAGING });

    await action.handler(ctx);

    expect(promotePosts()[0].body).toEqual({ dryRun: false });
    expect(github.writes()).toEqual([]);
    expect(outputs).toMatchObject({
      result: 'succeeded',
      strategy: 'pull-request',
      pullRequestNumber: 1,
      message: 'Pull request #1 from develop to main is already open',
    });
  });

  it('dispatches the promote workflow on the target branch and outputs the run it started', async () => {
    const { action, history } = await setup();
    const { ctx, outputs } = actionContext({
      environmentRef: STAGING,
      strategy: 'workflow-dispatch',
    });

    await action.handler(ctx);

    expect(github.writes()).toEqual([
      {
        method: 'POST',
        path: `${REPO}/actions/workflows/promote.yml/dispatches`,
        body: {
          ref: 'main',
          inputs: {
            source_branch: 'develop',
            target_branch: 'main',
            sha: DEVELOP_SHA,
          },
          return_run_details: true,
        },
      },
    ]);
    const [run] = github.repo(SLUG).runs;
    const runUrl = `https://github.com/acme/macro-ai/actions/runs/${run.id}`;
    expect(outputs).toMatchObject({
      result: 'succeeded',
      strategy: 'workflow-dispatch',
      message: `Dispatched workflow promote.yml on main to promote ${SHORT_SHA} from develop: run ${run.id}`,
      runId: run.id,
      runUrl,
      link: runUrl,
    });
    expect(outputs).not.toHaveProperty('pullRequestNumber');
    expect((await history('macro-ai-api-production'))[0]).toMatchObject({
      strategy: 'workflow-dispatch',
      result: 'succeeded',
      link: runUrl,
      runId: run.id,
    });
  });

  it('merges the approved promotion pull request with the merge strategy', async () => {
    github.withOpenPullRequest('alice');
    const { action } = await setup();
    const { ctx, outputs } = actionContext({
      environmentRef: STAGING,
      strategy: 'merge',
    });

    await action.handler(ctx);

    expect(github.writes()).toEqual([
      {
        method: 'PUT',
        path: `${REPO}/pulls/1/merge`,
        body: {
          merge_method: 'merge',
          sha: DEVELOP_SHA,
          commit_title:
            'Promote macro-ai-api-staging to macro-ai-api-production (#1)',
          commit_message: expect.stringContaining(
            'requested by user:default/guest',
          ),
        },
      },
    ]);
    expect(outputs).toMatchObject({
      result: 'succeeded',
      strategy: 'merge',
      message: `Merged pull request #1 from develop into main as ${github
        .head(SLUG, 'main')
        .slice(0, 7)}`,
      pullRequestNumber: 1,
      pullRequestUrl: 'https://github.com/acme/macro-ai/pull/1',
    });
    expect((outputs.gates as Array<{ id: string }>).at(-1)).toEqual({
      id: 'pull-request-ready',
      status: 'passed',
      message: 'Pull request #1 is approved by alice and mergeable',
    });
  });

  it('fails naming the gate and merges nothing when no promotion pull request is open', async () => {
    const { action, history } = await setup();
    const { ctx } = actionContext({
      environmentRef: STAGING,
      strategy: 'merge',
    });

    await expect(action.handler(ctx)).rejects.toThrow(
      'Promotion blocked by gate pull-request-ready (No open pull request from develop to main: open one first (strategy pull-request), and merge it once it is approved)',
    );
    expect(github.writes()).toEqual([]);
    expect((await history('macro-ai-api-staging')).map(p => p.result)).toEqual([
      'blocked',
    ]);
  });

  it('fails naming the gate, as a ConflictError, and writes nothing when checks are not green', async () => {
    github.checkRuns = [
      { name: 'test', status: 'completed', conclusion: 'failure' },
    ];
    const { action, history } = await setup();
    const { ctx } = actionContext({ environmentRef: STAGING });

    const failure = action.handler(ctx);

    await expect(failure).rejects.toThrow(
      `Promotion blocked by gate checks-green (Checks failing on develop@${SHORT_SHA}: test (check run): failure)`,
    );
    await expect(failure).rejects.toMatchObject({ name: 'ConflictError' });
    expect(github.writes()).toEqual([]);
    expect((await history('macro-ai-api-staging'))[0]).toMatchObject({
      result: 'blocked',
      actor: 'user:default/guest',
    });
  });

  it('writes nothing when the source deployment is not complete', async () => {
    cfn.on(DescribeStacksCommand).resolves({
      Stacks: [stack('MacroAiStagingStack', 'UPDATE_ROLLBACK_COMPLETE')],
    });
    const { action } = await setup();
    const { ctx } = actionContext({ environmentRef: STAGING });

    await expect(action.handler(ctx)).rejects.toThrow(
      'gate deployment-complete (MacroAiStagingStack is UPDATE_ROLLBACK_COMPLETE; promote once its deployment is CREATE_COMPLETE or UPDATE_COMPLETE)',
    );
    expect(github.writes()).toEqual([]);
  });

  it('writes nothing inside a freeze window of the backend', async () => {
    const { action } = await setup({
      config: configWith({
        promotion: {
          freezeWindows: [
            {
              name: 'release freeze',
              stages: ['production'],
              days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
            },
          ],
        },
      }),
    });
    const { ctx } = actionContext({ environmentRef: STAGING });

    await expect(action.handler(ctx)).rejects.toThrow(
      'gate freeze-window (production is frozen by release freeze (mon, tue, wed, thu, fri, sat, sun UTC))',
    );
    expect(github.writes()).toEqual([]);
  });

  it("uses the backend's default strategy when none is named", async () => {
    const { action } = await setup({
      config: configWith({
        promotion: { defaultStrategy: 'workflow-dispatch' },
      }),
    });
    const { ctx, outputs } = actionContext({ environmentRef: STAGING });

    await action.handler(ctx);

    expect(outputs).toMatchObject({
      strategy: 'workflow-dispatch',
      runId: github.repo(SLUG).runs[0].id,
    });
  });

  it('skips the deployment gate, saying why, where the backend has no AWS', async () => {
    const { action } = await setup({
      config: {
        integrations: {
          github: [{ host: 'github.com', token: GITHUB_TOKEN }],
        },
      },
    });
    const { ctx, logs } = actionContext({ environmentRef: STAGING });

    await action.handler(ctx);

    expect(cfn.calls()).toHaveLength(0);
    expect(logs()).toContainEqual(
      expect.stringMatching(
        /^info: Gate deployment-complete: skipped: Deployment state not checked: AWS is not configured/,
      ),
    );
  });

  it('evaluates the gates but writes nothing to GitHub or the promotion history in a dry run', async () => {
    const { action, history } = await setup();
    const { ctx, outputs, logs } = actionContext(
      { environmentRef: STAGING },
      { isDryRun: true },
    );

    await action.handler(ctx);

    expect(promotePosts()[0].body).toEqual({ dryRun: true });
    expect(github.requests.length).toBeGreaterThan(0);
    expect(github.writes()).toEqual([]);
    expect(outputs).toMatchObject({
      result: 'dry-run',
      target: PRODUCTION,
      message:
        'Gates passed; would open (or reuse) a pull request from develop into main (2 commits)',
      link: 'https://github.com/acme/macro-ai/compare/main...develop',
    });
    expect(outputs).not.toHaveProperty('pullRequestNumber');
    expect(outputs).not.toHaveProperty('promotionId');
    expect(logs()).toContain(
      `info: Dry run: nothing was promoted into ${PRODUCTION} or recorded in its promotion history`,
    );
    expect(await history('macro-ai-api-staging')).toEqual([]);
    expect(await history('macro-ai-api-production')).toEqual([]);
  });

  it('does the same for the dryRun input, outside a dry run of the template', async () => {
    const checkpoints = new CheckpointStore();
    const { action } = await setup();
    const { ctx, outputs } = actionContext(
      { environmentRef: STAGING, strategy: 'merge', dryRun: true },
      { checkpoints },
    );

    await expect(action.handler(ctx)).rejects.toThrow(
      'gate pull-request-ready',
    );
    github.withOpenPullRequest('alice');
    await action.handler(ctx);

    expect(promotePosts().map(p => p.body)).toEqual([
      { dryRun: true, strategy: 'merge' },
      { dryRun: true, strategy: 'merge' },
    ]);
    expect(github.writes()).toEqual([]);
    expect(checkpoints.values.size).toBe(0);
    expect(outputs).toMatchObject({ result: 'dry-run', strategy: 'merge' });
  });

  it('says what to configure in a dry run when the backend has no GitHub token, instead of failing', async () => {
    const { action } = await setup({ config: {} });
    const { ctx, outputs, logs } = actionContext(
      { environmentRef: STAGING },
      { isDryRun: true },
    );

    await action.handler(ctx);

    expect(github.requests).toHaveLength(0);
    const message =
      'Dry run: gates not evaluated: GitHub is not configured: add integrations.github with a token or app for github.com; a real run fails here until it is configured';
    expect(outputs).toEqual({
      result: 'dry-run',
      message,
      commits: 0,
      gates: [],
    });
    expect(logs()).toContain(`warn: ${message}`);
  });

  it('fails a real run when the backend has no GitHub token, saying what to configure', async () => {
    const { action } = await setup({ config: {} });
    const { ctx } = actionContext({ environmentRef: STAGING });

    const failure = action.handler(ctx);

    await expect(failure).rejects.toThrow(
      'GitHub is not configured: add integrations.github with a token or app for github.com',
    );
    await expect(failure).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
    });
  });

  it("fails with the backend's error when GitHub refuses the promotion, and records it as failed", async () => {
    server.use(
      http.post(`https://api.github.com${REPO}/pulls`, () =>
        HttpResponse.json(
          {
            message: 'Validation Failed',
            errors: [
              {
                resource: 'PullRequest',
                code: 'custom',
                message: 'No commits between main and develop',
              },
            ],
            documentation_url:
              'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
            status: '422',
          },
          { status: 422 },
        ),
      ),
    );
    const { action, history } = await setup();
    const { ctx, logs } = actionContext({ environmentRef: STAGING });

    const failure = action.handler(ctx);

    await expect(failure).rejects.toThrow(
      'GitHub could not process opening a pull request from develop to main in acme/macro-ai: Validation Failed: No commits between main and develop',
    );
    const [recorded] = await history('macro-ai-api-staging');
    expect(recorded).toMatchObject({
      result: 'failed',
      message: expect.stringContaining(
        'Validation Failed: No commits between main and develop',
      ),
    });
    expect(JSON.stringify(logs())).not.toContain(GITHUB_TOKEN);
  });

  it('sends no second promote request when the task is retried after it promoted', async () => {
    const checkpoints = new CheckpointStore();
    const { action, history } = await setup();
    await action.handler(
      actionContext({ environmentRef: STAGING }, { checkpoints }).ctx,
    );
    const githubRequests = github.requests.length;

    const retry = actionContext({ environmentRef: STAGING }, { checkpoints });
    await action.handler(retry.ctx);

    expect(promotePosts()).toHaveLength(1);
    expect(github.requests).toHaveLength(githubRequests);
    expect(retry.outputs).toMatchObject({
      result: 'succeeded',
      pullRequestNumber: 1,
      target: PRODUCTION,
    });
    expect(await history('macro-ai-api-staging')).toHaveLength(1);
  });

  it('asks the backend again when a blocked promotion is retried', async () => {
    const checkpoints = new CheckpointStore();
    github.checkRuns = [
      { name: 'test', status: 'in_progress', conclusion: null },
    ];
    const { action, history } = await setup();
    await expect(
      action.handler(
        actionContext({ environmentRef: STAGING }, { checkpoints }).ctx,
      ),
    ).rejects.toThrow('Checks still running');
    github.checkRuns = [
      { name: 'test', status: 'completed', conclusion: 'success' },
    ];

    const retry = actionContext({ environmentRef: STAGING }, { checkpoints });
    await action.handler(retry.ctx);

    expect(retry.outputs).toMatchObject({ result: 'succeeded' });
    expect(promotePosts()).toHaveLength(2);
    expect((await history('macro-ai-api-staging')).map(p => p.result)).toEqual([
      'succeeded',
      'blocked',
    ]);
  });

  it('shares the lock with promotions from the cards: of two at once into the same target, one gets "already running"', async () => {
    github.delayMs = 100;
    const { action, baseUrl, history } = await setup();
    const { ctx } = actionContext({ environmentRef: STAGING });

    const [fromScaffolder, fromCard] = await Promise.allSettled([
      action.handler(ctx),
      fetch(`${baseUrl}/environments/default/macro-ai-api-staging/promote`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: mockCredentials.user.header(),
        },
        body: JSON.stringify({}),
      }).then(async response => ({
        status: response.status,
        body: await response.json(),
      })),
    ]);

    const refusals = [
      fromScaffolder.status === 'rejected'
        ? (fromScaffolder.reason as Error).message
        : undefined,
      fromCard.status === 'fulfilled' && fromCard.value.status === 409
        ? fromCard.value.body.error.message
        : undefined,
    ].filter(Boolean);
    expect(refusals).toEqual([
      'A promotion into environment:default/macro-ai-api-production is already running; try again when it has finished',
    ]);
    expect(github.writes()).toHaveLength(1);
    expect(await history('macro-ai-api-staging')).toHaveLength(1);
  });

  it('is audited by the backend as the user who started the task', async () => {
    const success = jest.fn();
    const fail = jest.fn();
    const createEvent = jest.fn(async () => ({ success, fail }));
    const { action } = await setup({
      features: [mockServices.auditor.mock({ createEvent } as any).factory],
    });
    const { ctx, outputs } = actionContext({ environmentRef: STAGING });

    await action.handler(ctx);

    expect(createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'environment-promote',
        severityLevel: 'high',
        meta: {
          source: STAGING,
          strategy: 'pull-request',
          dryRun: false,
          actor: 'user:default/guest',
        },
      }),
    );
    expect(success).toHaveBeenCalledWith({
      meta: expect.objectContaining({
        target: PRODUCTION,
        result: 'succeeded',
        promotionId: outputs.promotionId,
      }),
    });
    expect(fail).not.toHaveBeenCalled();
  });

  it('fails with the permission message for a user the policy does not allow to promote into the target', async () => {
    const { action, history } = await setup({
      permission: AuthorizeResult.DENY,
    });
    const { ctx } = actionContext({ environmentRef: STAGING });

    const failure = action.handler(ctx);

    await expect(failure).rejects.toThrow(
      'user:default/guest may not promote into environment:default/macro-ai-api-production',
    );
    await expect(failure).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(github.requests).toHaveLength(0);
    expect(await history('macro-ai-api-staging')).toEqual([]);
  });

  it("fails with the backend's message for an environment without promotesTo", async () => {
    const { action } = await setup();
    const { ctx } = actionContext({ environmentRef: PRODUCTION });

    await expect(action.handler(ctx)).rejects.toThrow(
      'environment:default/macro-ai-api-production has no spec.promotesTo: there is nothing to promote it into',
    );
  });

  it("fails with the backend's message for an environment that is not in the catalog", async () => {
    const { action } = await setup();
    const { ctx } = actionContext({ environmentRef: 'nope' });

    const failure = action.handler(ctx);

    await expect(failure).rejects.toThrow(
      'No environment environment:default/nope in the catalog',
    );
    await expect(failure).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('names the field of a schema error, and refuses a ref of another kind, before any request', async () => {
    const { action } = await setup();

    await expect(
      action.handler(
        actionContext({ environmentRef: STAGING, strategy: 'yolo' }).ctx,
      ),
    ).rejects.toThrow(
      'Invalid input to environment:promote: strategy must be one of pull-request, merge, workflow-dispatch; got "yolo"',
    );
    await expect(
      action.handler(
        actionContext({ environmentRef: 'component:default/macro-ai-api' }).ctx,
      ),
    ).rejects.toThrow(
      'environmentRef component:default/macro-ai-api is a component, not an Environment',
    );
    expect(promotePosts()).toEqual([]);
  });

  it('says the environments backend is missing when nothing answers its route', async () => {
    const { server: withoutEnvironments } = await startTestBackend({
      features: [],
    });
    const baseUrl = `http://localhost:${withoutEnvironments.port()}/api/environments`;
    const action = promoteAction({
      getBaseUrl: async () => baseUrl,
      getExternalBaseUrl: async () => baseUrl,
    });

    await expect(
      action.handler(actionContext({ environmentRef: STAGING }).ctx),
    ).rejects.toThrow(
      `No environments backend answered at ${baseUrl}: add @stageline/plugin-environments-backend to the backend; environment:promote, environment:rollback and the deployment history go through it`,
    );
  });
});
