/*
 * One GitHub repository held in memory for the browser tests: branches pointing at commits,
 * each commit knowing its ancestors, pull requests with reviews, commit statuses and check runs.
 * It keeps git's meaning (a comparison lists what the head has and the base lacks; a merge makes
 * a merge commit on the base holding both histories); the REST shapes are in githubRoutes.mjs.
 */
import { createHash } from 'node:crypto';

export class FakeRepository {
  /**
   * @param {string} slug - `owner/repo`
   * @param {string[]} branches - all start at one root commit; the first is the default branch
   */
  constructor(slug, branches) {
    this.slug = slug;
    this.defaultBranch = branches[0];
    this.seq = 0;
    /** @type {Map<string, {sha: string, message: string, author: string, date: string, parents: string[], ancestry: Set<string>}>} */
    this.commits = new Map();
    const root = this.#commit('Initial commit', 'octocat', []);
    /** @type {Map<string, string>} branch → head sha */
    this.branches = new Map(branches.map(branch => [branch, root.sha]));
    /** @type {Array<object>} pull requests, by number */
    this.pulls = [];
    /** The number the next pull request gets (issues and pull requests share numbers on GitHub). */
    this.nextNumber = 1;
    /** @type {Map<string, {statuses: Array<object>, checkRuns: Array<object>}>} by commit sha */
    this.checks = new Map();
    /** @type {Array<{id: number, ref: string, before: string, after: string, timestamp: string, activityType: string}>} pushes, oldest first */
    this.activities = [];
    /** @type {Map<string, string>} login → permission (admin, write, read); others have none */
    this.collaborators = new Map([
      ['octocat', 'admin'],
      ['reviewer', 'write'],
    ]);
  }

  #sha(seed) {
    return createHash('sha1')
      .update(`${this.slug}:${seed}:${++this.seq}`)
      .digest('hex');
  }

  #commit(message, author, parents) {
    const sha = this.#sha(message);
    const ancestry = new Set([sha]);
    for (const parent of parents) {
      for (const ancestor of this.commits.get(parent).ancestry) {
        ancestry.add(ancestor);
      }
    }
    const date = new Date(Date.now() - 60_000 * (100 - this.seq)).toISOString();
    const commit = { sha, message, author, date, parents, ancestry };
    this.commits.set(sha, commit);
    return commit;
  }

  /**
   * Pushes one commit per message onto a branch, green unless `checks` says otherwise, and
   * records the push in the repository's activity at `at` (default now).
   */
  push(
    branch,
    messages,
    { author = 'developer', checks = 'success', at = new Date() } = {},
  ) {
    const before = this.headOf(branch);
    let head = before;
    for (const message of messages) {
      head = this.#commit(message, author, [head]).sha;
    }
    this.branches.set(branch, head);
    this.setChecks(head, checks);
    this.activities.push({
      id: 700_000 + this.activities.length,
      ref: `refs/heads/${branch}`,
      before,
      after: head,
      timestamp: at.toISOString(),
      activityType: 'push',
    });
    return head;
  }

  /** One commit status (`ci/build`) and one check run (`test`) in the given state. */
  setChecks(sha, state) {
    const completed = state === 'success' || state === 'failure';
    this.checks.set(sha, {
      statuses: [{ context: 'ci/build', state }],
      checkRuns: [
        {
          name: 'test',
          status: completed ? 'completed' : 'in_progress',
          conclusion: completed ? state : null,
        },
      ],
    });
  }

  headOf(branch) {
    const sha = this.branches.get(branch);
    if (!sha) throw new Error(`${this.slug} has no branch ${branch}`);
    return sha;
  }

  /** A branch name or a sha, as GitHub resolves a ref in a URL. */
  resolve(ref) {
    if (this.branches.has(ref)) return this.branches.get(ref);
    if (this.commits.has(ref)) return ref;
    return [...this.commits.keys()].find(sha => sha.startsWith(ref));
  }

  /** Commits `head` has and `base` lacks, oldest first, and how far each is from the other. */
  compare(baseSha, headSha) {
    const base = this.commits.get(baseSha).ancestry;
    const head = this.commits.get(headSha).ancestry;
    const ahead = [...head].filter(sha => !base.has(sha));
    const behind = [...base].filter(sha => !head.has(sha));
    const order = sha => [...this.commits.keys()].indexOf(sha);
    return {
      ahead: ahead
        .sort((a, b) => order(a) - order(b))
        .map(sha => this.commits.get(sha)),
      behindBy: behind.length,
    };
  }

  openPull({
    head,
    base,
    title,
    body,
    author = 'developer',
    number,
    openedAt = new Date(),
  }) {
    const pull = {
      number: number ?? this.nextNumber,
      head,
      base,
      title,
      body: body ?? null,
      author,
      state: 'open',
      merged: false,
      mergeCommitSha: null,
      reviews: [],
      createdAt: openedAt.toISOString(),
    };
    this.nextNumber = Math.max(this.nextNumber, pull.number) + 1;
    this.pulls.push(pull);
    return pull;
  }

  pull(number) {
    return this.pulls.find(p => p.number === number);
  }

  /** A review at the pull request's current head commit, as GitHub records it. */
  review(number, { login, state }) {
    const pull = this.pull(number);
    const review = {
      id: 80_000 + this.seq++,
      login,
      state,
      commitId: this.headOf(pull.head),
      submittedAt: new Date().toISOString(),
    };
    pull.reviews.push(review);
    return review;
  }

  /** Merges an open pull request with a merge commit on its base; returns the commit. */
  merge(pull, { title, message, author }) {
    const headSha = this.headOf(pull.head);
    const commit = this.#commit(
      [title ?? `Merge pull request #${pull.number}`, message]
        .filter(Boolean)
        .join('\n\n'),
      author,
      [this.headOf(pull.base), headSha],
    );
    this.branches.set(pull.base, commit.sha);
    this.setChecks(commit.sha, 'success');
    Object.assign(pull, {
      state: 'closed',
      merged: true,
      mergeCommitSha: commit.sha,
    });
    return commit;
  }
}
