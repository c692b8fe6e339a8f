/*
 * The fake GitHub answers the real Octokit client as GitHub's REST reference says
 * (https://docs.github.com/rest: git/refs, commits/commits#compare-two-commits, pulls/pulls,
 * pulls/reviews, commits/statuses, checks/runs). Run by scripts/e2e.sh before the browser tests:
 * node --test e2e/fake-github/
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Octokit } from 'octokit';
import { startFakeGithub } from './server.mjs';

const repo = { owner: 'acme', repo: 'macro-ai' };
let fake;
let octokit;

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

const head = async branch =>
  (await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` })).data
    .object.sha;

test('refuses a request without the token, as GitHub does (401 Bad credentials)', async () => {
  const anonymous = new Octokit({ baseUrl: fake.url });
  await assert.rejects(
    anonymous.rest.git.getRef({ ...repo, ref: 'heads/main' }),
    {
      status: 401,
      message: /Bad credentials/,
    },
  );
});

test('names main as the default branch of acme/macro-ai', async () => {
  const { data } = await octokit.rest.repos.get(repo);
  assert.equal(data.full_name, 'acme/macro-ai');
  assert.equal(data.default_branch, 'main');
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
  const first = await octokit.request(
    'GET /repos/{owner}/{repo}/git/ref/{ref}',
    {
      ...repo,
      ref: 'heads/main',
    },
  );
  await assert.rejects(
    octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
      ...repo,
      ref: 'heads/main',
      headers: { 'if-none-match': first.headers.etag },
    }),
    { status: 304 },
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
  await fetch(`${fake.url}/_e2e/repos/acme/macro-ai/pulls/43/reviews`, {
    method: 'POST',
    body: JSON.stringify({ login: 'reviewer', state: 'APPROVED' }),
  });
  const reviews = await octokit.rest.pulls.listReviews({
    ...repo,
    pull_number: 43,
  });
  assert.deepEqual(
    reviews.data.map(r => [r.user.login, r.state, r.commit_id]),
    [['reviewer', 'APPROVED', reviewed]],
  );
  const pull = await octokit.rest.pulls.get({ ...repo, pull_number: 43 });
  assert.equal(pull.data.mergeable, true);
  assert.equal(pull.data.head.sha, reviewed);

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
  const after = await octokit.rest.repos.compareCommitsWithBasehead({
    ...repo,
    basehead: 'main...develop',
  });
  assert.equal(after.data.ahead_by, 0);
  assert.equal(after.data.status, 'behind');
  await assert.rejects(octokit.rest.pulls.merge({ ...repo, pull_number: 43 }), {
    status: 405,
  });
});

test('records requests to routes it does not know, so the browser tests can fail on them', async () => {
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
    data.map(a => [a.activity_type, a.after]),
    [['push', await head('feature/dark-mode')]],
  );
  const hoursAgo = (Date.now() - Date.parse(data[0].timestamp)) / 3_600_000;
  assert.ok(hoursAgo > 19 && hoursAgo < 21, `pushed ${hoursAgo} hours ago`);
});
