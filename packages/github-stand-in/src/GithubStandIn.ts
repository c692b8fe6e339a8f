import { createHash } from 'node:crypto';
import { delay, http, RequestHandler } from 'msw';
import type { SetupServer } from 'msw/node';
import { CommitGraph, StandInCommit, withWrites } from './CommitGraph';
import { Responder, StandInCounts, tokenOf } from './respond';
import { stepsOf } from './runProgress';
import { actionRoutes } from './routes/actionRoutes';
import { activityRoutes } from './routes/activityRoutes';
import { checkRoutes } from './routes/checkRoutes';
import { environmentRoutes } from './routes/environmentRoutes';
import { gitDatabaseRoutes } from './routes/gitDatabaseRoutes';
import { gitRoutes } from './routes/gitRoutes';
import { graphqlRoutes } from './routes/graphqlRoutes';
import { API } from './routes/paths';
import { pullRoutes } from './routes/pullRoutes';
import { repoRoutes } from './routes/repoRoutes';
import type {
  StandInCheck,
  StandInMergeSettings,
  StandInPull,
  StandInRepo,
  StandInReview,
  StandInRole,
  StandInRun,
  StandInWorkflow,
} from './state';

/** One request the stand-in received. */
export interface RecordedRequest {
  method: string;
  /** The URL's path, e.g. `/repos/acme/macro-ai/pulls/12`. */
  path: string;
  /** The query string with its `?`, when there is one. */
  search?: string;
  body?: unknown;
}

/** Options of {@link GithubStandIn.addRepo}. */
export interface AddRepoOptions {
  /** Default: `main` when there is one, else the first branch. */
  defaultBranch?: string;
  private?: boolean;
  /** Merge methods the repository allows; default all three. */
  allow?: Partial<StandInMergeSettings>;
  /** Files of the initial commit, path → UTF-8 content. */
  files?: Record<string, string>;
}

/** The promote workflow of the service template, with the inputs Stageline dispatches. */
export const PROMOTE_WORKFLOW: StandInWorkflow = {
  inputs: ['source_branch', 'target_branch', 'sha'],
  runName:
    'Promote ${{ inputs.source_branch }}@${{ inputs.sha }} to ${{ inputs.target_branch }}',
};

/**
 * The GitHub REST and GraphQL APIs at their HTTP edge (msw handlers), for tests and benchmarks: repositories
 * with a commit graph (merge commits, squash and rebase merges, trees), pull requests with
 * reviews and late mergeability, commit statuses and check runs, workflow dispatches whose runs
 * show up late, deployment environments with branch policies, variables and secrets. It answers
 * in GitHub's payload shapes, pages lists as GitHub does, gives ETags only good for the token
 * that got them, records every request and counts requests as GitHub's rate limit does. Each
 * route module names the API reference it follows.
 */
export class GithubStandIn {
  readonly repos = new Map<string, StandInRepo>();
  readonly requests: RecordedRequest[] = [];
  /** Milliseconds to wait before answering (to make GitHub slow). */
  delayMs = 0;
  /** Status to fail every request with (e.g. 500), or undefined. */
  failWith?: number;
  /** Reads of `GET /pulls/{n}` after a pull request opens or a branch of it moves that answer `mergeable: null`. */
  mergeabilityReads = 1;
  /** Listings of workflow runs that leave out a run just dispatched. */
  runsAppearAfterListings = 1;
  /** Whether dispatches accept `return_run_details` (GitHub.com does; older servers answer 422). */
  returnsRunDetails = true;
  /** Looks at a dispatched run before it completes: it is queued for the first, then in progress. */
  runLooks = 2;
  /** Looks at a run (and a re-run) that still find it queued, before the looks above. */
  runQueuedLooks = 0;
  /**
   * Looks at a run just re-run (the run and its jobs) that still show its previous attempt, as
   * GitHub does until it has queued the new one.
   */
  rerunAppearsAfterLooks = 1;
  /** How a dispatched run ends, decided when it starts running (the test's workflow). */
  runConclusion: (run: StandInRun) => 'success' | 'failure' = () => 'success';
  /** Called when a dispatched run starts, e.g. to start the stack operation its workflow makes. */
  onRunStarted?: (run: StandInRun) => void;
  /** The user or bot each token acts as; any other token acts as `stageline[bot]`. */
  readonly tokenLogins = new Map<string, string>();
  /** Tokens without write access: `GET /repos` leaves out the merge settings, the permission endpoint answers 403. */
  readonly readOnlyTokens = new Set<string>();
  /** Users and teams that `GET /users/{login}` and `GET /orgs/{org}/teams/{slug}` know, by id. */
  users: Record<string, number> = { 'octo-guest': 583231 };
  teams: Record<string, number> = { 'acme/platform': 1234567 };
  /** The environments' public key for sealing secrets. */
  publicKey = { key_id: '3380204578043523366', key: '' };
  /** The stand-in's clock: run creation times and `Date` headers. */
  clock: () => Date = () => new Date();
  /** GraphQL points used per token in its current hourly window. */
  readonly graphqlRateLimits = new Map<
    string,
    { used: number; resetAt: Date }
  >();
  readonly respond: Responder;
  readonly #failures = new Map<string, Array<() => Response | undefined>>();
  #seq = 0;
  #ids = 161088068;

