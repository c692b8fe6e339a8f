import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { PipelineCommand } from '@stageline/plugin-environments-common';
import type { JsonValue } from '@backstage/types';
import type { StackWaitTiming } from '../aws/waitForStack';
import type { EnvironmentTarget } from '../target/EnvironmentTarget';
import type { GithubRepositoryClients } from '../github/GithubRepositoryClients';
import {
  Dispatched,
  dispatchPipelineRun,
  findDispatchedPipelineRun,
  PipelineRun,
  PipelineWorkflow,
} from './dispatchPipelineRun';
import { followPipelineRun, PipelineOutcome } from './followPipelineRun';
import { describeInputs, pipelineInputs } from './pipelineInputs';

/**
 * `ctx.checkpoint` of the scaffolder: a step that succeeded is not run again on a retry.
 *
 * @public
 */
export type Checkpoint = <T extends JsonValue | void>(options: {
  key: string;
  fn: () => Promise<T> | T;
}) => Promise<T>;

/**
 * How long to look for the run GitHub did not name.
 *
 * @public
 */
export type RunSearch = { attempts: number; intervalMs: number };

/**
 * A run and how it ended.
 *
 * @public
 */
export type PipelineResult = PipelineOutcome & PipelineRun;

/**
 * Runs a command (`deploy`, `destroy`, `diff`) through a pipeline Environment's workflow:
 * dispatches it on the branch with the Environment's inputs, finds the run it started and follows
 * it to the end in the task log (see `followPipelineRun`). Each is a checkpoint: a retried task
 * never dispatches twice, and picks up the same run.
 *
 * @public
 */
export async function runPipelineCommand(options: {
  checkpoint: Checkpoint;
  key: string;
  github: Pick<GithubRepositoryClients, 'forRepository'>;
  workflow: PipelineWorkflow;
  target: EnvironmentTarget;
  command: PipelineCommand;
  /** Reads the stack's events while the run works on it, when AWS is configured. */
  cloudFormation?: CloudFormationClient;
  timing: StackWaitTiming;
  runSearch: RunSearch;
  logger: LoggerService;
  signal?: AbortSignal;
  /**
   * Wraps following the run, once (inside its checkpoint): the scaffolder actions record how it
   * ended in the deployment history.
   */
  aroundFollow?: (
    follow: () => Promise<PipelineOutcome>,
    run: PipelineRun,
  ) => Promise<PipelineOutcome>;
}): Promise<PipelineResult> {
  const { checkpoint, key, workflow, target, logger } = options;
  const octokit = await options.github.forRepository(
    { host: 'github.com', owner: workflow.owner, repo: workflow.repo },
    logger,
  );
  const inputs = pipelineInputs(target, options.command);
  const dispatched: Dispatched = await checkpoint({
    key: `${key}.dispatch`,
    fn: async () => {
      logger.info(
        `Dispatching ${workflow.workflow} of ${workflow.owner}/${
          workflow.repo
        } on ${workflow.branch} (${describeInputs(inputs)})`,
      );
      return dispatchPipelineRun(octokit, workflow, inputs);
    },
  });
  const run: PipelineRun =
    dispatched.run ??
    (await checkpoint({
      key: `${key}.run`,
      fn: () =>
        findDispatchedPipelineRun(octokit, workflow, dispatched, {
          ...options.runSearch,
          logger,
        }),
    }));
  logger.info(`Following run ${run.runId}: ${run.url}`);
  const follow = () =>
    followPipelineRun({
      octokit,
      target: workflow,
      run,
      stack: options.cloudFormation
        ? {
            cloudFormation: options.cloudFormation,
            stackName: target.stackName,
            since: dispatched.dispatchedAt ?? dispatched.sentAt,
          }
        : undefined,
      timing: options.timing,
      logger,
      signal: options.signal,
    });
  const outcome: PipelineOutcome = await checkpoint({
    key: `${key}.follow`,
    fn: () =>
      options.aroundFollow ? options.aroundFollow(follow, run) : follow(),
  });
  return { ...outcome, ...run };
}
