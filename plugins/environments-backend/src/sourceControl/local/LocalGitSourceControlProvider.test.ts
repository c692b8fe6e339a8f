import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvironmentEntity } from '@stageline/plugin-environments-common';
import { TestGitRepositories } from '../../__testUtils__/gitRepositories';
import {
  production,
  SLUG,
  staging,
} from '../../__testUtils__/promotionFixtures';
import { PromotionEngine } from '../../promotion/engine/PromotionEngine';
import { LocalGitSourceControlProvider } from './LocalGitSourceControlProvider';

// Every test runs against a real git repository (the git command line) in a temporary directory;
// a few dozen git processes per test take more than jest's default 5 s on a loaded machine.
jest.setTimeout(30_000);
let repos: TestGitRepositories;
let provider: LocalGitSourceControlProvider;

beforeEach(() => {
  repos = new TestGitRepositories();
  provider = new LocalGitSourceControlProvider({
    path: repos.origin,
    repositories: [SLUG],
  });
});
afterEach(() => repos.remove());

function withBranch(
  environment: EnvironmentEntity,
  branch: string,
): EnvironmentEntity {
  return { ...environment, spec: { ...environment.spec, branch } };
}

function withSlug(
  environment: EnvironmentEntity,
  slug: string,
): EnvironmentEntity {
  return {
    ...environment,
    metadata: {
      ...environment.metadata,
      annotations: { 'github.com/project-slug': slug },
    },
  };
}

/** develop three commits ahead of main. */
function developAhead() {
  repos.commit('develop', 'Add a readiness probe', { 'probe.ts': 'probe\n' });
  repos.commit('develop', 'Cache the model list', { 'cache.ts': 'cache\n' });
  return repos.commit('develop', 'Retry timed-out completions', {
    'retry.ts': 'retry\n',
  });
}

describe('LocalGitSourceControlProvider', () => {
  it('serves the repositories it stands in for, and says what is missing for any other', () => {
    expect(provider.getConfiguration(staging)).toEqual({ configured: true });
    expect(provider.getConfiguration(withSlug(staging, 'acme/other'))).toEqual({
      configured: false,
      message: `GitHub is not configured: add integrations.github with a token or app for github.com (the local repository ${repos.origin} stands in for acme/macro-ai only, not acme/other)`,
    });
    const unannotated = {
      ...staging,
      metadata: { ...staging.metadata, annotations: {} },
    };
    expect(provider.getConfiguration(unannotated)).toMatchObject({
      configured: false,
      missing: 'entity',
      message: expect.stringContaining('has no github.com/project-slug'),
    });
    const missing = new LocalGitSourceControlProvider({
      path: join(repos.root, 'nowhere'),
      repositories: [SLUG],
    });
    expect(missing.getConfiguration(staging)).toEqual({
      configured: false,
      message: `The local repository ${join(
        repos.root,
        'nowhere',
      )} does not exist or is not a git repository: create it (make start does) or point environments.localRepository.path at one`,
    });
  });

  it('lists the commits develop has and main lacks, newest first, naming the local repository as the source', async () => {
    developAhead();
    const state = await provider.getPromotionState(staging, production);
    expect(state).toMatchObject({
      status: 'ok',
      target: 'environment:default/macro-ai-api-production',
      sourceBranch: 'develop',
      targetBranch: 'main',
      commitsAhead: 3,
      message: '3 commits waiting to be promoted to macro-ai-api-production',
      sourceControl: `local repository ${repos.origin}`,
    });
    expect(state.compareUrl).toBeUndefined();
    expect(state.commits!.map(c => c.message)).toEqual([
      'Retry timed-out completions',
      'Cache the model list',
      'Add a readiness probe',
    ]);
    expect(state.commits![0]).toMatchObject({
      sha: repos.head('develop'),
      author: 'Ada Developer',
      date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(
      state.strategies!.filter(s => s.available).map(s => s.strategy),
    ).toEqual(['merge']);
    const pending = await provider.getPendingCommits(staging, production);
    expect(pending.commits).toHaveLength(3);
    expect(pending.aheadBy).toBe(3);
    expect(pending.headSha).toBe(repos.head('develop'));
  });

  it('reports a branch that does not exist as an error of the promotion section', async () => {
    const state = await provider.getPromotionState(
      withBranch(staging, 'release'),
      production,
    );
    expect(state).toMatchObject({
      status: 'error',
      message: `Could not read the promotion state from the local repository ${repos.origin}: branch release does not exist in the local repository ${repos.origin}`,
    });
  });

  it('refuses a branch name git would read as an option or a range, running nothing with it', async () => {
    const outputFile = join(repos.root, 'written');
    for (const branch of [`--output=${outputFile}`, 'main..develop']) {
      const state = await provider.getPromotionState(
        withBranch(staging, branch),
        production,
      );
      expect(state).toMatchObject({
        status: 'error',
        error: {
          name: 'InputError',
          message: `spec.branch must be a git branch name; got ${JSON.stringify(
            branch,
          )}`,
        },
      });
    }
    expect(existsSync(outputFile)).toBe(false);
  });

  it('says plainly that a local repository has no CI, and reads the default branch from HEAD', async () => {
    const head = developAhead();
    expect(await provider.getBranchChecks(staging)).toEqual({
      sha: head,
      state: 'none',
      notGreen: [],
      total: 0,
      note: 'a local repository has no CI, so nothing checks its commits',
    });
    expect(await provider.getDefaultBranch(production)).toBe('main');
  });

  it('fast-forwards main to develop with the merge strategy', async () => {
    const head = developAhead();
    const { commits } = await provider.getPendingCommits(staging, production);
    const result = await provider.promote({
      source: staging,
      target: production,
      strategy: 'merge',
      commits,
      actor: 'user:default/guest',
    });
    expect(result).toEqual({
      message: `Fast-forwarded main to develop at ${head.slice(
        0,
        7,
      )} (3 commits) in the local repository ${repos.origin}.`,
    });
    expect(repos.head('main')).toBe(head);
    const after = await provider.getPromotionState(staging, production);
    expect(after).toMatchObject({
      commitsAhead: 0,
      message: 'macro-ai-api-production is up to date with develop',
    });
  });

  it('writes a merge commit when main has a commit develop lacks', async () => {
    const developHead = developAhead();
    const hotfix = repos.commit('main', 'Hotfix the login page', {
      'login.ts': 'fixed\n',
    });
    const { commits } = await provider.getPendingCommits(staging, production);
    const result = await provider.promote({
      source: staging,
      target: production,
      strategy: 'merge',
      commits,
      actor: 'user:default/guest',
    });
    const merge = repos.head('main');
    expect(result.message).toBe(
      `Merged develop into main with merge commit ${merge.slice(
        0,
        7,
      )} (3 commits) in the local repository ${repos.origin}.`,
    );
    expect(repos.parents(merge)).toEqual([hotfix, developHead]);
    expect(repos.show(merge, 'login.ts')).toBe('fixed');
    expect(repos.show(merge, 'retry.ts')).toBe('retry');
  });

  it('refuses a merge that conflicts, naming the file, and leaves main where it was', async () => {
    repos.commit('develop', 'Rename the product', { 'README.md': '# macro\n' });
    const hotfix = repos.commit('main', 'Fix the title', {
      'README.md': '# Macro AI\n',
    });
    const { commits } = await provider.getPendingCommits(staging, production);
    await expect(
      provider.promote({
        source: staging,
        target: production,
        strategy: 'merge',
        commits,
      }),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: `develop and main conflict in README.md: merge them by hand in the local repository ${repos.origin}`,
    });
    expect(repos.head('main')).toBe(hotfix);
  });

  it('promotes only the commits the gates saw, not one pushed since', async () => {
    const seen = developAhead();
    const { commits } = await provider.getPendingCommits(staging, production);
    repos.commit('develop', 'Pushed while the dialog was open');
    await provider.promote({
      source: staging,
      target: production,
      strategy: 'merge',
      commits,
    });
    expect(repos.head('main')).toBe(seen);
    const after = await provider.getPromotionState(staging, production);
    expect(after.commits!.map(c => c.message)).toEqual([
      'Pushed while the dialog was open',
    ]);
  });

  it('refuses pull-request and workflow-dispatch: a local repository has neither', async () => {
    developAhead();
    const before = repos.head('main');
    const { commits } = await provider.getPendingCommits(staging, production);
    for (const [strategy, message] of [
      ['pull-request', 'A local repository has no pull requests: use merge'],
      [
        'workflow-dispatch',
        'A local repository has no workflows to run: use merge',
      ],
    ] as const) {
      await expect(
        provider.promote({
          source: staging,
          target: production,
          strategy,
          commits,
        }),
      ).rejects.toMatchObject({ name: 'ConflictError', message });
    }
    expect(repos.head('main')).toBe(before);
  });

  it('does not move a branch that is checked out in a working tree', async () => {
    developAhead();
    // the developer's clone: develop and main are local branches there, main checked out last
    const main = repos.commit('main', 'Checked out main');
    const clone = new LocalGitSourceControlProvider({
      path: repos.work,
      repositories: [SLUG],
    });
    const { commits } = await clone.getPendingCommits(staging, production);
    expect(commits).toHaveLength(3);
    await expect(
      clone.promote({
        source: staging,
        target: production,
        strategy: 'merge',
        commits,
      }),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: `main is checked out in the local repository ${repos.work}: switch its working tree to another branch so that main can be moved`,
    });
    expect(repos.workHead('main')).toBe(main);
  });
});

