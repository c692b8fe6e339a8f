import { Config, ConfigReader } from '@backstage/config';
import type { SetupServer } from 'msw/node';
import {
  AddRepoOptions,
  GithubStandIn as SharedGithubStandIn,
} from '@stageline/github-stand-in';

export type { RecordedRequest } from '@stageline/github-stand-in';
import { GithubClients } from '../lib/github/GithubClients';

export const GITHUB_TOKEN = 'ghp_StandInToken0123456789abcdefABCDEF0123';

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

/** The repository the GitHub setup tests configure. */
export const SETUP_SLUG = 'acme/macro-ai';

/**
 * The shared GitHub stand-in holding `acme/macro-ai`, with its deployment environments, branch
 * policies, variables and secrets at hand by environment name for the GitHub setup tests.
 */
export class GithubStandIn extends SharedGithubStandIn {
  constructor(server: SetupServer, options?: AddRepoOptions) {
    super(server);
    this.addRepo(SETUP_SLUG, ['main', 'develop'], options);
  }

  get environments() {
    return this.repo(SETUP_SLUG).environments;
  }

  get policies() {
    return this.repo(SETUP_SLUG).policies;
  }

  get variables() {
    return this.repo(SETUP_SLUG).variables;
  }

  get secrets() {
    return this.repo(SETUP_SLUG).secrets;
  }
}
