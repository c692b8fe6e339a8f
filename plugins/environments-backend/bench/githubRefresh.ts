import { setupServer } from 'msw/node';
import { Octokit } from 'octokit';
import { ConfigReader } from '@backstage/config';
import {
  GithubCredentials,
  GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { GithubSourceControlProvider } from '@stageline/plugin-environments-node';
import { GithubStandIn } from '@stageline/github-stand-in';
import { environmentEntity } from '../src/__testUtils__/fixtures';

const TOKEN = 'ghp_benchtokenbenchtokenbenchtoken12';

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

/**
 * Counts rate-limited GitHub calls for refreshing the promotion state of `count` components ×
 * 3 environments, `rounds` times, with churn between rounds (10% of repositories get a commit
 * on develop, 2% open a pull request): Stageline's provider next to a naive client that calls
 * compare + pulls + deployments for every environment on every refresh.
 *
 * Stageline reads with a GitHub App installation token that rotates before the last round:
 * GitHub's ETags are only good for the token that got them (the stand-in's are computed over
 * the token too), so that round shows what a rotation costs. Round 1 is cold, the rounds
 * between are warm.
 */
export async function benchGithubRefresh(count: number, rounds: number) {
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
          standIn.openPull(c.repo, 'develop', 'main');
        }
      });
    };

    // Stageline: only environments with promotesTo ask GitHub anything.
    const credentials = new RotatingCredentials();
    const provider = new GithubSourceControlProvider({
      integration: ScmIntegrations.fromConfig(
        new ConfigReader({
          integrations: { github: [{ host: 'github.com', token: TOKEN }] },
        }),
      ).github.byHost('github.com'),
      credentialsProvider: credentials,
    });
    const stageline: number[] = [];
    let stagelineNotModified = 0;
    for (let round = 0; round < rounds; round++) {
      if (round > 0) churn(round);
      if (round > 0 && round === rounds - 1) credentials.rotate();
      standIn.resetCounts();
      await inBatches(components, 25, async c => {
        for (const environment of [c.staging, c.production, c.preview]) {
          const target = environment.spec.promotesTo ? c.production : undefined;
          if (target) {
            const state = await provider.getPromotionState(environment, target);
            if (state.status !== 'ok') throw new Error(state.message);
          }
        }
      });
      stageline.push(standIn.counts.rateLimited);
      stagelineNotModified += standIn.counts.notModified;
    }

    // Naive: compare + pulls + deployments per environment, every refresh, no ETags.
    const octokit = new Octokit({
      auth: TOKEN,
      throttle: { enabled: false },
      retry: { enabled: false },
    });
    const naive: number[] = [];
    for (let round = 0; round < rounds; round++) {
      if (round > 0) churn(round);
      standIn.resetCounts();
      await inBatches(components, 25, async c => {
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
      });
      naive.push(standIn.counts.rateLimited);
    }
    return { count, rounds, stageline, stagelineNotModified, naive };
  } finally {
    server.close();
  }
}
