import { http, RequestHandler } from 'msw';
import type { GithubStandIn } from '../GithubStandIn';
import type { StandInEnvironment, StandInRepo } from '../state';
import { API, REPO, WEB } from './paths';

const TIMES = {
  created_at: '2025-01-06T09:00:00Z',
  updated_at: '2025-01-07T10:00:00Z',
};

function environmentBody(repo: StandInRepo, env: StandInEnvironment) {
  const rules: unknown[] = [];
  if (env.wait_timer > 0) {
    rules.push({
      id: 3736,
      node_id: 'MDQ6R2F0ZTM3MzY=',
      type: 'wait_timer',
      wait_timer: env.wait_timer,
    });
  }
  if (env.reviewers.length) {
    rules.push({
      id: 3755,
      node_id: 'MDQ6R2F0ZTM3NTU=',
      prevent_self_review: env.prevent_self_review,
      type: 'required_reviewers',
      reviewers: env.reviewers.map(r =>
        r.type === 'User'
          ? {
              type: 'User',
              reviewer: {
                login: 'octo-guest',
                id: r.id,
                node_id: 'MDQ6VXNlcjE=',
                type: 'User',
                site_admin: false,
              },
            }
          : {
              type: 'Team',
              reviewer: {
                id: r.id,
                node_id: 'MDQ6VGVhbTE=',
                name: 'Platform',
                slug: 'platform',
                privacy: 'closed',
                permission: 'pull',
              },
            },
      ),
    });
  }
  if (env.deployment_branch_policy) {
    rules.push({
      id: 3756,
      node_id: 'MDQ6R2F0ZTM3NTY=',
      type: 'branch_policy',
    });
  }
  return {
    id: env.id,
    node_id: `MDExOkVudmlyb25tZW50${env.id}`,
    name: env.name,
    url: `${API}/repos/${repo.slug}/environments/${env.name}`,
    html_url: `${WEB}/${repo.slug}/deployments/activity_log?environments_filter=${env.name}`,
    ...TIMES,
    protection_rules: rules,
    deployment_branch_policy: env.deployment_branch_policy,
  };
}

/**
 * Users and teams by name, deployment environments, their branch policies
 * (https://docs.github.com/rest/deployments/branch-policies: 404 while the environment's
 * `deployment_branch_policy.custom_branch_policies` is not true, 303 for a name pattern that
 * exists already), variables (https://docs.github.com/rest/actions/variables: 409 creating one
 * that exists, 404 updating one that does not; listed 10 a page by default, at most 30) and
 * secrets (public key, list, create or update).
 */
