import { createHash } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';

const API = 'https://api.github.com';
const REPO = `${API}/repos/:owner/:repo`;
const WEB = 'https://github.com';

/** A step of a job of a workflow, and what happens when it runs. */
export type WorkflowStep = {
  name: string;
  /** Called when the step starts, e.g. to start a stack operation in the AWS stand-in. */
  onStart?: () => void;
  /**
   * Asked at each look while the step runs, as `cdk deploy` watches its stack: still running,
   * or done with this conclusion. Default: done with success at the next look.
   */
  poll?: () => 'running' | 'success' | 'failure';
};

/** A workflow file of the repository: its `workflow_dispatch` inputs and its one job. */
export type Workflow = {
  file: string;
  name: string;
  /** `workflow_dispatch` input names; others are refused (422) as GitHub does. */
  inputs: string[];
  /** The job's name, e.g. `cdk ${{ inputs.command }} (${{ inputs.stage }})` already evaluated. */
  job: (inputs: Record<string, string>) => string;
  steps: (inputs: Record<string, string>) => WorkflowStep[];
};

type Run = {
  id: number;
  workflow: Workflow;
  branch: string;
  /** The commit the run runs at: the branch's head when it was dispatched. */
  headSha: string;
  /** 1, then one more for each re-run. */
  attempt: number;
  inputs: Record<string, string>;
  createdAt: Date;
  actor: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: null | 'success' | 'failure';
  steps: Array<WorkflowStep & { status: string; conclusion: string | null }>;
  /** Looks at the run before it starts. */
  queuedLooks: number;
};

/** One request the stand-in received. */
export type GithubRequest = { method: string; path: string; body?: any };

/**
 * GitHub Actions at the HTTP edge, as the REST API reference describes it: create a workflow
 * dispatch event (`POST …/actions/workflows/{workflow_id}/dispatches`, 204, or 200 with
 * `workflow_run_id`, `run_url` and `html_url` when asked with `return_run_details`; 422 for
 * inputs the workflow does not declare or a branch that does not exist, 404 for an unknown
 * workflow), list a workflow's runs (`event`, `branch`, `created`, `actor` filters, newest first),
 * get a run, list its jobs with their steps, re-run a run (`POST …/actions/runs/{run_id}/rerun`,
 * 201: the same commit and inputs as its next attempt; 403 while it is not completed, or when it
 * was created more than 30 days ago, as "Re-running workflows and jobs" in GitHub's Actions
 * documentation says). A run is queued for a look or two, then runs one step per look at the run
 * (each step's `onStart` is called), and completes with `success`, or `failure` at a failing step
 * (the steps after it are skipped).
 */
export class GithubActionsStandIn {
  readonly requests: GithubRequest[] = [];
  readonly runs: Run[] = [];
  readonly branches = new Set([
    'main',
    'develop',
    'feature/streaming-responses',
  ]);
  /** The head commit of each branch; `push` moves it. */
  readonly heads = new Map<string, string>();
  #commits = 0;
  /** Whether the dispatch API knows `return_run_details` (GitHub Enterprise Server may not). */
  returnsRunDetails = true;
  queuedLooks = 1;
  actor = 'stageline-bot';
  /** Answers for the next looks at a run, before the normal behaviour (e.g. a 502). */
  readonly failures: Array<() => Response> = [];
  readonly #workflows = new Map<string, Workflow>();
  #nextId = 9_120_000_001;

