import { http, RequestHandler } from 'msw';
import type { GithubStandIn } from '../GithubStandIn';
import { advanceRun, rerun, rerunRefusal, runAsSeen } from '../runProgress';
import type { StandInRepo, StandInRun } from '../state';
import { API, REPO, WEB } from './paths';

const normalise = (time: string) =>
  new Date(time).toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * Whether `createdAt` matches GitHub's `created` filter: `>=T`, `>T`, `<=T`, `<T`, `A..B` or a
 * date (https://docs.github.com/search-github/getting-started-with-searching-on-github/understanding-the-search-syntax#query-for-dates).
 */
function matchesCreated(createdAt: string, filter: string): boolean {
  const at = normalise(createdAt);
  const range = /^(.+)\.\.(.+)$/.exec(filter);
  if (range) {
    return at >= normalise(range[1]) && at <= normalise(range[2]);
  }
  const comparison = /^(>=|<=|>|<)(.+)$/.exec(filter);
  if (comparison) {
    const value = normalise(comparison[2]);
    switch (comparison[1]) {
      case '>=':
        return at >= value;
      case '>':
        return at > value;
      case '<=':
        return at <= value;
      default:
        return at < value;
    }
  }
  return at.startsWith(filter);
}

const STATUS_FILTERS = new Set(['queued', 'in_progress', 'completed']);

/** The workflow's `name`, else its file name without `.yml`. */
const workflowName = (repo: StandInRepo, file: string) =>
  repo.workflows.get(file)?.name ?? file.replace(/\.ya?ml$/, '');

function runJson(repo: StandInRepo, run: StandInRun) {
  return {
    id: run.id,
    name: workflowName(repo, run.workflow),
    display_title: run.displayTitle,
    head_branch: run.branch,
    head_sha: run.headSha,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    path: `.github/workflows/${run.workflow}`,
    run_number: run.id % 1000,
    run_attempt: run.attempt,
    created_at: run.createdAt,
    updated_at: run.createdAt,
    run_started_at: run.startedAt,
    actor: {
      login: run.actor,
      type: run.actor.endsWith('[bot]') ? 'Bot' : 'User',
    },
    triggering_actor: {
      login: run.actor,
      type: run.actor.endsWith('[bot]') ? 'Bot' : 'User',
    },
    url: `${API}/repos/${repo.slug}/actions/runs/${run.id}`,
    html_url: `${WEB}/${repo.slug}/actions/runs/${run.id}`,
  };
}

/**
 * Workflow dispatch and runs.
 *
 * Dispatch (https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event):
 * 404 for an unknown workflow, 422 for an unknown ref or inputs the workflow does not declare;
 * 204, or with `return_run_details: true` 200 and `{ workflow_run_id, run_url, html_url }`
 * (GitHub.com since February 2026; `returnsRunDetails = false` answers 422 as servers without
 * it do). The run it starts shows up in listings only after `runsAppearAfterListings` of them.
 *
 * Listing (https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow):
 * newest first, paged, filtered by `actor`, `branch`, `event`, `status`, `created` and
 * `head_sha`. A run (https://docs.github.com/rest/actions/workflow-runs#get-a-workflow-run)
 * moves on at each look (see `advanceRun`); its jobs
 * (https://docs.github.com/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run) are none
 * while queued, then one job: named by the workflow's `job` with its steps as far as they got,
 * or, for a workflow without steps, one step `cdk <command>` with the run's status.
 *
 * Re-run (https://docs.github.com/rest/actions/workflow-runs#re-run-a-workflow): 201, the same
 * run as its next `run_attempt` at the same commit with the same inputs, shown as its previous
 * attempt for `rerunAppearsAfterLooks` more looks (GitHub queues the new attempt a moment later);
 * 403 when GitHub refuses (see `rerunRefusal`).
 */
export function actionRoutes(standIn: GithubStandIn): RequestHandler[] {
  const { respond } = standIn;
  const list = (route: string, workflow?: string) =>
    (({ request, params }) => {
      const repo = standIn.repoOf(params);
      if (!repo || (workflow && !repo.workflows.has(String(params.workflow)))) {
        return respond.notFound(route);
      }
      const query = new URL(request.url).searchParams;
      const visible = repo.runs.filter(run => run.hiddenForListings === 0);
      for (const run of repo.runs) {
        if (run.hiddenForListings > 0) run.hiddenForListings--;
      }
      const status = query.get('status');
      const created = query.get('created');
      const runs = visible
        .filter(
          run =>
            (!workflow || run.workflow === params.workflow) &&
            (!query.get('actor') || run.actor === query.get('actor')) &&
            (!query.get('branch') || run.branch === query.get('branch')) &&
            (!query.get('event') || run.event === query.get('event')) &&
            (!query.get('head_sha') || run.headSha === query.get('head_sha')) &&
            (!status ||
              (STATUS_FILTERS.has(status)
                ? run.status === status
                : run.conclusion === status)) &&
            (!created || matchesCreated(run.createdAt, created)),
        )
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
        .map(run => runJson(repo, run));
      return respond.list(route, request, 'workflow_runs', runs);
    }) as Parameters<typeof http.get>[1];

  return [
    http.post(
      `${REPO}/actions/workflows/:workflow/dispatches`,
      async ({ request, params }) => {
        const route = 'POST dispatches';
        const repo = standIn.repoOf(params);
        const file = String(params.workflow);
        const workflow = repo?.workflows.get(file);
        if (!repo || !workflow) return respond.notFound(route);
        const body = (await request.json()) as {
          ref: string;
          inputs?: Record<string, string>;
          return_run_details?: boolean;
        };
        if (
          body.return_run_details !== undefined &&
          !standIn.returnsRunDetails
        ) {
          return respond.error(
            route,
            422,
            'Invalid request.\n\n"return_run_details" is not a permitted key.',
          );
        }
        const branch = body.ref.replace(/^refs\/heads\//, '');
        const headSha = repo.branches.get(branch);
        if (!headSha) {
          return respond.error(route, 422, `No ref found for: ${body.ref}`);
        }
        const inputs = body.inputs ?? {};
        const unexpected = Object.keys(inputs).filter(
          name => !workflow.inputs.includes(name),
        );
        if (unexpected.length) {
          return respond.error(
            route,
            422,
            `Unexpected inputs provided: ${JSON.stringify(unexpected)}`,
          );
        }
        repo.dispatches.push({ workflow: file, ref: body.ref, inputs });
        const run = standIn.startRun(repo.slug, {
          workflow: file,
          branch,
          event: 'workflow_dispatch',
          actor: standIn.loginOf(request),
          displayTitle: (workflow.runName ?? workflowName(repo, file)).replace(
            /\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g,
            (_, name: string) => inputs[name] ?? '',
          ),
          hiddenForListings: standIn.runsAppearAfterListings,
          inputs,
        });
        if (!body.return_run_details) return respond.empty(route, 204);
        return respond.json(route, {
          workflow_run_id: run.id,
          run_url: `${API}/repos/${repo.slug}/actions/runs/${run.id}`,
          html_url: `${WEB}/${repo.slug}/actions/runs/${run.id}`,
        });
      },
    ),
    http.get(
      `${REPO}/actions/workflows/:workflow/runs`,
      list('GET runs', 'workflow'),
    ),
    http.get(`${REPO}/actions/runs`, list('GET runs')),
    http.get(`${REPO}/actions/runs/:run_id`, ({ request, params }) => {
      const route = 'GET run';
      const found = runOf(params);
      if (!found) return respond.notFound(route);
      const seen = runAsSeen(found.run, 'run');
      if (seen === found.run) advanceRun(standIn, found.run);
      return respond.get(route, request, runJson(found.repo, seen));
    }),
    http.post(`${REPO}/actions/runs/:run_id/rerun`, ({ params }) => {
      const route = 'POST rerun';
      const found = runOf(params);
      if (!found) return respond.notFound(route);
      const refusal = rerunRefusal(standIn, found.run);
      if (refusal) {
        return respond.error(
          route,
          403,
          refusal,
          'https://docs.github.com/rest/actions/workflow-runs#re-run-a-workflow',
        );
      }
      rerun(standIn, found.repo.workflows, found.run);
      return respond.json(route, {}, 201);
    }),
    http.get(`${REPO}/actions/runs/:run_id/jobs`, ({ request, params }) => {
      const route = 'GET jobs';
      const found = runOf(params);
      if (!found) return respond.notFound(route);
      const { repo } = found;
      const run = runAsSeen(found.run, 'jobs');
      return respond.list(
        route,
        request,
        'jobs',
        run.status === 'queued' ? [] : [jobJson(repo, run)],
      );
    }),
  ];

  function runOf(params: Record<string, unknown>) {
    const repo = standIn.repoOf(params);
    const run = repo?.runs.find(r => r.id === Number(params.run_id));
    return repo && run ? { repo, run } : undefined;
  }
}

/** The run's one job with its steps (https://docs.github.com/rest/actions/workflow-jobs#get-a-job-for-a-workflow-run). */
function jobJson(repo: StandInRepo, run: StandInRun) {
  const workflow = repo.workflows.get(run.workflow);
  const id = run.id * 10;
  const steps = run.steps?.map((step, index) => ({
    name: step.name,
    status: step.status,
    conclusion: step.conclusion,
    number: index + 1,
    started_at: step.startedAt ?? null,
    completed_at: step.completedAt ?? null,
  })) ?? [
    {
      name: `cdk ${run.inputs.command ?? 'deploy'}`,
      status: run.status,
      conclusion: run.conclusion,
      number: 1,
      started_at: run.startedAt,
      completed_at: null,
    },
  ];
  return {
    id,
    run_id: run.id,
    run_attempt: run.attempt,
    workflow_name: workflowName(repo, run.workflow),
    head_branch: run.branch,
    head_sha: run.headSha,
    name: workflow?.job?.(run.inputs) ?? workflowName(repo, run.workflow),
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    url: `${API}/repos/${repo.slug}/actions/jobs/${id}`,
    html_url: `${WEB}/${repo.slug}/actions/runs/${run.id}/job/${id}`,
    steps,
  };
}
