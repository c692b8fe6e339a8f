import { setupServer } from 'msw/node';
import { Octokit } from 'octokit';
import { GithubStandIn } from './GithubStandIn';

const SLUG = 'acme/macro-ai';
const repo = { owner: 'acme', repo: 'macro-ai' };
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

// https://docs.github.com/rest/pulls/pulls#create-a-pull-request: issues and pull requests
// share one numbering, so a repository's pull requests may start at any number.
it('numbers a created pull request after the highest number, not after the count', async () => {
  const github = new GithubStandIn();
  github.addRepo(SLUG, ['main', 'develop', 'feature']);
  server.resetHandlers(...github.handlers());
  github.push(SLUG, 'feature');
  github.push(SLUG, 'develop');
  expect(
    github.openPull(SLUG, 'feature', 'develop', 'Feature', { number: 41 }),
  ).toBe(41);

  const octokit = new Octokit({ auth: 'token-a', retry: { enabled: false } });
  const created = await octokit.rest.pulls.create({
    ...repo,
    head: 'develop',
    base: 'main',
    title: 'Promote',
  });
  expect(created.data.number).toBe(42);
  const open = await octokit.rest.pulls.list({ ...repo });
  expect(open.data.map(p => p.number)).toEqual([42, 41]);
});
