import { describeGithubError } from '@stageline/plugin-environments-node';
import type { Octokit } from 'octokit';

/**
 * Makes the environment's custom deployment branch policies exactly `branches`: adds the
 * missing ones and removes the others, so `production ← main only` means only main.
 */
export async function syncBranchPolicies(options: {
  octokit: Octokit;
  owner: string;
  repo: string;
  environment: string;
  /** Undefined or empty: nothing to sync (any branch may deploy, or the policy is kept). */
  branches?: string[];
}): Promise<string[]> {
  const { octokit, owner, repo, environment, branches } = options;
  if (!branches?.length) return [];
  const where = `deployment branch policies of environment ${environment} in ${owner}/${repo}`;
  try {
    const existing = await octokit.paginate(
      octokit.rest.repos.listDeploymentBranchPolicies,
      {
        owner,
        repo,
        environment_name: environment,
        per_page: 100,
      },
    );
    const branchPolicies = existing.filter(
      p => (p as { type?: string }).type !== 'tag',
    );
    const changes: string[] = [];
    for (const branch of branches) {
      if (!branchPolicies.some(p => p.name === branch)) {
        await octokit.rest.repos.createDeploymentBranchPolicy({
          owner,
          repo,
          environment_name: environment,
          name: branch,
          type: 'branch',
        });
        changes.push(`branch policy ${branch} added`);
      }
    }
    for (const policy of branchPolicies) {
      if (policy.name && !branches.includes(policy.name)) {
        await octokit.rest.repos.deleteDeploymentBranchPolicy({
          owner,
          repo,
          environment_name: environment,
          branch_policy_id: policy.id!,
        });
        changes.push(`branch policy ${policy.name} removed`);
      }
    }
    return changes;
  } catch (error) {
    throw describeGithubError(error, `syncing the ${where}`);
  }
}
