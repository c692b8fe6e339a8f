import { setupServer } from 'msw/node';
import { Octokit } from 'octokit';
import { GithubStandIn } from './GithubStandIn';

const SLUG = 'acme/macro-ai';
const server = setupServer();
let github: GithubStandIn;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  github = new GithubStandIn();
  github.addRepo(SLUG, ['main', 'develop']);
  server.resetHandlers(...github.handlers());
});
afterAll(() => server.close());

const client = (token = 'token-a') =>
  new Octokit({
    auth: token,
    retry: { enabled: false },
    throttle: { enabled: false },
  });
const repo = { owner: 'acme', repo: 'macro-ai' };

/** What the stand-in does is checked here through the real Octokit, against GitHub's reference. */
describe('GithubStandIn', () => {
  // https://docs.github.com/rest/commits/commits#compare-two-commits
  it('lists the newest 250 commits of an unpaged comparison, the earliest first page when paged', async () => {
    github.push(SLUG, 'develop', 260);
    const commitsOf = async (query: object) =>
      (
        await client().rest.repos.compareCommitsWithBasehead({
          ...repo,
          basehead: 'main...develop',
          ...query,
        })
      ).data;
    const unpaged = await commitsOf({});
    expect(unpaged.total_commits).toBe(260);
    expect(unpaged.commits).toHaveLength(250);
    expect(unpaged.commits.at(-1)!.sha).toBe(github.head(SLUG, 'develop'));
    const paged = await commitsOf({ per_page: 250 });
    expect(paged.commits).toHaveLength(100);
    expect(paged.commits[0].commit.message).toMatch(/^Change 1\n/);
  });

  // https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate
  it('answers 304 only to the token that got the ETag', async () => {
    const get = (token: string, etag?: string) =>
      client(token)
        .request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
          ...repo,
          ref: 'heads/main',
          headers: etag ? { 'if-none-match': etag } : {},
        })
        .then(
          r => r.status,
          e => e.status,
        );
    const { headers } = await client('token-a').rest.git.getRef({
      ...repo,
      ref: 'heads/main',
    });
    expect(await get('token-a', headers.etag)).toBe(304);
    expect(await get('token-b', headers.etag)).toBe(200);
  });

  // https://docs.github.com/rest/pulls/pulls#merge-a-pull-request
  it('squash-merges into one commit holding the same tree, and refuses forbidden methods (405) and a moved head (409)', async () => {
    github.repo(SLUG).allow.merge = false;
    const developHead = github.push(SLUG, 'develop', 2);
    const number = github.openPull(SLUG, 'develop', 'main');
    const merge = (body: object) =>
      client()
        .rest.pulls.merge({ ...repo, pull_number: number, ...body })
        .then(
          r => r.status,
          e => [e.status, e.response.data.message],
        );
    expect(await merge({ merge_method: 'merge' })).toEqual([
      405,
      'Merge commits are not allowed on this repository.',
    ]);
    expect(
      await merge({ merge_method: 'squash', sha: 'f'.repeat(40) }),
    ).toEqual([
      409,
      'Head branch was modified. Review and try the merge again.',
    ]);
    expect(await merge({ merge_method: 'squash', sha: developHead })).toBe(200);
    const main = github.head(SLUG, 'main');
    expect(github.tree(SLUG, main)).toBe(github.tree(SLUG, developHead));
    const { data } = await client().rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: 'main...develop',
    });
    expect([data.ahead_by, data.behind_by]).toEqual([2, 1]);
  });

  // https://docs.github.com/rest/guides/using-the-rest-api-to-interact-with-your-git-database#checking-mergeability-of-pull-requests
  it('answers mergeable null right after a pull request opens or its branch moves', async () => {
    github.push(SLUG, 'develop');
    const number = github.openPull(SLUG, 'develop', 'main');
    const mergeable = async () =>
      (await client().rest.pulls.get({ ...repo, pull_number: number })).data
        .mergeable;
    expect(await mergeable()).toBeNull();
    expect(await mergeable()).toBe(true);
    github.push(SLUG, 'develop');
    expect(await mergeable()).toBeNull();
  });

  // https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow
  it('shows a dispatched run late, newest first, filtered by branch, event, actor and created', async () => {
    github.clock = () => new Date('2026-01-05T10:00:00Z');
    github.addRun(SLUG, { branch: 'main', event: 'push', actor: 'dev' });
    github.clock = () => new Date('2026-01-05T10:00:05Z');
    const dispatched = await client().rest.actions.createWorkflowDispatch({
      ...repo,
      workflow_id: 'promote.yml',
      ref: 'main',
      inputs: { source_branch: 'develop', target_branch: 'main', sha: 'abc' },
    });
    expect(dispatched.status).toBe(204);
    const list = async (query: object) =>
      (
        await client().rest.actions.listWorkflowRuns({
          ...repo,
          workflow_id: 'promote.yml',
          ...query,
        })
      ).data.workflow_runs.map(r => [r.event, r.actor!.login, r.display_title]);
    expect(await list({ event: 'workflow_dispatch' })).toEqual([]);
    expect(
      await list({ branch: 'main', created: '>=2026-01-05T10:00:01Z' }),
    ).toEqual([
      ['workflow_dispatch', 'stageline[bot]', 'Promote develop@abc to main'],
    ]);
    expect(await list({ actor: 'dev' })).toEqual([['push', 'dev', 'promote']]);
  });

  // https://docs.github.com/rest/deployments/branch-policies#create-a-deployment-branch-policy
  // (fetch follows the 303 to the existing policy, so a duplicate answers it and adds none)
  it('refuses branch policies while custom policies are off (404) and a duplicate (303)', async () => {
    const octokit = client();
    const environment = { ...repo, environment_name: 'production' };
    await octokit.rest.repos.createOrUpdateEnvironment(environment);
    const add = () =>
      octokit.rest.repos
        .createDeploymentBranchPolicy({ ...environment, name: 'main' })
        .then(
          r => [r.status, r.data.id],
          e => e.status,
        );
    expect(await add()).toBe(404);
    await octokit.rest.repos.createOrUpdateEnvironment({
      ...environment,
      deployment_branch_policy: {
        protected_branches: false,
        custom_branch_policies: true,
      },
    });
    const [status, id] = (await add()) as number[];
    expect(status).toBe(200);
    expect(await add()).toEqual([200, id]);
    expect(github.requests.map(r => r.method)).toEqual([
      'PUT',
      'POST',
      'PUT',
      'POST',
      'POST',
      'GET',
    ]);
    expect(github.repo(SLUG).policies.get('production')).toHaveLength(1);
  });

  // https://docs.github.com/rest/pulls/pulls#list-pull-requests
  it('lists open pull requests with their author, dates and head repository, a fork as such', async () => {
    github.clock = () => new Date('2026-01-05T09:00:00Z');
    github.push(SLUG, 'feature/a');
    const own = github.openPull(SLUG, 'feature/a', 'develop', 'A', {
      author: 'alice',
    });
    const fork = github.openPull(SLUG, 'patch-1', 'develop', 'B', {
      author: 'mallory',
      fromFork: 'mallory/macro-ai',
    });
    github.clock = () => new Date('2026-01-05T10:00:00Z');
    github.closePull(SLUG, own);
    const list = async (state: 'open' | 'closed') =>
      (await client().rest.pulls.list({ ...repo, state })).data.map(p => [
        p.number,
        p.user!.login,
        p.head.ref,
        p.head.repo!.full_name,
        p.created_at,
        p.closed_at,
      ]);
    expect(await list('open')).toEqual([
      [
        fork,
        'mallory',
        'patch-1',
        'mallory/macro-ai',
        '2026-01-05T09:00:00Z',
        null,
      ],
    ]);
    expect(await list('closed')).toEqual([
      [
        own,
        'alice',
        'feature/a',
        SLUG,
        '2026-01-05T09:00:00Z',
        '2026-01-05T10:00:00Z',
      ],
    ]);
  });

  // https://docs.github.com/rest/repos/repos#list-repository-activities
  it("lists a branch's pushes newest first, by ref and activity type", async () => {
    github.clock = () => new Date('2026-01-05T09:00:00Z');
    const first = github.push(SLUG, 'feature/a');
    github.clock = () => new Date('2026-01-06T09:00:00Z');
    const second = github.push(SLUG, 'feature/a');
    github.push(SLUG, 'develop');
    const activity = async (query: object) =>
      (
        await client().request('GET /repos/{owner}/{repo}/activity', {
          ...repo,
          ...query,
        })
      ).data.map((a: any) => [a.activity_type, a.after, a.timestamp]);
    expect(await activity({ ref: 'refs/heads/feature/a' })).toEqual([
      ['push', second, '2026-01-06T09:00:00Z'],
      ['branch_creation', first, '2026-01-05T09:00:00Z'],
    ]);
    expect(
      await activity({ ref: 'feature/a', activity_type: 'push', per_page: 1 }),
    ).toEqual([['push', second, '2026-01-06T09:00:00Z']]);
    await expect(activity({ activity_type: 'poke' })).rejects.toMatchObject({
      status: 422,
    });
  });
});
