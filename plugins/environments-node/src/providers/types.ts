import type {
  DeploymentSection,
  EnvironmentEntity,
  EnvironmentScale,
  HealthCheckResult,
  CostSection,
  PromotionSection,
  PromotionStrategy,
  PromotionStrategySupport,
  PendingCommit,
} from '@stageline/plugin-environments-common';

/**
 * Passed to every provider call: the deadline to honour.
 *
 * @public
 */
export interface ProviderCallOptions {
  /** Aborted when the caller stops waiting (the provider timeout). */
  signal?: AbortSignal;
}

/**
 * Whether a provider can work at all, and if not, what a person should configure.
 *
 * @public
 */
export type ProviderConfiguration =
  | { configured: true }
  | {
      configured: false;
      message: string;
      /**
       * What is missing: `service` (credentials or integration config of the backend, the
       * default) or `entity` (a field or annotation of the environment).
       */
      missing?: 'service' | 'entity';
    };

/**
 * Reads what is deployed in an environment (CloudFormation is built in).
 *
 * @public
 */
export interface EnvironmentDeploymentProvider {
  /** Matches `spec.deployment.provider` of the environments it serves, e.g. `cloudformation`. */
  readonly id: string;
  /** The deployment section of an environment's status; never throws for provider failures. */
  getDeployment(
    environment: EnvironmentEntity,
    options?: ProviderCallOptions,
  ): Promise<DeploymentSection>;
}

/**
 * The state of the checks (commit statuses and check runs) on a branch head.
 *
 * @public
 */
export interface BranchChecks {
  /** The head commit the checks belong to. */
  sha: string;
  /** `none` when nothing reported on the commit. */
  state: 'success' | 'pending' | 'failure' | 'none';
  /** The checks that are not green, one line each, e.g. `build (check run): failure`. */
  notGreen: string[];
  /** How many statuses and check runs were read. */
  total: number;
  /**
   * What the provider adds about the checks, e.g. that a repository without CI has none; the
   * `checks-green` gate shows it.
   */
  note?: string;
}

/**
 * What a source-control provider did for a promotion.
 *
 * @public
 */
export interface SourceControlPromotionResult {
  /** Where to look: the pull request, the merge commit or the workflow runs. */
  link?: string;
  /** A short sentence saying what happened. */
  message: string;
  pullRequest?: { number: number; url: string };
  /** For `workflow-dispatch`: the id of the workflow run the dispatch started, once it was found. */
  runId?: number;
}

/**
 * The open promotion pull request (source branch into target branch) with what decides whether
 * the `merge` strategy may merge it.
 *
 * @public
 */
export interface PromotionPullRequestReadiness {
  number: number;
  url: string;
  /** The head commit this state belongs to; a merge is only made at this commit. */
  headSha: string;
  /** At least one reviewer's latest review approves and none requests changes. */
  approved: boolean;
  /** Logins whose latest review approves. */
  approvedBy: string[];
  /**
   * The repository would let it be merged (no conflicts, not blocked by branch protection, not a
   * draft); undefined while the host is still working that out.
   */
  mergeable?: boolean;
  /**
   * Why it may not be merged now, one phrase each, e.g. `changes requested by bob`; empty when
   * it is approved and mergeable.
   */
  blockers: string[];
}

/**
 * Source control for promotions (GitHub is built in): what waits to be promoted, the checks on a
 * branch head, and the promotion itself through one of the strategies.
 *
 * @public
 */