  constructor(server: SetupServer, workflows: Workflow[]) {
    for (const workflow of workflows)
      this.#workflows.set(workflow.file, workflow);
    server.use(
      http.all(`${API}/*`, async ({ request }) => {
        const url = new URL(request.url);
        const text =
          request.method === 'GET' ? '' : await request.clone().text();
        this.requests.push({
          method: request.method,
          path: `${url.pathname}${url.search}`,
          ...(text ? { body: JSON.parse(text) } : {}),
        });
        return undefined;
      }),
      http.get(`${API}/user`, () =>
        HttpResponse.json({ login: this.actor, id: 7, type: 'Bot' }),
      ),
      http.post(
        `${REPO}/actions/workflows/:workflow/dispatches`,
        async ({ params, request }) => {
          const workflow = this.#workflows.get(params.workflow as string);
          if (!workflow) return notFound();
          const body = (await request.json()) as {
            ref: string;
            inputs?: Record<string, string>;
            return_run_details?: boolean;
          };
          if (
            body.return_run_details !== undefined &&
            !this.returnsRunDetails
          ) {
            return unprocessable(
              'Invalid request.\n\n"return_run_details" is not a permitted key.',
            );
          }
          const unexpected = Object.keys(body.inputs ?? {}).filter(
            name => !workflow.inputs.includes(name),
          );
          if (unexpected.length) {
            return unprocessable(
              `Unexpected inputs provided: ${JSON.stringify(unexpected)}`,
            );
          }
          if (!this.branches.has(body.ref)) {
            return unprocessable(`No ref found for: ${body.ref}`);
          }
          const run = this.dispatch(workflow, body.ref, body.inputs ?? {});
          if (!body.return_run_details)
            return new HttpResponse(null, { status: 204 });
          const { owner, repo } = params as Record<string, string>;
          return HttpResponse.json({
            workflow_run_id: run.id,
            run_url: `${API}/repos/${owner}/${repo}/actions/runs/${run.id}`,
            html_url: `${WEB}/${owner}/${repo}/actions/runs/${run.id}`,
          });
        },
      ),
      http.get(
        `${REPO}/actions/workflows/:workflow/runs`,
        ({ params, request }) => {
          const query = new URL(request.url).searchParams;
          const created = query.get('created')?.replace(/^>=/, '');
          const runs = this.runs
            .filter(run => run.workflow.file === params.workflow)
            .filter(
              () =>
                !query.get('event') ||
                query.get('event') === 'workflow_dispatch',
            )
            .filter(
              run => !query.get('branch') || run.branch === query.get('branch'),
            )
            .filter(
              run => !query.get('actor') || run.actor === query.get('actor'),
            )
            .filter(run => !created || run.createdAt >= new Date(created))
            .sort((a, b) => b.id - a.id);
          return HttpResponse.json({
            total_count: runs.length,
            workflow_runs: runs.map(run => this.#runBody(params, run)),
          });
        },
      ),
      http.get(`${REPO}/actions/runs/:id`, ({ params }) => {
        const failure = this.failures.shift();
        if (failure) return failure();
        const run = this.runs.find(r => String(r.id) === params.id);
        if (!run) return notFound();
        this.#advance(run);
        return HttpResponse.json(this.#runBody(params, run));
      }),
      http.post(`${REPO}/actions/runs/:id/rerun`, ({ params }) => {
        const run = this.runs.find(r => String(r.id) === params.id);
        if (!run) return notFound();
        if (run.status !== 'completed') {
          return forbidden('This workflow run is not completed');
        }
        if (Date.now() - run.createdAt.getTime() > 30 * 86_400_000) {
          return forbidden(
            'Unable to re-run this workflow run because it was created over a month ago',
          );
        }
        run.attempt += 1;
        run.status = 'queued';
        run.conclusion = null;
        run.queuedLooks = this.queuedLooks;
        run.steps = run.workflow
          .steps(run.inputs)
          .map(step => ({ ...step, status: 'queued', conclusion: null }));
        return HttpResponse.json({}, { status: 201 });
      }),
      http.get(`${REPO}/actions/runs/:id/jobs`, ({ params }) => {
        const run = this.runs.find(r => String(r.id) === params.id);
        if (!run) return notFound();
        const jobs =
          run.status === 'queued'
            ? []
            : [
                {
                  id: run.id * 10,
                  run_id: run.id,
                  name: run.workflow.job(run.inputs),
                  status: run.status,
                  conclusion: run.conclusion,
                  html_url: `${WEB}/${params.owner}/${
                    params.repo
                  }/actions/runs/${run.id}/job/${run.id * 10}`,
                  steps: run.steps.map((step, index) => ({
                    name: step.name,
                    status: step.status,
                    conclusion: step.conclusion,
                    number: index + 1,
                  })),
                },
              ];
        return HttpResponse.json({ total_count: jobs.length, jobs });
      }),
    );
  }

  /** Starts a run of the workflow, as a dispatch (or someone else) does. */
  dispatch(
    workflow: Workflow | string,
    branch: string,
    inputs: Record<string, string>,
    actor = this.actor,
  ): Run {
    const known =
      typeof workflow === 'string' ? this.#workflows.get(workflow)! : workflow;
    const run: Run = {
      id: this.#nextId++,
      workflow: known,
      branch,
      headSha: this.head(branch),
      attempt: 1,
      inputs,
      createdAt: new Date(),
      actor,
      status: 'queued',
      conclusion: null,
      steps: known
        .steps(inputs)
        .map(step => ({ ...step, status: 'queued', conclusion: null })),
      queuedLooks: this.queuedLooks,
    };
    this.runs.push(run);
    return run;
  }

  /** The head commit of a branch. */
  head(branch: string): string {
    if (!this.heads.has(branch)) this.push(branch);
    return this.heads.get(branch)!;
  }

  /** A new commit on the branch; returns its SHA. */
  push(branch: string): string {
    this.#commits += 1;
    const sha = createHash('sha1')
      .update(`${branch}:${this.#commits}`)
      .digest('hex');
    this.heads.set(branch, sha);
    return sha;
  }

  /** Requests that change something. */
  writes(): GithubRequest[] {
    return this.requests.filter(r => r.method !== 'GET');
  }

  #advance(run: Run) {
    if (run.status === 'completed') return;
    if (run.status === 'queued') {
      if (run.queuedLooks-- > 0) return;
      run.status = 'in_progress';
    }
    const running = run.steps.find(step => step.status === 'in_progress');
    if (running) {
      const state = running.poll?.() ?? 'success';
      if (state === 'running') return;
      running.status = 'completed';
      running.conclusion = state;
      if (state === 'failure') {
        for (const rest of run.steps.filter(step => step.status === 'queued')) {
          rest.status = 'completed';
          rest.conclusion = 'skipped';
        }
        run.status = 'completed';
        run.conclusion = 'failure';
        return;
      }
    }
    const next = run.steps.find(step => step.status === 'queued');
    if (!next) {
      run.status = 'completed';
      run.conclusion = 'success';
      return;
    }
    next.status = 'in_progress';
    next.onStart?.();
  }

  #runBody(params: Record<string, unknown>, run: Run) {
    const { owner, repo } = params as Record<string, string>;
    return {
      id: run.id,
      name: run.workflow.name,
      display_title: run.workflow.name,
      event: 'workflow_dispatch',
      status: run.status,
      conclusion: run.conclusion,
      head_branch: run.branch,
      head_sha: run.headSha,
      run_attempt: run.attempt,
      created_at: run.createdAt.toISOString().replace(/\.\d+Z$/, 'Z'),
      updated_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      html_url: `${WEB}/${owner}/${repo}/actions/runs/${run.id}`,
      url: `${API}/repos/${owner}/${repo}/actions/runs/${run.id}`,
      actor: { login: run.actor },
      triggering_actor: { login: run.actor },
      path: `.github/workflows/${run.workflow.file}`,
    };
  }
}

