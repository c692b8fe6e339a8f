import { ConflictError } from '@backstage/errors';
import type { EnvironmentEntity } from '@stageline/plugin-environments-common';
import { setupGithubStandIn } from '../../../__testUtils__/setupGithubStandIn';
import {
  githubEngine,
  githubProvider,
  production,
  SLUG,
  staging,
} from '../../../__testUtils__/promotionFixtures';
import { assertPromotionSucceeded } from '../../../promotion/engine/PromotionEngine';

const fake = setupGithubStandIn();

const merge = (engine = githubEngine(), dryRun = false, target = production) =>
  engine.promote({
    source: staging,
    target,
    strategy: 'merge',
    dryRun,
    actor: 'user:default/jane',
  });

/** Opens the promotion pull request develop → main (#1). */
function openPull() {
  return fake.github.openPull(SLUG, 'develop', 'main');
}
const approve = (login = 'alice', association = 'COLLABORATOR') =>
  fake.github.review(SLUG, 1, login, 'APPROVED', association);
const short = (sha: string) => sha.slice(0, 7);
/** Something that happens after Stageline checked pull request #1, before GitHub merges it. */
const whileMerging = (action: () => void) =>
  fake.github.beforeNext(`PUT /repos/${SLUG}/pulls/1/merge`, action);
/** The promotion failed with a 409 saying `reason`, merging nothing. */
function expectRefused(
  outcome: Awaited<ReturnType<typeof merge>>,
  reason: string,
) {
  expect(outcome.result).toBe('failed');
  expect(outcome.error).toBeInstanceOf(ConflictError);
  expect(outcome.message).toContain(reason);
  expect(fake.github.repo(SLUG).merges).toEqual([]);
}
const productionWith = (annotations: Record<string, string>) =>
  ({
    ...production,
    metadata: {
      ...production.metadata,
      annotations: { ...production.metadata.annotations, ...annotations },
    },
  } as EnvironmentEntity);

describe('the merge strategy', () => {
  it('merges the approved, mergeable promotion pull request as a merge commit at the reviewed head', async () => {
    openPull();
    approve();
    const reviewed = fake.github.head(SLUG, 'develop');
    const outcome = await merge();
    const main = fake.github.head(SLUG, 'main');
    expect(outcome).toMatchObject({
      result: 'succeeded',
      strategy: 'merge',
      link: 'https://github.com/acme/macro-ai/pull/1',
      pullRequest: {
        number: 1,
        url: 'https://github.com/acme/macro-ai/pull/1',
      },
      message: `Merged pull request #1 from develop into main as ${short(
        main,
      )}`,
    });
    expect(outcome.gates.at(-1)).toEqual({
      id: 'pull-request-ready',
      status: 'passed',
      message: 'Pull request #1 is approved by alice and mergeable',
    });
    expect(fake.github.repo(SLUG).merges).toEqual([
      {
        number: 1,
        merge_method: 'merge',
        sha: reviewed,
        commit_title:
          'Promote macro-ai-api-staging to macro-ai-api-production (#1)',
        commit_message: expect.stringContaining(
          'requested by user:default/jane',
        ),
      },
    ]);
    expect(fake.github.repo(SLUG).graph.get(main).parents).toEqual([
      expect.any(String),
      reviewed,
    ]);
  });

  it('is blocked, changing nothing, when no promotion pull request is open', async () => {
    const outcome = await merge();
    expect(outcome.result).toBe('blocked');
    expect(outcome.message).toContain(
      'gate pull-request-ready (No open pull request from develop to main: open one first (strategy pull-request), and merge it once it is approved)',
    );
    expect(() => assertPromotionSucceeded(outcome)).toThrow(ConflictError);
    expect(fake.github.writes()).toEqual([]);
  });

  it.each([
    [
      'not approved',
      [],
      {},
      'Pull request #1 from develop to main cannot be merged: it has no approving review',
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
      { mergeable: false },
      'cannot be merged: it has merge conflicts with main',
    ],
    [
      'blocked by branch protection',
      [['alice', 'APPROVED' as const]],
      { mergeableState: 'blocked' },
      'cannot be merged: branch protection on main blocks it',
    ],
  ] as const)(
    'is blocked, changing nothing, when the pull request is %s',
    async (_, reviews, fields, reason) => {
      openPull();
      fake.github.reviewPull(SLUG, 1, {
        ...fields,
        reviews: reviews.map(([login, state]) => ({ login, state })),
      });
      const outcome = await merge();
      expect(outcome.result).toBe('blocked');
      expect(outcome.gates.at(-1)).toMatchObject({
        id: 'pull-request-ready',
        status: 'failed',
      });
      expect(outcome.message).toContain(reason);
      expect(fake.github.writes()).toEqual([]);
    },
  );

  // https://docs.github.com/rest/pulls/reviews#list-reviews-for-a-pull-request: commit_id is the
  // commit reviewed; GitHub keeps the approval after a push unless branch protection dismisses it.
  it('is blocked, changing nothing, when commits were pushed after the approval', async () => {
    openPull();
    approve();
    const approved = fake.github.head(SLUG, 'develop');
    const pushed = fake.github.push(SLUG, 'develop');
    const outcome = await merge();
    expect(outcome.result).toBe('blocked');
    expect(outcome.message).toContain(
      `it has no approval of its head commit ${short(
        pushed,
      )} from someone with write access (alice approved ${short(
        approved,
      )}, not the head ${short(pushed)})`,
    );
    expect(fake.github.writes()).toEqual([]);
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
      fake.github.setRole(SLUG, login, role);
      approve(login, association);
      const outcome = await merge();
      expect(outcome.result).toBe('blocked');
      expect(outcome.message).toContain(`${login} has no write access`);
      expect(fake.github.writes()).toEqual([]);
    },
  );

  it('counts an approval from a maintainer, reading the permission once a minute at most', async () => {
    openPull();
    approve('bob', 'MEMBER');
    const provider = githubProvider();
    expect((await merge(githubEngine(provider), true)).result).toBe('dry-run');
    const merged = await merge(githubEngine(provider));
    expect(merged.result).toBe('succeeded');
    expect(
      fake.github.calls(SLUG).filter(r => r.endsWith('/permission')),
    ).toEqual(['GET /collaborators/bob/permission']);
  });

  // https://docs.github.com/rest/pulls/pulls#merge-a-pull-request: "409 Conflict if sha was
  // provided and pull request head did not match".
  it('fails with a 409, merging nothing, when the head moves between the check and the merge', async () => {
    openPull();
    approve();
    whileMerging(() => fake.github.push(SLUG, 'develop'));
    const outcome = await merge();
    expectRefused(
      outcome,
      'Head branch was modified. Review and try the merge again.',
    );
  });

  it('a dry run reports the gate and merges nothing', async () => {
    openPull();
    approve();
    const outcome = await merge(githubEngine(), true);
    expect(outcome.result).toBe('dry-run');
    expect(outcome.message).toBe(
      'Gates passed; would merge the open pull request from develop into main (2 commits)',
    );
    expect(fake.github.writes()).toEqual([]);
  });

  // https://docs.github.com/rest/guides/using-the-rest-api-to-interact-with-your-git-database#checking-mergeability-of-pull-requests
  it('waits (bounded) while GitHub is still computing whether it is mergeable', async () => {
    fake.github.mergeabilityReads = 2;
    openPull();
    approve();
    expect((await merge()).result).toBe('succeeded');

    fake.github.mergeabilityReads = 8;
    fake.github.push(SLUG, 'develop');
    fake.github.openPull(SLUG, 'develop', 'main');
    fake.github.review(SLUG, 2, 'alice', 'APPROVED');
    const gaveUp = await merge(githubEngine(githubProvider({ attempts: 2 })));
    expect(gaveUp.result).toBe('blocked');
    expect(gaveUp.message).toContain(
      'GitHub has not finished checking whether it can be merged; try again in a moment',
    );
    expect(fake.github.repo(SLUG).merges).toHaveLength(1);
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
      'deployed-version',
      'checks-green',
      'commits-pending',
    ]);
  });
});

