import { http, HttpResponse } from 'msw';
import { Octokit } from 'octokit';
import { setupGithubStandIn } from '../../../__testUtils__/setupGithubStandIn';
import {
  environment,
  githubProvider,
  production,
  SLUG,
  staging,
} from '../../../__testUtils__/promotionFixtures';

const fake = setupGithubStandIn();
/** Octokit spaces GraphQL queries a second apart; these tests need not wait. */
const quick = { writeIntervalMs: 0 };

/** Staging (develop) promoting to production (main) of one repository. */
function pairOf(slug: string) {
  const name = slug.split('/')[1];
  return {
    source: environment(
      `${name}-staging`,
      {
        branch: 'develop',
        promotesTo: `environment:default/${name}-production`,
      },
      slug,
    ),
    target: environment(
      `${name}-production`,
      { type: 'production', branch: 'main' },
      slug,
    ),
  };
}

const mergeWith = (method: 'merge' | 'squash' | 'rebase') =>
  new Octokit({
    auth: 'someone',
    throttle: { enabled: false },
    retry: { enabled: false },
  }).rest.pulls.merge({
    owner: 'acme',
    repo: 'macro-ai',
    pull_number: 1,
    merge_method: method,
  });

describe('promotion state through batched GraphQL', () => {
  it('reads 120 repositories in 3 queries of at most 50, spending GraphQL points and no REST request', async () => {
    const slugs = Array.from({ length: 120 }, (_, i) => `acme/service-${i}`);
    slugs.forEach((slug, i) => {
      fake.github.addRepo(slug, ['main', 'develop']);
      fake.github.push(slug, 'develop', i % 3);
    });
    fake.github.resetCounts();

    const sections = await githubProvider(quick).getPromotionStates(
      slugs.map(pairOf),
    );

    expect(sections.map(s => s.commitsAhead)).toEqual(
      slugs.map((_, i) => i % 3),
    );
    expect(sections.every(s => s.status === 'ok')).toBe(true);
    expect(fake.github.counts).toMatchObject({
      graphqlQueries: 3,
      rateLimited: 0,
    });
    // per pair: the comparison's commits, open pull requests, their reviews (3 pull requests),
    // merged pull requests = 6 requests; 50 pairs = 300 requests = 3 points, 20 pairs = 1
    expect(fake.github.counts.graphqlPoints).toBe(3 + 3 + 1);
  });

  it('gives the same status as the REST reads, pull request approvals and merges included', async () => {
    fake.github.mergeabilityReads = 0;
    fake.github.setRole(SLUG, 'carol', 'triage');
    const both = async () => {
      const [graphql, rest] = await Promise.all([
        githubProvider(quick).getPromotionState(staging, production),
        githubProvider({ ...quick, reads: 'rest' }).getPromotionState(
          staging,
          production,
        ),
      ]);
      expect(graphql).toEqual(rest);
      return graphql;
    };

    expect(await both()).toMatchObject({ commitsAhead: 2 });
    fake.github.openPull(SLUG, 'develop', 'main', 'Promote develop to main');
    fake.github.review(SLUG, 1, 'carol', 'APPROVED'); // triage: no write access
    expect((await both()).pullRequest).toMatchObject({ approved: false });
    fake.github.review(SLUG, 1, 'alice', 'APPROVED');
    expect((await both()).pullRequest).toMatchObject({
      approved: true,
      mergeable: true,
    });
    fake.github.push(SLUG, 'develop', 1); // alice approved the previous head
    expect((await both()).pullRequest).toMatchObject({ approved: false });
    fake.github.review(SLUG, 1, 'alice', 'APPROVED');
    await mergeWith('squash');
    expect(await both()).toMatchObject({ commitsAhead: 0 });
    fake.github.push(SLUG, 'develop', 2);
    expect(await both()).toMatchObject({ commitsAhead: 2 });
  });

  it('leaves a pull request from a fork out, as the REST reads do, even on the same branch names', async () => {
    fake.github.mergeabilityReads = 0;
    fake.github.openPull(SLUG, 'develop', 'main', 'Not a promotion', {
      fromFork: 'mallory/macro-ai',
    });
    const [graphql, rest] = await Promise.all([
      githubProvider(quick).getPromotionState(staging, production),
      githubProvider({ ...quick, reads: 'rest' }).getPromotionState(
        staging,
        production,
      ),
    ]);
    expect(graphql).toEqual(rest);
    expect(graphql.pullRequest).toBeUndefined();
    expect(graphql.commitsAhead).toBe(2);
  });

  it('counts only the commits after the last rebase-merged head', async () => {
    fake.github.mergeabilityReads = 0;
    fake.github.openPull(SLUG, 'develop', 'main');
    await mergeWith('rebase');
    const next = fake.github.push(SLUG, 'develop', 1, 'Next');
    const section = await githubProvider(quick).getPromotionState(
      staging,
      production,
    );
    expect(section.commitsAhead).toBe(1);
    expect(section.commits?.map(c => c.sha)).toEqual([next]);
  });

  it('reads the review state through REST when a pull request has more than 100 reviews', async () => {
    fake.github.mergeabilityReads = 0;
    fake.github.openPull(SLUG, 'develop', 'main');
    fake.github.review(SLUG, 1, 'alice', 'APPROVED');
    for (let i = 0; i < 100; i++) {
      fake.github.review(SLUG, 1, `reader-${i}`, 'COMMENTED', 'NONE');
    }
    const section = await githubProvider(quick).getPromotionState(
      staging,
      production,
    );
    // alice's approval is older than the newest 100 reviews GraphQL read
    expect(section.pullRequest).toMatchObject({ approved: true });
    expect(fake.github.calls(SLUG)).toContain(
      'GET /pulls/1/reviews?per_page=100&page=2',
    );
  });

  it('fails only the section of a repository or branch GitHub does not have', async () => {
    fake.github.addRepo('acme/no-develop', ['main']);
    const [ok, gone, noBranch] = await githubProvider(quick).getPromotionStates(
      [
        { source: staging, target: production },
        pairOf('acme/gone'),
        pairOf('acme/no-develop'),
      ],
    );
    expect(ok).toMatchObject({ status: 'ok', commitsAhead: 2 });
    expect(gone).toMatchObject({
      status: 'error',
      message: expect.stringContaining(
        "GitHub found no repository acme/gone, or the configured credentials cannot see it (Could not resolve to a Repository with the name 'acme/gone'.)",
      ),
    });
    expect(noBranch).toMatchObject({
      status: 'error',
      message: expect.stringContaining(
        'GitHub has no branch develop in acme/no-develop',
      ),
    });
    expect(fake.github.counts.graphqlQueries).toBe(1);
  });

  it('fails every section of a query GitHub refuses, saying why', async () => {
    fake.server.use(
      http.post('https://api.github.com/graphql', () =>
        HttpResponse.json({ message: 'Bad credentials' }, { status: 401 }),
      ),
    );
    const sections = await githubProvider(quick).getPromotionStates([
      { source: staging, target: production },
      pairOf('acme/other'),
    ]);
    for (const section of sections) {
      expect(section).toMatchObject({ status: 'error' });
      expect(section.message).toContain(
        'GitHub refused reading the promotion state of 2 branch pairs (401: Bad credentials)',
      );
    }
  });

  it('sends branch names from the catalog as variables, never as query text', async () => {
    const hostile = 'develop") } x: repository(owner: "evil", name: "x") { id';
    const source = environment('hostile', {
      branch: hostile,
      promotesTo: 'environment:default/macro-ai-api-production',
    });
    const section = await githubProvider(quick).getPromotionState(
      source,
      production,
    );
    expect(section.status).toBe('error');
    const [sent] = fake.github.requests.filter(r => r.path === '/graphql');
    const body = sent.body as {
      query: string;
      variables: Record<string, string>;
    };
    expect(body.query).not.toContain('evil');
    expect(Object.values(body.variables)).toContain(hostile);
  });
});
