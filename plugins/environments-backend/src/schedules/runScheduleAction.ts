import type { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import type { ScheduleMethod } from '@stageline/plugin-environments-common';
import {
  AwsAccess,
  Checkpoint,
  cloudFormationClientFor,
  EnvironmentTarget,
  GITHUB_NOT_CONFIGURED_MESSAGE,
  GithubRepository,
  GithubRepositoryClients,
  requireAwsConfigured,
  runPipelineCommand,
  withAwsErrors,
} from '@stageline/plugin-environments-node';
import { ScaledResources, scaleBack, scaleToZero } from './scaleToZero';

/** A step is run once per attempt: nothing is kept between attempts. */
const runOnce = (async ({ fn }: { fn: () => unknown }) => fn()) as Checkpoint;

/**
 * Stops (`shutdown`) or starts (`startup`) an environment the way its deployment mode allows: a
 * `pipeline` Environment's workflow is dispatched with `destroy` or `deploy` on its branch of its
 * component's repository and followed to its end; a `reference` or `cdk-app` stack is scaled to
 * zero (ECS services to 0 tasks, RDS and Aurora databases stopped) and back, so no data store is
 * ever deleted. With `dryRun`, nothing is called and the log says what would be done.
 */
export async function runScheduleAction(options: {
  action: 'shutdown' | 'startup';
  target: EnvironmentTarget;
  repository?: GithubRepository;
  aws: AwsAccess;
  github?: Pick<GithubRepositoryClients, 'forRepository'>;
  /** What the last stop scaled down (direct modes), for a startup. */
  scaled?: ScaledResources;
  dryRun: boolean;
  timing: { pollIntervalMs: number; timeoutMs: number };
  logger: LoggerService;
}): Promise<{ method: ScheduleMethod; scaled?: ScaledResources }> {
  const { action, target, aws, logger } = options;
  const mode = target.deployment.mode;
  if (options.dryRun) {
    logger.info(
      `Dry run (environments.schedules.dryRun): would ${
        action === 'shutdown' ? 'stop' : 'start'
      } ${target.stackName} ${
        mode === 'pipeline'
          ? `by dispatching its workflow with command=${
              action === 'shutdown' ? 'destroy' : 'deploy'
            }`
          : `by scaling its ECS services and RDS databases ${
              action === 'shutdown' ? 'to zero' : 'back'
            }`
      }; AWS and GitHub were not called`,
    );
    return { method: 'dry-run' };
  }
  if (target.deployment.mode === 'pipeline') {
    if (!options.github || !options.repository || !target.branch) {
      throw new ServiceUnavailableError(
        `Cannot ${action === 'shutdown' ? 'stop' : 'start'} ${
          target.stackName
        } through its pipeline: ${
          options.github
            ? 'its component names no GitHub repository, or it no branch'
            : GITHUB_NOT_CONFIGURED_MESSAGE
        }`,
      );
    }
    await runPipelineCommand({
      checkpoint: runOnce,
      key: `schedule.${action}`,
      github: options.github,
      workflow: {
        ...options.repository,
        workflow: target.deployment.pipeline.workflow,
        branch: target.branch,
      },
      target,
      command: action === 'shutdown' ? 'destroy' : 'deploy',
      cloudFormation: aws.getConfiguration().configured
        ? await cloudFormationClientFor(aws, target)
        : undefined,
      timing: options.timing,
      runSearch: { attempts: 10, intervalMs: 3_000 },
      logger,
    });
    return { method: 'pipeline' };
  }
  requireAwsConfigured(
    aws,
    `${action === 'shutdown' ? 'stop' : 'start'} ${target.stackName}`,
  );
  const what = `${action === 'shutdown' ? 'stopping' : 'starting'} ${
    target.stackName
  }`;
  if (action === 'shutdown') {
    const scaled = await withAwsErrors(what, target, () =>
      scaleToZero({ aws, target, logger }),
    );
    return { method: 'scale-to-zero', scaled };
  }
  if (options.scaled) {
    const scaled = options.scaled;
    await withAwsErrors(what, target, () =>
      scaleBack({ aws, target, scaled, logger }),
    );
  } else {
    logger.info(
      `${target.stackName} was not scaled down by Stageline: nothing to start`,
    );
  }
  return {
    method: 'scale-to-zero',
    scaled: { ecsServices: [], dbInstances: [], dbClusters: [] },
  };
}
