import type { BranchChecks } from '@stageline/plugin-environments-node';

const FAILED_CONCLUSIONS = new Set([
  'failure',
  'cancelled',
  'timed_out',
  'action_required',
  'startup_failure',
  'stale',
]);

/** A commit status as the combined status lists it (the latest per context). */
export interface CommitStatus {
  context: string;
  state: string;
}

/** A check run as `GET /commits/{ref}/check-runs` lists it. */
export interface CheckRun {
  name: string;
  status: string;
  conclusion: string | null;
}

/**
 * Whether the checks on a commit are green: every commit status `success`, every check run
 * completed with `success`, `neutral` or `skipped`. `combinedState` is GitHub's own verdict
 * over all statuses; a `failure` there fails even if no status read says so.
 */
export function summariseChecks(
  sha: string,
  statuses: CommitStatus[],
  combinedState: string | undefined,
  checkRuns: CheckRun[],
): BranchChecks {
  const notGreen: string[] = [];
  let pending = false;
  for (const s of statuses) {
    if (s.state === 'pending') pending = true;
    if (s.state !== 'success')
      notGreen.push(`${s.context} (status): ${s.state}`);
  }
  let failed = notGreen.some(line => !line.endsWith(': pending'));
  if (combinedState === 'failure' && !failed) {
    failed = true;
    notGreen.push('combined status: failure');
  }
  for (const run of checkRuns) {
    if (run.status !== 'completed') {
      pending = true;
      notGreen.push(`${run.name} (check run): ${run.status}`);
    } else if (run.conclusion && FAILED_CONCLUSIONS.has(run.conclusion)) {
      failed = true;
      notGreen.push(`${run.name} (check run): ${run.conclusion}`);
    }
  }
  const total = statuses.length + checkRuns.length;
  let state: BranchChecks['state'] = 'success';
  if (failed) state = 'failure';
  else if (pending) state = 'pending';
  else if (total === 0) state = 'none';
  return { sha, state, notGreen, total };
}
