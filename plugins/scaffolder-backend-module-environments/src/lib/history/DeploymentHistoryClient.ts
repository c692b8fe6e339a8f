import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type {
  DeploymentRecord,
  DeploymentSnapshot,
  RollbackPlan,
} from '@stageline/plugin-environments-common';
import {
  EnvironmentsBackend,
  environmentsBackendRequest,
} from '../backend/environmentsBackendRequest';

/**
 * A deployment to record, as `POST …/deployments` of the environments backend takes it.
 *
 * @public
 */
export type DeploymentToRecord = Omit<
  DeploymentRecord,
  'id' | 'environmentRef' | 'createdAt' | 'rollbackSnapshot'
> & { createdAt?: string; snapshot?: DeploymentSnapshot };

/**
 * The deployment history of the environments backend (`@stageline/plugin-environments-backend`):
 * records what the actions did and reads what a rollback restores. Writing history and reading
 * snapshots take the module's own credentials (the backend refuses users); the rollback plan is
 * read as the task's user.
 *
 * @public
 */
export class DeploymentHistoryClient {
  constructor(
    private readonly backend: EnvironmentsBackend & { auth: AuthService },
  ) {}

  async record(
    environmentRef: string,
    deployment: DeploymentToRecord,
  ): Promise<DeploymentRecord> {
    return environmentsBackendRequest(this.backend, {
      environment: parseEntityRef(environmentRef),
      path: 'deployments',
      method: 'POST',
      body: deployment,
      credentials: await this.backend.auth.getOwnServiceCredentials(),
    });
  }

  async plan(
    environmentRef: string,
    credentials: BackstageCredentials,
  ): Promise<RollbackPlan> {
    return environmentsBackendRequest(this.backend, {
      environment: parseEntityRef(environmentRef),
      path: 'rollback',
      credentials,
    });
  }

  async snapshot(
    environmentRef: string,
    deploymentId: string,
  ): Promise<DeploymentSnapshot> {
    return environmentsBackendRequest(this.backend, {
      environment: parseEntityRef(environmentRef),
      path: `deployments/${encodeURIComponent(deploymentId)}/snapshot`,
      credentials: await this.backend.auth.getOwnServiceCredentials(),
    });
  }
}
