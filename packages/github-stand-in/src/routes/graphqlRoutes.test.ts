import { setupServer } from 'msw/node';
import { Octokit } from 'octokit';
import { GithubStandIn } from '../GithubStandIn';

const SLUG = 'acme/macro-ai';
const server = setupServer();
let github: GithubStandIn;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  github = new GithubStandIn();
  github.addRepo(SLUG, ['main', 'develop']);
  github.addRepo('acme/other', ['main', 'develop']);
  server.resetHandlers(...github.handlers());
});
afterAll(() => server.close());

const graphql = (query: string, variables: Record<string, unknown> = {}) =>
  new Octokit({
    auth: 'token-a',
    retry: { enabled: false },
    throttle: { enabled: false },
  }).graphql<any>(query, variables);

const STATE = `
  query State($owner: String!, $name: String!) {
    rateLimit { cost limit remaining resetAt used nodeCount }
    main: repository(owner: $owner, name: $name) {
      nameWithOwner
      ref(qualifiedName: "refs/heads/main") {
        target { oid }
        compare(headRef: "develop") {
          status aheadBy behindBy
          headTarget { ... on Commit { oid tree { oid } } }
          commits(last: 2) {
            totalCount
            nodes { oid messageHeadline url author { name user { login } } }
          }
        }
      }
      pullRequests(states: OPEN, headRefName: "develop", baseRefName: "main", first: 3) {
        totalCount
        nodes {
          number title url isDraft mergeable mergeStateStatus headRefOid
          headRepository { nameWithOwner }
          reviews(last: 100) { totalCount nodes { state authorAssociation author { login } commit { oid } } }
        }
      }
    }
  }`;

/**
 * The GraphQL API (https://docs.github.com/graphql) answered from the same repositories as the
 * REST routes, through the real Octokit; costs as
 * https://docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api
 * computes them.
 */
