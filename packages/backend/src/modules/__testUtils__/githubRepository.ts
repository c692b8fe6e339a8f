import { createHash } from 'node:crypto';
import { http, HttpResponse, RequestHandler } from 'msw';

const API = 'https://api.github.com';
const WEB = 'https://github.com';

/**
 * One GitHub repository at the HTTP edge (msw), just big enough for a pull-request promotion:
 * the repository (default branch `main`), branch refs, compare, open pull requests, commit statuses and check runs (none), answered
 * with payloads shaped like api.github.com's.
 */
export class GithubRepository {
  /** Commits of each branch, oldest first. */
  #branches = new Map<string, string[]>();
  #seq = 0;
  pulls: Array<{ number: number; head: string; base: string; title: string }> =
    [];

  constructor(readonly slug: string, private readonly names: string[]) {
    this.reset();
  }

  /** Every branch back at one shared root commit; no pull requests. */
  reset(): void {
    const root = this.#sha();
    this.#branches = new Map(this.names.map(name => [name, [root]]));
    this.pulls = [];
  }

  /** Adds `count` commits on top of `branch`. */
  push(branch: string, count: number): void {
    const commits = this.#branches.get(branch)!;
    for (let i = 0; i < count; i++) commits.push(this.#sha());
  }

  #sha(): string {
    return createHash('sha1')
      .update(`${this.slug}:${++this.#seq}`)
      .digest('hex');
  }

  #head(branch: string): string | undefined {
    return this.#branches.get(branch)?.at(-1);
  }

  #pullJson(p: GithubRepository['pulls'][number]) {
    const [owner] = this.slug.split('/');
    const side = (ref: string) => ({
      ref,
      sha: this.#head(ref),
      label: `${owner}:${ref}`,
      repo: { full_name: this.slug },
    });
    return {
      number: p.number,
      state: 'open',
      title: p.title,
      html_url: `${WEB}/${this.slug}/pull/${p.number}`,
      head: side(p.head),
      base: side(p.base),
      draft: false,
    };
  }

  handlers(): RequestHandler[] {
    const repo = `${API}/repos/${this.slug}`;
    const notFound = () =>
      HttpResponse.json({ message: 'Not Found' }, { status: 404 });
    return [
      http.get(repo, () =>
        HttpResponse.json({
          name: this.slug.split('/')[1],
          full_name: this.slug,
          private: true,
          default_branch: 'main',
        }),
      ),
      http.get(`${repo}/git/ref/*`, ({ request }) => {
        // Octokit sends the ref url-encoded: git/ref/heads%2Fdevelop
        const ref = decodeURIComponent(request.url.split('/git/ref/')[1]);
        const branch = ref.replace(/^heads\//, '');
        const sha = this.#head(branch);
        if (!sha) return notFound();
        return HttpResponse.json({
          ref: `refs/heads/${branch}`,
          object: { sha, type: 'commit' },
        });
      }),
      http.get(`${repo}/compare/:basehead`, ({ params }) => {
        const [base, head] = String(params.basehead).split('...');
        /** The commits reachable from `sha` (branches here are linear). */
        const history = (sha: string) => {
          const commits = [...this.#branches.values()].find(c =>
            c.includes(sha),
          );
          return commits?.slice(0, commits.indexOf(sha) + 1);
        };
        const baseCommits = history(base);
        const headCommits = history(head);
        if (!baseCommits || !headCommits) return notFound();
        const ahead = headCommits.filter(sha => !baseCommits.includes(sha));
        return HttpResponse.json({
          status: ahead.length ? 'ahead' : 'identical',
          ahead_by: ahead.length,
          behind_by: 0,
          total_commits: ahead.length,
          commits: ahead.map(sha => ({
            sha,
            html_url: `${WEB}/${this.slug}/commit/${sha}`,
            commit: {
              message: `Change ${sha.slice(0, 7)}`,
              author: { name: 'Dev', date: '2026-01-05T10:00:00Z' },
            },
            author: { login: 'dev' },
          })),
        });
      }),
      http.get(`${repo}/pulls`, () =>
        HttpResponse.json(this.pulls.map(p => this.#pullJson(p))),
      ),
      http.post(`${repo}/pulls`, async ({ request }) => {
        const body = (await request.json()) as {
          head: string;
          base: string;
          title: string;
        };
        const pull = { number: this.pulls.length + 1, ...body };
        this.pulls.push(pull);
        return HttpResponse.json(this.#pullJson(pull), { status: 201 });
      }),
      http.get(`${repo}/commits/:sha/status`, ({ params }) =>
        HttpResponse.json({
          state: 'pending',
          sha: params.sha,
          total_count: 0,
          statuses: [],
        }),
      ),
      http.get(`${repo}/commits/:sha/check-runs`, () =>
        HttpResponse.json({ total_count: 0, check_runs: [] }),
      ),
    ];
  }
}
