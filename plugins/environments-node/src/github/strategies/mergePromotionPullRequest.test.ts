import { ConflictError } from '@backstage/errors';
import type { FakePull, FakeReview } from '../../__testUtils__/FakeGithubRepo';
import { setupFakeGithub } from '../../__testUtils__/setupFakeGithub';
import {
  githubEngine,
  githubProvider,
  production,
  staging,
} from '../../__testUtils__/promotionFixtures';
import { assertPromotionSucceeded } from '../../promotion/PromotionEngine';

const fake = setupFakeGithub();

const merge = (engine = githubEngine(), dryRun = false) =>
  engine.promote({
    source: staging,
    target: production,
    strategy: 'merge',
    dryRun,
    actor: 'user:default/jane',
  });

function openPull(fields: Partial<FakePull> = {}) {
  fake.github.pulls.push({
    number: 12,
    head: 'develop',
    base: 'main',
    mergeable: true,
    mergeable_state: 'clean',
    ...fields,
  });
}

describe('the merge strategy', () => {
  it('merges the approved, mergeable promotion pull request as a merge commit at the reviewed head', async () => {
    openPull();
    fake.github.review(12, 'alice', 'APPROVED');
    const outcome = await merge();
    expect(outcome).toMatchObject({
      result: 'succeeded',
      strategy: 'merge',
      link: 'https://github.com/acme/macro-ai/pull/12',
      pullRequest: {
        number: 12,
        url: 'https://github.com/acme/macro-ai/pull/12',
      },
      message: 'Merged pull request #12 from develop into main as fffffff',
    });
    expect(outcome.gates.at(-1)).toEqual({
      id: 'pull-request-ready',
      status: 'passed',
      message: 'Pull request #12 is approved by alice and mergeable',
    });
    expect(fake.github.merged).toEqual([
      {
        merge_method: 'merge',
        sha: 'd'.repeat(40),
        commit_title:
          'Promote macro-ai-api-staging to macro-ai-api-production (#12)',
        commit_message: expect.stringContaining(
          'requested by user:default/jane',
        ),
      },
    ]);
    expect(fake.github.requests).not.toContain('POST /merges');
  });

  it('is blocked, changing nothing, when no promotion pull request is open', async () => {
    const outcome = await merge();
    expect(outcome.result).toBe('blocked');
    expect(outcome.message).toContain(
      'gate pull-request-ready (No open pull request from develop to main: open one first (strategy pull-request), and merge it once it is approved)',
    );
    expect(() => assertPromotionSucceeded(outcome)).toThrow(ConflictError);
    expect(fake.github.requests.filter(r => !r.startsWith('GET'))).toEqual([]);
  });

  it.each([
    [
      'not approved',
      [],
      {},
      'Pull request #12 from develop to main cannot be merged: it has no approving review',
    ],
    [
      'changes requested',
      [
        ['alice', 'APPROVED' as const],
        ['bob', 'CHANGES_REQUESTED' as const],
      ],
      {},
      'cannot be merged: changes requested by bob',
    ],
    [
      'conflicting',
      [['alice', 'APPROVED' as const]],
      { mergeable: false, mergeable_state: 'dirty' },
      'cannot be merged: it has merge conflicts with main',
    ],
    [
      'blocked by branch protection',
      [['alice', 'APPROVED' as const]],
      { mergeable: true, mergeable_state: 'blocked' },
      'cannot be merged: branch protection on main blocks it',
    ],
  ])(
    'is blocked, changing nothing, when the pull request is %s',
    async (_, reviews, fields, reason) => {
      openPull(fields);
      for (const [login, state] of reviews as Array<
        [string, FakeReview['state']]
      >) {
        fake.github.review(12, login, state);
      }
      const outcome = await merge();
      expect(outcome.result).toBe('blocked');
      expect(outcome.gates.at(-1)).toMatchObject({
        id: 'pull-request-ready',
        status: 'failed',
      });
      expect(outcome.message).toContain(reason);
      expect(fake.github.merged).toEqual([]);
    },
  );

  // https://docs.github.com/rest/pulls/reviews#list-reviews-for-a-pull-request: commit_id is the
  // commit reviewed; GitHub keeps the approval after a push unless branch protection dismisses it.
  it('is blocked, changing nothing, when commits were pushed after the approval', async () => {
    openPull();
    fake.github.review(12, 'alice', 'APPROVED');
    const approved = fake.github.heads.develop;
    const pushed = fake.github.push('develop');
    const outcome = await merge();
    expect(outcome.result).toBe('blocked');
    expect(outcome.message).toContain(
      `it has no approval of its head commit ${pushed.slice(
        0,
        7,
      )} from someone with write access (alice approved ${approved.slice(
        0,
        7,
      )}, not the head ${pushed.slice(0, 7)})`,
    );
    expect(fake.github.merged).toEqual([]);
  });

  // https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user:
  // permission admin/write (maintain maps to write, triage to read) — required reviews count those.
  it.each([
    ['an outsider (author_association NONE)', 'mallory', 'NONE', undefined],
    ['an organization member who can only read', 'dave', 'MEMBER', 'read'],
    ['a collaborator who can only triage', 'erin', 'COLLABORATOR', 'triage'],
  ] as const)(
    'is blocked when the only approval comes from %s',
    async (_, login, association, role) => {
      openPull();
      if (role) fake.github.roles[login] = role;
      fake.github.review(12, login, 'APPROVED', association);
      const outcome = await merge();
      expect(outcome.result).toBe('blocked');
      expect(outcome.message).toContain(`${login} has no write access`);
      expect(fake.github.merged).toEqual([]);
    },
  );

  it('counts an approval from a maintainer, reading the permission once a minute at most', async () => {
    openPull();
    fake.github.review(12, 'bob', 'APPROVED', 'MEMBER');
    const provider = githubProvider();
    expect((await merge(githubEngine(provider), true)).result).toBe('dry-run');
    expect((await merge(githubEngine(provider))).result).toBe('succeeded');
    expect(fake.github.requests.filter(r => r.endsWith('/permission'))).toEqual(
      ['GET /collaborators/bob/permission'],
    );
  });

  // https://docs.github.com/rest/pulls/pulls#merge-a-pull-request: "409 Conflict if sha was
  // provided and pull request head did not match".
  it('fails with a 409, merging nothing, when the head moves between the check and the merge', async () => {
    openPull();
    fake.github.review(12, 'alice', 'APPROVED');
    fake.github.beforeMerge = () => fake.github.push('develop');
    const outcome = await merge();
    expect(outcome.result).toBe('failed');
    expect(outcome.error).toBeInstanceOf(ConflictError);
    expect(outcome.message).toContain(
      'Head branch was modified. Review and try the merge again.',
    );
    expect(fake.github.merged).toEqual([]);
  });

  it('a dry run reports the gate and merges nothing', async () => {
    openPull();
    fake.github.review(12, 'alice', 'APPROVED');
    const outcome = await merge(githubEngine(), true);
    expect(outcome.result).toBe('dry-run');
    expect(outcome.message).toBe(
      'Gates passed; would merge the open pull request from develop into main (2 commits)',
    );
    expect(fake.github.merged).toEqual([]);
  });

  it('waits (bounded) while GitHub is still computing whether it is mergeable', async () => {
    openPull();
    fake.github.review(12, 'alice', 'APPROVED');
    fake.github.mergeableReads = [null, null];
    const outcome = await merge();
    expect(outcome.result).toBe('succeeded');

    fake.github.merged = [];
    fake.github.mergeableReads = [
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ];
    const gaveUp = await merge(githubEngine(githubProvider({ attempts: 2 })));
    expect(gaveUp.result).toBe('blocked');
    expect(gaveUp.message).toContain(
      'GitHub has not finished checking whether it can be merged; try again in a moment',
    );
    expect(fake.github.merged).toEqual([]);
  });

  it('fails with a 409 naming GitHub’s refusal when the merge itself is refused', async () => {
    openPull();
    fake.github.review(12, 'alice', 'APPROVED');
    fake.github.mergeFailsWith = {
      status: 405,
      message: 'Pull Request is not mergeable',
    };
    const outcome = await merge();
    expect(outcome.result).toBe('failed');
    expect(outcome.error).toBeInstanceOf(ConflictError);
    expect(outcome.message).toContain(
      'GitHub refused merging pull request #12 from develop into main in acme/macro-ai: Pull Request is not mergeable',
    );
  });

  it('runs the pull-request gate for the merge strategy only', async () => {
    const outcome = await githubEngine().promote({
      source: staging,
      target: production,
      strategy: 'pull-request',
      dryRun: true,
    });
    expect(outcome.gates.map(g => g.id)).toEqual([
      'freeze-window',
      'deployment-complete',
      'checks-green',
      'commits-pending',
    ]);
  });
});
