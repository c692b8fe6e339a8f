/*
 * The fake GitHub (the stand-in served over HTTP) answers the real Octokit client as GitHub's
 * REST reference says (https://docs.github.com/rest: git/refs, commits/commits#compare-two-commits,
 * pulls/pulls, pulls/reviews, commits/statuses, checks/runs, repos/repos#list-repository-activities,
 * using-the-rest-api/using-pagination-in-the-rest-api) with the seed the browser tests expect.
 * Run by scripts/e2e.sh before the browser tests:
 * node -r sucrase/register/ts --test e2e/fake-github/server.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Octokit } from 'octokit';
import { startFakeGithub } from './server';

const repo = { owner: 'acme', repo: 'macro-ai' };
let fake: Awaited<ReturnType<typeof startFakeGithub>>;
let octokit: Octokit;

before(async () => {
  fake = await startFakeGithub({ token: 'test-token' });
  // no retries: a refusal (405, 409) is final here, as in Stageline's client (createGithubClient)
  octokit = new Octokit({
    auth: 'test-token',
    baseUrl: fake.url,
    retry: { enabled: false },
    throttle: { enabled: false },
  });
});
after(() => fake.close());

const head = async (branch: string) =>
  (await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` })).data
    .object.sha;

test('refuses a request without the token, as GitHub does (401 Bad credentials)', async () => {
  for (const auth of [undefined, 'another-token']) {
    const stranger = new Octokit({ auth, baseUrl: fake.url });
    await assert.rejects(
      stranger.rest.git.getRef({ ...repo, ref: 'heads/main' }),
      { status: 401, message: /Bad credentials/ },
    );
  }
});

test('names main as the default branch of acme/macro-ai, in URLs of this server', async () => {
  const { data } = await octokit.rest.repos.get(repo);
  assert.equal(data.full_name, 'acme/macro-ai');
  assert.equal(data.default_branch, 'main');
  const pull = await octokit.rest.pulls.get({ ...repo, pull_number: 42 });
  assert.equal(pull.data.url, `${fake.url}/repos/acme/macro-ai/pulls/42`);
  assert.equal(pull.data.html_url, 'https://github.com/acme/macro-ai/pull/42');
});

test('compares main with develop: the commit develop has, and green checks on it', async () => {
  const [main, develop] = [await head('main'), await head('develop')];
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
    ...repo,
    basehead: `${main}...${develop}`,
  });
  assert.equal(data.status, 'ahead');
  assert.equal(data.ahead_by, 1);
  assert.deepEqual(
    data.commits.map(c => [c.sha, c.commit.message]),
    [[develop, 'Add a readiness probe to the API']],
  );
  const status = await octokit.rest.repos.getCombinedStatusForRef({
    ...repo,
    ref: develop,
  });
  assert.equal(status.data.state, 'success');
  const runs = await octokit.rest.checks.listForRef({ ...repo, ref: develop });
  assert.deepEqual(
    runs.data.check_runs.map(r => [r.name, r.status, r.conclusion]),
    [['test', 'completed', 'success']],
  );
});

test('answers a repeated GET with 304 Not Modified for its ETag', async () => {
  const get = (headers = {}) =>
    octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
      ...repo,
      ref: 'heads/main',
      headers,
    });
  const first = await get();
  await assert.rejects(get({ 'if-none-match': first.headers.etag }), {
    status: 304,
  });
});

test('follows the Link header through every page of a list, on this server', async () => {
  const pulls = await octokit.paginate(octokit.rest.pulls.list, {
    ...repo,
    per_page: 1,
  });
  assert.deepEqual(
    pulls.map(p => p.number),
    [42, 41],
  );
});

test('opens, reviews and merges a pull request; a stale head sha is refused with 409', async () => {
  const created = await octokit.rest.pulls.create({
    ...repo,
    head: 'develop',
    base: 'main',
    title: 'Promote',
  });
  assert.equal(created.status, 201);
  await assert.rejects(
    octokit.rest.pulls.create({
      ...repo,
      head: 'develop',
      base: 'main',
      title: 'again',
    }),
    { status: 422, message: /already exists/ },
  );
  const open = await octokit.rest.pulls.list({ ...repo, state: 'open' });
  assert.deepEqual(
    open.data.map(p => [p.number, p.head.ref, p.base.ref]),
    [
      [43, 'develop', 'main'],
      [42, 'feature/streaming-responses', 'develop'],
      [41, 'feature/dark-mode', 'develop'],
    ],
  );

  const reviewed = await head('develop');
  const review = await fetch(
    `${fake.url}/_e2e/repos/acme/macro-ai/pulls/43/reviews`,
    {
      method: 'POST',
      body: JSON.stringify({ login: 'reviewer', state: 'APPROVED' }),
    },
  );
  assert.equal(review.status, 201);
  const reviews = await octokit.rest.pulls.listReviews({
    ...repo,
    pull_number: 43,
  });
  assert.deepEqual(
    reviews.data.map(r => [r.user?.login, r.state, r.commit_id]),
    [['reviewer', 'APPROVED', reviewed]],
  );
  const permission = await octokit.rest.repos.getCollaboratorPermissionLevel({
    ...repo,
    username: 'reviewer',
  });
  assert.equal(permission.data.permission, 'write');
  // GitHub computes mergeability in the background after a pull request opens
  const pull = async () =>
    (await octokit.rest.pulls.get({ ...repo, pull_number: 43 })).data;
  assert.equal((await pull()).mergeable, null);
  const computed = await pull();
  assert.equal(computed.mergeable, true);
  assert.equal(computed.head.sha, reviewed);

  await assert.rejects(
    octokit.rest.pulls.merge({ ...repo, pull_number: 43, sha: 'f'.repeat(40) }),
    { status: 409, message: /Head branch was modified/ },
  );
  const merged = await octokit.rest.pulls.merge({
    ...repo,
    pull_number: 43,
    sha: reviewed,
    merge_method: 'merge',
  });
  assert.equal(merged.data.merged, true);
  assert.equal(await head('main'), merged.data.sha);
  const comparison = await octokit.rest.repos.compareCommitsWithBasehead({
    ...repo,
    basehead: 'main...develop',
  });
  assert.equal(comparison.data.ahead_by, 0);
  assert.equal(comparison.data.status, 'behind');
  await assert.rejects(octokit.rest.pulls.merge({ ...repo, pull_number: 43 }), {
    status: 405,
  });
});

test('pushes commits to a branch through /_e2e/, green on the new head', async () => {
  const before = await head('feature/streaming-responses');
  const pushed = await fetch(`${fake.url}/_e2e/repos/acme/macro-ai/push`, {
    method: 'POST',
    body: JSON.stringify({
      branch: 'feature/streaming-responses',
      messages: ['One', 'Two'],
    }),
  });
  assert.equal(pushed.status, 201);
  const { sha } = await pushed.json();
  assert.equal(await head('feature/streaming-responses'), sha);
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
    ...repo,
    basehead: `${before}...${sha}`,
  });
  assert.deepEqual(
    data.commits.map(c => c.commit.message),
    ['One', 'Two'],
  );
  const status = await octokit.rest.repos.getCombinedStatusForRef({
    ...repo,
    ref: sha,
  });
  assert.equal(status.data.state, 'success');
});

test('records requests no handler answers, so the browser tests can fail on them', async () => {
  await assert.rejects(octokit.rest.repos.listCollaborators(repo), {
    status: 404,
  });
  const unanswered = await (await fetch(`${fake.url}/_e2e/unanswered`)).json();
  assert.deepEqual(unanswered, ['GET /repos/acme/macro-ai/collaborators']);
});

test("lists a branch's pushes, newest first (the preview provider's last push)", async () => {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/activity', {
    ...repo,
    ref: 'refs/heads/feature/dark-mode',
    per_page: 10,
  });
  assert.deepEqual(
    data.map((a: { activity_type: string; after: string }) => [
      a.activity_type,
      a.after,
    ]),
    [['push', await head('feature/dark-mode')]],
  );
  const hoursAgo = (Date.now() - Date.parse(data[0].timestamp)) / 3_600_000;
  assert.ok(hoursAgo > 19 && hoursAgo < 21, `pushed ${hoursAgo} hours ago`);
});

test('pull request #41 is alice’s, opened a day ago (the preview provider’s preview)', async () => {
  const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: 41 });
  assert.equal(data.user.login, 'alice');
  const hoursAgo = (Date.now() - Date.parse(data.created_at)) / 3_600_000;
  assert.ok(hoursAgo > 23 && hoursAgo < 25, `opened ${hoursAgo} hours ago`);
});
