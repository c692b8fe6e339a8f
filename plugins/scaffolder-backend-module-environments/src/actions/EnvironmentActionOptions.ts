import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { AwsAccess } from '@stageline/plugin-environments-node';

/**
 * What the plan, deploy and destroy actions are built with.
 *
 * @public
 */
export interface EnvironmentActionOptions {
  /** Reads Environment entities. */
  catalog: CatalogService;
  /** AWS credentials per account and region (`aws.accounts`), and whether AWS is configured. */
  aws: AwsAccess;
  /**
   * Checks `environments.deploy` / `environments.destroy` on Environment entities for the task's
   * user. Without it no permission is checked.
   */
  permissions?: PermissionsService;
  /** Milliseconds between CloudFormation polls while waiting. Default 5000. */
  pollIntervalMs?: number;
}
