import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import {
  createGithubClient,
  CreateGithubClientOptions,
  EtagCache,
  GITHUB_NOT_CONFIGURED_MESSAGE,
} from '@stageline/plugin-environments-node';
import type { Octokit } from 'octokit';

/** A GitHub repository on a configured host. */
export interface GithubRepository {
  host: string;
  owner: string;
  repo: string;
}

/**
 * Octokit clients for repositories, authenticated through Backstage's GitHub integration
 * (`integrations.github`: a token or a GitHub App), with the retries and rate-limit handling of
 * `createGithubClient` from `@stageline/plugin-environments-node`. Built once per backend.
 */
export class GithubClients {
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

  readonly #etags = new EtagCache({ maxEntries: 5_000 });

  constructor(
    private readonly integrations: ScmIntegrations,
    private readonly credentialsProvider: GithubCredentialsProvider,
    private readonly options: Pick<CreateGithubClientOptions, 'delays'> = {},
  ) {}

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

  /**
   * An Octokit for the repository.
   *
   * @throws ServiceUnavailableError when no token or app covers the repository
   */
  async forRepository(
    repository: GithubRepository,
    logger?: LoggerService,
  ): Promise<Octokit> {
    const integration = this.integrations.github.byHost(repository.host);
    if (!integration) {
      throw new InputError(
        `${repository.host} has no GitHub integration: add it under integrations.github in app-config`,
      );
    }
    const { token } = await this.credentialsProvider.getCredentials({
      url: `https://${repository.host}/${repository.owner}/${repository.repo}`,
    });
    if (!token) {
      throw new ServiceUnavailableError(
        `${GITHUB_NOT_CONFIGURED_MESSAGE} (no token or GitHub App installation covers ${repository.owner}/${repository.repo} on ${repository.host})`,
      );
    }
    return createGithubClient({
      token,
      baseUrl:
        integration.config.apiBaseUrl ?? `https://api.${repository.host}`,
      etagCache: this.#etags,
      logger,
      delays: this.options.delays,
    });
  }
}
