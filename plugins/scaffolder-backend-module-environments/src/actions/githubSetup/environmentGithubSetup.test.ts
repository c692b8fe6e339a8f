import { permissionPolicy } from '../../__testUtils__/permissionPolicy';
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import sodium from 'libsodium-wrappers';
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  actionContext,
  CheckpointStore,
} from '../../__testUtils__/actionContext';
import { exampleCatalog } from '../../__testUtils__/entities';
import {
  GITHUB_TOKEN,
  githubClientsWithoutWaits,
  githubConfig,
  GithubStandIn,
} from '../../__testUtils__/githubStandIn';
import { createEnvironmentGithubSetupAction } from './environmentGithubSetup';

const server = setupServer();
registerMswTestHooks(server);

const REPO_URL = 'github.com?owner=acme&repo=macro-ai';
const ENV = '/repos/acme/macro-ai/environments';

const staging = {
  name: 'staging',
  branches: ['develop'],
  variables: { CDK_DEPLOY_ENV: 'staging', CDK_DEPLOY_SCALE: 'hobby' },
  secrets: {
    AWS_DEPLOY_ROLE_ARN:
      'arn:aws:iam::123456789012:role/macro-ai-staging-deploy',
  },
};
const production = {
  name: 'production',
  branches: ['main'],
  reviewers: ['group:default/platform', 'user:default/guest'],
  waitTimer: 5,
  preventSelfReview: true,
};

function createAction(config = githubConfig(), policy = permissionPolicy()) {
  return createEnvironmentGithubSetupAction({
    catalog: catalogServiceMock({ entities: exampleCatalog() }),
    github: githubClientsWithoutWaits(config),
    ...policy.authorization,
  });
}

