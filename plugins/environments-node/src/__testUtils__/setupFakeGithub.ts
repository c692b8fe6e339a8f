import { setupServer } from 'msw/node';
import { FakeGithubRepo } from './FakeGithubRepo';

/**
 * A fresh {@link FakeGithubRepo} behind msw for every test of the file (unhandled requests
 * fail the test). Read `fake.github` inside tests; `fake.server.use(...)` overrides a route.
 */
export function setupFakeGithub() {
  const fake = { github: new FakeGithubRepo(), server: setupServer() };
  beforeAll(() => fake.server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    fake.github = new FakeGithubRepo();
    fake.server.resetHandlers(...fake.github.handlers());
  });
  afterAll(() => fake.server.close());
  return fake;
}
