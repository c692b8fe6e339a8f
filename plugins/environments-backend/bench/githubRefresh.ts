import { setupServer } from 'msw/node';
import { Octokit } from 'octokit';
import { ConfigReader } from '@backstage/config';
import {
  GithubCredentials,
  GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { GithubSourceControlProvider } from '../src/sourceControl/github/GithubSourceControlProvider';
import { GithubStandIn } from '@stageline/github-stand-in';
import { environmentEntity } from '../src/__testUtils__/fixtures';

const TOKEN = 'ghp_benchtokenbenchtokenbenchtoken12';

/** The clients compared: a naive REST client, Stageline's REST reads (ETags) and its GraphQL reads. */
export type GithubClientKind = 'naive' | 'rest' | 'graphql';

/** One component: its repository and its three environments. */
function component(i: number) {
  const repo = `acme/service-${i}`;
  const annotations = { 'github.com/project-slug': repo };
  const name = `service-${i}`;
  const componentRef = `component:default/${name}`;
  return {
    repo,
    staging: environmentEntity(
      `${name}-staging`,
      {
        type: 'staging',
        component: componentRef,
        branch: 'develop',
        promotesTo: `environment:default/${name}-production`,
      },
      annotations,
    ),
    production: environmentEntity(
      `${name}-production`,
      { type: 'production', component: componentRef, branch: 'main' },
      annotations,
    ),
    preview: environmentEntity(
      `${name}-pr-1`,
      { type: 'preview', component: componentRef, branch: 'feature/x' },
      annotations,
    ),
  };
}

async function inBatches<T>(
  items: T[],
  size: number,
  fn: (item: T) => Promise<unknown>,
) {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map(fn));
  }
}

/** A GitHub App installation token's credentials, which GitHub replaces about hourly. */
class RotatingCredentials implements GithubCredentialsProvider {
  #generation = 0;

  rotate(): void {
    this.#generation++;
  }

  async getCredentials(): Promise<GithubCredentials> {
    const token = `ghs_installation${this.#generation}`.padEnd(40, 'x');
    return { token, type: 'app', headers: { Authorization: `token ${token}` } };
  }
}

/** Rate-limit units one refresh spent: REST requests (304s are free) and GraphQL points. */
export interface RefreshCost {
  rest: number;
  graphqlPoints: number;
  graphqlQueries: number;
  units: number;
}

/**
 * The rate-limit units (REST requests + GraphQL points, as the GitHub stand-in counts them after
 * GitHub's documented rules) of refreshing the promotion state of `count` components × 3
 * environments `rounds` times with one client, on a fresh stand-in, with the same churn between
 * rounds for every client (10% of repositories get a commit on develop, 2% open a promotion pull
 * request that a reviewer approves).
 *
 * - `naive`: compare + pulls + deployments for every environment on every refresh (no ETags);
 * - `rest`: Stageline's conditional REST reads, one environment at a time in groups of 25;
 * - `graphql`: Stageline's batched GraphQL reads (`getPromotionStates`, as the scheduled refresh
 *   calls it).
 *
 * Stageline's clients read with a GitHub App installation token that rotates before the last
 * round (ETags are only good for the token that got them): round 1 is cold, the rounds between
 * are warm, the last shows what a rotation costs.
 */
export async function benchGithubRefresh(
  kind: GithubClientKind,
  count: number,
  rounds: number,
): Promise<RefreshCost[]> {
  const standIn = new GithubStandIn();
  const server = setupServer(...standIn.handlers());
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const components = Array.from({ length: count }, (_, i) => component(i));
    for (const c of components) {
      standIn.addRepo(c.repo, ['develop', 'main', 'feature/x'], {
        defaultBranch: 'main',
      });
      standIn.push(c.repo, 'develop', 2);
    }
    const churn = (round: number) => {
      components.forEach((c, i) => {
        if ((i + round) % 10 === 0) standIn.push(c.repo, 'develop', 1);
        const open = standIn.repo(c.repo).pulls.some(p => p.state === 'open');
        if ((i + round) % 50 === 0 && !open) {
          const pull = standIn.openPull(c.repo, 'develop', 'main');
          // an approval makes every refresh check the reviewer's write access
          standIn.review(c.repo, pull, 'alice', 'APPROVED');
        }
      });
    };
    const refresh = refresher(kind, components);
    const costs: RefreshCost[] = [];
    for (let round = 0; round < rounds; round++) {
      if (round > 0) churn(round);
      if (round > 0 && round === rounds - 1) refresh.rotate();
      standIn.resetCounts();
      await refresh.run();
      const { rateLimited, graphqlPoints, graphqlQueries } = standIn.counts;
      costs.push({
        rest: rateLimited,
        graphqlPoints,
        graphqlQueries,
        units: standIn.rateLimitUnits(),
      });
    }
    return costs;
  } finally {
    server.close();
  }
}

function refresher(
  kind: GithubClientKind,
  components: Array<ReturnType<typeof component>>,
): { run(): Promise<void>; rotate(): void } {
  if (kind === 'naive') {
    const octokit = new Octokit({
      auth: TOKEN,
      throttle: { enabled: false },
      retry: { enabled: false },
    });
    return {
      rotate: () => {},
      run: () =>
        inBatches(components, 25, async c => {
          const [owner, repo] = c.repo.split('/');
          for (const environment of [c.staging, c.production, c.preview]) {
            const branch = environment.spec.branch!;
            await octokit.rest.repos.compareCommitsWithBasehead({
              owner,
              repo,
              basehead: `main...${branch}`,
            });
            await octokit.rest.pulls.list({
              owner,
              repo,
              state: 'open',
              head: `${owner}:${branch}`,
            });
            await octokit.rest.repos.listDeployments({
              owner,
              repo,
              environment: environment.metadata.name,
            });
          }
        }),
    };
  }
  const credentials = new RotatingCredentials();
  const provider = new GithubSourceControlProvider({
    integration: ScmIntegrations.fromConfig(
      new ConfigReader({
        integrations: { github: [{ host: 'github.com', token: TOKEN }] },
      }),
    ).github.byHost('github.com'),
    credentialsProvider: credentials,
    promotionStateReads: kind,
    // units do not depend on Octokit's spacing of GraphQL queries; the bench need not wait
    clientDelays: { writeIntervalMs: 0 },
  });
  // Only environments with promotesTo ask GitHub anything.
  const pairs = components.map(c => ({
    source: c.staging,
    target: c.production,
  }));
  const assertOk = (state: { status: string; message?: string }) => {
    if (state.status !== 'ok') throw new Error(state.message);
  };
  return {
    rotate: () => credentials.rotate(),
    run: async () => {
      if (kind === 'graphql') {
        (await provider.getPromotionStates(pairs)).forEach(assertOk);
        return;
      }
      await inBatches(pairs, 25, async ({ source, target }) =>
        assertOk(await provider.getPromotionState(source, target)),
      );
    },
  };
}
