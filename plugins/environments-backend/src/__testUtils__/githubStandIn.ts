import { createHash } from 'node:crypto';
import { http, HttpResponse, RequestHandler } from 'msw';

/** A commit status or check run on a commit. */
export interface StandInCheck {
  kind: 'status' | 'check-run';
  name: string;
  /** status: success | pending | failure | error; check run: queued | in_progress | a conclusion */
  state: string;
}

/** A review on a pull request (oldest first, as GitHub lists them). */
export interface StandInReview {
  login: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  /** The commit reviewed; `reviewPull` sets it to the pull request's head when left out. */
  commitId?: string;
  /** Default COLLABORATOR. */
  association?: string;
}

interface StandInPull {
  number: number;
  title: string;
  head: string;
  base: string;
  body?: string;
  state: 'open' | 'closed';
  merged: boolean;
  reviews: StandInReview[];
  /** GitHub's `mergeable` (null while it computes it). */
  mergeable: boolean | null;
  /** GitHub's `mergeable_state`: clean, dirty, blocked, … */
  mergeableState: string;
}

/** A workflow run started by a dispatch. */
interface StandInRun {
  id: number;
  workflow: string;
  branch: string;
  createdAt: string;
}

interface StandInRepo {
  /** GitHub's `default_branch` (`main` unless a test sets it). */
  defaultBranch: string;
  branches: Map<string, string>;
  history: Map<string, string[]>;
  messages: Map<string, string>;
  pulls: StandInPull[];
  checks: Map<string, StandInCheck[]>;
  /** Merges of pull requests (`PUT /pulls/{n}/merge` bodies). */
  merges: Array<{ number: number; merge_method?: string; sha?: string }>;
  runs: StandInRun[];
  /** Write access by login (`GET /collaborators/{username}/permission`); anyone else has none. */
  writers: Set<string>;
  dispatches: Array<{
    workflow: string;
    ref: string;
    inputs: Record<string, string>;
  }>;
}

/** Request counts, as GitHub's rate limit sees them. */
export interface StandInCounts {
  /** Requests that cost rate limit (everything but 304s). */
  rateLimited: number;
  /** Conditional requests answered 304 Not Modified (free). */
  notModified: number;
  /** Rate-limited requests per route, e.g. `GET compare`. */
  byRoute: Record<string, number>;
}

const API = 'https://api.github.com';

/** GitHub's `status` of a comparison. */
function compareStatus(ahead: number, behind: number): string {
  if (ahead && behind) return 'diverged';
  if (ahead) return 'ahead';
  if (behind) return 'behind';
  return 'identical';
}
const WEB = 'https://github.com';

/**
 * A stand-in for the GitHub REST API at its HTTP edge (msw handlers) that keeps repositories,
 * branches, commits, pull requests (with reviews and merge state), checks, pull request merges
 * and workflow dispatches (each starting a run) in memory and answers with payloads shaped like
 * GitHub's, with ETags and 304s for conditional GETs. It counts requests the way GitHub's rate
 * limit does, for tests and the benchmark.
 */
export class GithubStandIn {
  readonly repos = new Map<string, StandInRepo>();
  counts: StandInCounts = { rateLimited: 0, notModified: 0, byRoute: {} };
  /** Milliseconds to wait before answering (to make GitHub slow). */
  delayMs = 0;
  /** Status to fail every request with (e.g. 500), or undefined. */
  failWith?: number;
  #seq = 0;

  /** Creates a repository whose branches all start at one root commit. */
  addRepo(slug: string, branches: string[]): this {
    const root = this.#sha(`${slug}:root`);
    const repo: StandInRepo = {
      defaultBranch: 'main',
      branches: new Map(branches.map(b => [b, root])),
      history: new Map([[root, [root]]]),
      messages: new Map([[root, 'Initial commit']]),
      pulls: [],
      checks: new Map(),
      merges: [],
      runs: [],
      writers: new Set(['alice', 'bob']),
      dispatches: [],
    };
    this.repos.set(slug, repo);
    return this;
  }

