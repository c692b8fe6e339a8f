import type {
  DeploymentSection,
  EnvironmentEntity,
} from '@stageline/plugin-environments-common';
import {
  EnvironmentHealthCheck,
  EnvironmentHealthCheckOutcome,
  isStackStatusSettled,
  ProviderCallOptions,
} from '@stageline/plugin-environments-node';

/**
 * Health from the state of the environment's stack: settled (`*_COMPLETE`, not a rollback) is
 * healthy, in progress is degraded, failed / rolled back / missing is unhealthy. It reads the
 * deployment through the same lookup as the deployment section, so it costs no extra call.
 */
export class StackHealthCheck implements EnvironmentHealthCheck {
  readonly id = 'stack';

  constructor(
    private readonly getDeployment: (
      environment: EnvironmentEntity,
      options: ProviderCallOptions,
    ) => Promise<DeploymentSection>,
  ) {}

  async check(
    environment: EnvironmentEntity,
    options: ProviderCallOptions = {},
  ): Promise<EnvironmentHealthCheckOutcome> {
    const deployment = await this.getDeployment(environment, options);
    if (deployment.status === 'unconfigured') {
      return {
        status: 'unconfigured',
        message: deployment.message ?? 'no deployment',
      };
    }
    if (deployment.status === 'error') {
      throw new Error(deployment.message ?? 'could not read the stack');
    }
    const stackStatus = deployment.stackStatus ?? 'UNKNOWN';
    let state: 'healthy' | 'degraded' | 'unhealthy' = 'unhealthy';
    if (isStackStatusSettled(stackStatus)) state = 'healthy';
    else if (
      stackStatus.endsWith('_IN_PROGRESS') &&
      !stackStatus.includes('ROLLBACK')
    )
      state = 'degraded';
    return {
      status: 'ok',
      results: [
        {
          name: 'stack',
          state,
          detail: `${deployment.stackName}: ${stackStatus}`,
        },
      ],
    };
  }
}
