import type { Config } from '@backstage/config';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import type { EnvironmentSourceControlProvider } from '@stageline/plugin-environments-node';
import { GithubSourceControlProvider } from './github/GithubSourceControlProvider';
import { LocalGitSourceControlProvider } from './local/LocalGitSourceControlProvider';
import { readLocalRepositorySettings } from './readLocalRepositorySettings';

/** Whether `integrations.github` holds a token or a GitHub App for github.com. */
function githubHasCredentials(config: Config): boolean {
  const github =
    ScmIntegrations.fromConfig(config).github.byHost('github.com')?.config;
  return Boolean(github?.token || (github?.apps && github.apps.length > 0));
}

/** The built-in source control, and what to log when it is the one in use. */
export interface BuiltInSourceControl {
  provider: EnvironmentSourceControlProvider;
  notice?: { level: 'info' | 'warn'; message: string };
}

/**
 * The built-in source control of promotions: GitHub from `integrations.github`; or, only while
 * GitHub has no credentials for github.com and `environments.localRepository` is set, the local
 * git repository standing in for the repositories it lists. Whenever `localRepository` is set,
 * the notice says which is used, so a local repository is never used without a trace.
 */
export function createSourceControl(
  config: Config,
  options: {
    logger: LoggerService;
    /** Options of the GitHub provider besides the logger, e.g. the workflow file. */
    github?: Parameters<typeof GithubSourceControlProvider.fromConfig>[1];
  },
): BuiltInSourceControl {
  const github = GithubSourceControlProvider.fromConfig(config, {
    ...options.github,
    logger: options.logger,
  });
  const local = readLocalRepositorySettings(config);
  if (!local) return { provider: github };
  const repositories = local.repositories.join(', ');
  if (githubHasCredentials(config)) {
    return {
      provider: github,
      notice: {
        level: 'info',
        message: `GitHub has credentials, so promotions of ${repositories} use GitHub; the local repository ${local.path} (environments.localRepository) is not used`,
      },
    };
  }
  return {
    provider: new LocalGitSourceControlProvider(local),
    notice: {
      level: 'warn',
      message: `GitHub is not configured: promotions of ${repositories} use the local repository ${local.path} (environments.localRepository), not GitHub`,
    },
  };
}