describe('PromotionEngine with a local repository', () => {
  const engine = () =>
    new PromotionEngine({
      sourceControl: provider,
      defaultStrategy: 'pull-request',
    });

  it('merges by default, since the configured default is not available, with every gate listed', async () => {
    const head = developAhead();
    const outcome = await engine().promote({
      source: staging,
      target: production,
      actor: 'user:default/guest',
    });
    expect(outcome).toMatchObject({
      result: 'succeeded',
      strategy: 'merge',
      gates: [
        { id: 'freeze-window', status: 'passed' },
        { id: 'deployment-complete', status: 'skipped' },
        { id: 'deployed-version', status: 'skipped' },
        {
          id: 'checks-green',
          status: 'passed',
          message: `No checks reported on develop@${head.slice(
            0,
            7,
          )}: a local repository has no CI, so nothing checks its commits`,
        },
        {
          id: 'commits-pending',
          status: 'passed',
          message: '3 commits to promote',
        },
        { id: 'pull-request-ready', status: 'skipped' },
      ],
    });
    expect(repos.head('main')).toBe(head);
  });

  it('refuses a request for the pull-request strategy before any gate runs, saying why', async () => {
    developAhead();
    const before = repos.head('main');
    await expect(
      engine().promote({
        source: staging,
        target: production,
        strategy: 'pull-request',
      }),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message:
        'Strategy pull-request is not available for macro-ai-api-production: A local repository has no pull requests: use merge',
    });
    expect(repos.head('main')).toBe(before);
  });

  it('blocks a promotion with nothing to promote on the commits-pending gate', async () => {
    const outcome = await engine().promote({
      source: staging,
      target: production,
    });
    expect(outcome.result).toBe('blocked');
    expect(outcome.message).toBe(
      'Promotion blocked by gate commits-pending (Nothing to promote: main already has every commit of develop)',
    );
  });
});
