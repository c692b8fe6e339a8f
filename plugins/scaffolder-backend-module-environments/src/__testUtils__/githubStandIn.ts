import { Config, ConfigReader } from '@backstage/config';
import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import { GithubClients } from '../lib/github/GithubClients';
import { recordRequest } from './recordRequest';

export const GITHUB_TOKEN = 'ghp_StandInToken0123456789abcdefABCDEF0123';
const API = 'https://api.github.com';
const REPO = `${API}/repos/:owner/:repo`;

/** Config with a GitHub token for github.com. */
export function githubConfig() {
  return new ConfigReader({
    integrations: { github: [{ host: 'github.com', token: GITHUB_TOKEN }] },
  });
}

/**
 * Real GitHub clients for `config` that do not wait for real between writes or before retries
 * (Octokit spaces writes a second apart and waits seconds before a retry).
 */
export function githubClientsWithoutWaits(config: Config = githubConfig()) {
  return GithubClients.fromConfig(config, {
    delays: { writeIntervalMs: 0, retryAfterUnitMs: 0 },
  });
}

/** One request the stand-in received. */
export type RecordedRequest = { method: string; path: string; body?: unknown };

type StoredEnvironment = {
  id: number;
  name: string;
  wait_timer: number;
  prevent_self_review: boolean;
  reviewers: Array<{ type: 'User' | 'Team'; id: number }>;
  deployment_branch_policy: {
    protected_branches: boolean;
    custom_branch_policies: boolean;
  } | null;
};

const USERS: Record<string, number> = { 'octo-guest': 583231 };
const TEAMS: Record<string, number> = { 'acme/platform': 1234567 };

function environmentBody(owner: string, repo: string, env: StoredEnvironment) {
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
    url: `${API}/repos/${owner}/${repo}/environments/${env.name}`,
    html_url: `https://github.com/${owner}/${repo}/deployments/activity_log?environments_filter=${env.name}`,
    created_at: '2025-01-06T09:00:00Z',
    updated_at: '2025-01-07T10:00:00Z',
    protection_rules: rules,
    deployment_branch_policy: env.deployment_branch_policy,
  };
}

/**
 * A stateful stand-in for the GitHub REST endpoints of environments, branch policies, variables,
 * secrets, users and teams, answering with GitHub's payload shapes and recording every request.
 */
