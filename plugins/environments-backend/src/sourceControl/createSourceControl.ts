import type { Config } from '@backstage/config';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import {
  EnvironmentSourceControlProvider,
  GithubSourceControlProvider,
  LocalGitSourceControlProvider,
} from '@stageline/plugin-environments-node';
import { readLocalRepositorySettings } from './readLocalRepositorySettings';

/** Whether `integrations.github` holds a token or a GitHub App for github.com. */
function githubHasCredentials(config: Config): boolean {
  const github =
    ScmIntegrations.fromConfig(config).github.byHost('github.com')?.config;
  return Boolean(github?.token || (github?.apps && github.apps.length > 0));
}

/**
 * The built-in source control of promotions: GitHub from `integrations.github`; or, only while
 * GitHub has no credentials for github.com and `environments.localRepository` is set, the local
 * git repository standing in for the repositories it lists. Either way the backend log says
 * which, so a local repository is never used without a trace.
 */
export function createSourceControl(
  config: Config,
  options: {
    logger: LoggerService;
    /** Options of the GitHub provider besides the logger, e.g. the workflow file. */
    github?: Parameters<typeof GithubSourceControlProvider.fromConfig>[1];
  },
): EnvironmentSourceControlProvider {
  const { logger } = options;
  const github = GithubSourceControlProvider.fromConfig(config, {
    ...options.github,
    logger,
  });
  const local = readLocalRepositorySettings(config);
  if (!local) return github;
  const repositories = local.repositories.join(', ');
  if (githubHasCredentials(config)) {
    logger.info(
      `GitHub has credentials, so promotions of ${repositories} use GitHub; the local repository ${local.path} (environments.localRepository) is not used`,
    );
    return github;
  }
  const provider = new LocalGitSourceControlProvider(local);
  logger.warn(
    `GitHub is not configured: promotions of ${repositories} use the local repository ${provider.path} (environments.localRepository), not GitHub`,
  );
  return provider;
}