function notFound() {
  return HttpResponse.json(
    {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404',
    },
    { status: 404 },
  );
}

function forbidden(message: string) {
  return HttpResponse.json(
    {
      message,
      documentation_url:
        'https://docs.github.com/rest/actions/workflow-runs#re-run-a-workflow',
      status: '403',
    },
    { status: 403 },
  );
}

function unprocessable(message: string) {
  return HttpResponse.json(
    {
      message,
      documentation_url:
        'https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event',
      status: '422',
    },
    { status: 422 },
  );
}

/**
 * The `deploy.yml` of a service generated by `service-with-environments`: a `workflow_dispatch`
 * with inputs stage, scale, command and preview-id, one job running `cdk <command>`. `cdk` is the
 * step whose `onStart` stands for what it does in AWS.
 */
export function deployWorkflow(
  cdk: (inputs: Record<string, string>) => WorkflowStep,
): Workflow {
  return {
    file: 'deploy.yml',
    name: 'Deploy',
    inputs: ['stage', 'scale', 'command', 'preview-id'],
    job: inputs => `cdk ${inputs.command} (${inputs.stage})`,
    steps: inputs => [
      { name: 'Set up job' },
      { name: 'Run actions/checkout@v4' },
      { name: 'Run aws-actions/configure-aws-credentials@v4' },
      { name: 'Run npm install' },
      cdk(inputs),
      { name: 'Complete job' },
    ],
  };
}