describe('environment:github:setup', () => {
  let github: GithubStandIn;
  let privateKey: Uint8Array;
  let publicKey: Uint8Array;

  beforeAll(async () => {
    await sodium.ready;
    ({ privateKey, publicKey } = sodium.crypto_box_keypair());
  });

  beforeEach(() => {
    github = new GithubStandIn(server);
    github.publicKey.key = sodium.to_base64(
      publicKey,
      sodium.base64_variants.ORIGINAL,
    );
  });

  it('needs environments.deploy on every Environment of the repository, and writes nothing without it', async () => {
    const policy = permissionPolicy({
      denied: ['environment:default/macro-ai-api-production'],
    });
    const { ctx } = actionContext({
      repoUrl: REPO_URL,
      environments: [staging],
    });
    await expect(
      createAction(githubConfig(), policy).handler(ctx),
    ).rejects.toThrow(
      'You are not allowed environments.deploy on environment:default/macro-ai-api-production, the Environment of acme/macro-ai: changing its GitHub environments needs it on every Environment of the repository',
    );
    expect(policy.asked).toEqual(
      expect.arrayContaining([
        'environments.deploy on environment:default/macro-ai-api-staging',
        'environments.deploy on environment:default/macro-ai-api-production',
      ]),
    );
    expect(github.requests).toEqual([]);
  });

  it("leaves a repository no Environment names yet (a new one) to the scaffolder's own permissions", async () => {
    const policy = permissionPolicy({
      denied: ['environment:default/macro-ai-api-production'],
    });
    const { ctx, outputs } = actionContext(
      {
        repoUrl: 'github.com?owner=acme&repo=brand-new',
        environments: [staging],
      },
      { isDryRun: true },
    );
    await createAction(githubConfig(), policy).handler(ctx);
    expect(policy.asked).toEqual([]);
    expect(outputs.changed).toBe(false);
  });

  it('creates the environments with branch policies, reviewers, variables and sealed secrets', async () => {
    const { ctx, outputs, logs } = actionContext({
      repoUrl: REPO_URL,
      environments: [staging, production],
    });

    await createAction().handler(ctx);

    expect(github.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      `GET ${ENV}/staging`,
      `PUT ${ENV}/staging`,
      `GET ${ENV}/staging/deployment-branch-policies`,
      `POST ${ENV}/staging/deployment-branch-policies`,
      `GET ${ENV}/staging/variables`,
      `POST ${ENV}/staging/variables`,
      `POST ${ENV}/staging/variables`,
      `GET ${ENV}/staging/secrets`,
      `GET ${ENV}/staging/secrets/public-key`,
      `PUT ${ENV}/staging/secrets/AWS_DEPLOY_ROLE_ARN`,
      'GET /orgs/acme/teams/platform',
      'GET /users/octo-guest',
      `GET ${ENV}/production`,
      `PUT ${ENV}/production`,
      `GET ${ENV}/production/deployment-branch-policies`,
      `POST ${ENV}/production/deployment-branch-policies`,
    ]);
    const body = (method: string, path: string) =>
      github.requests.find(r => r.method === method && r.path === path)?.body;
    expect(body('PUT', `${ENV}/staging`)).toEqual({
      wait_timer: 0,
      prevent_self_review: false,
      reviewers: [],
      deployment_branch_policy: {
        protected_branches: false,
        custom_branch_policies: true,
      },
    });
    expect(body('PUT', `${ENV}/production`)).toEqual({
      wait_timer: 5,
      prevent_self_review: true,
      reviewers: [
        { type: 'Team', id: 1234567 },
        { type: 'User', id: 583231 },
      ],
      deployment_branch_policy: {
        protected_branches: false,
        custom_branch_policies: true,
      },
    });
    expect(
      body('POST', `${ENV}/production/deployment-branch-policies`),
    ).toEqual({ name: 'main', type: 'branch' });
    expect(github.variables.get('staging')).toEqual(
      new Map([
        ['CDK_DEPLOY_ENV', 'staging'],
        ['CDK_DEPLOY_SCALE', 'hobby'],
      ]),
    );

    const sealed = github.secrets.get('staging')!.get('AWS_DEPLOY_ROLE_ARN')!;
    expect(sealed.key_id).toBe('3380204578043523366');
    const opened = sodium.crypto_box_seal_open(
      sodium.from_base64(
        sealed.encrypted_value,
        sodium.base64_variants.ORIGINAL,
      ),
      publicKey,
      privateKey,
    );
    expect(sodium.to_string(opened)).toBe(staging.secrets.AWS_DEPLOY_ROLE_ARN);

    expect(outputs).toEqual({
      environments: [
        {
          name: 'staging',
          url: 'https://github.com/acme/macro-ai/deployments/activity_log?environments_filter=staging',
          created: true,
          changes: [
            'created',
            'branch policy develop added',
            'variable CDK_DEPLOY_ENV created',
            'variable CDK_DEPLOY_SCALE created',
            'secret AWS_DEPLOY_ROLE_ARN created',
          ],
        },
        {
          name: 'production',
          url: 'https://github.com/acme/macro-ai/deployments/activity_log?environments_filter=production',
          created: true,
          changes: ['created', 'branch policy main added'],
        },
      ],
      changed: true,
    });
    const logged = logs().join('\n');
    expect(logged).not.toContain(staging.secrets.AWS_DEPLOY_ROLE_ARN);
    expect(logged).not.toContain(GITHUB_TOKEN);
    expect(JSON.stringify(outputs)).not.toContain(
      staging.secrets.AWS_DEPLOY_ROLE_ARN,
    );
  });

  it('changes nothing when run a second time', async () => {
    const input = { repoUrl: REPO_URL, environments: [staging, production] };
    await createAction().handler(actionContext(input).ctx);
    const writesAfterFirstRun = github.writes().length;

    const second = actionContext(input);
    await createAction().handler(second.ctx);

    expect(github.writes()).toHaveLength(writesAfterFirstRun);
    expect(second.outputs).toMatchObject({
      environments: [
        { name: 'staging', created: false, changes: [] },
        { name: 'production', created: false, changes: [] },
      ],
      changed: false,
    });
    expect(second.logs()).toContain(
      'info: Environment staging of acme/macro-ai is already up to date',
    );
  });

  it('updates only what differs, and removes branch policies not asked for', async () => {
    await createAction().handler(
      actionContext({ repoUrl: REPO_URL, environments: [staging] }).ctx,
    );
    github.policies.set('staging', [
      ...github.policies.get('staging')!,
      {
        id: 99,
        node_id: 'MDE2OkdhdGVCcmFuY2hQb2xpY3k5OQ==',
        name: 'feature/*',
        type: 'branch',
      },
    ]);
    github.requests.length = 0;

    const changed = {
      ...staging,
      waitTimer: 2,
      variables: { ...staging.variables, CDK_DEPLOY_SCALE: 'enterprise' },
    };
    const { ctx, outputs } = actionContext({
      repoUrl: REPO_URL,
      environments: [changed],
    });
    await createAction().handler(ctx);

    expect(github.writes().map(r => `${r.method} ${r.path}`)).toEqual([
      `PUT ${ENV}/staging`,
      `DELETE ${ENV}/staging/deployment-branch-policies/99`,
      `PATCH ${ENV}/staging/variables/CDK_DEPLOY_SCALE`,
    ]);
    expect(outputs).toMatchObject({
      environments: [
        {
          created: false,
          changes: [
            'protection: wait timer 0 → 2 minutes',
            'branch policy feature/* removed',
            'variable CDK_DEPLOY_SCALE updated',
          ],
        },
      ],
    });
  });

  it('keeps the settings a partial spec does not mention', async () => {
    await createAction().handler(
      actionContext({ repoUrl: REPO_URL, environments: [production] }).ctx,
    );
    github.requests.length = 0;

    const { ctx, outputs } = actionContext({
      repoUrl: REPO_URL,
      environments: [
        { name: 'production', variables: { CDK_DEPLOY_SCALE: 'enterprise' } },
      ],
    });
    await createAction().handler(ctx);

    expect(github.writes().map(r => `${r.method} ${r.path}`)).toEqual([
      `POST ${ENV}/production/variables`,
    ]);
    expect(github.environments.get('production')).toMatchObject({
      wait_timer: 5,
      prevent_self_review: true,
      reviewers: [
        { type: 'Team', id: 1234567 },
        { type: 'User', id: 583231 },
      ],
    });
    expect(outputs).toMatchObject({
      environments: [{ changes: ['variable CDK_DEPLOY_SCALE created'] }],
    });
  });

  it('replaces existing secrets only when asked', async () => {
    await createAction().handler(
      actionContext({ repoUrl: REPO_URL, environments: [staging] }).ctx,
    );
    github.requests.length = 0;

    await createAction().handler(
      actionContext({
        repoUrl: REPO_URL,
        environments: [staging],
        replaceSecrets: true,
      }).ctx,
    );

    expect(github.writes().map(r => `${r.method} ${r.path}`)).toEqual([
      `PUT ${ENV}/staging/secrets/AWS_DEPLOY_ROLE_ARN`,
    ]);
  });

  it('makes no calls when the task is retried after it finished', async () => {
    const checkpoints = new CheckpointStore();
    const input = { repoUrl: REPO_URL, environments: [staging] };
    await createAction().handler(actionContext(input, { checkpoints }).ctx);
    const requestsAfterFirstRun = github.requests.length;

    const retry = actionContext(input, { checkpoints });
    await createAction().handler(retry.ctx);

    expect(github.requests).toHaveLength(requestsAfterFirstRun);
    expect(retry.outputs).toMatchObject({
      changed: true,
      environments: [{ name: 'staging', created: true }],
    });
  });

  it('retries a request GitHub answers with a 5xx', async () => {
    github.failNext(`POST ${ENV}/staging/variables`, () =>
      HttpResponse.json({ message: 'Server Error' }, { status: 502 }),
    );
    const { ctx, outputs } = actionContext({
      repoUrl: REPO_URL,
      environments: [staging],
    });

    await createAction().handler(ctx);

    expect(
      github.requests.filter(
        r => r.method === 'POST' && r.path === `${ENV}/staging/variables`,
      ),
    ).toHaveLength(3);
    expect(outputs).toMatchObject({ changed: true });
  });

  it('waits out a rate limit and retries', async () => {
    github.failNext(`GET ${ENV}/staging`, () =>
      HttpResponse.json(
        {
          message: 'API rate limit exceeded for installation ID 123.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
        },
        {
          status: 403,
          headers: {
            'x-ratelimit-limit': '5000',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-used': '5000',
            'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)),
          },
        },
      ),
    );
    const { ctx, outputs } = actionContext({
      repoUrl: REPO_URL,
      environments: [{ name: 'staging' }],
    });

    await createAction().handler(ctx);

    expect(
      github.requests.filter(
        r => r.method === 'GET' && r.path === `${ENV}/staging`,
      ),
    ).toHaveLength(2);
    expect(outputs).toMatchObject({ changed: true });
  });

  it('calls nothing in a dry run and never shows secret values', async () => {
    const { ctx, outputs, logs } = actionContext(
      { repoUrl: REPO_URL, environments: [staging, production] },
      { isDryRun: true },
    );

    await createAction().handler(ctx);

    expect(github.requests).toHaveLength(0);
    expect(outputs).toMatchObject({ changed: false });
    expect(logs()).toContain(
      'info: Dry run: would set up environment staging of acme/macro-ai: branches develop; reviewers as it is; wait timer as it is; prevent self-review as it is; variables CDK_DEPLOY_ENV, CDK_DEPLOY_SCALE; secrets AWS_DEPLOY_ROLE_ARN',
    );
    expect(JSON.stringify({ outputs, logs: logs() })).not.toContain(
      staging.secrets.AWS_DEPLOY_ROLE_ARN,
    );
  });

  it('fails for a reviewer who is not in the catalog', async () => {
    const { ctx } = actionContext({
      repoUrl: REPO_URL,
      environments: [
        { name: 'production', reviewers: ['user:default/nobody'] },
      ],
    });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'Reviewer user:default/nobody is not in the catalog',
    );
  });

  it('fails for a group without a GitHub team', async () => {
    const { ctx } = actionContext({
      repoUrl: 'github.com?owner=other&repo=macro-ai',
      environments: [
        { name: 'production', reviewers: ['group:default/platform'] },
      ],
    });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'Reviewer group:default/platform: GitHub has no team "other/platform"; set the github.com/team-slug annotation on the Group',
    );
  });

  it('says what GitHub refused, without the token', async () => {
    github.failNext(`GET ${ENV}/staging`, () =>
      HttpResponse.json(
        {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest',
        },
        { status: 403 },
      ),
    );
    const { ctx, logs } = actionContext({
      repoUrl: REPO_URL,
      environments: [staging],
    });

    const error = await createAction()
      .handler(ctx)
      .catch(e => e);

    expect(error.message).toBe(
      'GitHub refused reading environment staging of acme/macro-ai (403: Resource not accessible by integration); check the token or app permissions in integrations.github',
    );
    expect(
      JSON.stringify({ error: String(error), logs: logs() }),
    ).not.toContain(GITHUB_TOKEN);
  });

  it('says what to configure when there is no GitHub token', async () => {
    const { ctx } = actionContext({
      repoUrl: REPO_URL,
      environments: [staging],
    });

    await expect(
      createAction(
        new ConfigReader({
          integrations: { github: [{ host: 'github.com' }] },
        }),
      ).handler(ctx),
    ).rejects.toThrow(
      'GitHub is not configured: add integrations.github with a token or app for github.com',
    );
    expect(github.requests).toHaveLength(0);
  });

  it('fails for a host without a GitHub integration', async () => {
    const { ctx } = actionContext({
      repoUrl: 'ghe.example.com?owner=acme&repo=macro-ai',
      environments: [staging],
    });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      'No matching integration configuration for host ghe.example.com',
    );
  });

  it('names the field of a schema error', async () => {
    const { ctx } = actionContext({
      repoUrl: REPO_URL,
      environments: [
        { name: 'staging', waitTimer: -1, variables: { GITHUB_TOKEN: 'x' } },
      ],
    });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      /environments\.0\.waitTimer: .*; environments\.0\.variables\.GITHUB_TOKEN: names use letters, digits and _/,
    );
  });
});
