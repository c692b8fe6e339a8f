import type {
  EnvironmentCostProvider,
  EnvironmentDeploymentProvider,
  EnvironmentHealthCheck,
  EnvironmentSourceControlProvider,
  EnvironmentsProvidersExtensionPoint,
} from '@stageline/plugin-environments-node';

/**
 * The providers the backend uses: built-ins, replaced or extended by modules through
 * `environmentsProvidersExtensionPoint`.
 */
export class ProviderRegistry implements EnvironmentsProvidersExtensionPoint {
  readonly deploymentProviders = new Map<
    string,
    EnvironmentDeploymentProvider
  >();
  readonly #healthChecks = new Map<string, EnvironmentHealthCheck>();
  #sourceControl?: EnvironmentSourceControlProvider;
  #cost?: EnvironmentCostProvider;
  #locked = false;

  setDeploymentProvider(provider: EnvironmentDeploymentProvider): void {
    this.#assertOpen();
    this.deploymentProviders.set(provider.id, provider);
  }

  setSourceControlProvider(provider: EnvironmentSourceControlProvider): void {
    this.#assertOpen();
    this.#sourceControl = provider;
  }

  addHealthCheck(check: EnvironmentHealthCheck): void {
    this.#assertOpen();
    this.#healthChecks.set(check.id, check);
  }

  setCostProvider(provider: EnvironmentCostProvider): void {
    this.#assertOpen();
    this.#cost = provider;
  }

  /**
   * Adds the built-ins where no module registered its own, then freezes the registry.
   */
  completeWith(defaults: {
    deploymentProviders: EnvironmentDeploymentProvider[];
    sourceControl: EnvironmentSourceControlProvider;
    healthChecks: EnvironmentHealthCheck[];
    cost: EnvironmentCostProvider;
  }): void {
    for (const provider of defaults.deploymentProviders) {
      if (!this.deploymentProviders.has(provider.id))
        this.deploymentProviders.set(provider.id, provider);
    }
    for (const check of defaults.healthChecks) {
      if (!this.#healthChecks.has(check.id))
        this.#healthChecks.set(check.id, check);
    }
    this.#sourceControl ??= defaults.sourceControl;
    this.#cost ??= defaults.cost;
    this.#locked = true;
  }

  get sourceControl(): EnvironmentSourceControlProvider {
    if (!this.#sourceControl)
      throw new Error('environments providers are not initialized yet');
    return this.#sourceControl;
  }

  get cost(): EnvironmentCostProvider {
    if (!this.#cost)
      throw new Error('environments providers are not initialized yet');
    return this.#cost;
  }

  get healthChecks(): EnvironmentHealthCheck[] {
    return [...this.#healthChecks.values()];
  }

  #assertOpen() {
    if (this.#locked) {
      throw new Error(
        'environments providers can only be changed while backend modules initialize',
      );
    }
  }
}
