import { setupServer } from 'msw/node';
import { Octokit } from 'octokit';
import { GithubStandIn } from '../GithubStandIn';
import type { StandInWorkflowStep } from '../state';

const SLUG = 'acme/macro-ai';
const repo = { owner: 'acme', repo: 'macro-ai' };
const server = setupServer();
let github: GithubStandIn;
/** What the steps did, in order. */
let events: string[];
/** What the `test` step's poll answers, one answer a look. */
let testPolls: Array<'running' | 'success' | 'failure'>;

const step = (name: string): StandInWorkflowStep => ({
  name,
  onStart: run => events.push(`${name} started at ${run.headSha.slice(0, 7)}`),
});

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  events = [];
  testPolls = [];
  github = new GithubStandIn();
  github.addRepo(SLUG, ['main', 'develop']);
  github.runQueuedLooks = 1;
  github.addWorkflow(SLUG, 'ci.yml', {
    name: 'CI',
    inputs: ['suite'],
    job: inputs => `test (${inputs.suite})`,
    steps: () => [
      step('Set up job'),
      { ...step('Run tests'), poll: () => testPolls.shift() ?? 'success' },
      step('Complete job'),
    ],
  });
  server.resetHandlers(...github.handlers());
});
afterAll(() => server.close());

const octokit = new Octokit({
  auth: 'token-a',
  retry: { enabled: false },
  throttle: { enabled: false },
});

async function dispatch(): Promise<number> {
  const { data } = await octokit.rest.actions.createWorkflowDispatch({
    ...repo,
    workflow_id: 'ci.yml',
    ref: 'develop',
    inputs: { suite: 'unit' },
    return_run_details: true,
  } as Parameters<typeof octokit.rest.actions.createWorkflowDispatch>[0]);
  return (data as unknown as { workflow_run_id: number }).workflow_run_id;
}

/** One look at the run: its status or conclusion, and each step's. */
async function look(runId: number) {
  const { data: run } = await octokit.rest.actions.getWorkflowRun({
    ...repo,
    run_id: runId,
  });
  const { data } = await octokit.rest.actions.listJobsForWorkflowRun({
    ...repo,
    run_id: runId,
  });
  return {
    run: `${run.name} #${run.run_attempt} ${run.conclusion ?? run.status}`,
    jobs: data.jobs.map(job => [
      `${job.name} ${job.conclusion ?? job.status}`,
      ...(job.steps ?? []).map(s => `${s.name} ${s.conclusion ?? s.status}`),
    ]),
  };
}

/** A workflow with steps, as GitHub runs a job (https://docs.github.com/rest/actions/workflow-jobs). */
describe('workflow runs with steps', () => {
  it('runs one step per look after the queued looks, polling a running step, and lists the job with its steps', async () => {
    testPolls = ['running'];
    const runId = await dispatch();
    const head = github.head(SLUG, 'develop').slice(0, 7);

    expect(await look(runId)).toEqual({ run: 'CI #1 queued', jobs: [] });
    expect(await look(runId)).toEqual({
      run: 'CI #1 in_progress',
      jobs: [
        [
          'test (unit) in_progress',
          'Set up job in_progress',
          'Run tests queued',
          'Complete job queued',
        ],
      ],
    });
    await look(runId); // Set up job succeeds, Run tests starts
    expect((await look(runId)).jobs[0][2]).toBe('Run tests in_progress'); // polled: running
    await look(runId); // Run tests succeeds, Complete job starts
    expect(await look(runId)).toEqual({
      run: 'CI #1 success',
      jobs: [
        [
          'test (unit) success',
          'Set up job success',
          'Run tests success',
          'Complete job success',
        ],
      ],
    });
    expect(events).toEqual([
      `Set up job started at ${head}`,
      `Run tests started at ${head}`,
      `Complete job started at ${head}`,
    ]);
  });

  it('fails the run at a failing step and skips the steps after it', async () => {
    testPolls = ['failure'];
    const runId = await dispatch();
    for (let i = 0; i < 3; i++) await look(runId);

    expect(await look(runId)).toEqual({
      run: 'CI #1 failure',
      jobs: [
        [
          'test (unit) failure',
          'Set up job success',
          'Run tests failure',
          'Complete job skipped',
        ],
      ],
    });
    expect(events).not.toContain(expect.stringMatching(/^Complete job/));
  });
});

// https://docs.github.com/rest/actions/workflow-runs#re-run-a-workflow and "Re-running workflows
// and jobs": the same commit and inputs, as the next attempt, only a completed run, up to 30 days
// after its initial run.
describe('re-running a workflow run', () => {
  const rerun = (runId: number) =>
    octokit.rest.actions.reRunWorkflow({ ...repo, run_id: runId }).then(
      r => [r.status],
      e => [e.status, e.response.data.message],
    );

  it('refuses a run that is not completed (403)', async () => {
    const runId = await dispatch();
    await look(runId);

    expect(await rerun(runId)).toEqual([
      403,
      'This workflow is already running',
    ]);
  });

  it('runs a completed run again as its next attempt, at the same commit with the same inputs', async () => {
    const runId = await dispatch();
    const head = github.head(SLUG, 'develop');
    while ((await look(runId)).run !== 'CI #1 success');
    github.push(SLUG, 'develop');
    events = [];

    expect(await rerun(runId)).toEqual([201]);
    // GitHub queues the new attempt a moment after answering: the first look still sees the last.
    expect(await look(runId)).toMatchObject({
      run: 'CI #1 success',
      jobs: [
        [
          'test (unit) success',
          'Set up job success',
          'Run tests success',
          'Complete job success',
        ],
      ],
    });
    expect(await look(runId)).toEqual({ run: 'CI #2 queued', jobs: [] });
    while ((await look(runId)).run !== 'CI #2 success');
    expect(events).toEqual([
      `Set up job started at ${head.slice(0, 7)}`,
      `Run tests started at ${head.slice(0, 7)}`,
      `Complete job started at ${head.slice(0, 7)}`,
    ]);
    const { data } = await octokit.rest.actions.getWorkflowRun({
      ...repo,
      run_id: runId,
    });
    expect(data).toMatchObject({ head_sha: head, run_attempt: 2 });
    expect(github.repo(SLUG).runs).toHaveLength(1);
    expect(github.repo(SLUG).runs[0].inputs).toEqual({ suite: 'unit' });
  });

  it('refuses a run created more than 30 days ago (403)', async () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    github.clock = () => new Date(now);
    const runId = await dispatch();
    while ((await look(runId)).run !== 'CI #1 success');
    github.clock = () => new Date(now + 30 * 86_400_000);
    expect(await rerun(runId)).toEqual([201]);
    while ((await look(runId)).run !== 'CI #2 success');

    github.clock = () => new Date(now + 31 * 86_400_000);
    expect(await rerun(runId)).toEqual([
      403,
      'Unable to retry this workflow run because it was created over a month ago',
    ]);
  });

  it('re-runs a run of a workflow without steps too, which then completes after its looks', async () => {
    const run = github.addRun(SLUG, { branch: 'main' });
    await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: run.id });
    await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: run.id });
    await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: run.id });
    expect(run.status).toBe('completed');

    expect(await rerun(run.id)).toEqual([201]);
    expect(run).toMatchObject({ attempt: 2, status: 'queued' });
  });
});
