import type { Octokit } from 'octokit';
import type {
  GithubEnvironmentSpec,
  GithubEnvironmentSyncResult,
} from './GithubEnvironmentSpec';
import { syncBranchPolicies } from './syncBranchPolicies';
import { syncEnvironmentProtection } from './syncEnvironmentProtection';
import { syncSecrets } from './syncSecrets';
import { syncVariables } from './syncVariables';

/**
 * Brings one GitHub environment in line with its spec, reading before every write so that a
 * second run with the same spec writes nothing.
 */
export async function syncGithubEnvironment(options: {
  octokit: Octokit;
  owner: string;
  repo: string;
  spec: GithubEnvironmentSpec;
  replaceSecrets: boolean;
}): Promise<GithubEnvironmentSyncResult> {
  const { octokit, owner, repo, spec } = options;
  const target = { octokit, owner, repo, environment: spec.name };
  const protection = await syncEnvironmentProtection({
    octokit,
    owner,
    repo,
    spec,
  });
  const changes = [
    ...protection.changes.map(change =>
      protection.created ? change : `protection: ${change}`,
    ),
    ...(await syncBranchPolicies({ ...target, branches: spec.branches })),
    ...(await syncVariables({ ...target, variables: spec.variables })),
    ...(await syncSecrets({
      ...target,
      secrets: spec.secrets,
      replace: options.replaceSecrets,
    })),
  ];
  return {
    name: spec.name,
    url: protection.url,
    created: protection.created,
    changes,
  };
}