// https://docs.github.com/rest/repos/repos#get-a-repository (allow_merge_commit,
// allow_squash_merge, allow_rebase_merge) and
// https://docs.github.com/rest/pulls/pulls#merge-a-pull-request (405 for a forbidden method).
describe('the merge strategy’s merge method', () => {
  it('squash-merges where the repository forbids merge commits', async () => {
    fake.github.repo(SLUG).allow.merge = false;
    openPull();
    approve();
    const outcome = await merge();
    expect(outcome.result).toBe('succeeded');
    expect(outcome.message).toMatch(
      /^Squash-merged pull request #1 from develop into main as /,
    );
    expect(fake.github.repo(SLUG).merges[0].merge_method).toBe('squash');
    const main = fake.github.head(SLUG, 'main');
    expect(fake.github.tree(SLUG, main)).toBe(
      fake.github.tree(SLUG, fake.github.head(SLUG, 'develop')),
    );
  });

  it('merges with the method the target environment’s annotation chooses', async () => {
    openPull();
    approve();
    const outcome = await merge(
      githubEngine(),
      false,
      productionWith({ 'stageline.dev/merge-method': 'rebase' }),
    );
    expect(outcome.message).toMatch(/^Rebase-merged pull request #1/);
    expect(fake.github.repo(SLUG).merges[0].merge_method).toBe('rebase');
  });

  it('refuses a chosen method the repository forbids before merging, naming what it allows', async () => {
    Object.assign(fake.github.repo(SLUG).allow, {
      merge: false,
      rebase: false,
    });
    openPull();
    approve();
    const outcome = await merge(
      githubEngine(),
      false,
      productionWith({ 'stageline.dev/merge-method': 'merge' }),
    );
    expectRefused(
      outcome,
      'acme/macro-ai does not allow merge merges of pull requests (it allows squash): set the annotation stageline.dev/merge-method on macro-ai-api-production or environments.promotion.mergeMethod to one it allows',
    );
  });

  it('turns GitHub’s 405 into a 409 saying how to choose another method', async () => {
    openPull();
    approve();
    // An admin forbids merge commits between Stageline reading the settings and merging.
    whileMerging(() => {
      fake.github.repo(SLUG).allow.merge = false;
    });
    const outcome = await merge();
    expectRefused(
      outcome,
      'Merge commits are not allowed on this repository. (merge method merge): choose one the repository allows with the annotation stageline.dev/merge-method',
    );
  });

  it('names the annotation when its value is not a merge method', async () => {
    openPull();
    approve();
    const outcome = await merge(
      githubEngine(),
      false,
      productionWith({ 'stageline.dev/merge-method': 'fast-forward' }),
    );
    expect(outcome.result).toBe('failed');
    expect(outcome.message).toContain(
      'macro-ai-api-production: annotation stageline.dev/merge-method must be one of merge, squash, rebase; got "fast-forward"',
    );
  });
});