export class GithubStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly environments = new Map<string, StoredEnvironment>();
  readonly policies = new Map<
    string,
    Array<{ id: number; node_id: string; name: string; type: string }>
  >();
  readonly variables = new Map<string, Map<string, string>>();
  readonly secrets = new Map<
    string,
    Map<string, { encrypted_value: string; key_id: string }>
  >();
  /** Answers for the next requests to a `METHOD path`, used before the normal behaviour. */
  readonly failures = new Map<string, Array<() => Response>>();
  publicKey = { key_id: '3380204578043523366', key: '' };
  private nextId = 161088068;

  constructor(server: SetupServer) {
    server.use(
      http.all(`${API}/*`, async ({ request }) => {
        const recorded = await recordRequest(request);
        this.requests.push(recorded);
        const queued = this.failures.get(`${recorded.method} ${recorded.path}`);
        if (queued?.length) {
          return queued.shift()!();
        }
        return undefined;
      }),
      http.get(`${API}/users/:login`, ({ params }) => {
        const id = USERS[params.login as string];
        return id
          ? HttpResponse.json({
              login: params.login,
              id,
              node_id: 'MDQ6VXNlcjE=',
              type: 'User',
              site_admin: false,
            })
          : HttpResponse.json(
              {
                message: 'Not Found',
                documentation_url: 'https://docs.github.com/rest',
              },
              { status: 404 },
            );
      }),
      http.get(`${API}/orgs/:org/teams/:slug`, ({ params }) => {
        const id = TEAMS[`${params.org}/${params.slug}`];
        return id
          ? HttpResponse.json({
              id,
              node_id: 'MDQ6VGVhbTE=',
              name: 'Platform',
              slug: params.slug,
              privacy: 'closed',
              permission: 'pull',
            })
          : HttpResponse.json(
              {
                message: 'Not Found',
                documentation_url: 'https://docs.github.com/rest',
              },
              { status: 404 },
            );
      }),
      http.get(`${REPO}/environments/:env`, ({ params }) => {
        const env = this.environments.get(params.env as string);
        return env
          ? HttpResponse.json(
              environmentBody(
                params.owner as string,
                params.repo as string,
                env,
              ),
            )
          : HttpResponse.json(
              {
                message: 'Not Found',
                documentation_url: 'https://docs.github.com/rest',
              },
              { status: 404 },
            );
      }),
      http.put(`${REPO}/environments/:env`, async ({ params, request }) => {
        const body = (await request
          .clone()
          .json()) as Partial<StoredEnvironment>;
        const name = params.env as string;
        const env: StoredEnvironment = {
          id: this.environments.get(name)?.id ?? this.nextId++,
          name,
          wait_timer: body.wait_timer ?? 0,
          prevent_self_review: body.prevent_self_review ?? false,
          reviewers: body.reviewers ?? [],
          deployment_branch_policy: body.deployment_branch_policy ?? null,
        };
        this.environments.set(name, env);
        return HttpResponse.json(
          environmentBody(params.owner as string, params.repo as string, env),
        );
      }),
      http.get(
        `${REPO}/environments/:env/deployment-branch-policies`,
        ({ params }) => {
          const policies = this.policies.get(params.env as string) ?? [];
          return HttpResponse.json({
            total_count: policies.length,
            branch_policies: policies,
          });
        },
      ),
      http.post(
        `${REPO}/environments/:env/deployment-branch-policies`,
        async ({ params, request }) => {
          const body = (await request.clone().json()) as {
            name: string;
            type?: string;
          };
          const policy = {
            id: this.nextId++,
            node_id: 'MDE2OkdhdGVCcmFuY2hQb2xpY3kzNjE3MjMxMg==',
            name: body.name,
            type: body.type ?? 'branch',
          };
          this.policies.set(params.env as string, [
            ...(this.policies.get(params.env as string) ?? []),
            policy,
          ]);
          return HttpResponse.json(policy);
        },
      ),
      http.delete(
        `${REPO}/environments/:env/deployment-branch-policies/:id`,
        ({ params }) => {
          const env = params.env as string;
          this.policies.set(
            env,
            (this.policies.get(env) ?? []).filter(
              p => String(p.id) !== params.id,
            ),
          );
          return new HttpResponse(null, { status: 204 });
        },
      ),
      http.get(`${REPO}/environments/:env/variables`, ({ params }) => {
        const variables = [
          ...(this.variables.get(params.env as string) ?? new Map()).entries(),
        ].map(([name, value]) => ({
          name,
          value,
          created_at: '2025-01-06T09:00:00Z',
          updated_at: '2025-01-07T10:00:00Z',
        }));
        return HttpResponse.json({ total_count: variables.length, variables });
      }),
      http.post(
        `${REPO}/environments/:env/variables`,
        async ({ params, request }) => {
          const body = (await request.clone().json()) as {
            name: string;
            value: string;
          };
          this.variablesOf(params.env as string).set(
            body.name.toUpperCase(),
            body.value,
          );
          return HttpResponse.json({}, { status: 201 });
        },
      ),
      http.patch(
        `${REPO}/environments/:env/variables/:name`,
        async ({ params, request }) => {
          const body = (await request.clone().json()) as { value: string };
          this.variablesOf(params.env as string).set(
            (params.name as string).toUpperCase(),
            body.value,
          );
          return new HttpResponse(null, { status: 204 });
        },
      ),
      http.get(`${REPO}/environments/:env/secrets/public-key`, () =>
        HttpResponse.json(this.publicKey),
      ),
      http.get(`${REPO}/environments/:env/secrets`, ({ params }) => {
        const secrets = [
          ...(this.secrets.get(params.env as string)?.keys() ?? []),
        ].map(name => ({
          name,
          created_at: '2025-01-06T09:00:00Z',
          updated_at: '2025-01-07T10:00:00Z',
        }));
        return HttpResponse.json({ total_count: secrets.length, secrets });
      }),
      http.put(
        `${REPO}/environments/:env/secrets/:name`,
        async ({ params, request }) => {
          const body = (await request.clone().json()) as {
            encrypted_value: string;
            key_id: string;
          };
          const env = params.env as string;
          const existed = this.secrets.get(env)?.has(params.name as string);
          this.secrets.set(
            env,
            (this.secrets.get(env) ?? new Map()).set(
              params.name as string,
              body,
            ),
          );
          return existed
            ? new HttpResponse(null, { status: 204 })
            : HttpResponse.json({}, { status: 201 });
        },
      ),
    );
  }

  /** Requests that change something. */
  writes(): RecordedRequest[] {
    return this.requests.filter(r => r.method !== 'GET');
  }

  /** Makes the next `METHOD path` request answer with `response` instead. */
  failNext(methodAndPath: string, response: () => Response): void {
    this.failures.set(methodAndPath, [
      ...(this.failures.get(methodAndPath) ?? []),
      response,
    ]);
  }

  private variablesOf(env: string): Map<string, string> {
    const variables = this.variables.get(env) ?? new Map<string, string>();
    this.variables.set(env, variables);
    return variables;
  }
}
