import type { Octokit } from 'octokit';
import { describeGithubError } from './describeGithubError';

/** What `POST .../dispatches` answers with `return_run_details: true` (200). */
interface RunDetails {
  workflow_run_id?: number;
  html_url?: string;
}

/** Whether GitHub refused the `return_run_details` parameter itself (servers without it). */
function rejectsRunDetails(error: unknown): boolean {
  const { status, response } = error as {
    status?: number;
    response?: { data?: { message?: string } };
  };
  return (
    (status === 400 || status === 422) &&
    /return_run_details/.test(response?.data?.message ?? '')
  );
}

/**
 * What a dispatch left known: the run, when GitHub returned it, and GitHub's own time of the
 * dispatch (its `Date` header), to look the run up by when it did not.
 *
 * @public
 */
export interface WorkflowDispatch {
  run?: { id: number; url: string };
  dispatchedAt?: Date;
}

/**
 * Dispatches a workflow on a branch with inputs, asking GitHub for the run it starts
 * (`return_run_details`,
 * https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event). A server
 * that refuses that parameter (older GitHub Enterprise Server) gets the dispatch again without
 * it; the run is then looked up with `findDispatchedRun`.
 *
 * @throws the GitHub error, described (unknown workflow, undeclared input, missing branch)
 * @public
 */
export async function dispatchWorkflow(
  octokit: Octokit,
  options: {
    owner: string;
    repo: string;
    workflow: string;
    ref: string;
    inputs: Record<string, string>;
  },
): Promise<WorkflowDispatch> {
  const { owner, repo, workflow, ref, inputs } = options;
  const dispatch = (returnRunDetails: boolean) =>
    octokit.request(
      'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
      {
        owner,
        repo,
        workflow_id: workflow,
        ref,
        inputs,
        ...(returnRunDetails ? { return_run_details: true } : {}),
      },
    );
  let response: Awaited<ReturnType<typeof dispatch>>;
  try {
    response = await dispatch(true).catch(error => {
      if (!rejectsRunDetails(error)) throw error;
      return dispatch(false);
    });
  } catch (error) {
    throw describeGithubError(
      error,
      `dispatching workflow ${workflow} on ${ref} in ${owner}/${repo}`,
    );
  }
  const details = (response.data ?? {}) as RunDetails;
  return {
    ...(details.workflow_run_id && details.html_url
      ? { run: { id: details.workflow_run_id, url: details.html_url } }
      : {}),
    ...(response.headers.date
      ? { dispatchedAt: new Date(response.headers.date) }
      : {}),
  };
}
