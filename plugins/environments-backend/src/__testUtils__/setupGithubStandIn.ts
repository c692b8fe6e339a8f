import { setupServer } from 'msw/node';
import { GithubStandIn } from '@stageline/github-stand-in';
import { SLUG } from './promotionFixtures';

/**
 * A fresh {@link GithubStandIn} behind msw for every test of the file (unhandled requests fail
 * the test) holding `acme/macro-ai` with `develop` two commits ahead of `main`. Read
 * `fake.github` inside tests; `fake.server.use(...)` overrides a route.
 */
export function setupGithubStandIn() {
  const fake = { github: new GithubStandIn(), server: setupServer() };
  beforeAll(() => fake.server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    fake.github = new GithubStandIn();
    fake.github.addRepo(SLUG, ['main', 'develop']);
    fake.github.push(SLUG, 'develop', 2);
    fake.server.resetHandlers(...fake.github.handlers());
  });
  afterAll(() => fake.server.close());
  return fake;
}
