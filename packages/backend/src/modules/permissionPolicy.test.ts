import { setupServer } from 'msw/node';
import { catalogYaml } from './__testUtils__/exampleOrg';
import { GithubRepository } from './__testUtils__/githubRepository';
import {
  promote,
  startStagelineBackend,
  waitForEnvironments,
} from './__testUtils__/stagelineBackend';

/*
 * The example policy end to end: the environments plugin asks the real permission backend,
 * whose policy (./permissionPolicy) answers ALLOW for platform members and a conditional
 * decision for everyone else; the permission backend then has the environments plugin apply
 * those conditions to the target Environment (its apply-conditions endpoint), which is read from
 * the real catalog. Only GitHub (msw) and the identity of the caller are stand-ins.
 */

jest.setTimeout(90_000);

const REPO = 'acme/macro-ai';
const github = new GithubRepository(REPO, ['feature', 'develop', 'main']);
const msw = setupServer(...github.handlers());

beforeAll(() =>
  msw.listen({
    onUnhandledRequest: (req, print) => {
      if (new URL(req.url).hostname.endsWith('github.com')) print.error();
    },
  }),
);
afterAll(() => msw.close());

async function startBackend() {
  const backend = await startStagelineBackend({
    catalogs: [catalogYaml(REPO)],
  });
  await waitForEnvironments(backend.server, [
    'macro-ai-api-development',
    'macro-ai-api-staging',
    'macro-ai-api-production',
  ]);
  return backend;
}

describe('the example permission policy through the real permission backend', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  beforeAll(async () => {
    backend = await startBackend();
  });
  afterAll(() => backend?.stop());
  beforeEach(() => github.reset());

  it('lets an owner (alice of team-a) promote into staging', async () => {
    github.push('feature', 2);
    const res = await promote(
      backend.server,
      'macro-ai-api-development',
      'user:default/alice',
    );
    expect(res.body.error).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      targetRef: 'environment:default/macro-ai-api-staging',
      actor: 'user:default/alice',
      result: 'succeeded',
    });
    expect(github.pulls).toEqual([
      expect.objectContaining({ head: 'feature', base: 'develop' }),
    ]);
  });

  it('refuses the same owner promotion into production (403), changing nothing', async () => {
    github.push('develop', 2);
    const res = await promote(
      backend.server,
      'macro-ai-api-staging',
      'user:default/alice',
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'user:default/alice may not promote into environment:default/macro-ai-api-production',
    );
    expect(github.pulls).toEqual([]);
  });

  it('lets a member of platform (guest) promote into production', async () => {
    github.push('develop', 2);
    const res = await promote(
      backend.server,
      'macro-ai-api-staging',
      'user:default/guest',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      targetRef: 'environment:default/macro-ai-api-production',
      result: 'succeeded',
    });
    expect(github.pulls).toEqual([
      expect.objectContaining({ head: 'develop', base: 'main' }),
    ]);
  });

  it('refuses someone who neither owns the target nor is in platform', async () => {
    github.push('feature', 1);
    const res = await promote(
      backend.server,
      'macro-ai-api-development',
      'user:default/bob',
    );
    expect(res.status).toBe(403);
  });
});
