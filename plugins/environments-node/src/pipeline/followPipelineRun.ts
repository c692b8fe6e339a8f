import { setTimeout as sleep } from 'node:timers/promises';
import type {
  CloudFormationClient,
  StackEvent,
} from '@aws-sdk/client-cloudformation';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { describeGithubError } from '../github/describeGithubError';
import type { Octokit } from 'octokit';
import { describeStack } from '../aws/describeStack';
import {
  describeFailureCause,
  describeStackFailure,
} from '../aws/describeStackFailure';
import { formatStackEvent, StackEventStream } from '../aws/StackEventStream';
import { isStackAbsent, outputsOf } from '../aws/stackLifecycle';
import type { StackWaitTiming } from '../aws/waitForStack';
import type { PipelineRun, PipelineWorkflow } from './dispatchPipelineRun';
import { describeFailedJob, JobProgress, runJobs } from './runJobs';

/**
 * How a followed run ended, as plain JSON (it is kept as a checkpoint).
 *
 * @public
 */
export type PipelineOutcome = {
  conclusion: string;
  /** The commit the run deployed (its `head_sha`). */
  headSha?: string;
  /** The stack's status after the run, when AWS could read it; `DELETE_COMPLETE` when gone. */
  stackStatus?: string;
  stackId?: string;
  outputs: Record<string, string>;
};

/**
 * The stack's events while the run works on it, when AWS is configured.
 *
 * @public
 */
export type StackWatch = {
  cloudFormation: CloudFormationClient;
  stackName: string;
  /** GitHub's time of the dispatch: events before it belong to earlier operations. */
  since: string;
};

/**
 * Follows a pipeline run to its end in the task log: each job and step as it starts and ends
 * with its conclusion, and — when AWS can read the stack — the stack's CloudFormation events
 * while the run changes it.
 *
 * @throws Error naming the failing job and step, or the stack's first failed resource and its
 *   reason, with the run's page; Error when `timing.timeoutMs` passes first
 *
 * @public
 */
export async function followPipelineRun(options: {
  octokit: Octokit;
  target: PipelineWorkflow;
  run: PipelineRun;
  stack?: StackWatch;
  timing: StackWaitTiming;
  logger: LoggerService;
  signal?: AbortSignal;
  /** The run attempt to follow (a re-run's); earlier attempts count as queued. Default 1. */
  attempt?: number;
}): Promise<PipelineOutcome> {
  const { octokit, target, run, stack, timing, logger, signal } = options;
  const deadline = Date.now() + timing.timeoutMs;
  const progress = new JobProgress();
  const events: StackEvent[] = [];
  let stream: StackEventStream | undefined;
  let stackId: string | undefined;
  const watchStack = async () => {
    if (!stack) return;
    if (!stream) {
      const found = await describeStack(
        stack.cloudFormation,
        stack.stackName,
        signal,
      );
      if (isStackAbsent(found)) return;
      stackId = found!.StackId!;
      stream = new StackEventStream({
        cloudFormation: stack.cloudFormation,
        stackId,
        since: new Date(stack.since),
      });
    }
    for (const event of await stream.poll(signal)) {
      events.push(event);
      logger.info(`  CloudFormation: ${formatStackEvent(event)}`);
    }
  };
  for (;;) {
    let status: string;
    let conclusion: string | null;
    let headSha: string | undefined;
    try {
      const { data } = (await octokit.rest.actions.getWorkflowRun({
        owner: target.owner,
        repo: target.repo,
        run_id: run.runId,
      })) as {
        data: {
          status: string;
          conclusion: string | null;
          head_sha?: string;
          run_attempt?: number;
        };
      };
      ({ conclusion, head_sha: headSha } = data);
      // A run that is re-run answers as its earlier attempt until GitHub has queued the new one.
      status =
        (data.run_attempt ?? 1) < (options.attempt ?? 1)
          ? 'queued'
          : data.status;
      for (const line of progress.lines(
        await runJobs(octokit, target, run.runId),
      )) {
        logger.info(line);
      }
    } catch (error) {
      throw describeGithubError(
        error,
        `following run ${run.runId} of ${target.workflow}`,
      );
    }
    await watchStack();
    if (status === 'completed') {
      return finish({
        ...options,
        conclusion: conclusion ?? 'unknown',
        headSha,
        events,
        stackId,
      });
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `Timed out after ${Math.round(
          timing.timeoutMs / 60_000,
        )} minutes following run ${run.runId} of ${
          target.workflow
        }, still ${status}; it carries on in GitHub Actions: ${run.url}`,
      );
    }
    await sleep(timing.pollIntervalMs, undefined, { signal });
  }
}

async function finish(options: {
  octokit: Octokit;
  target: PipelineWorkflow;
  run: PipelineRun;
  stack?: StackWatch;
  conclusion: string;
  headSha?: string;
  events: StackEvent[];
  stackId?: string;
  signal?: AbortSignal;
}): Promise<PipelineOutcome> {
  const { octokit, target, run, stack, conclusion, events, signal } = options;
  const after =
    stack && options.stackId
      ? await describeStack(stack.cloudFormation, options.stackId, signal)
      : undefined;
  const outcome: PipelineOutcome = {
    conclusion,
    ...(options.headSha ? { headSha: options.headSha } : {}),
    ...(stack && options.stackId
      ? {
          stackId: options.stackId,
          stackStatus: after?.StackStatus ?? 'DELETE_COMPLETE',
        }
      : {}),
    outputs: outputsOf(after),
  };
  if (conclusion === 'success') return outcome;
  const failedJob = describeFailedJob(
    await runJobs(octokit, target, run.runId),
  );
  const failure = describeStackFailure(after, events);
  const stackCause = failure
    ? `; the stack's ${describeFailureCause(failure)}${
        outcome.stackStatus ? ` (stack ${outcome.stackStatus})` : ''
      }`
    : '';
  throw new Error(
    `Run ${run.runId} of ${target.workflow} on ${
      target.branch
    } ended ${conclusion}${
      failedJob ? `: ${failedJob}` : ''
    }${stackCause}. See ${run.url}`,
  );
}