export function environmentRoutes(standIn: GithubStandIn): RequestHandler[] {
  const { respond } = standIn;
  const envOf = (params: Record<string, unknown>) => {
    const repo = standIn.repoOf(params);
    const name = String(params.env);
    return { repo, name, env: repo?.environments.get(name) };
  };
  const withCustomPolicies = (params: Record<string, unknown>) => {
    const { repo, name, env } = envOf(params);
    return repo && env?.deployment_branch_policy?.custom_branch_policies
      ? { repo, name }
      : undefined;
  };
  const mapOf = <V>(maps: Map<string, Map<string, V>>, name: string) => {
    const map = maps.get(name) ?? new Map<string, V>();
    maps.set(name, map);
    return map;
  };
  return [
    http.get(`${API}/users/:login`, ({ request, params }) => {
      const id = standIn.users[String(params.login)];
      if (!id) return respond.notFound('GET user by name');
      return respond.get('GET user by name', request, {
        login: params.login,
        id,
        node_id: 'MDQ6VXNlcjE=',
        type: 'User',
        site_admin: false,
      });
    }),
    http.get(`${API}/orgs/:org/teams/:slug`, ({ request, params }) => {
      const id = standIn.teams[`${params.org}/${params.slug}`];
      if (!id) return respond.notFound('GET team');
      return respond.get('GET team', request, {
        id,
        node_id: 'MDQ6VGVhbTE=',
        name: 'Platform',
        slug: params.slug,
        privacy: 'closed',
        permission: 'pull',
      });
    }),
    http.get(`${REPO}/environments/:env`, ({ request, params }) => {
      const { repo, env } = envOf(params);
      if (!repo || !env) return respond.notFound('GET environment');
      return respond.get(
        'GET environment',
        request,
        environmentBody(repo, env),
      );
    }),
    http.put(`${REPO}/environments/:env`, async ({ request, params }) => {
      const { repo, name, env: existing } = envOf(params);
      if (!repo) return respond.notFound('PUT environment');
      const body = ((await request.json().catch(() => ({}))) ??
        {}) as Partial<StandInEnvironment>;
      const env: StandInEnvironment = {
        id: existing?.id ?? standIn.nextId(),
        name,
        wait_timer: body.wait_timer ?? 0,
        prevent_self_review: body.prevent_self_review ?? false,
        reviewers: body.reviewers ?? [],
        deployment_branch_policy: body.deployment_branch_policy ?? null,
      };
      repo.environments.set(name, env);
      return respond.json('PUT environment', environmentBody(repo, env));
    }),
    http.get(
      `${REPO}/environments/:env/deployment-branch-policies`,
      ({ request, params }) => {
        const route = 'GET branch policies';
        const found = withCustomPolicies(params);
        if (!found) return respond.notFound(route);
        const policies = found.repo.policies.get(found.name) ?? [];
        return respond.list(route, request, 'branch_policies', policies);
      },
    ),
    http.post(
      `${REPO}/environments/:env/deployment-branch-policies`,
      async ({ request, params }) => {
        const route = 'POST branch policy';
        const found = withCustomPolicies(params);
        if (!found) return respond.notFound(route);
        const body = (await request.json()) as { name: string; type?: string };
        const type = body.type ?? 'branch';
        const policies = found.repo.policies.get(found.name) ?? [];
        const existing = policies.find(
          p => p.name === body.name && p.type === type,
        );
        if (existing) {
          return respond.json(route, null, 303, {
            location: `${API}/repos/${found.repo.slug}/environments/${found.name}/deployment-branch-policies/${existing.id}`,
          });
        }
        const policy = {
          id: standIn.nextId(),
          node_id: 'MDE2OkdhdGVCcmFuY2hQb2xpY3kzNjE3MjMxMg==',
          name: body.name,
          type,
        };
        found.repo.policies.set(found.name, [...policies, policy]);
        return respond.json(route, policy);
      },
    ),
    http.get(
      `${REPO}/environments/:env/deployment-branch-policies/:id`,
      ({ request, params }) => {
        const route = 'GET branch policy';
        const found = withCustomPolicies(params);
        const policy = found?.repo.policies
          .get(found.name)
          ?.find(p => String(p.id) === params.id);
        if (!policy) return respond.notFound(route);
        return respond.get(route, request, policy);
      },
    ),
    http.delete(
      `${REPO}/environments/:env/deployment-branch-policies/:id`,
      ({ params }) => {
        const route = 'DELETE branch policy';
        const found = withCustomPolicies(params);
        const policies = found?.repo.policies.get(found.name) ?? [];
        if (!found || !policies.some(p => String(p.id) === params.id)) {
          return respond.notFound(route);
        }
        found.repo.policies.set(
          found.name,
          policies.filter(p => String(p.id) !== params.id),
        );
        return respond.empty(route, 204);
      },
    ),
    http.get(`${REPO}/environments/:env/variables`, ({ request, params }) => {
      const route = 'GET variables';
      const { repo, name, env } = envOf(params);
      if (!repo || !env) return respond.notFound(route);
      const variables = [...(repo.variables.get(name) ?? new Map())].map(
        ([variable, value]) => ({ name: variable, value, ...TIMES }),
      );
      return respond.list(route, request, 'variables', variables, {
        defaultPerPage: 10,
        maxPerPage: 30,
      });
    }),
    http.post(
      `${REPO}/environments/:env/variables`,
      async ({ request, params }) => {
        const route = 'POST variable';
        const { repo, name, env } = envOf(params);
        if (!repo || !env) return respond.notFound(route);
        const body = (await request.json()) as { name: string; value: string };
        const variables = mapOf(repo.variables, name);
        const variable = body.name.toUpperCase();
        if (variables.has(variable)) {
          return respond.error(route, 409, 'Already exists');
        }
        variables.set(variable, body.value);
        return respond.json(route, {}, 201);
      },
    ),
    http.patch(
      `${REPO}/environments/:env/variables/:name`,
      async ({ request, params }) => {
        const route = 'PATCH variable';
        const { repo, name, env } = envOf(params);
        const variables = repo?.variables.get(name);
        const variable = String(params.name).toUpperCase();
        if (!repo || !env || !variables?.has(variable)) {
          return respond.notFound(route);
        }
        const body = (await request.json()) as { value: string };
        variables.set(variable, body.value);
        return respond.empty(route, 204);
      },
    ),
    http.get(
      `${REPO}/environments/:env/secrets/public-key`,
      ({ request, params }) => {
        const { repo, env } = envOf(params);
        if (!repo || !env) return respond.notFound('GET public key');
        return respond.get('GET public key', request, standIn.publicKey);
      },
    ),
    http.get(`${REPO}/environments/:env/secrets`, ({ request, params }) => {
      const route = 'GET secrets';
      const { repo, name, env } = envOf(params);
      if (!repo || !env) return respond.notFound(route);
      const secrets = [...(repo.secrets.get(name)?.keys() ?? [])].map(
        secret => ({ name: secret, ...TIMES }),
      );
      return respond.list(route, request, 'secrets', secrets);
    }),
    http.put(
      `${REPO}/environments/:env/secrets/:name`,
      async ({ request, params }) => {
        const route = 'PUT secret';
        const { repo, name, env } = envOf(params);
        if (!repo || !env) return respond.notFound(route);
        const body = (await request.json()) as {
          encrypted_value: string;
          key_id: string;
        };
        const secrets = mapOf(repo.secrets, name);
        const existed = secrets.has(String(params.name));
        secrets.set(String(params.name), body);
        return existed
          ? respond.empty(route, 204)
          : respond.json(route, {}, 201);
      },
    ),
  ];
}
