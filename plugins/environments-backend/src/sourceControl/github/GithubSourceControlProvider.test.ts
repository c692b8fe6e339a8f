import { http, HttpResponse } from 'msw';
import type { MergeMethod } from '@stageline/github-stand-in';
import { setupGithubStandIn } from '../../__testUtils__/setupGithubStandIn';
import { withAnnotations } from '../../__testUtils__/fixtures';
import {
  githubEngine,
  githubProvider,
  production,
  SLUG,
  staging,
} from '../../__testUtils__/promotionFixtures';

const fake = setupGithubStandIn();

const state = (provider = githubProvider()) =>
  provider.getPromotionState(staging, production);

describe.each(['graphql', 'rest'] as const)(
  'GithubSourceControlProvider.getPromotionState (%s reads)',
  reads => {
    it('reads no pull request details when no promotion pull request is open', async () => {
      expect(await state(githubProvider({ reads }))).toMatchObject({
        status: 'ok',
        commitsAhead: 2,
      });
      expect(
        fake.github.calls(SLUG).filter(r => r.startsWith('GET /pulls/')),
      ).toEqual([]);
    });

    it('fills approved and mergeable of an open promotion pull request', async () => {
      fake.github.mergeabilityReads = 0;
      fake.github.openPull(SLUG, 'develop', 'main', 'Promote develop to main');
      fake.github.review(SLUG, 1, 'alice', 'APPROVED');
      const provider = githubProvider({ reads });
      expect((await state(provider)).pullRequest).toEqual({
        number: 1,
        title: 'Promote develop to main',
        url: 'https://github.com/acme/macro-ai/pull/1',
        state: 'open',
        approved: true,
        mergeable: true,
      });

      fake.github.review(SLUG, 1, 'bob', 'CHANGES_REQUESTED');
      fake.github.reviewPull(SLUG, 1, { mergeable: false });
      expect((await state(provider)).pullRequest).toMatchObject({
        approved: false,
        mergeable: false,
      });
    });

    it('leaves mergeable out while GitHub computes it, without waiting', async () => {
      fake.github.openPull(SLUG, 'develop', 'main');
      const pullRequest = (
        await state(githubProvider({ attempts: 5, intervalMs: 10_000, reads }))
      ).pullRequest;
      expect(pullRequest).toMatchObject({ approved: false });
      expect(pullRequest?.mergeable).toBeUndefined();
      expect(
        fake.github.calls(SLUG).filter(r => r.startsWith('GET /pulls/1')),
      ).toEqual(
        reads === 'rest'
          ? ['GET /pulls/1', 'GET /pulls/1/reviews?per_page=100']
          : [],
      );
    });
  },
);

describe('GithubSourceControlProvider.getPromotionState (rest reads)', () => {
  it('reads an unchanged pull request conditionally on later refreshes', async () => {
    fake.github.mergeabilityReads = 0;
    fake.github.openPull(SLUG, 'develop', 'main', 'Promote develop to main');
    fake.github.review(SLUG, 1, 'alice', 'APPROVED');
    const provider = githubProvider({ reads: 'rest' });
    await state(provider);
    const before = fake.github.counts.rateLimited;
    await state(provider);
    expect(fake.github.counts.rateLimited).toBe(before);
  });

  it('keeps the section ok when the review state cannot be read', async () => {
    fake.github.openPull(SLUG, 'develop', 'main', 'Promote develop to main');
    fake.server.use(
      http.get('https://api.github.com/repos/acme/macro-ai/pulls/:number', () =>
        HttpResponse.json({ message: 'Not Found' }, { status: 404 }),
      ),
    );
    const section = await state(githubProvider({ reads: 'rest' }));
    expect(section.status).toBe('ok');
    expect(section.pullRequest).toEqual({
      number: 1,
      title: 'Promote develop to main',
      url: 'https://github.com/acme/macro-ai/pull/1',
      state: 'open',
    });
  });
});

// https://docs.github.com/rest/commits/commits#compare-two-commits: "When calling this endpoint
// without any paging parameter (per_page or page), the returned list is limited to 250 commits,
// and the last commit in the list is the most recent of the entire comparison"; with paging,
// the first page holds the earliest commits, at most 100.
describe('pending commits of a large promotion', () => {
  it('lists the newest commits first and counts every one', async () => {
    const newest = fake.github.push(SLUG, 'develop', 298, 'Feature');
    const provider = githubProvider();
    const pending = await provider.getPendingCommits(staging, production);
    expect(pending.aheadBy).toBe(300);
    expect(pending.commits).toHaveLength(250);
    expect(pending.commits[0].sha).toBe(newest);
    expect(pending.commits[0].message).toBe('Feature 300');
    expect(
      fake.github.calls(SLUG).filter(r => r.startsWith('GET /compare/')),
    ).toEqual([expect.not.stringContaining('?')]);

    const section = await state(provider);
    expect(section).toMatchObject({
      commitsAhead: 300,
      message: '300 commits waiting to be promoted to macro-ai-api-production',
    });
    expect(section.commits?.[0].sha).toBe(newest);
  });

  it('says how many more commits a promotion pull request brings than it lists', async () => {
    fake.github.push(SLUG, 'develop', 58);
    const outcome = await githubEngine().promote({
      source: staging,
      target: production,
      strategy: 'pull-request',
    });
    expect(outcome.message).toBe('Opened pull request #1 from develop to main');
    const [opened] = fake.github.writes();
    const body = (opened.body as { body: string }).body;
    expect(body).toMatch(/^Promotes 60 commits from `develop` to `main`/);
    expect(body.split('\n').filter(line => line.startsWith('- '))).toHaveLength(
      51,
    );
    expect(body).toContain('- … and 10 more');
  });
});