  /** With a server, the handlers are added to it (call again after `resetHandlers`). */
  constructor(server?: SetupServer) {
    this.respond = new Responder(() => this.clock());
    server?.use(...this.handlers());
  }

  /** Forgets every repository, request, count and setting (for a stand-in shared by a test file). */
  reset(): void {
    this.repos.clear();
    this.requests.length = 0;
    this.#failures.clear();
    this.respond.resetCounts();
    this.tokenLogins.clear();
    this.readOnlyTokens.clear();
    this.graphqlRateLimits.clear();
    Object.assign(this, {
      delayMs: 0,
      failWith: undefined,
      mergeabilityReads: 1,
      runsAppearAfterListings: 1,
      returnsRunDetails: true,
      runLooks: 2,
      runQueuedLooks: 0,
      rerunAppearsAfterLooks: 1,
      runConclusion: () => 'success',
      onRunStarted: undefined,
      clock: () => new Date(),
    });
  }

  get counts(): StandInCounts {
    return this.respond.counts;
  }

  resetCounts(): void {
    this.respond.resetCounts();
  }

  /**
   * Everything spent of GitHub's rate limits since the counts were reset: REST requests (304s
   * are free) plus GraphQL points.
   */
  rateLimitUnits(): number {
    return this.counts.rateLimited + this.counts.graphqlPoints;
  }

  /** Creates a repository whose branches all start at one root commit. */
  addRepo(
    slug: string,
    branches: string[],
    options: AddRepoOptions = {},
  ): this {
    const graph = new CommitGraph(slug);
    const root = graph.add({
      parents: [],
      added: [`${slug}:root`],
      message: 'Initial commit',
      files: withWrites(graph, new Map(), options.files ?? {}),
    });
    this.repos.set(slug, {
      slug,
      id: this.nextId(),
      defaultBranch:
        options.defaultBranch ??
        (branches.includes('main') ? 'main' : branches[0]),
      private: options.private ?? true,
      allow: { merge: true, squash: true, rebase: true, ...options.allow },
      branches: new Map(branches.map(b => [b, root])),
      graph,
      pulls: [],
      checks: new Map(),
      roles: new Map<string, StandInRole>([
        ['alice', 'write'],
        ['bob', 'maintain'],
      ]),
      merges: [],
      workflows: new Map([['promote.yml', PROMOTE_WORKFLOW]]),
      runs: [],
      activities: [],
      dispatches: [],
      environments: new Map(),
      policies: new Map(),
      variables: new Map(),
      secrets: new Map(),
    });
    return this;
  }

  repo(slug: string): StandInRepo {
    const repo = this.repos.get(slug);
    if (!repo) throw new Error(`stand-in has no repo ${slug}`);
    return repo;
  }

  /** The repository of a route's `owner` and `repo` params (case-insensitive, as GitHub). */
  repoOf(params: Record<string, unknown>): StandInRepo | undefined {
    const slug = `${params.owner}/${params.repo}`.toLowerCase();
    return [...this.repos.values()].find(r => r.slug.toLowerCase() === slug);
  }

