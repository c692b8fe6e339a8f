import type { GithubStandIn } from './GithubStandIn';
import type { StandInRun, StandInRunStep, StandInWorkflow } from './state';

const DAY_MS = 86_400_000;
/** "You can re-run a workflow run … up to 30 days after its initial run." */
const RERUN_DAYS = 30;
/** "A workflow run can be re-run a maximum of 50 times." */
const MAX_RERUNS = 50;

const second = (date: Date) => date.toISOString().replace(/\.\d+Z$/, 'Z');

/** The steps of a run of `workflow` with `inputs`, all queued; none for a workflow without. */
export function stepsOf(
  workflow: StandInWorkflow | undefined,
  inputs: Record<string, string>,
): StandInRunStep[] | undefined {
  return workflow?.steps?.(inputs).map(step => ({
    ...step,
    status: 'queued',
    conclusion: null,
  }));
}

/**
 * A look at a run moves it on. A queued run stays queued for its `queuedLooks`, then starts
 * (`onRunStarted`). A run with steps then runs one step per look: the step running is asked
 * (`poll`) whether it is done, the next one starts (`onStart`); a failing step fails the run and
 * skips the steps after it. A run without steps completes after `runLooks` looks with the
 * conclusion `runConclusion` gives.
 */
export function advanceRun(standIn: GithubStandIn, run: StandInRun): void {
  if (run.status === 'completed') return;
  if (run.status === 'queued' && run.queuedLooks > 0) {
    run.queuedLooks--;
    return;
  }
  if (run.steps) {
    if (run.status === 'queued') start(standIn, run);
    advanceSteps(standIn, run, run.steps);
    return;
  }
  run.looksLeft--;
  if (run.status === 'queued') start(standIn, run);
  if (run.looksLeft <= 0) {
    run.status = 'completed';
    run.conclusion = standIn.runConclusion(run);
  }
}

function start(standIn: GithubStandIn, run: StandInRun): void {
  run.status = 'in_progress';
  standIn.onRunStarted?.(run);
}

function advanceSteps(
  standIn: GithubStandIn,
  run: StandInRun,
  steps: StandInRunStep[],
): void {
  const now = second(standIn.clock());
  const running = steps.find(step => step.status === 'in_progress');
  if (running) {
    const state = running.poll?.(run) ?? 'success';
    if (state === 'running') return;
    Object.assign(running, {
      status: 'completed',
      conclusion: state,
      completedAt: now,
    });
    if (state === 'failure') {
      for (const rest of steps.filter(step => step.status === 'queued')) {
        Object.assign(rest, { status: 'completed', conclusion: 'skipped' });
      }
      run.status = 'completed';
      run.conclusion = 'failure';
      return;
    }
  }
  const next = steps.find(step => step.status === 'queued');
  if (!next) {
    run.status = 'completed';
    run.conclusion = 'success';
    return;
  }
  Object.assign(next, { status: 'in_progress', startedAt: now });
  next.onStart?.(run);
}

/**
 * Why GitHub refuses to re-run the run (403), or undefined: it is not completed, its initial run
 * is more than 30 days old, or it was re-run 50 times already
 * (https://docs.github.com/actions/how-tos/manage-workflow-runs/re-run-workflows-and-jobs).
 */
export function rerunRefusal(
  standIn: GithubStandIn,
  run: StandInRun,
): string | undefined {
  if (run.status !== 'completed') return 'This workflow is already running';
  const age = standIn.clock().getTime() - new Date(run.createdAt).getTime();
  if (age > RERUN_DAYS * DAY_MS) {
    return 'Unable to retry this workflow run because it was created over a month ago';
  }
  if (run.attempt > MAX_RERUNS) {
    return 'This workflow run has reached the maximum number of re-runs';
  }
  return undefined;
}

/**
 * The run as a look at it (`run`) or at its jobs (`jobs`) sees it: its previous attempt for the
 * first `rerunAppearsAfterLooks` looks of each after a re-run, else as it is.
 */
export function runAsSeen(run: StandInRun, at: 'run' | 'jobs'): StandInRun {
  if (!run.previousAttempt || !run.lagLooks?.[at]) return run;
  run.lagLooks[at]--;
  return { ...run, ...run.previousAttempt };
}

/**
 * Re-runs the run as its next attempt: the same id, commit, branch and inputs, queued again with
 * its steps (or its looks) from the start.
 */
export function rerun(
  standIn: GithubStandIn,
  repoWorkflows: Map<string, StandInWorkflow>,
  run: StandInRun,
): void {
  Object.assign(run, {
    previousAttempt: {
      attempt: run.attempt,
      status: run.status,
      conclusion: run.conclusion,
      startedAt: run.startedAt,
      steps: run.steps?.map(step => ({ ...step })),
    },
    lagLooks: {
      run: standIn.rerunAppearsAfterLooks,
      jobs: standIn.rerunAppearsAfterLooks,
    },
    attempt: run.attempt + 1,
    status: 'queued',
    conclusion: null,
    startedAt: second(standIn.clock()),
    queuedLooks: standIn.runQueuedLooks,
    looksLeft: standIn.runLooks,
    steps: stepsOf(repoWorkflows.get(run.workflow), run.inputs),
  });
}
