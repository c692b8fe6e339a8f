import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type {
  EnvironmentCostProvider,
  EnvironmentDeploymentProvider,
  EnvironmentHealthCheck,
  EnvironmentSourceControlProvider,
} from './providers/types';

/**
 * Lets backend modules replace or extend the providers of the environments backend.
 *
 * @public
 */
export interface EnvironmentsProvidersExtensionPoint {
  /**
   * Registers a deployment provider for environments whose `spec.deployment.provider` equals its
   * `id`; one with the id `cloudformation` replaces the built-in one.
   */
  setDeploymentProvider(provider: EnvironmentDeploymentProvider): void;
  /** Replaces the built-in GitHub source control (status and promotions). */
  setSourceControlProvider(provider: EnvironmentSourceControlProvider): void;
  /**
   * Adds a health check; one with the id of a built-in check (`http`, `stack`, `alarms`)
   * replaces it.
   */
  addHealthCheck(check: EnvironmentHealthCheck): void;
  /** Replaces the built-in cost provider (estimate + Cost Explorer). */
  setCostProvider(provider: EnvironmentCostProvider): void;
}

/**
 * Extension point of the environments backend for providers, e.g. a Kubernetes deployment
 * provider or GitLab source control.
 *
 * @public
 */
export const environmentsProvidersExtensionPoint =
  createExtensionPoint<EnvironmentsProvidersExtensionPoint>({
    id: 'environments.providers',
  });
