import { http, RequestHandler } from 'msw';
import type { GithubStandIn } from '../GithubStandIn';
import { pageOf } from '../respond';
import { API, REPO } from './paths';

const IN_PROGRESS = new Set(['queued', 'in_progress', 'waiting', 'pending']);

/** The combined state of commit statuses, over all of them (not just one page). */
function combinedState(states: string[]): string {
  if (states.some(s => s === 'failure' || s === 'error')) return 'failure';
  if (states.length === 0 || states.some(s => s === 'pending')) {
    return 'pending';
  }
  return 'success';
}

/**
 * Commit statuses and check runs of a commit or branch, both paged (default 30, at most 100
 * a page): https://docs.github.com/rest/commits/statuses#get-the-combined-status-for-a-specific-reference
 * (its `state` combines every status, `total_count` counts them) and
 * https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference.
 */
export function checkRoutes(standIn: GithubStandIn): RequestHandler[] {
  const { respond } = standIn;
  const checksOf = (params: Record<string, unknown>, kind: string) => {
    const repo = standIn.repoOf(params);
    if (!repo) return undefined;
    const ref = String(params.ref);
    const sha = repo.branches.get(ref) ?? ref;
    const checks = (repo.checks.get(sha) ?? []).filter(c => c.kind === kind);
    return { repo, sha, checks };
  };
  return [
    http.get(`${REPO}/commits/:ref/status`, ({ request, params }) => {
      const route = 'GET status';
      const found = checksOf(params, 'status');
      if (!found) return respond.notFound(route);
      const { repo, sha, checks } = found;
      const statuses = checks.map((s, i) => ({
        id: i + 1,
        context: s.name,
        state: s.state,
        description: null,
        target_url: null,
      }));
      const { items, headers } = pageOf(request, statuses);
      return respond.get(
        route,
        request,
        {
          state: combinedState(checks.map(s => s.state)),
          sha,
          total_count: statuses.length,
          statuses: items,
          commit_url: `${API}/repos/${repo.slug}/commits/${sha}`,
          url: `${API}/repos/${repo.slug}/commits/${sha}/status`,
        },
        headers,
      );
    }),
    http.get(`${REPO}/commits/:ref/check-runs`, ({ request, params }) => {
      const route = 'GET check-runs';
      const found = checksOf(params, 'check-run');
      if (!found) return respond.notFound(route);
      const { sha, checks } = found;
      const runs = checks.map((r, i) => ({
        id: i + 1,
        name: r.name,
        head_sha: sha,
        status: IN_PROGRESS.has(r.state) ? r.state : 'completed',
        conclusion: IN_PROGRESS.has(r.state) ? null : r.state,
      }));
      return respond.list(route, request, 'check_runs', runs);
    }),
  ];
}
