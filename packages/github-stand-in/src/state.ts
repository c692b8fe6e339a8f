import { CommitGraph } from './CommitGraph';

/** A commit status or check run on a commit. */
export interface StandInCheck {
  kind: 'status' | 'check-run';
  name: string;
  /** status: success | pending | failure | error; check run: queued | in_progress | a conclusion */
  state: string;
}

/** A review on a pull request, as `GET /pulls/{n}/reviews` lists it (oldest first). */
export interface StandInReview {
  login: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  /** The commit reviewed: the pull request's head when the review was given. */
  commitId: string;
  /** OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, … */
  association: string;
}

/** A pull request. */
export interface StandInPull {
  number: number;
  title: string;
  body?: string;
  head: string;
  base: string;
  author: string;
  draft: boolean;
  state: 'open' | 'closed';
  merged: boolean;
  mergedAt?: string;
  mergeCommitSha?: string;
  /** Frozen when the pull request is closed; an open one follows its branch. */
  closedHeadSha?: string;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  /** For a pull request from a fork: the fork's `owner/repo` and its head commit. */
  fork?: { slug: string; headSha: string };
  reviews: StandInReview[];
  /** Reads of `GET /pulls/{n}` left that answer `mergeable: null` (GitHub computes it after a change). */
  mergeabilityPendingReads: number;
  /** The head conflicts with the base: `mergeable: false`, `mergeable_state: dirty`. */
  conflicts: boolean;
  /** A `mergeable_state` that overrides the computed one, e.g. `blocked` by branch protection. */
  mergeableState?: string;
}

/** A change to a branch, as the repository's activity lists it. */
export interface StandInActivity {
  id: number;
  ref: string;
  before: string;
  after: string;
  timestamp: string;
  activityType: 'push' | 'force_push' | 'branch_creation' | 'branch_deletion';
  actor: string;
}

/** A step of a workflow's job, and what happens when it runs. */
export interface StandInWorkflowStep {
  name: string;
  /** Called when the step starts, e.g. to start a stack operation in the AWS stand-in. */
  onStart?: (run: StandInRun) => void;
  /**
   * Asked at each look while the step runs, as `cdk deploy` watches its stack: still running,
   * or done with this conclusion. Default: done with success at the next look.
   */
  poll?: (run: StandInRun) => 'running' | 'success' | 'failure';
}

/** A step of a run's job, as far as it got. */
export interface StandInRunStep extends StandInWorkflowStep {
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | 'skipped' | null;
  startedAt?: string;
  completedAt?: string;
}

/** A workflow file of the repository and the `workflow_dispatch` inputs it declares. */
export interface StandInWorkflow {
  inputs: string[];
  /** `run-name`, with `${{ inputs.x }}` replaced when a run starts; default the workflow name. */
  runName?: string;
  /** The workflow's `name`; default the file name without `.yml`. */
  name?: string;
  /** The name of its one job for a run's inputs; default the workflow name. */
  job?: (inputs: Record<string, string>) => string;
  /**
   * The steps of its one job for a run's inputs. A run of a workflow with steps runs one step
   * per look and ends as its steps do; without, it ends after `runLooks` looks with `runConclusion`.
   */
  steps?: (inputs: Record<string, string>) => StandInWorkflowStep[];
}

/** A workflow run. */
export interface StandInRun {
  id: number;
  workflow: string;
  branch: string;
  headSha: string;
  event: string;
  actor: string;
  displayTitle: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  createdAt: string;
  /** Listings of the runs that still leave it out (runs show up some time after a dispatch). */
  hiddenForListings: number;
  /** The `workflow_dispatch` inputs it was started with. */
  inputs: Record<string, string>;
  /** Looks at the run (`GET /actions/runs/{id}`) before it completes. */
  looksLeft: number;
  /** Looks at the run that still find it queued. */
  queuedLooks: number;
  /** 1, then one more for each re-run (`run_attempt`). */
  attempt: number;
  /** When its latest attempt started. */
  startedAt: string;
  /** Its job's steps, for a workflow with steps. */
  steps?: StandInRunStep[];
  /** After a re-run: the previous attempt, shown for `lagLooks` more looks at the run and its jobs. */
  previousAttempt?: Pick<
    StandInRun,
    'attempt' | 'status' | 'conclusion' | 'startedAt' | 'steps'
  >;
  lagLooks?: { run: number; jobs: number };
}

/** A deployment environment of the repository with its protection rules. */
export interface StandInEnvironment {
  id: number;
  name: string;
  wait_timer: number;
  prevent_self_review: boolean;
  reviewers: Array<{ type: 'User' | 'Team'; id: number }>;
  deployment_branch_policy: {
    protected_branches: boolean;
    custom_branch_policies: boolean;
  } | null;
}

/** A deployment branch policy. */
export interface StandInBranchPolicy {
  id: number;
  node_id: string;
  name: string;
  type: string;
}

/** A role on the repository. */
export type StandInRole = 'admin' | 'maintain' | 'write' | 'triage' | 'read';

/** Which merge methods the repository allows (`allow_merge_commit`, …). */
export interface StandInMergeSettings {
  merge: boolean;
  squash: boolean;
  rebase: boolean;
}

/** One repository held by the stand-in. */
export interface StandInRepo {
  slug: string;
  id: number;
  defaultBranch: string;
  private: boolean;
  allow: StandInMergeSettings;
  branches: Map<string, string>;
  graph: CommitGraph;
  pulls: StandInPull[];
  checks: Map<string, StandInCheck[]>;
  roles: Map<string, StandInRole>;
  /** Bodies of accepted `PUT /pulls/{n}/merge` requests, with the pull request number. */
  merges: Array<{ number: number } & Record<string, unknown>>;
  workflows: Map<string, StandInWorkflow>;
  runs: StandInRun[];
  /** Pushes and branch changes, oldest first. */
  activities: StandInActivity[];
  dispatches: Array<{
    workflow: string;
    ref: string;
    inputs: Record<string, string>;
  }>;
  environments: Map<string, StandInEnvironment>;
  policies: Map<string, StandInBranchPolicy[]>;
  variables: Map<string, Map<string, string>>;
  secrets: Map<
    string,
    Map<string, { encrypted_value: string; key_id: string }>
  >;
}
