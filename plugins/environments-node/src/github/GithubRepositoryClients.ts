import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import {
  createGithubClient,
  CreateGithubClientOptions,
} from './createGithubClient';
import { EtagCache } from './EtagCache';
import type { Octokit } from 'octokit';

/** Shown wherever GitHub is needed but has no credentials. @public */
export const GITHUB_NOT_CONFIGURED_MESSAGE =
  'GitHub is not configured: add integrations.github with a token or app for github.com';

/**
 * A GitHub repository on a configured host.
 *
 * @public
 */
export interface GithubHostRepository {
  host: string;
  owner: string;
  repo: string;
}

/**
 * Octokit clients for repositories, authenticated through Backstage's GitHub integration
 * (`integrations.github`: a token or a GitHub App), with the retries, rate-limit handling and
 * conditional requests of {@link createGithubClient}. Built once per backend.
 *
 * @public
 */
export class GithubRepositoryClients {
  /**
   * Clients for the GitHub integrations in `config`. `options.delays` (for tests) shortens the
   * waits between writes and before retries; see `createGithubClient`.
   */
  static fromConfig(
    config: Config,
    options: Pick<CreateGithubClientOptions, 'delays'> = {},
  ): GithubRepositoryClients {
    const integrations = ScmIntegrations.fromConfig(config);
    return new GithubRepositoryClients(
      integrations,
      DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      options,
    );
  }

  readonly #etags = new EtagCache({ maxEntries: 5_000 });

  constructor(
    protected readonly integrations: ScmIntegrations,
    private readonly credentialsProvider: GithubCredentialsProvider,
    private readonly options: Pick<CreateGithubClientOptions, 'delays'> = {},
  ) {}

  /**
   * An Octokit for the repository.
   *
   * @throws ServiceUnavailableError when no token or app covers the repository
   */
  async forRepository(
    repository: GithubHostRepository,
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
