import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { FreezeWindow } from '@stageline/plugin-environments-node';
import { mockClient } from 'aws-sdk-client-mock';
import { setupServer } from 'msw/node';
import {
  actionContext,
  CheckpointStore,
} from '../../__testUtils__/actionContext';
import {
  configuredAws,
  stack,
  unconfiguredAws,
} from '../../__testUtils__/cloudFormationStandIn';
import {
  environmentEntity,
  exampleCatalog,
} from '../../__testUtils__/entities';
import {
  DEVELOP_SHA,
  GithubPromotionStandIn,
} from '../../__testUtils__/githubPromotionStandIn';
import { GITHUB_TOKEN } from '../../__testUtils__/githubStandIn';
import { testPromotionEngine } from '../../__testUtils__/promotionEngine';
import { createEnvironmentPromoteAction } from './environmentPromote';

const server = setupServer();
registerMswTestHooks(server);
const cfn = mockClient(CloudFormationClient);

const STAGING = 'environment:default/macro-ai-api-staging';
const REPO = '/repos/acme/macro-ai';

function createAction(
  options: {
    aws?: ReturnType<typeof configuredAws>;
    freezeWindows?: FreezeWindow[];
    config?: ConfigReader;
    permissions?: ReturnType<typeof mockServices.permissions.mock>;
  } = {},
) {
  const engine = testPromotionEngine(options);
  return createEnvironmentPromoteAction({
    catalog: catalogServiceMock({
      entities: [
        ...exampleCatalog(),
        environmentEntity({ name: 'lonely', spec: { branch: 'develop' } }),
      ],
    }),
    engine,
    permissions: options.permissions,
  });
}

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

  it('opens a pull request from develop to main listing the waiting commits, after reporting each gate', async () => {
    const { ctx, outputs, logs } = actionContext({
      environmentRef: STAGING,
      strategy: 'pull-request',
    });

    await createAction().handler(ctx);

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
            `- ${DEVELOP_SHA.slice(0, 7)} Fix token count`,
            '- c0ffee0 Add streaming responses',
          ].join('\n'),
        },
      },
    ]);
    expect(outputs).toEqual({
      target: 'environment:default/macro-ai-api-production',
      strategy: 'pull-request',
      result: 'succeeded',
      message: 'Opened pull request #57 from develop to main',
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
          id: 'checks-green',
          status: 'passed',
          message: `2 checks green on develop@${DEVELOP_SHA.slice(0, 7)}`,
        },
        {
          id: 'commits-pending',
          status: 'passed',
          message: '2 commits to promote',
        },
      ],
      link: 'https://github.com/acme/macro-ai/pull/57',
      pullRequestNumber: 57,
      pullRequestUrl: 'https://github.com/acme/macro-ai/pull/57',
    });
    expect(logs()).toEqual(
      expect.arrayContaining([
        'info: Promoting environment:default/macro-ai-api-staging into environment:default/macro-ai-api-production with strategy pull-request',
        'info: Gate freeze-window: passed: No freeze window covers production now',
        'info: Gate deployment-complete: passed: MacroAiStagingStack is UPDATE_COMPLETE',
        `info: Gate checks-green: passed: 2 checks green on develop@${DEVELOP_SHA.slice(
          0,
          7,
        )}`,
        'info: Opened pull request #57 from develop to main',
      ]),
    );
    expect(logs().join('\n')).not.toContain(GITHUB_TOKEN);
  });

  it('reuses an open promotion pull request', async () => {
    github.withOpenPullRequest();
    const { ctx, outputs } = actionContext({ environmentRef: STAGING });

    await createAction().handler(ctx);

    expect(github.writes()).toEqual([]);
    expect(outputs).toMatchObject({
      result: 'succeeded',
      pullRequestNumber: 56,
      message: 'Pull request #56 from develop to main is already open',
    });
  });

  it('dispatches the promote workflow on the target branch and outputs the run it started', async () => {
    const { ctx, outputs } = actionContext({
      environmentRef: STAGING,
      strategy: 'workflow-dispatch',
    });

    await createAction().handler(ctx);

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
        },
      },
    ]);
    expect(outputs).toMatchObject({
      result: 'succeeded',
      strategy: 'workflow-dispatch',
      message: `Dispatched workflow promote.yml on main to promote ${DEVELOP_SHA.slice(
        0,
        7,
      )} from develop: run 12345678901`,
      runId: 12345678901,
      runUrl: 'https://github.com/acme/macro-ai/actions/runs/12345678901',
      link: 'https://github.com/acme/macro-ai/actions/runs/12345678901',
    });
  });

  it('merges the approved promotion pull request with the merge strategy', async () => {
    github.withOpenPullRequest('alice');
    const { ctx, outputs } = actionContext({
      environmentRef: STAGING,
      strategy: 'merge',
    });

    await createAction().handler(ctx);

    expect(github.writes()).toEqual([
      {
        method: 'PUT',
        path: `${REPO}/pulls/56/merge`,
        body: {
          merge_method: 'merge',
          sha: DEVELOP_SHA,
          commit_title:
            'Promote macro-ai-api-staging to macro-ai-api-production (#56)',
          commit_message: expect.stringContaining(
            'requested by user:default/guest',
          ),
        },
      },
    ]);
    expect(outputs).toMatchObject({
      result: 'succeeded',
      message: 'Merged pull request #56 from develop into main as 9e8d7c6',
      pullRequestNumber: 56,
    });
  });

  it('changes nothing with the merge strategy when no promotion pull request is open', async () => {
    const { ctx } = actionContext({
      environmentRef: STAGING,
      strategy: 'merge',
    });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'gate pull-request-ready (No open pull request from develop to main: open one first (strategy pull-request), and merge it once it is approved)',
    );
    expect(github.writes()).toEqual([]);
  });

  it('changes nothing and fails naming the gate when checks are not green', async () => {
    github.checkRuns = [
      { name: 'test', status: 'completed', conclusion: 'failure' },
    ];
    const { ctx, logs } = actionContext({ environmentRef: STAGING });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      `Promotion blocked by gate checks-green (Checks failing on develop@${DEVELOP_SHA.slice(
        0,
        7,
      )}: test (check run): failure)`,
    );
    expect(github.writes()).toEqual([]);
    expect(logs()).toContain(
      `info: Gate checks-green: failed: Checks failing on develop@${DEVELOP_SHA.slice(
        0,
        7,
      )}: test (check run): failure`,
    );
  });

  it('changes nothing when the source deployment is not complete', async () => {
    cfn.on(DescribeStacksCommand).resolves({
      Stacks: [stack('MacroAiStagingStack', 'UPDATE_ROLLBACK_COMPLETE')],
    });
    const { ctx } = actionContext({ environmentRef: STAGING });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'gate deployment-complete (MacroAiStagingStack is UPDATE_ROLLBACK_COMPLETE; promote once its deployment is CREATE_COMPLETE or UPDATE_COMPLETE)',
    );
    expect(github.writes()).toEqual([]);
  });

  it('changes nothing inside a freeze window', async () => {
    const { ctx } = actionContext({ environmentRef: STAGING });
    const always: FreezeWindow = {
      name: 'release freeze',
      stages: ['production'],
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    };

    await expect(
      createAction({ freezeWindows: [always] }).handler(ctx),
    ).rejects.toThrow(
      'gate freeze-window (production is frozen by release freeze (mon, tue, wed, thu, fri, sat, sun UTC))',
    );
    expect(github.writes()).toEqual([]);
  });

  it('skips the deployment gate, saying why, where AWS is not configured', async () => {
    const { ctx, logs } = actionContext({ environmentRef: STAGING });

    await createAction({ aws: unconfiguredAws() }).handler(ctx);

    expect(cfn.calls()).toHaveLength(0);
    expect(
      logs().some(line =>
        line.startsWith(
          'info: Gate deployment-complete: skipped: Deployment state not checked: AWS is not configured',
        ),
      ),
    ).toBe(true);
  });

  it('evaluates the gates but writes nothing in a dry run', async () => {
    const { ctx, outputs } = actionContext(
      { environmentRef: STAGING },
      { isDryRun: true },
    );

    await createAction().handler(ctx);

    expect(github.requests.length).toBeGreaterThan(0);
    expect(github.writes()).toEqual([]);
    expect(outputs).toMatchObject({
      result: 'dry-run',
      message:
        'Gates passed; would open (or reuse) a pull request from develop into main (2 commits)',
    });
  });

  it('says what to configure in a dry run without a GitHub token, instead of failing', async () => {
    const config = new ConfigReader({
      integrations: { github: [{ host: 'github.com' }] },
    });
    const { ctx, outputs } = actionContext(
      { environmentRef: STAGING },
      { isDryRun: true },
    );

    await createAction({ config }).handler(ctx);

    expect(github.requests).toHaveLength(0);
    expect(outputs).toMatchObject({
      result: 'dry-run',
      message: expect.stringContaining(
        'GitHub is not configured: add integrations.github',
      ),
    });
  });

  it('fails a real run without a GitHub token, saying what to configure', async () => {
    const config = new ConfigReader({
      integrations: { github: [{ host: 'github.com' }] },
    });
    const { ctx } = actionContext({ environmentRef: STAGING });

    await expect(createAction({ config }).handler(ctx)).rejects.toThrow(
      'GitHub is not configured: add integrations.github with a token or app for github.com',
    );
  });

  it('makes no calls when the task is retried after it finished', async () => {
    const checkpoints = new CheckpointStore();
    await createAction().handler(
      actionContext({ environmentRef: STAGING }, { checkpoints }).ctx,
    );
    const requests = github.requests.length;
    const awsCalls = cfn.calls().length;

    const retry = actionContext({ environmentRef: STAGING }, { checkpoints });
    await createAction().handler(retry.ctx);

    expect(github.requests).toHaveLength(requests);
    expect(cfn.calls()).toHaveLength(awsCalls);
    expect(retry.outputs).toMatchObject({
      result: 'succeeded',
      pullRequestNumber: 57,
    });
  });

  it('re-evaluates the gates when a blocked promotion is retried', async () => {
    const checkpoints = new CheckpointStore();
    github.checkRuns = [
      { name: 'test', status: 'in_progress', conclusion: null },
    ];
    await expect(
      createAction().handler(
        actionContext({ environmentRef: STAGING }, { checkpoints }).ctx,
      ),
    ).rejects.toThrow('Checks still running');
    github.checkRuns = [
      { name: 'test', status: 'completed', conclusion: 'success' },
    ];

    const retry = actionContext({ environmentRef: STAGING }, { checkpoints });
    await createAction().handler(retry.ctx);

    expect(retry.outputs).toMatchObject({ result: 'succeeded' });
  });

  it('fails for an environment without promotesTo', async () => {
    const { ctx } = actionContext({
      environmentRef: 'environment:default/lonely',
    });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'environment:default/lonely has no spec.promotesTo: there is nothing to promote it into',
    );
  });

  it('fails for an environment that is not in the catalog', async () => {
    const { ctx } = actionContext({
      environmentRef: 'environment:default/nope',
    });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'environmentRef environment:default/nope was not found in the catalog',
    );
  });

  it('names the field of a schema error', async () => {
    const { ctx } = actionContext({
      environmentRef: STAGING,
      strategy: 'yolo',
    });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'Invalid input to environment:promote: strategy must be one of pull-request, merge, workflow-dispatch; got "yolo"',
    );
  });

  it('refuses a user the permission policy does not allow to promote into the target', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: async () => [{ result: AuthorizeResult.DENY }],
    });
    const { ctx } = actionContext({ environmentRef: STAGING });

    await expect(createAction({ permissions }).handler(ctx)).rejects.toThrow(
      'You are not allowed environments.promote on environment:default/macro-ai-api-production',
    );
    expect(github.requests).toHaveLength(0);
  });
});
