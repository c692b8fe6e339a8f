import { createHash } from 'node:crypto';
import { http, HttpResponse, RequestHandler } from 'msw';
import { SLUG } from './promotionFixtures';

const API = `https://api.github.com/repos/${SLUG}`;
const WEB = `https://github.com/${SLUG}`;

/** A pull request as `GET /pulls/{n}` answers it. */
export interface FakePull {
  number: number;
  head: string;
  base: string;
  draft?: boolean;
  mergeable: boolean | null;
  mergeable_state: string;
}

/** A review as `GET /pulls/{n}/reviews` answers it (oldest first). */
export interface FakeReview {
  login: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  /** The head of the pull request when the review was given. */
  commit_id: string;
  author_association: string;
}

/** A role on the repository (https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user). */
export type FakeRole = 'admin' | 'maintain' | 'write' | 'triage' | 'read';

/** A workflow run as `GET /actions/workflows/{id}/runs` answers it. */
export interface FakeRun {
  id: number;
  created_at: string;
  head_branch: string;
}

/**
 * One GitHub repository at the HTTP edge for the promotion strategies: develop two commits
 * ahead of main with no checks; pull requests with reviews and merge state; workflow runs.
 * Records every request (method, path and query) and answers with GitHub-shaped payloads,
 * ETags and 304s on GETs.
 */
export class FakeGithubRepo {
  heads: Record<string, string> = {
    develop: 'd'.repeat(40),
    main: 'm'.repeat(40),
  };
  pulls: FakePull[] = [];
  reviews: Record<number, FakeReview[]> = {};
  /** Roles of people on the repository; anyone else has none. */
  roles: Record<string, FakeRole> = { alice: 'write', bob: 'maintain' };
  /** Called when `PUT /pulls/{n}/merge` arrives, before GitHub looks at it (e.g. a racing push). */
  beforeMerge?: () => void;
  #pushes = 0;
  runs: FakeRun[] = [];
  /** Status to answer `PUT /pulls/{n}/merge` with when not 200, e.g. 405. */
  mergeFailsWith?: { status: number; message: string };
  /** Answers for successive `GET /pulls/{n}`: overrides `mergeable` per read, then the pull's own. */
  mergeableReads: Array<boolean | null> = [];
  /** Runs that appear only after this many listings. */
  runsAppearAfter = 0;
  requests: string[] = [];
  /** Conditional GETs answered 304 (free of rate limit), by path. */
  notModified: string[] = [];
  merged: Array<Record<string, unknown>> = [];
  dispatched: Array<Record<string, unknown>> = [];
  #listings = 0;

  /** Pushes a new commit onto `branch`; returns its SHA. */
  push(branch: string): string {
    const sha = createHash('sha1')
      .update(`${branch}:${++this.#pushes}`)
      .digest('hex');
    this.heads[branch] = sha;
    return sha;
  }

  /** Submits a review of pull request `number` at its current head, as `login`. */
  review(
    number: number,
    login: string,
    state: FakeReview['state'],
    author_association = 'COLLABORATOR',
  ): void {
    const pull = this.pulls.find(p => p.number === number)!;
    (this.reviews[number] ??= []).push({
      login,
      state,
      commit_id: this.heads[pull.head],
      author_association,
    });
  }