// https://docs.github.com/rest/pulls/pulls#merge-a-pull-request: squash and rebase merges put
// the head's changes on the base in new commits, so the base never holds the head's commits.
describe.each(['graphql', 'rest'] as const)(
  'pending commits after a squash or rebase merge (%s reads)',
  reads => {
    it.each(['squash', 'rebase'] as MergeMethod[])(
      'counts nothing promoted after a %s merge, then only the commits pushed since',
      async method => {
        fake.github.repo(SLUG).allow = {
          merge: false,
          squash: method === 'squash',
          rebase: method === 'rebase',
        };
        fake.github.mergeabilityReads = 0;
        fake.github.openPull(SLUG, 'develop', 'main');
        fake.github.review(SLUG, 1, 'alice', 'APPROVED');
        const provider = githubProvider({ reads });
        const merged = await githubEngine(provider).promote({
          source: staging,
          target: production,
          strategy: 'merge',
        });
        expect(merged.result).toBe('succeeded');

        expect(await state(provider)).toMatchObject({
          commitsAhead: 0,
          message: 'macro-ai-api-production is up to date with develop',
        });

        const next = fake.github.push(SLUG, 'develop', 1, 'Next');
        const section = await state(provider);
        expect(section.commitsAhead).toBe(1);
        expect(section.commits?.map(c => c.sha)).toEqual([next]);
      },
    );

    it('keeps counting by ancestry after merge commits', async () => {
      fake.github.mergeabilityReads = 0;
      fake.github.openPull(SLUG, 'develop', 'main');
      fake.github.review(SLUG, 1, 'alice', 'APPROVED');
      const provider = githubProvider({ reads });
      await githubEngine(provider).promote({
        source: staging,
        target: production,
        strategy: 'merge',
      });
      expect((await state(provider)).commitsAhead).toBe(0);
      fake.github.push(SLUG, 'develop', 3);
      expect((await state(provider)).commitsAhead).toBe(3);
    });
  },
);

// https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference and
// https://docs.github.com/rest/commits/statuses#get-the-combined-status-for-a-specific-reference
// page their lists (at most 100 a page).
describe('checks on the source head', () => {
  const checks = async () =>
    (
      await githubEngine().evaluate({ source: staging, target: production })
    ).gates.find(gate => gate.id === 'checks-green')!;

  it.each([
    ['check-run', 'success', 'lint (check run): failure'],
    ['status', 'success', 'lint (status): failure'],
  ] as const)(
    'fails the gate for a failing %s on a later page',
    async (kind, green, notGreen) => {
      const head = fake.github.head(SLUG, 'develop');
      fake.github.setChecks(SLUG, head, [
        ...Array.from({ length: 150 }, (_, i) => ({
          kind,
          name: `job-${i}`,
          state: green,
        })),
        { kind, name: 'lint', state: 'failure' },
      ]);
      const gate = await checks();
      expect(gate).toMatchObject({ id: 'checks-green', status: 'failed' });
      expect(gate.message).toBe(
        `Checks failing on develop@${head.slice(0, 7)}: ${notGreen}`,
      );
    },
  );

  it('counts every check of every page when all are green', async () => {
    const head = fake.github.head(SLUG, 'develop');
    fake.github.setChecks(SLUG, head, [
      ...Array.from({ length: 120 }, (_, i) => ({
        kind: 'check-run' as const,
        name: `job-${i}`,
        state: 'success',
      })),
      ...Array.from({ length: 101 }, (_, i) => ({
        kind: 'status' as const,
        name: `ci/${i}`,
        state: 'success',
      })),
    ]);
    expect((await checks()).message).toBe(
      `221 checks green on develop@${head.slice(0, 7)}`,
    );
  });
});

describe('the workflow the workflow-dispatch strategy runs', () => {
  it('refuses an annotation that is not a workflow file name, dispatching nothing', async () => {
    const target = withAnnotations(production, {
      'stageline.dev/promote-workflow': '../../../user/repos',
    });
    await expect(
      githubProvider().promote({
        source: staging,
        target,
        strategy: 'workflow-dispatch',
        commits: [],
      }),
    ).rejects.toThrow(
      'macro-ai-api-production: annotation stageline.dev/promote-workflow must be a workflow file name such as promote.yml; got "../../../user/repos"',
    );
    expect(fake.github.calls(SLUG).filter(r => !r.startsWith('GET '))).toEqual(
      [],
    );
  });
});