  /** Pushes `count` commits onto a branch; returns the new head. */
  push(slug: string, branch: string, count = 1, message = 'Change'): string {
    const repo = this.#repo(slug);
    let head = repo.branches.get(branch)!;
    for (let i = 0; i < count; i++) {
      const sha = this.#sha(`${slug}:${branch}:${++this.#seq}`);
      repo.history.set(sha, [...repo.history.get(head)!, sha]);
      repo.messages.set(sha, `${message} ${this.#seq}\n\nDetails.`);
      head = sha;
    }
    repo.branches.set(branch, head);
    return head;
  }

  head(slug: string, branch: string): string {
    return this.#repo(slug).branches.get(branch)!;
  }

  setChecks(slug: string, sha: string, checks: StandInCheck[]): void {
    this.#repo(slug).checks.set(sha, checks);
  }

  openPull(
    slug: string,
    head: string,
    base: string,
    title = 'Promote',
  ): number {
    const repo = this.#repo(slug);
    const number = repo.pulls.length + 1;
    repo.pulls.push(this.#newPull(number, { title, head, base }));
    return number;
  }

  /** Sets a pull request's reviews and merge state. */
  reviewPull(
    slug: string,
    number: number,
    fields: Partial<
      Pick<StandInPull, 'reviews' | 'mergeable' | 'mergeableState'>
    >,
  ): void {
    const pull = this.#repo(slug).pulls.find(p => p.number === number)!;
    Object.assign(pull, fields);
    pull.reviews = pull.reviews.map(r => ({
      ...r,
      commitId: r.commitId ?? this.head(slug, pull.head),
    }));
  }

  #newPull(
    number: number,
    fields: Pick<StandInPull, 'title' | 'head' | 'base' | 'body'>,
  ): StandInPull {
    return {
      number,
      ...fields,
      state: 'open',
      merged: false,
      reviews: [],
      mergeable: true,
      mergeableState: 'clean',
    };
  }

  repo(slug: string): StandInRepo {
    return this.#repo(slug);
  }

  resetCounts(): void {
    this.counts = { rateLimited: 0, notModified: 0, byRoute: {} };
  }

