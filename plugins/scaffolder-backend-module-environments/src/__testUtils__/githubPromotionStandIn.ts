import { delay, http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import type { RecordedRequest } from './githubStandIn';
import { recordRequest } from './recordRequest';

const API = 'https://api.github.com';
const REPO = `${API}/repos/acme/macro-ai`;

export const DEVELOP_SHA = '7d1f3a9c2b4e6f8a0c1d3e5f7a9b2c4d6e8f0a1b';
export const MAIN_SHA = '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b';

function commit(sha: string, message: string, login: string) {
  return {
    sha,
    node_id: 'C_kwDOABCD',
    commit: {
      author: {
        name: login,
        email: `${login}@acme.test`,
        date: '2025-01-07T10:00:00Z',
      },
      committer: {
        name: 'GitHub',
        email: 'noreply@github.com',
        date: '2025-01-07T10:00:00Z',
      },
      message,
      tree: { sha: 'f'.repeat(40), url: `${REPO}/git/trees/${'f'.repeat(40)}` },
      url: `${REPO}/git/commits/${sha}`,
      comment_count: 0,
    },
    url: `${REPO}/commits/${sha}`,
    html_url: `https://github.com/acme/macro-ai/commit/${sha}`,
    author: { login, id: 583231, type: 'User', site_admin: false },
    committer: {
      login: 'web-flow',
      id: 19864447,
      type: 'User',
      site_admin: false,
    },
    parents: [],
  };
}

function ref(branch: string, sha: string) {
  return {
    ref: `refs/heads/${branch}`,
    node_id: 'REF_kwDOABCD',
    url: `${REPO}/git/refs/heads/${branch}`,
    object: { sha, type: 'commit', url: `${REPO}/git/commits/${sha}` },
  };
}

function pullRequest(number: number, head: string, base: string) {
  return {
    id: 1900000000 + number,
    number,
    state: 'open',
    mergeable: true as boolean | null,
    mergeable_state: 'clean',
    title: `Promote macro-ai-api-staging to macro-ai-api-production`,
    html_url: `https://github.com/acme/macro-ai/pull/${number}`,
    url: `${REPO}/pulls/${number}`,
    draft: false,
    head: {
      label: `acme:${head}`,
      ref: head,
      sha: DEVELOP_SHA,
      repo: { full_name: 'acme/macro-ai' },
    },
    base: {
      label: `acme:${base}`,
      ref: base,
      sha: MAIN_SHA,
      repo: { full_name: 'acme/macro-ai' },
    },
    user: { login: 'octo-guest', id: 583231 },
  };
}

/**
 * A stand-in for the GitHub endpoints a promotion uses (branch refs, compare, pull requests,
 * statuses and check runs, merges, workflow dispatch), in GitHub's payload shapes, recording
 * every request.
 */
export class GithubPromotionStandIn {
  readonly requests: RecordedRequest[] = [];
  /** Milliseconds every request waits before it is answered, to make promotions overlap. */
  delayMs = 0;
  openPullRequests: Array<ReturnType<typeof pullRequest>> = [];
  /** Reviews per pull request number. */
  reviews: Record<number, Array<{ login: string; state: string }>> = {};
  /** Runs of the promote workflow, one per dispatch. */
  dispatchedRuns: Array<{ id: number; html_url: string; created_at: string }> =
    [];
  checkRuns: Array<{
    name: string;
    status: string;
    conclusion: string | null;
  }> = [
    { name: 'build', status: 'completed', conclusion: 'success' },
    { name: 'test', status: 'completed', conclusion: 'success' },
  ];

  constructor(server: SetupServer) {
    server.use(
      http.all(`${API}/*`, async ({ request }) => {
        this.requests.push(await recordRequest(request));
        if (this.delayMs) await delay(this.delayMs);
        return undefined;
      }),
      http.get(REPO, () =>
        HttpResponse.json({
          id: 1296269,
          name: 'macro-ai',
          full_name: 'acme/macro-ai',
          owner: { login: 'acme' },
          private: true,
          html_url: 'https://github.com/acme/macro-ai',
          default_branch: 'main',
        }),
      ),
      // Octokit sends the ref encoded: /git/ref/heads%2Fdevelop
      http.get(`${REPO}/git/ref/:ref`, ({ params }) => {
        const branch = decodeURIComponent(params.ref as string).replace(
          /^heads\//,
          '',
        );
        return HttpResponse.json(
          ref(branch, branch === 'develop' ? DEVELOP_SHA : MAIN_SHA),
        );
      }),
      http.get(`${REPO}/compare/:basehead`, () =>
        HttpResponse.json({
          url: `${REPO}/compare/${MAIN_SHA}...${DEVELOP_SHA}`,
          html_url: `https://github.com/acme/macro-ai/compare/${MAIN_SHA}...${DEVELOP_SHA}`,
          status: 'ahead',
          ahead_by: 2,
          behind_by: 0,
          total_commits: 2,
          commits: [
            commit(
              'c0ffee0000000000000000000000000000000001',
              'Add streaming responses\n\nDetails',
              'octo-guest',
            ),
            commit(DEVELOP_SHA, 'Fix token count', 'octo-guest'),
          ],
          files: [],
        }),
      ),
      http.get(`${REPO}/pulls`, () => HttpResponse.json(this.openPullRequests)),
      http.post(`${REPO}/pulls`, async ({ request }) => {
        const body = (await request.clone().json()) as {
          head: string;
          base: string;
        };
        const created = pullRequest(57, body.head, body.base);
        this.openPullRequests.push(created);
        return HttpResponse.json(created, { status: 201 });
      }),
      http.get(`${REPO}/commits/:sha/status`, ({ params }) =>
        HttpResponse.json({
          state: 'success',
          sha: params.sha,
          total_count: 0,
          statuses: [],
        }),
      ),
      http.get(`${REPO}/commits/:sha/check-runs`, () =>
        HttpResponse.json({
          total_count: this.checkRuns.length,
          check_runs: this.checkRuns.map((run, index) => ({
            id: 4000 + index,
            head_sha: DEVELOP_SHA,
            ...run,
          })),
        }),
      ),
      http.get(`${REPO}/pulls/:number`, ({ params }) => {
        const found = this.openPullRequests.find(
          p => String(p.number) === params.number,
        );
        return found
          ? HttpResponse.json(found)
          : HttpResponse.json({ message: 'Not Found' }, { status: 404 });
      }),
      http.get(`${REPO}/pulls/:number/reviews`, ({ params }) =>
        HttpResponse.json(
          (this.reviews[Number(params.number)] ?? []).map((review, index) => ({
            id: 80000 + index,
            user: { login: review.login, id: 583231 + index, type: 'User' },
            body: '',
            state: review.state,
            commit_id: DEVELOP_SHA,
            author_association: 'COLLABORATOR',
            submitted_at: '2025-01-07T11:00:00Z',
          })),
        ),
      ),
      http.get(`${REPO}/collaborators/:username/permission`, ({ params }) =>
        HttpResponse.json({
          permission: 'write',
          role_name: 'write',
          user: { login: params.username },
        }),
      ),
      http.put(`${REPO}/pulls/:number/merge`, () =>
        HttpResponse.json({
          sha: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d',
          merged: true,
          message: 'Pull Request successfully merged',
        }),
      ),
      http.get(`${REPO}/actions/workflows/:workflow/runs`, () =>
        HttpResponse.json({
          total_count: this.dispatchedRuns.length,
          workflow_runs: this.dispatchedRuns.map(run => ({
            ...run,
            name: 'Promote',
            event: 'workflow_dispatch',
            head_branch: 'main',
            status: 'queued',
          })),
        }),
      ),
      http.post(`${REPO}/merges`, () =>
        HttpResponse.json(
          {
            sha: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d',
            html_url:
              'https://github.com/acme/macro-ai/commit/9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d',
          },
          { status: 201 },
        ),
      ),
      http.post(`${REPO}/actions/workflows/:workflow/dispatches`, () => {
        // The run the dispatch starts, as the runs listing shows it (created to the second).
        this.dispatchedRuns.push({
          id: 12345678901,
          html_url: 'https://github.com/acme/macro-ai/actions/runs/12345678901',
          created_at: new Date(Math.ceil(Date.now() / 1000) * 1000)
            .toISOString()
            .replace('.000Z', 'Z'),
        });
        return new HttpResponse(null, { status: 204 });
      }),
    );
  }

  /** Requests that change something. */
  writes(): RecordedRequest[] {
    return this.requests.filter(r => r.method !== 'GET');
  }

  /** Leaves a promotion pull request open already, approved when `approvedBy` is given. */
  withOpenPullRequest(approvedBy?: string): void {
    this.openPullRequests.push(pullRequest(56, 'develop', 'main'));
    if (approvedBy) {
      this.reviews[56] = [{ login: approvedBy, state: 'APPROVED' }];
    }
  }
}