export interface EnvironmentSourceControlProvider {
  /** Whether this provider has credentials for the environment's repository. */
  getConfiguration(environment: EnvironmentEntity): ProviderConfiguration;
  /** What waits to be promoted from `source` into `target`; never throws for provider failures. */
  getPromotionState(
    source: EnvironmentEntity,
    target: EnvironmentEntity,
    options?: ProviderCallOptions,
  ): Promise<PromotionSection>;
  /**
   * The promotion states of many source → target pairs, in the order given; never throws for
   * provider failures. Optional: a provider that can read many at once more cheaply than one by
   * one (GitHub: a few batched GraphQL queries) offers it, and the scheduled status refresh
   * reads every environment's promotion state through it before assembling the statuses.
   */
  getPromotionStates?(
    pairs: Array<{ source: EnvironmentEntity; target: EnvironmentEntity }>,
    options?: ProviderCallOptions,
  ): Promise<PromotionSection[]>;
  /**
   * The pending commits between the two environments' branches (throws on failure):
   * `commits` lists the newest ones, newest first; `aheadBy` counts all of them when the list
   * is cut short.
   */
  getPendingCommits(
    source: EnvironmentEntity,
    target: EnvironmentEntity,
    options?: ProviderCallOptions,
  ): Promise<{
    commits: PendingCommit[];
    aheadBy?: number;
    compareUrl?: string;
    headSha?: string;
  }>;
  /** Checks on the head of the environment's branch (throws on failure). */
  getBranchChecks(
    environment: EnvironmentEntity,
    options?: ProviderCallOptions,
  ): Promise<BranchChecks>;
  /**
   * The open pull request from the source's branch into the target's with its review and merge
   * state, or undefined when none is open (throws on failure). The `merge` strategy's
   * `pull-request-ready` gate reads it; a provider without it has that gate skipped.
   */
  getPromotionPullRequest?(
    source: EnvironmentEntity,
    target: EnvironmentEntity,
    options?: ProviderCallOptions,
  ): Promise<PromotionPullRequestReadiness | undefined>;
  /**
   * The default branch of the environment's repository (throws on failure). Promotion treats a
   * target on that branch as production whatever its Environment says; a provider without it
   * leaves that rule out.
   */
  getDefaultBranch?(
    environment: EnvironmentEntity,
    options?: ProviderCallOptions,
  ): Promise<string>;
  /**
   * The strategies the provider can carry out into the target environment's repository, the
   * preferred available one first; a provider without it carries out all three. The promotion
   * engine refuses a request for one that is not available (409, with its description) before
   * running any gate, and gives a request that names none the configured default strategy
   * where it is available, else the first available one.
   */
  getStrategies?(target: EnvironmentEntity): PromotionStrategySupport[];
  /**
   * How commit `head` compares with commit `base` in the environment's repository (throws on
   * failure): the status sees what two environments run. A provider without it leaves the
   * comparison of deployed versions out.
   */
  compareCommits?(
    environment: EnvironmentEntity,
    base: string,
    head: string,
    options?: ProviderCallOptions,
  ): Promise<{
    status: 'ahead' | 'behind' | 'diverged' | 'identical' | string;
    aheadBy: number;
    behindBy: number;
    compareUrl?: string;
  }>;
  /** Carries out a promotion (throws on failure). Idempotent: an open pull request is reused. */
  promote(
    request: SourceControlPromotionRequest,
  ): Promise<SourceControlPromotionResult>;
}

/**
 * A promotion for a source control provider to carry out: the pending commits the gates saw,
 * newest first, and who asked.
 *
 * @public
 */
export interface SourceControlPromotionRequest {
  source: EnvironmentEntity;
  target: EnvironmentEntity;
  strategy: PromotionStrategy;
  commits: PendingCommit[];
  /** How many commits are promoted when `commits` lists only the newest. */
  aheadBy?: number;
  actor?: string;
}

/**
 * One health check (HTTP probe, stack state and CloudWatch alarms are built in).
 *
 * @public
 */
export interface EnvironmentHealthCheck {
  /** Short id, shown as the check's name prefix, e.g. `http`. */
  readonly id: string;
  /**
   * The results for an environment; an empty list when the check does not apply. Throw an
   * error to report the check as failed; the message is shown.
   */
  check(
    environment: EnvironmentEntity,
    options?: ProviderCallOptions,
  ): Promise<EnvironmentHealthCheckOutcome>;
}

/**
 * What a health check found. `unconfigured` explains why the check could not run.
 *
 * @public
 */
export type EnvironmentHealthCheckOutcome =
  | {
      status: 'ok';
      results: HealthCheckResult[];
      url?: string;
      httpStatus?: number;
      latencyMs?: number;
    }
  | { status: 'unconfigured'; message: string };

/**
 * Cost of an environment against its budget.
 *
 * @public
 */
export interface EnvironmentCostProvider {
  /**
   * The cost section; `scale` asks for a what-if at another scale. Never throws for provider
   * failures.
   */
  getCost(
    environment: EnvironmentEntity,
    options?: ProviderCallOptions & { scale?: EnvironmentScale },
  ): Promise<CostSection>;
}