  #sha(seed: string): string {
    return createHash('sha1').update(seed).digest('hex');
  }

  #repo(slug: string): StandInRepo {
    const repo = this.repos.get(slug);
    if (!repo) throw new Error(`stand-in has no repo ${slug}`);
    return repo;
  }

  #commit(slug: string, sha: string) {
    const repo = this.#repo(slug);
    const message = repo.messages.get(sha) ?? '';
    return {
      sha,
      node_id: `C_${sha.slice(0, 10)}`,
      html_url: `${WEB}/${slug}/commit/${sha}`,
      url: `${API}/repos/${slug}/commits/${sha}`,
      commit: {
        message,
        author: {
          name: 'Dev Eloper',
          email: 'dev@example.com',
          date: '2026-01-05T10:00:00Z',
        },
        committer: {
          name: 'Dev Eloper',
          email: 'dev@example.com',
          date: '2026-01-05T10:00:00Z',
        },
      },
      author: { login: 'developer', id: 1 },
      parents: [],
    };
  }

  #pull(slug: string, p: StandInPull) {
    const [owner] = slug.split('/');
    return {
      id: 1000 + p.number,
      number: p.number,
      state: p.state,
      merged: p.merged,
      mergeable: p.mergeable,
      mergeable_state: p.mergeableState,
      title: p.title,
      body: p.body ?? null,
      html_url: `${WEB}/${slug}/pull/${p.number}`,
      url: `${API}/repos/${slug}/pulls/${p.number}`,
      head: {
        ref: p.head,
        sha: this.head(slug, p.head),
        label: `${owner}:${p.head}`,
        repo: { full_name: slug },
      },
      base: {
        ref: p.base,
        sha: this.head(slug, p.base),
        label: `${owner}:${p.base}`,
        repo: { full_name: slug },
      },
      user: { login: 'developer' },
      draft: false,
    };
  }

  /** Answers a GET with an ETag, or 304 when If-None-Match matches. */
  #get(route: string, request: Request, body: unknown) {
    const etag = `"${createHash('sha1')
      .update(JSON.stringify(body))
      .digest('hex')}"`;
    if (request.headers.get('if-none-match') === etag) {
      this.counts.notModified++;
      return new HttpResponse(null, { status: 304, headers: { etag } });
    }
    return this.#count(
      route,
      HttpResponse.json(body as any, { headers: { etag } }),
    );
  }

  #count<T>(route: string, response: T): T {
    this.counts.rateLimited++;
    this.counts.byRoute[route] = (this.counts.byRoute[route] ?? 0) + 1;
    return response;
  }

  #notFound(route: string) {
    return this.#count(
      route,
      HttpResponse.json({ message: 'Not Found' }, { status: 404 }),
    );
  }

  /** msw handlers for api.github.com. */
  handlers(): RequestHandler[] {
    const guard = async (route: string) => {
      if (this.delayMs) await new Promise(r => setTimeout(r, this.delayMs));
      if (this.failWith) {
        return this.#count(
          route,
          HttpResponse.json(
            { message: 'Server Error' },
            { status: this.failWith },
          ),
        );
      }
      return undefined;
    };
    const slugOf = (params: Record<string, unknown>) =>
      `${params.owner}/${params.repo}`;
    const pullOf = (params: Record<string, unknown>) =>
      this.repos
        .get(slugOf(params))
        ?.pulls.find(p => p.number === Number(params.number));
    return [
      http.get(`${API}/repos/:owner/:repo`, async ({ request, params }) => {
        const route = 'GET repo';
        const failed = await guard(route);
        if (failed) return failed;
        const slug = slugOf(params);
        const repo = this.repos.get(slug);
        if (!repo) return this.#notFound(route);
        const [owner, name] = slug.split('/');
        return this.#get(route, request, {
          id: 1,
          name,
          full_name: slug,
          owner: { login: owner },
          private: true,
          html_url: `${WEB}/${slug}`,
          default_branch: repo.defaultBranch,
        });
      }),
      http.get(
        `${API}/repos/:owner/:repo/git/ref/*`,
        async ({ request, params }) => {
          const route = 'GET git/ref';
          const failed = await guard(route);
          if (failed) return failed;
          const slug = slugOf(params);
          const ref = decodeURIComponent(
            new URL(request.url).pathname.split('/git/ref/')[1],
          );
          const branch = ref.replace(/^heads\//, '');
          const sha = this.repos.get(slug)?.branches.get(branch);
          if (!sha) return this.#notFound(route);
          return this.#get(route, request, {
            ref: `refs/heads/${branch}`,
            node_id: `REF_${branch}`,
            url: `${API}/repos/${slug}/git/refs/heads/${branch}`,
            object: {
              sha,
              type: 'commit',
              url: `${API}/repos/${slug}/git/commits/${sha}`,
            },
          });
        },
      ),
      http.get(
        `${API}/repos/:owner/:repo/compare/:basehead`,
        async ({ request, params }) => {
          const route = 'GET compare';
          const failed = await guard(route);
          if (failed) return failed;
          const slug = slugOf(params);
          const repo = this.repos.get(slug);
          const [base, head] = decodeURIComponent(
            String(params.basehead),
          ).split('...');
          const resolve = (ref: string) => repo?.branches.get(ref) ?? ref;
          const baseHistory = repo?.history.get(resolve(base));
          const headHistory = repo?.history.get(resolve(head));
          if (!baseHistory || !headHistory) return this.#notFound(route);
          const ahead = headHistory.filter(sha => !baseHistory.includes(sha));
          const behind = baseHistory.filter(sha => !headHistory.includes(sha));
          return this.#get(route, request, {
            url: `${API}/repos/${slug}/compare/${base}...${head}`,
            html_url: `${WEB}/${slug}/compare/${base}...${head}`,
            status: compareStatus(ahead.length, behind.length),
            ahead_by: ahead.length,
            behind_by: behind.length,
            total_commits: ahead.length,
            commits: ahead.map(sha => this.#commit(slug, sha)),
            files: [],
          });
        },
      ),
      http.get(
        `${API}/repos/:owner/:repo/pulls`,
        async ({ request, params }) => {
          const route = 'GET pulls';
          const failed = await guard(route);
          if (failed) return failed;
          const slug = slugOf(params);
          const url = new URL(request.url);
          const head = url.searchParams.get('head')?.split(':')[1];
          const base = url.searchParams.get('base');
          const state = url.searchParams.get('state') ?? 'open';
          const pulls = (this.repos.get(slug)?.pulls ?? [])
            .filter(
              p =>
                (state === 'all' || p.state === state) &&
                (!head || p.head === head) &&
                (!base || p.base === base),
            )
            .map(p => this.#pull(slug, p));
          return this.#get(route, request, pulls);
        },
      ),
      http.post(
        `${API}/repos/:owner/:repo/pulls`,
        async ({ request, params }) => {
          const route = 'POST pulls';
          const failed = await guard(route);
          if (failed) return failed;
          const slug = slugOf(params);
          const body = (await request.json()) as {
            head: string;
            base: string;
            title: string;
            body?: string;
          };
          const repo = this.#repo(slug);
          const number = repo.pulls.length + 1;
          const pull = this.#newPull(number, {
            title: body.title,
            head: body.head,
            base: body.base,
            body: body.body,
          });
          repo.pulls.push(pull);
          return this.#count(
            route,
            HttpResponse.json(this.#pull(slug, pull), { status: 201 }),
          );
        },
      ),
      http.get(
        `${API}/repos/:owner/:repo/pulls/:number`,
        async ({ request, params }) => {
          const route = 'GET pull';
          const failed = await guard(route);
          if (failed) return failed;
          const slug = slugOf(params);
          const pull = pullOf(params);
          if (!pull) return this.#notFound(route);
          return this.#get(route, request, this.#pull(slug, pull));
        },
      ),
      http.get(
        `${API}/repos/:owner/:repo/pulls/:number/reviews`,
        async ({ request, params }) => {
          const route = 'GET reviews';
          const failed = await guard(route);
          if (failed) return failed;
          const slug = slugOf(params);
          const pull = pullOf(params);
          if (!pull) return this.#notFound(route);
          return this.#get(
            route,
            request,
            pull.reviews.map((r, i) => ({
              id: i + 1,
              user: { login: r.login, id: 100 + i },
              body: '',
              state: r.state,
              html_url: `${WEB}/${slug}/pull/${pull.number}#pullrequestreview-${
                i + 1
              }`,
              commit_id: r.commitId,
              author_association: r.association ?? 'COLLABORATOR',
              submitted_at: '2026-01-05T11:00:00Z',
            })),
          );
        },
      ),
      http.get(
        `${API}/repos/:owner/:repo/collaborators/:username/permission`,
        async ({ request, params }) => {
          const route = 'GET permission';
          const failed = await guard(route);
          if (failed) return failed;
          const repo = this.repos.get(slugOf(params));
          if (!repo) return this.#notFound(route);
          const write = repo.writers.has(String(params.username));
          return this.#get(route, request, {
            permission: write ? 'write' : 'none',
            role_name: write ? 'write' : 'none',
            user: { login: params.username },
          });
        },
      ),
      http.put(
        `${API}/repos/:owner/:repo/pulls/:number/merge`,
        async ({ request, params }) => {
          const route = 'PUT merge';
          const failed = await guard(route);
          if (failed) return failed;
          const slug = slugOf(params);
          const repo = this.#repo(slug);
          const pull = pullOf(params);
          if (!pull) return this.#notFound(route);
          const body = (await request.json()) as {
            merge_method?: string;
            sha?: string;
          };
          const refuse = (status: number, message: string) =>
            this.#count(route, HttpResponse.json({ message }, { status }));
          if (pull.state !== 'open' || pull.mergeable === false) {
            return refuse(405, 'Pull Request is not mergeable');
          }
          const headSha = repo.branches.get(pull.head)!;
          if (body.sha && body.sha !== headSha) {
            return refuse(
              409,
              'Head branch was modified. Review and try the merge again.',
            );
          }
          repo.merges.push({ number: pull.number, ...body });
          repo.branches.set(pull.base, headSha);
          pull.state = 'closed';
          pull.merged = true;
          return this.#count(
            route,
            HttpResponse.json({
              sha: headSha,
              merged: true,
              message: 'Pull Request successfully merged',
            }),
          );
        },
      ),
      http.post(
        `${API}/repos/:owner/:repo/actions/workflows/:workflow/dispatches`,
        async ({ request, params }) => {
          const route = 'POST dispatches';
          const failed = await guard(route);
          if (failed) return failed;
          const body = (await request.json()) as {
            ref: string;
            inputs: Record<string, string>;
          };
          const repo = this.#repo(slugOf(params));
          repo.dispatches.push({
            workflow: String(params.workflow),
            ref: body.ref,
            inputs: body.inputs,
          });
          repo.runs.push({
            id: 9000 + ++this.#seq,
            workflow: String(params.workflow),
            branch: body.ref,
            createdAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
          });
          return this.#count(route, new HttpResponse(null, { status: 204 }));
        },
      ),
      http.get(
        `${API}/repos/:owner/:repo/commits/:ref/status`,
        async ({ request, params }) => {
          const route = 'GET status';
          const failed = await guard(route);
          if (failed) return failed;
          const slug = slugOf(params);
          const statuses = (
            this.repos.get(slug)?.checks.get(String(params.ref)) ?? []
          ).filter(c => c.kind === 'status');
          let state = 'success';
          if (statuses.some(s => s.state === 'failure' || s.state === 'error'))
            state = 'failure';
          else if (
            statuses.length === 0 ||
            statuses.some(s => s.state === 'pending')
          )
            state = 'pending';
          return this.#get(route, request, {
            state,
            sha: params.ref,
            total_count: statuses.length,
            statuses: statuses.map((s, i) => ({
              id: i + 1,
              context: s.name,
              state: s.state,
              description: null,
              target_url: null,
            })),
          });
        },
      ),
      http.get(
        `${API}/repos/:owner/:repo/commits/:ref/check-runs`,
        async ({ request, params }) => {
          const route = 'GET check-runs';
          const failed = await guard(route);
          if (failed) return failed;
          const slug = slugOf(params);
          const runs = (
            this.repos.get(slug)?.checks.get(String(params.ref)) ?? []
          ).filter(c => c.kind === 'check-run');
          const inProgress = new Set([
            'queued',
            'in_progress',
            'waiting',
            'pending',
          ]);
          return this.#get(route, request, {
            total_count: runs.length,
            check_runs: runs.map((r, i) => ({
              id: i + 1,
              name: r.name,
              head_sha: params.ref,
              status: inProgress.has(r.state) ? r.state : 'completed',
              conclusion: inProgress.has(r.state) ? null : r.state,
            })),
          });
        },
      ),
      http.get(
        `${API}/repos/:owner/:repo/actions/workflows/:workflow/runs`,
        async ({ request, params }) => {
          const route = 'GET runs';
          const failed = await guard(route);
          if (failed) return failed;
          const slug = slugOf(params);
          const query = new URL(request.url).searchParams;
          const since = query.get('created')?.replace(/^>=/, '');
          const branch = query.get('branch');
          const runs = (this.repos.get(slug)?.runs ?? [])
            .filter(
              r =>
                r.workflow === params.workflow &&
                (!branch || r.branch === branch) &&
                (!since || r.createdAt >= since),
            )
            .reverse()
            .map(r => ({
              id: r.id,
              name: 'Promote',
              head_branch: r.branch,
              event: 'workflow_dispatch',
              status: 'queued',
              conclusion: null,
              path: `.github/workflows/${r.workflow}`,
              created_at: r.createdAt,
              html_url: `${WEB}/${slug}/actions/runs/${r.id}`,
            }));
          return this.#get(route, request, {
            total_count: runs.length,
            workflow_runs: runs,
          });
        },
      ),
      http.get(`${API}/repos/:owner/:repo/deployments`, async ({ request }) => {
        const route = 'GET deployments';
        const failed = await guard(route);
        if (failed) return failed;
        return this.#get(route, request, []);
      }),
    ];
  }
}