  setDefaultBranch(slug: string, branch: string): void {
    this.repo(slug).defaultBranch = branch;
  }

  /** Pushes `count` commits onto a branch (creating it from the default branch); returns the new head. */
  push(slug: string, branch: string, count = 1, message = 'Change'): string {
    const repo = this.repo(slug);
    const before = repo.branches.get(branch);
    let head = before ?? repo.branches.get(repo.defaultBranch)!;
    for (let i = 0; i < count; i++) {
      const seq = ++this.#seq;
      head = repo.graph.add({
        parents: [head],
        added: [`${branch}:${seq}`],
        message: `${message} ${seq}\n\nDetails.`,
      });
    }
    this.setBranch(slug, branch, head);
    return head;
  }

  /** The repository's activity gets the push (or the branch's creation), at the clock's time. */
  #recordPush(
    repo: StandInRepo,
    branch: string,
    before: string | undefined,
    after: string,
  ): void {
    repo.activities.push({
      id: this.nextId(),
      ref: `refs/heads/${branch}`,
      before: before ?? '0'.repeat(40),
      after,
      timestamp: this.#now(),
      activityType: before ? 'push' : 'branch_creation',
      actor: 'developer',
    });
  }

  /** GitHub computes the mergeability of the open pull requests of a branch again. */
  #branchMoved(repo: StandInRepo, branch: string): void {
    for (const pull of repo.pulls) {
      if (
        pull.state === 'open' &&
        (pull.head === branch || pull.base === branch)
      ) {
        pull.mergeabilityPendingReads = this.mergeabilityReads;
        pull.updatedAt = this.#now();
      }
    }
  }

  /** Pushes one commit with exactly this message (and author) onto a branch; returns it. */
  commit(
    slug: string,
    branch: string,
    message: string,
    author?: string,
  ): string {
    return this.#commitOn(slug, branch, { message, author });
  }

  #commitOn(
    slug: string,
    branch: string,
    commit: {
      message: string;
      author?: string;
      writes?: Record<string, string | null>;
    },
  ): string {
    const { graph, branches, defaultBranch } = this.repo(slug);
    const parent = branches.get(branch) ?? branches.get(defaultBranch)!;
    const sha = graph.add({
      parents: [parent],
      added: [`${branch}:${++this.#seq}`],
      message: commit.message,
      author: commit.author,
      files: withWrites(graph, graph.get(parent).files, commit.writes ?? {}),
    });
    this.setBranch(slug, branch, sha);
    return sha;
  }

  /**
   * Pushes one commit writing `files` (path → UTF-8 content, null deletes) onto a branch
   * (creating it from the default branch); returns it.
   */
  commitFiles(
    slug: string,
    branch: string,
    files: Record<string, string | null>,
    message = 'Update files',
  ): string {
    return this.#commitOn(slug, branch, { message, writes: files });
  }

  /** Points a branch (created when new) at a commit, as a push or a ref update does. */
  setBranch(slug: string, branch: string, sha: string): void {
    const repo = this.repo(slug);
    const before = repo.branches.get(branch);
    repo.branches.set(branch, sha);
    this.#recordPush(repo, branch, before, sha);
    this.#branchMoved(repo, branch);
  }

  /** The files on a branch, path → UTF-8 content. */
  files(slug: string, branch: string): Record<string, string> {
    const { graph } = this.repo(slug);
    return Object.fromEntries(
      [...graph.get(this.head(slug, branch)).files].map(([path, file]) => [
        path,
        graph.blob(file.sha)!.toString('utf8'),
      ]),
    );
  }

  /** A branch's commits from its head back to the first, following first parents. */
  history(slug: string, branch: string): StandInCommit[] {
    const { graph } = this.repo(slug);
    const commits: StandInCommit[] = [];
    for (let sha: string | undefined = this.head(slug, branch); sha; ) {
      commits.push(graph.get(sha));
      sha = graph.get(sha).parents[0];
    }
    return commits;
  }

  head(slug: string, branch: string): string {
    return this.repo(slug).branches.get(branch)!;
  }

  /** The SHA of a commit's tree (equal for commits with the same content). */
  tree(slug: string, sha: string): string {
    return this.repo(slug).graph.tree(sha);
  }

  setChecks(slug: string, sha: string, checks: StandInCheck[]): void {
    this.repo(slug).checks.set(sha, checks);
  }

  setRole(slug: string, login: string, role: StandInRole | undefined): void {
    const { roles } = this.repo(slug);
    if (role) roles.set(login, role);
    else roles.delete(login);
  }

  addWorkflow(slug: string, file: string, workflow: StandInWorkflow): void {
    this.repo(slug).workflows.set(file, workflow);
  }

  /**
   * Opens a pull request `head` → `base` as `author`; returns its number. With `fromFork`
   * (`owner/repo`), `head` is a branch of that fork, not of this repository. With `number`,
   * it gets that number (issues share the numbering, so a repository's pull requests skip some).
   */
  openPull(
    slug: string,
    head: string,
    base: string,
    title = 'Promote',
    options: {
      author?: string;
      draft?: boolean;
      fromFork?: string;
      number?: number;
    } = {},
  ): number {
    const pull = this.addPull(this.repo(slug), {
      head,
      base,
      title,
      author: options.author ?? 'developer',
      draft: options.draft ?? false,
      number: options.number,
    });
    if (options.fromFork) {
      pull.fork = {
        slug: options.fromFork,
        headSha: createHash('sha1')
          .update(`${options.fromFork}:${head}`)
          .digest('hex'),
      };
    }
    return pull.number;
  }

  /** Closes a pull request without merging it (as `PATCH /pulls/{n}` with `state: closed`). */
  closePull(slug: string, number: number): void {
    const repo = this.repo(slug);
    const pull = this.pull(slug, number);
    pull.closedHeadSha = pull.fork?.headSha ?? repo.branches.get(pull.head);
    pull.state = 'closed';
    pull.closedAt = this.#now();
    pull.updatedAt = pull.closedAt;
  }

  /**
   * Adds a pull request (as `POST /pulls` does), numbered after the highest number unless
   * given one; GitHub computes its mergeability later.
   */
  addPull(
    repo: StandInRepo,
    {
      number,
      ...fields
    }: Pick<StandInPull, 'head' | 'base' | 'title' | 'author' | 'draft'> & {
      body?: string;
      number?: number;
    },
  ): StandInPull {
    const pull: StandInPull = {
      number: number ?? Math.max(0, ...repo.pulls.map(p => p.number)) + 1,
      ...fields,
      state: 'open',
      merged: false,
      createdAt: this.#now(),
      updatedAt: this.#now(),
      reviews: [],
      mergeabilityPendingReads: this.mergeabilityReads,
      conflicts: false,
    };
    repo.pulls.push(pull);
    return pull;
  }

  pull(slug: string, number: number): StandInPull {
    const pull = this.repo(slug).pulls.find(p => p.number === number);
    if (!pull)
      throw new Error(`stand-in has no pull request #${number} in ${slug}`);
    return pull;
  }

  /** `login` submits a review of the pull request's current head. */
  review(
    slug: string,
    number: number,
    login: string,
    state: StandInReview['state'],
    association = 'COLLABORATOR',
  ): void {
    const pull = this.pull(slug, number);
    pull.reviews.push({
      login,
      state,
      association,
      commitId: this.head(slug, pull.head),
    });
    pull.updatedAt = this.#now();
  }

  /**
   * Replaces a pull request's reviews (given on its current head) and sets its merge state:
   * `mergeable: false` means conflicts, `mergeableState` overrides the computed state (e.g.
   * `blocked`).
   */
  reviewPull(
    slug: string,
    number: number,
    fields: {
      reviews?: Array<
        Pick<StandInReview, 'login' | 'state'> & { association?: string }
      >;
      mergeable?: boolean;
      mergeableState?: string;
    },
  ): void {
    const pull = this.pull(slug, number);
    if (fields.reviews) {
      pull.reviews = [];
      for (const r of fields.reviews) {
        this.review(slug, number, r.login, r.state, r.association);
      }
    }
    if (fields.mergeable !== undefined) pull.conflicts = !fields.mergeable;
    if (fields.mergeableState !== undefined) {
      pull.mergeableState = fields.mergeableState;
    }
  }

  /** A run GitHub started by itself or for someone else (not through this dispatch). */
  addRun(
    slug: string,
    run: Partial<Omit<StandInRun, 'id'>> & Pick<StandInRun, 'branch'>,
  ): StandInRun {
    return this.startRun(slug, { hiddenForListings: 0, ...run });
  }

  /** Starts a workflow run on a branch's head. */
  startRun(
    slug: string,
    run: Partial<Omit<StandInRun, 'id'>> & Pick<StandInRun, 'branch'>,
  ): StandInRun {
    const repo = this.repo(slug);
    const started: StandInRun = {
      id: 9000 + ++this.#seq,
      workflow: 'promote.yml',
      headSha: repo.branches.get(run.branch) ?? '',
      event: 'workflow_dispatch',
      actor: 'someone-else',
      displayTitle: 'promote',
      status: 'queued',
      conclusion: null,
      createdAt: this.#now(),
      hiddenForListings: 0,
      inputs: {},
      looksLeft: this.runLooks,
      queuedLooks: this.runQueuedLooks,
      attempt: 1,
      startedAt: run.createdAt ?? this.#now(),
      ...run,
    };
    started.steps ??= stepsOf(
      repo.workflows.get(started.workflow),
      started.inputs,
    );
    repo.runs.push(started);
    return started;
  }

  /** The login a request's token acts as. */
  loginOf(request: Request): string {
    return this.tokenLogins.get(tokenOf(request) ?? '') ?? 'stageline[bot]';
  }

  nextId(): number {
    return this.#ids++;
  }

  /** Makes the next `METHOD /path` request answer with `response` instead. */
  failNext(methodAndPath: string, response: () => Response): void {
    this.#failures.set(methodAndPath, [
      ...(this.#failures.get(methodAndPath) ?? []),
      response,
    ]);
  }

  /**
   * Runs `action` when the next `METHOD /path` request arrives, before GitHub handles it:
   * something that happens meanwhile, e.g. a push racing a merge.
   */
  beforeNext(methodAndPath: string, action: () => void): void {
    this.#failures.set(methodAndPath, [
      ...(this.#failures.get(methodAndPath) ?? []),
      () => {
        action();
        return undefined;
      },
    ]);
  }

  /** Requests that change something. */
  writes(): RecordedRequest[] {
    return this.requests.filter(r => r.method !== 'GET');
  }

  /** Requests to one repository as `METHOD /path?query`, the path after `/repos/{owner}/{repo}`. */
  calls(slug: string): string[] {
    const prefix = `/repos/${slug}`;
    return this.requests
      .filter(r => r.path.startsWith(prefix))
      .map(r => `${r.method} ${r.path.slice(prefix.length)}${r.search ?? ''}`);
  }

  /** msw handlers for api.github.com. */
  handlers(): RequestHandler[] {
    return [
      http.all(`${API}/*`, async ({ request }) => {
        const url = new URL(request.url);
        const text = ['GET', 'DELETE'].includes(request.method)
          ? ''
          : await request.clone().text();
        this.requests.push({
          method: request.method,
          path: url.pathname,
          ...(url.search ? { search: url.search } : {}),
          ...(text ? { body: JSON.parse(text) } : {}),
        });
        if (this.delayMs) await delay(this.delayMs);
        const queued = this.#failures.get(`${request.method} ${url.pathname}`);
        const answer = queued?.shift()?.();
        if (answer) return answer;
        if (this.failWith) {
          return this.respond.error(
            `${request.method} failed`,
            this.failWith,
            'Server Error',
          );
        }
        return undefined;
      }),
      ...gitRoutes(this),
      ...gitDatabaseRoutes(this),
      ...graphqlRoutes(this),
      ...pullRoutes(this),
      ...checkRoutes(this),
      ...actionRoutes(this),
      ...repoRoutes(this),
      ...activityRoutes(this),
      ...environmentRoutes(this),
    ];
  }

  #now(): string {
    return this.clock()
      .toISOString()
      .replace(/\.\d+Z$/, 'Z');
  }
}
