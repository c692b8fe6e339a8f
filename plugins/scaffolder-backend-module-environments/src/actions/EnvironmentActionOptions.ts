import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { CostSettings } from '@stageline/plugin-environments-node';
import type {
  AwsAccess,
  EnvironmentAuthorization,
  RepositoryVouchingOptions,
  RunSearch,
} from '@stageline/plugin-environments-node';
import type { GithubClients } from '../lib/github/GithubClients';
import type { DeploymentHistoryClient } from '../lib/history/DeploymentHistoryClient';

/**
 * What the plan, deploy and destroy actions are built with.
 *
 * @public
 */
export interface EnvironmentActionOptions {
  /** Reads Environment entities, as the task's user. */
  catalog: CatalogService;
  /** AWS credentials per account and region (`aws.accounts`), and whether AWS is configured. */
  aws: AwsAccess;
  /** Milliseconds between CloudFormation polls while waiting. Default 5000. */
  pollIntervalMs?: number;
  /**
   * How long a `cdk-app` Environment's CDK app may take to synthesize before it is stopped.
   * Default 10 minutes.
   */
  synthTimeoutMs?: number;
}

/**
 * What `environment:plan` is built with.
 *
 * @public
 */
export interface EnvironmentPlanActionOptions extends EnvironmentActionOptions {
  /**
   * Exchange rate and default currency of estimates, as the environments backend reads them
   * (`environments.cost.rate`, `environments.cost.currency`), so a plan and the cost card agree.
   * Default: the cost model's rate, GBP.
   */
  cost?: CostSettings;
}

/**
 * What `environment:deploy` and `environment:destroy` are built with: `permissions` checks
 * `environments.deploy` / `environments.destroy` for the task's user on the Environment entities
 * of the stack (the one named by `environmentRef`, and every Environment whose `spec.deployment`
 * describes the stack, found with `auth`'s own credentials); a stack no Environment describes is
 * refused.
 *
 * @public
 */
export interface EnvironmentStackActionOptions
  extends EnvironmentActionOptions,
    EnvironmentAuthorization {
  /**
   * Decides whether the catalog vouches that a component belongs to the repository it names
   * (`repositoryVouchingFromConfig`): a pipeline's workflow is dispatched, and a repository's
   * GitHub environments are changed for its Environments, only in a vouched repository.
   */
  vouching: RepositoryVouchingOptions;
  /**
   * GitHub clients for `pipeline` Environments, whose workflow is dispatched and followed. Without
   * them a pipeline Environment is refused with what to configure (a dry run still says what it
   * would do).
   */
  github?: GithubClients;
  /**
   * How long to look for the run a dispatch started when GitHub does not name it (older GitHub
   * Enterprise Server). Default 10 looks, 3 s apart.
   */
  runSearch?: RunSearch;
  /**
   * The deployment history of the environments backend: deploys and destroys are recorded
   * there, and `environment:rollback` reads what to restore. Without it nothing is recorded
   * (and rollback is refused).
   */
  history?: DeploymentHistoryClient;
}