describe('GithubStandIn GraphQL', () => {
  it('answers branch heads, the comparison, open pull requests and reviews in GitHub shapes', async () => {
    const head = github.push(SLUG, 'develop', 3, 'Feature');
    github.openPull(SLUG, 'develop', 'main', 'Promote develop to main');
    github.review(SLUG, 1, 'alice', 'APPROVED', 'MEMBER');

    const { main: repo } = await graphql(STATE, {
      owner: 'acme',
      name: 'macro-ai',
    });

    expect(repo.nameWithOwner).toBe(SLUG);
    expect(repo.ref.target.oid).toBe(github.head(SLUG, 'main'));
    expect(repo.ref.compare).toMatchObject({
      status: 'AHEAD',
      aheadBy: 3,
      behindBy: 0,
      headTarget: { oid: head, tree: { oid: github.tree(SLUG, head) } },
    });
    // oldest first, so last: 2 is the newest two, the head last
    expect(repo.ref.compare.commits.totalCount).toBe(3);
    expect(
      repo.ref.compare.commits.nodes.map((c: any) => c.messageHeadline),
    ).toEqual(['Feature 2', 'Feature 3']);
    expect(repo.ref.compare.commits.nodes[1]).toMatchObject({
      oid: head,
      url: `https://github.com/${SLUG}/commit/${head}`,
      author: { name: 'developer', user: { login: 'developer' } },
    });
    const [pull] = repo.pullRequests.nodes;
    expect(pull).toMatchObject({
      number: 1,
      title: 'Promote develop to main',
      url: `https://github.com/${SLUG}/pull/1`,
      isDraft: false,
      // GitHub computes mergeability in the background after a pull request opens
      mergeable: 'UNKNOWN',
      mergeStateStatus: 'UNKNOWN',
      headRefOid: head,
      headRepository: { nameWithOwner: SLUG },
    });
    expect(pull.reviews.nodes).toEqual([
      {
        state: 'APPROVED',
        authorAssociation: 'MEMBER',
        author: { login: 'alice' },
        commit: { oid: head },
      },
    ]);

    github.reviewPull(SLUG, 1, { mergeable: false });
    const again = await graphql(STATE, { owner: 'acme', name: 'macro-ai' });
    expect(again.main.pullRequests.nodes[0]).toMatchObject({
      mergeable: 'CONFLICTING',
      mergeStateStatus: 'DIRTY',
    });
  });

  it('costs the requests of every connection / 100, at least 1 point, counted apart from REST', async () => {
    // per repository: pullRequests 1 request + reviews 1 per pull request asked for (100)
    const perRepository = (alias: string, name: string) => `
      ${alias}: repository(owner: "acme", name: "${name}") {
        pullRequests(first: 100, states: OPEN) { nodes { reviews(first: 50) { totalCount } } }
      }`;
    const one = await graphql(
      `{ rateLimit { cost remaining nodeCount } ${perRepository(
        'a',
        'macro-ai',
      )} }`,
    );
    expect(one.rateLimit).toMatchObject({
      cost: 1, // 101 requests
      remaining: 4999,
      nodeCount: 100 + 100 * 50,
    });

    const two = await graphql(
      `{ rateLimit { cost remaining } ${perRepository(
        'a',
        'macro-ai',
      )} ${perRepository('b', 'other')} }`,
    );
    expect(two.rateLimit).toEqual({ cost: 2, remaining: 4997 }); // 202 requests

    const noConnection = await graphql(
      `
        {
          rateLimit {
            cost
          }
          a: repository(owner: "acme", name: "macro-ai") {
            ref(qualifiedName: "main") {
              target {
                oid
              }
            }
          }
        }
      `,
    );
    expect(noConnection.rateLimit.cost).toBe(1);

    expect(github.counts).toMatchObject({
      graphqlQueries: 3,
      graphqlPoints: 4,
      rateLimited: 0,
    });
    expect(github.rateLimitUnits()).toBe(4);
  });

  it('refuses connections without first or last, or with more than 100', async () => {
    const refused = (query: string) =>
      graphql(query).then(
        () => undefined,
        error => error.errors,
      );
    expect(
      await refused(
        '{ repository(owner: "acme", name: "macro-ai") { pullRequests(states: OPEN) { totalCount } } }',
      ),
    ).toEqual([
      {
        type: 'MISSING_PAGINATION_BOUNDARIES',
        message:
          'You must provide a `first` or `last` value to properly paginate the `pullRequests` connection.',
      },
    ]);
    expect(
      await refused(
        '{ repository(owner: "acme", name: "macro-ai") { pullRequests(first: 101) { totalCount } } }',
      ),
    ).toEqual([
      expect.objectContaining({
        type: 'EXCESSIVE_PAGINATION',
        message:
          'Requesting 101 records on the `pullRequests` connection exceeds the `first` limit of 100 records.',
      }),
    ]);
    expect(github.counts.graphqlPoints).toBe(0);
  });

  it('answers null with a NOT_FOUND error for a repository that does not exist, and the rest of the data', async () => {
    const error = await graphql(
      `
        {
          a: repository(owner: "acme", name: "macro-ai") {
            nameWithOwner
          }
          b: repository(owner: "acme", name: "gone") {
            nameWithOwner
          }
        }
      `,
    ).catch(e => e);
    expect(error.name).toBe('GraphqlResponseError');
    expect(error.data).toEqual({ a: { nameWithOwner: SLUG }, b: null });
    expect(error.errors).toEqual([
      expect.objectContaining({
        type: 'NOT_FOUND',
        path: ['b'],
        message: "Could not resolve to a Repository with the name 'acme/gone'.",
      }),
    ]);
  });

  it('filters pull requests by state and branches, newest updated first when asked', async () => {
    github.push(SLUG, 'develop', 1);
    github.openPull(SLUG, 'develop', 'main');
    github.mergeabilityReads = 0;
    await new Octokit({ auth: 'token-a' }).rest.pulls.merge({
      owner: 'acme',
      repo: 'macro-ai',
      pull_number: 1,
      merge_method: 'squash',
    });
    github.push(SLUG, 'develop', 1);
    github.openPull(SLUG, 'develop', 'main');
    const { repository } = await graphql(
      `
        {
          repository(owner: "acme", name: "macro-ai") {
            merged: pullRequests(
              states: MERGED
              headRefName: "develop"
              baseRefName: "main"
              first: 5
              orderBy: { field: UPDATED_AT, direction: DESC }
            ) {
              nodes {
                number
                state
                mergedAt
                headRefOid
              }
            }
            open: pullRequests(states: OPEN, first: 5) {
              nodes {
                number
                state
              }
            }
          }
        }
      `,
    );
    expect(repository.merged.nodes).toEqual([
      expect.objectContaining({ number: 1, state: 'MERGED' }),
    ]);
    expect(repository.merged.nodes[0].mergedAt).toEqual(expect.any(String));
    expect(repository.open.nodes).toEqual([{ number: 2, state: 'OPEN' }]);
  });

  it('names a fork as the head repository of its pull request, with the fork head', async () => {
    github.openPull(SLUG, 'develop', 'main', 'Patch', {
      fromFork: 'mallory/macro-ai',
    });
    const rest = await new Octokit({ auth: 'token-a' }).rest.pulls.get({
      owner: 'acme',
      repo: 'macro-ai',
      pull_number: 1,
    });
    const { main: repo } = await graphql(STATE, {
      owner: 'acme',
      name: 'macro-ai',
    });
    expect(repo.pullRequests.nodes).toEqual([
      expect.objectContaining({
        headRefOid: rest.data.head.sha,
        headRepository: { nameWithOwner: 'mallory/macro-ai' },
      }),
    ]);
    expect(rest.data.head.sha).not.toBe(github.head(SLUG, 'develop'));
  });
});
