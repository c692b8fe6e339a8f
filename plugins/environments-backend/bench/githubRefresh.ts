import { setupServer } from 'msw/node';
import { Octokit } from 'octokit';
import { ConfigReader } from '@backstage/config';
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

/**
 * Counts rate-limited GitHub calls for refreshing the promotion state of `count` components ×
 * 3 environments, `rounds` times, with churn between rounds (10% of repositories get a commit
 * on develop, 2% open a pull request): Stageline's provider next to a naive client that calls
 * compare + pulls + deployments for every environment on every refresh.
 */
export async function benchGithubRefresh(count: number, rounds: number) {
  const standIn = new GithubStandIn();
  const server = setupServer(...standIn.handlers());
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const components = Array.from({ length: count }, (_, i) => component(i));
    for (const c of components) {
      standIn.addRepo(c.repo, ['develop', 'main', 'feature/x']);
      standIn.push(c.repo, 'develop', 2);
    }
    const churn = (round: number) => {
      components.forEach((c, i) => {
        if ((i + round) % 10 === 0) standIn.push(c.repo, 'develop', 1);
        if ((i + round) % 50 === 0) standIn.openPull(c.repo, 'develop', 'main');
      });
    };

    // Stageline: only environments with promotesTo ask GitHub anything.
    const provider = GithubSourceControlProvider.fromConfig(
      new ConfigReader({
        integrations: { github: [{ host: 'github.com', token: TOKEN }] },
      }),
    );
    const stageline = { cold: 0, total: 0 };
    standIn.resetCounts();
    for (let round = 0; round < rounds; round++) {
      if (round > 0) churn(round);
      await inBatches(components, 25, async c => {
        for (const environment of [c.staging, c.production, c.preview]) {
          const target = environment.spec.promotesTo ? c.production : undefined;
          if (target) {
            const state = await provider.getPromotionState(environment, target);
            if (state.status !== 'ok') throw new Error(state.message);
          }
        }
      });
      if (round === 0) stageline.cold = standIn.counts.rateLimited;
    }
    stageline.total = standIn.counts.rateLimited;
    const stagelineNotModified = standIn.counts.notModified;

    // Naive: compare + pulls + deployments per environment, every refresh, no ETags.
    const octokit = new Octokit({
      auth: TOKEN,
      throttle: { enabled: false },
      retry: { enabled: false },
    });
    const naive = { cold: 0, total: 0 };
    standIn.resetCounts();
    for (let round = 0; round < rounds; round++) {
      if (round > 0) churn(round);
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
      if (round === 0) naive.cold = standIn.counts.rateLimited;
    }
    naive.total = standIn.counts.rateLimited;
    return { count, rounds, stageline, stagelineNotModified, naive };
  } finally {
    server.close();
  }
}
