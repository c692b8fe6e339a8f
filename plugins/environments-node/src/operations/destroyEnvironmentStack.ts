import type { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import type { AwsAccess } from '../aws/AwsAccess';
import { cloudFormationClientFor } from '../aws/cloudFormationClientFor';
import { requireAwsConfigured } from '../aws/requireAwsConfigured';
import type { StackWaitTiming } from '../aws/waitForStack';
import {
  GITHUB_NOT_CONFIGURED_MESSAGE,
  type GithubRepositoryClients,
} from '../github/GithubRepositoryClients';
import type { PipelineWorkflow } from '../pipeline/dispatchPipelineRun';
import {
  Checkpoint,
  RunSearch,
  runPipelineCommand,
} from '../pipeline/runPipelineCommand';
import type { EnvironmentTarget } from '../target/EnvironmentTarget';
import { referenceAssembly } from '../toolkit/prepareAssembly';
import { stackIdentityAssembly } from '../toolkit/stackIdentityAssembly';
import { destroyStackDirectly } from './destroyStackDirectly';

/**
 * How a destroy ended: `status` is `DELETE_COMPLETE`, `NOT_FOUND` (there was no stack), or for a
 * pipeline whose stack AWS cannot read the run's conclusion (`SUCCESS`).
 *
 * @public
 */
export type EnvironmentDestroyOutcome = {
  status: string;
  deleted: boolean;
  runId?: number;
  runUrl?: string;
};

/**
 * Destroys an Environment's stack the way its `spec.deployment.mode` says, as
 * `environment:destroy` does: a `pipeline` Environment's workflow is dispatched with the
 * `destroy` command on `workflow` (which the caller has authorized) and followed to its end; a
 * `reference` stack is deleted with the CDK toolkit library from the reference profile, a
 * `cdk-app` stack from the stack's identity (its app is not at hand outside a scaffolder task;
 * the toolkit uses the default bootstrap roles). Each step is a checkpoint under `key`: a retry
 * with the same checkpoints never dispatches or deletes twice.
 *
 * @throws ServiceUnavailableError when GitHub (pipeline) or AWS (direct modes) is not configured
 * @public
 */
export async function destroyEnvironmentStack(options: {
  target: EnvironmentTarget;
  aws: AwsAccess;
  /** For a pipeline Environment: GitHub clients and the workflow to dispatch. */
  pipeline?: {
    github?: Pick<GithubRepositoryClients, 'forRepository'>;
    workflow: PipelineWorkflow;
    runSearch: RunSearch;
  };
  checkpoint: Checkpoint;
  key: string;
  timing: StackWaitTiming;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<EnvironmentDestroyOutcome> {
  const { target, aws, checkpoint, key, timing, logger, signal } = options;
  if (target.deployment.mode === 'pipeline') {
    const pipeline = options.pipeline;
    if (!pipeline?.github) {
      throw new ServiceUnavailableError(
        `Cannot destroy ${target.stackName} through its pipeline: ${GITHUB_NOT_CONFIGURED_MESSAGE}`,
      );
    }
    const result = await runPipelineCommand({
      checkpoint,
      key: `${key}.pipeline`,
      github: pipeline.github,
      workflow: pipeline.workflow,
      target,
      command: 'destroy',
      cloudFormation: aws.getConfiguration().configured
        ? await cloudFormationClientFor(aws, target)
        : undefined,
      timing,
      runSearch: pipeline.runSearch,
      logger,
      signal,
    });
    return {
      status: result.stackStatus ?? result.conclusion.toUpperCase(),
      deleted: true,
      runId: result.runId,
      runUrl: result.url,
    };
  }
  requireAwsConfigured(aws, `destroy ${target.stackName}`);
  const { status } = await destroyStackDirectly({
    target,
    aws,
    cloudFormation: await cloudFormationClientFor(aws, target),
    assembly: async () =>
      target.deployment.mode === 'cdk-app'
        ? stackIdentityAssembly(target)
        : referenceAssembly(target),
    checkpoint,
    key,
    timing,
    logger,
    signal,
  });
  return { status, deleted: status !== 'NOT_FOUND' };
}
