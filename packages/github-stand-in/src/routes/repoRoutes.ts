import { http, RequestHandler } from 'msw';
import type { GithubStandIn } from '../GithubStandIn';
import { pageOf, tokenOf } from '../respond';
import type { StandInRole } from '../state';
import { API, REPO, WEB } from './paths';

/** The legacy `permission` of a role: maintain maps to write, triage to read. */
const PERMISSION: Record<StandInRole, string> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
};

/**
 * The repository (https://docs.github.com/rest/repos/repos#get-a-repository: `default_branch`,
 * and `allow_merge_commit`, `allow_squash_merge`, `allow_rebase_merge` only for tokens that may
 * write, as GitHub leaves them out otherwise), a user's permission on it
 * (https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user),
 * the token's user (`GET /user`; 403 for an app's installation token) and deployments (empty).
 */
export function repoRoutes(standIn: GithubStandIn): RequestHandler[] {
  const { respond } = standIn;
  return [
    http.get(REPO, ({ request, params }) => {
      const route = 'GET repo';
      const repo = standIn.repoOf(params);
      if (!repo) return respond.notFound(route);
      const canWrite = !standIn.readOnlyTokens.has(tokenOf(request) ?? '');
      const [owner, name] = repo.slug.split('/');
      return respond.get(route, request, {
        id: repo.id,
        node_id: `R_${repo.id}`,
        name,
        full_name: repo.slug,
        owner: { login: owner, type: 'Organization' },
        private: repo.private,
        visibility: repo.private ? 'private' : 'public',
        html_url: `${WEB}/${repo.slug}`,
        url: `${API}/repos/${repo.slug}`,
        default_branch: repo.defaultBranch,
        permissions: {
          admin: false,
          maintain: false,
          push: canWrite,
          triage: canWrite,
          pull: true,
        },
        ...(canWrite
          ? {
              allow_merge_commit: repo.allow.merge,
              allow_squash_merge: repo.allow.squash,
              allow_rebase_merge: repo.allow.rebase,
            }
          : {}),
      });
    }),
    http.get(
      `${REPO}/collaborators/:username/permission`,
      ({ request, params }) => {
        const route = 'GET permission';
        const repo = standIn.repoOf(params);
        if (!repo) return respond.notFound(route);
        if (standIn.readOnlyTokens.has(tokenOf(request) ?? '')) {
          return respond.error(
            route,
            403,
            'Must have push access to view collaborator permission.',
          );
        }
        const login = String(params.username);
        const role = repo.roles.get(login);
        return respond.get(route, request, {
          permission: role ? PERMISSION[role] : 'none',
          role_name: role ?? 'none',
          user: { login, id: 1, type: 'User' },
        });
      },
    ),
    http.get(`${API}/user`, ({ request }) => {
      const login = standIn.loginOf(request);
      // An installation token acts as the app's bot, which has no user.
      if (login.endsWith('[bot]')) {
        return respond.error(
          'GET user',
          403,
          'Resource not accessible by integration',
        );
      }
      return respond.get('GET user', request, { login, id: 1, type: 'User' });
    }),
    http.get(`${REPO}/deployments`, ({ request, params }) => {
      const route = 'GET deployments';
      if (!standIn.repoOf(params)) return respond.notFound(route);
      return respond.get(route, request, pageOf(request, []).items);
    }),
  ];
}