  #record(request: Request) {
    const url = new URL(request.url);
    this.requests.push(
      `${request.method} ${url.pathname.replace(`/repos/${SLUG}`, '')}${
        url.search
      }`,
    );
  }

  #get(request: Request, body: unknown) {
    const etag = `"${createHash('sha1')
      .update(JSON.stringify(body))
      .digest('hex')}"`;
    if (request.headers.get('if-none-match') === etag) {
      this.notModified.push(
        new URL(request.url).pathname.replace(`/repos/${SLUG}`, ''),
      );
      return new HttpResponse(null, { status: 304, headers: { etag } });
    }
    return HttpResponse.json(body as any, { headers: { etag } });
  }

  #pullJson(p: FakePull, mergeable = p.mergeable) {
    return {
      number: p.number,
      state: 'open',
      title: `Promote ${p.head} to ${p.base}`,
      html_url: `${WEB}/pull/${p.number}`,
      draft: p.draft ?? false,
      mergeable,
      mergeable_state: p.mergeable_state,
      head: { ref: p.head, sha: this.heads[p.head], repo: { full_name: SLUG } },
      base: { ref: p.base, sha: this.heads[p.base], repo: { full_name: SLUG } },
    };
  }

  handlers(): RequestHandler[] {
    return [
      http.all(`${API}/*`, ({ request }) => {
        this.#record(request);
        return undefined;
      }),
      http.get(`${API}/git/ref/*`, ({ request }) => {
        const ref = decodeURIComponent(request.url.split('/git/ref/')[1]);
        const branch = ref.replace(/^heads\//, '');
        return this.#get(request, {
          ref: `refs/heads/${branch}`,
          object: { sha: this.heads[branch], type: 'commit' },
        });
      }),
      http.get(`${API}/compare/:basehead`, ({ request }) =>
        this.#get(request, {
          status: 'ahead',
          ahead_by: 2,
          behind_by: 0,
          total_commits: 2,
          commits: ['1', '2'].map(n => ({
            sha: n.repeat(40),
            html_url: `${WEB}/commit/${n.repeat(40)}`,
            commit: {
              message: `Change ${n}`,
              author: { name: 'Dev', date: '2026-01-05T10:00:00Z' },
            },
            author: { login: 'dev' },
          })),
        }),
      ),
      http.get(`${API}/commits/:sha/status`, ({ request, params }) =>
        this.#get(request, {
          state: 'pending',
          sha: params.sha,
          total_count: 0,
          statuses: [],
        }),
      ),
      http.get(`${API}/commits/:sha/check-runs`, ({ request }) =>
        this.#get(request, { total_count: 0, check_runs: [] }),
      ),
      http.get(`${API}/pulls`, ({ request }) =>
        this.#get(
          request,
          this.pulls.map(p => this.#pullJson(p)),
        ),
      ),
      http.get(`${API}/pulls/:number`, ({ request, params }) => {
        const pull = this.pulls.find(p => p.number === Number(params.number));
        if (!pull)
          return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
        const mergeable = this.mergeableReads.length
          ? this.mergeableReads.shift()!
          : pull.mergeable;
        return this.#get(request, this.#pullJson(pull, mergeable));
      }),
      http.get(`${API}/pulls/:number/reviews`, ({ request, params }) =>
        this.#get(
          request,
          (this.reviews[Number(params.number)] ?? []).map((r, i) => ({
            id: i + 1,
            user: { login: r.login },
            state: r.state,
            body: '',
            submitted_at: '2026-01-05T10:00:00Z',
            commit_id: r.commit_id,
            author_association: r.author_association,
          })),
        ),
      ),
      http.get(
        `${API}/collaborators/:username/permission`,
        ({ request, params }) => {
          const role = this.roles[String(params.username)];
          const permission: Record<FakeRole, string> = {
            admin: 'admin',
            maintain: 'write',
            write: 'write',
            triage: 'read',
            read: 'read',
          };
          return this.#get(request, {
            permission: role ? permission[role] : 'none',
            role_name: role ?? 'none',
            user: { login: params.username },
          });
        },
      ),
      http.put(`${API}/pulls/:number/merge`, async ({ request, params }) => {
        this.beforeMerge?.();
        const body = (await request.json()) as Record<string, unknown>;
        const pull = this.pulls.find(p => p.number === Number(params.number))!;
        // https://docs.github.com/rest/pulls/pulls#merge-a-pull-request: 409 when sha is not the head.
        if (body.sha && body.sha !== this.heads[pull.head]) {
          return HttpResponse.json(
            {
              message:
                'Head branch was modified. Review and try the merge again.',
            },
            { status: 409 },
          );
        }
        if (this.mergeFailsWith) {
          return HttpResponse.json(
            { message: this.mergeFailsWith.message },
            { status: this.mergeFailsWith.status },
          );
        }
        this.merged.push(body);
        return HttpResponse.json({
          sha: 'f'.repeat(40),
          merged: true,
          message: 'Pull Request successfully merged',
        });
      }),
      http.post(
        `${API}/actions/workflows/:workflow/dispatches`,
        async ({ request, params }) => {
          this.dispatched.push({
            workflow: params.workflow,
            ...((await request.json()) as Record<string, unknown>),
          });
          return new HttpResponse(null, { status: 204 });
        },
      ),
      http.get(
        `${API}/actions/workflows/:workflow/runs`,
        ({ request, params }) => {
          const query = new URL(request.url).searchParams;
          const since = query.get('created')?.replace(/^>=/, '');
          const visible =
            ++this.#listings > this.runsAppearAfter ? this.runs : [];
          const runs = visible
            .filter(run => !since || run.created_at >= since)
            .filter(run => run.head_branch === query.get('branch'))
            .map(run => ({
              ...run,
              name: 'Promote',
              event: 'workflow_dispatch',
              status: 'queued',
              conclusion: null,
              path: `.github/workflows/${params.workflow}`,
              html_url: `${WEB}/actions/runs/${run.id}`,
            }));
          return this.#get(request, {
            total_count: runs.length,
            workflow_runs: runs,
          });
        },
      ),
    ];
  }
}
