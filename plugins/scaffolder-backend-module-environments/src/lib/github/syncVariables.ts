import { describeGithubError } from '@stageline/plugin-environments-node';
import type { Octokit } from 'octokit';

/**
 * Creates missing environment variables and updates those whose value differs. Variables the
 * spec does not name are left alone.
 */
export async function syncVariables(options: {
  octokit: Octokit;
  owner: string;
  repo: string;
  environment: string;
  variables: Record<string, string>;
}): Promise<string[]> {
  const { octokit, owner, repo, environment, variables } = options;
  if (Object.keys(variables).length === 0) return [];
  try {
    const existing = await octokit.paginate(
      octokit.rest.actions.listEnvironmentVariables,
      {
        owner,
        repo,
        environment_name: environment,
        per_page: 30,
      },
    );
    const current = new Map(
      existing.map(v => [v.name.toLocaleUpperCase('en-US'), v.value]),
    );
    const changes: string[] = [];
    for (const [name, value] of Object.entries(variables)) {
      const had = current.get(name.toLocaleUpperCase('en-US'));
      if (had === undefined) {
        await octokit.rest.actions.createEnvironmentVariable({
          owner,
          repo,
          environment_name: environment,
          name,
          value,
        });
        changes.push(`variable ${name} created`);
      } else if (had !== value) {
        await octokit.rest.actions.updateEnvironmentVariable({
          owner,
          repo,
          environment_name: environment,
          name,
          value,
        });
        changes.push(`variable ${name} updated`);
      }
    }
    return changes;
  } catch (error) {
    throw describeGithubError(
      error,
      `syncing the variables of environment ${environment} in ${owner}/${repo}`,
    );
  }
}
