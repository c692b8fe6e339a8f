import { describeGithubError } from '@stageline/plugin-environments-node';
import type { Octokit } from 'octokit';
import { sealSecret } from './sealSecret';

/**
 * Writes environment secrets, sealed with the environment's public key. GitHub never returns a
 * secret's value, so an existing secret cannot be compared: it is left alone unless `replace` is
 * set, which keeps a second run from changing anything.
 */
export async function syncSecrets(options: {
  octokit: Octokit;
  owner: string;
  repo: string;
  environment: string;
  secrets: Record<string, string>;
  replace: boolean;
}): Promise<string[]> {
  const { octokit, owner, repo, environment, secrets, replace } = options;
  const names = Object.keys(secrets);
  if (names.length === 0) return [];
  try {
    const existing = await octokit.paginate(
      octokit.rest.actions.listEnvironmentSecrets,
      {
        owner,
        repo,
        environment_name: environment,
        per_page: 30,
      },
    );
    const present = new Set(
      existing.map(s => s.name.toLocaleUpperCase('en-US')),
    );
    const toWrite = names.filter(
      name => replace || !present.has(name.toLocaleUpperCase('en-US')),
    );
    if (toWrite.length === 0) return [];
    const { data: publicKey } =
      await octokit.rest.actions.getEnvironmentPublicKey({
        owner,
        repo,
        environment_name: environment,
      });
    const changes: string[] = [];
    for (const name of toWrite) {
      await octokit.rest.actions.createOrUpdateEnvironmentSecret({
        owner,
        repo,
        environment_name: environment,
        secret_name: name,
        encrypted_value: await sealSecret(secrets[name], publicKey.key),
        key_id: publicKey.key_id,
      });
      changes.push(
        `secret ${name} ${
          present.has(name.toLocaleUpperCase('en-US')) ? 'replaced' : 'created'
        }`,
      );
    }
    return changes;
  } catch (error) {
    throw describeGithubError(
      error,
      `syncing the secrets of environment ${environment} in ${owner}/${repo}`,
    );
  }
}
