import type { Octokit } from 'octokit';
import type { PipelineWorkflow } from './dispatchPipelineRun';

/**
 * A job of a run, with its steps, as the jobs endpoint lists them.
 *
 * @public
 */
export type RunJob = {
  name: string;
  status: string;
  conclusion: string | null;
  steps: Array<{ name: string; status: string; conclusion: string | null }>;
};

/**
 * Every job of the run's latest attempt, all pages.
 *
 * @public
 */
export async function runJobs(
  octokit: Octokit,
  target: PipelineWorkflow,
  runId: number,
): Promise<RunJob[]> {
  const jobs = await octokit.paginate(
    octokit.rest.actions.listJobsForWorkflowRun,
    {
      owner: target.owner,
      repo: target.repo,
      run_id: runId,
      filter: 'latest',
      per_page: 100,
    },
  );
  return jobs.map(job => ({
    name: job.name,
    status: job.status,
    conclusion: job.conclusion,
    steps: (job.steps ?? []).map(step => ({
      name: step.name,
      status: step.status,
      conclusion: step.conclusion,
    })),
  }));
}

/**
 * `job "cdk deploy (staging)" failed at step "cdk deploy"`, for the first job that failed.
 *
 * @public
 */
export function describeFailedJob(jobs: RunJob[]): string | undefined {
  const job = jobs.find(
    j => j.conclusion === 'failure' || j.conclusion === 'timed_out',
  );
  if (!job) return undefined;
  const step = job.steps.find(
    s => s.conclusion === 'failure' || s.conclusion === 'timed_out',
  );
  return `job "${job.name}" ${
    job.conclusion === 'timed_out' ? 'timed out' : 'failed'
  }${step ? ` at step "${step.name}"` : ''}`;
}

/**
 * The log lines for what changed in the jobs since the last look: a job that started or ended,
 * a step that started or ended with its conclusion.
 *
 * @public
 */
export class JobProgress {
  readonly #seen = new Map<string, string>();

  lines(jobs: RunJob[]): string[] {
    const lines: string[] = [];
    for (const job of jobs) {
      const jobState = `${job.status}/${job.conclusion ?? ''}`;
      if (this.#seen.get(job.name) !== jobState) {
        this.#seen.set(job.name, jobState);
        lines.push(`Job "${job.name}": ${job.conclusion ?? job.status}`);
      }
      for (const step of job.steps) {
        const key = `${job.name}\u0000${step.name}`;
        const state = `${step.status}/${step.conclusion ?? ''}`;
        if (step.status === 'queued' || this.#seen.get(key) === state) continue;
        this.#seen.set(key, state);
        lines.push(`  Step "${step.name}": ${step.conclusion ?? step.status}`);
      }
    }
    return lines;
  }
}
