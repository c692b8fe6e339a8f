import { http, RequestHandler } from 'msw';
import type { GithubStandIn } from '../GithubStandIn';
import type { StandInActivity } from '../state';
import { REPO } from './paths';

const ACTIVITY_TYPES = new Set([
  'push',
  'force_push',
  'branch_creation',
  'branch_deletion',
  'pr_merge',
  'merge_queue_merge',
]);

function activityJson(activity: StandInActivity) {
  return {
    id: activity.id,
    node_id: `RA_${activity.id}`,
    before: activity.before,
    after: activity.after,
    ref: activity.ref,
    timestamp: activity.timestamp,
    activity_type: activity.activityType,
    actor: { login: activity.actor, id: 1, type: 'User' },
  };
}

/**
 * The repository's activity (https://docs.github.com/rest/repos/repos#list-repository-activities):
 * pushes and branch changes, newest first unless `direction=asc`, filtered by `ref` (a branch as
 * `refs/heads/NAME` or `NAME`) and `activity_type` (422 for an unknown one), at most `per_page`
 * (default 30, at most 100). GitHub pages it with `before`/`after` cursors; the stand-in answers
 * the first page only.
 */
export function activityRoutes(standIn: GithubStandIn): RequestHandler[] {
  const { respond } = standIn;
  return [
    http.get(`${REPO}/activity`, ({ request, params }) => {
      const route = 'GET activity';
      const repo = standIn.repoOf(params);
      if (!repo) return respond.notFound(route);
      const query = new URL(request.url).searchParams;
      const ref = query.get('ref');
      const fullRef =
        ref && !ref.startsWith('refs/') ? `refs/heads/${ref}` : ref;
      const type = query.get('activity_type');
      if (type && !ACTIVITY_TYPES.has(type)) {
        return respond.error(route, 422, 'Validation Failed');
      }
      const perPage = Math.min(Number(query.get('per_page') ?? 30) || 30, 100);
      const matching = repo.activities.filter(
        a =>
          (!fullRef || a.ref === fullRef) && (!type || a.activityType === type),
      );
      const ordered =
        query.get('direction') === 'asc' ? matching : [...matching].reverse();
      return respond.get(
        route,
        request,
        ordered.slice(0, perPage).map(activityJson),
      );
    }),
  ];
}
