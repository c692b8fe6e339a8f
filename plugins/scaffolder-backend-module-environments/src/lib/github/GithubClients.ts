import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import {
  CreateGithubClientOptions,
  GithubHostRepository,
  GithubRepositoryClients,
} from '@stageline/plugin-environments-node';

/**
 * A GitHub repository on a configured host.
 *
 * @public
 */
export type GithubRepository = GithubHostRepository;

/**
 * The clients of `@stageline/plugin-environments-node`'s {@link @stageline/plugin-environments-node#GithubRepositoryClients}, plus
 * reading a scaffolder `repoUrl`. Built once per backend.
 *
 * @public
 */
export class GithubClients extends GithubRepositoryClients {
  /**
   * Clients for the GitHub integrations in `config`. `options.delays` (for tests) shortens the
   * waits between writes and before retries; see `createGithubClient`.
   */
  static fromConfig(
    config: Config,
    options: Pick<CreateGithubClientOptions, 'delays'> = {},
  ): GithubClients {
    const integrations = ScmIntegrations.fromConfig(config);
    return new GithubClients(
      integrations,
      DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      options,
    );
  }

  /**
   * The repository a scaffolder `repoUrl` (`github.com?owner=acme&repo=macro-ai`) names.
   *
   * @throws InputError when the URL is malformed or its host has no GitHub integration
   */
  parseRepoUrl(repoUrl: string): GithubRepository {
    const { host, owner, repo } = parseRepoUrl(repoUrl, this.integrations);
    if (!this.integrations.github.byHost(host)) {
      throw new InputError(
        `repoUrl ${repoUrl} is on ${host}, which has no GitHub integration: add it under integrations.github in app-config`,
      );
    }
    if (!owner) {
      throw new InputError(
        `repoUrl ${repoUrl} has no owner; use github.com?owner=acme&repo=name`,
      );
    }
    return { host, owner, repo };
  }
}
