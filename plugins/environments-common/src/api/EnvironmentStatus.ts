import type { PreviewLifecycle } from './PreviewLifecycle';
import type { ScheduleLifecycle } from './ScheduleLifecycle';
import type {
  BudgetCurrency,
  EnvironmentScale,
  EnvironmentStage,
  PromotionStrategy,
} from '../constants';

/**
 * State of one section of an environment's status. `unconfigured` means the provider needs
 * setting up (the message says how); `error` means it failed (the message says what).
 *
 * @public
 */
export type SectionState = 'ok' | 'unconfigured' | 'error';

/** Fields every section carries, so one failing provider never blanks the others. @public */
export interface StatusSection {
  status: SectionState;
  /** What a person should know or do, e.g. "GitHub is not configured: add integrations.github". */
  message?: string;
  /** The failure, for `error`; never contains credentials. */
  error?: { name: string; message: string };
}

/** One CloudFormation stack event (or its equivalent for another provider). @public */
export interface DeploymentEvent {
  timestamp: string;
  logicalResourceId: string;
  resourceType: string;
  resourceStatus: string;
  reason?: string;
}

/** One property of a drifted resource that differs from its template. @public */
export interface DriftedProperty {
  /** The property's path, e.g. `/Properties/MemorySize`. */
  propertyPath: string;
  expectedValue: string;
  actualValue: string;
  /** `NOT_EQUAL`, `ADD` (to a list) or `REMOVE`. */
  differenceType: string;
}

/** A stack resource that differs from its template, as CloudFormation's drift detection found it. @public */
export interface DriftedResource {
  logicalResourceId: string;
  resourceType: string;
  physicalResourceId?: string;
  /** `MODIFIED` (its properties differ) or `DELETED` (it is gone). */
  status: 'MODIFIED' | 'DELETED';
  differences: DriftedProperty[];
}

/**
 * The stack's drift, from CloudFormation's drift detection run on a schedule by the backend:
 * `DRIFTED` (resources changed outside CloudFormation), `IN_SYNC`, `UNKNOWN` (the detection
 * failed, the message says why) or `NOT_CHECKED` (not detected yet).
 *
 * @public
 */
export interface StackDriftReport {
  status: 'DRIFTED' | 'IN_SYNC' | 'UNKNOWN' | 'NOT_CHECKED';
  /** When the detection ran. */
  checkedAt?: string;
  driftedResources: DriftedResource[];
  /** One sentence, e.g. "2 resources drifted: ApiFunction (modified), Alerts (deleted)". */
  message: string;
}

/** What is deployed. @public */
export interface DeploymentSection extends StatusSection {
  provider?: string;
  stackName?: string;
  region?: string;
  /** Provider state, e.g. `UPDATE_COMPLETE`. */
  stackStatus?: string;
  lastUpdated?: string;
  version?: string;
  commit?: string;
  outputs?: Record<string, string>;
  events?: DeploymentEvent[];
  consoleUrl?: string;
  /** CloudFormation drift detection's last result, where AWS is configured. */
  drift?: StackDriftReport;
}

/** A commit waiting to be promoted. @public */
export interface PendingCommit {
  sha: string;
  message: string;
  author?: string;
  date?: string;
  url?: string;
}

/** A pull request that carries a promotion. @public */
export interface PromotionPullRequest {
  number: number;
  title: string;
  url: string;
  state: 'open' | 'closed' | 'merged';
  mergeable?: boolean;
  approved?: boolean;
}

/**
 * Whether a source control can carry out a promotion strategy for a repository, and what it
 * does there. @public
 */
export interface PromotionStrategySupport {
  strategy: PromotionStrategy;
  available: boolean;
  /** What the strategy does here when available, why it cannot be used when not. */
  description: string;
  /**
   * How the promotion engine's messages name it, before
   * `<source branch> into <target branch>`, e.g. `merge (fast-forward where possible)`.
   */
  action?: string;
}

/** What waits to be promoted from this environment into its `promotesTo`. @public */
export interface PromotionSection extends StatusSection {
  /** Entity ref of the environment this one promotes to. */
  target?: string;
  sourceBranch?: string;
  targetBranch?: string;
  commitsAhead?: number;
  commits?: PendingCommit[];
  compareUrl?: string;
  pullRequest?: PromotionPullRequest;
  lastPromotion?: PromotionRecord;
  /**
   * Where the branches are read from, as the card names it, e.g.
   * `local repository /srv/macro-ai.git`; unset for GitHub, whose comparison link says it.
   */
  sourceControl?: string;
  /**
   * What each strategy does with this source control, when that is not what it does on
   * GitHub; unavailable ones cannot be picked.
   */
  strategies?: PromotionStrategySupport[];
  /**
   * What the two environments run — the commits their stacks are tagged with — compared, where
   * both are known: how many commits the source runs that the target does not (`commitsAhead`).
   */
  deployed?: {
    sourceCommit: string;
    targetCommit: string;
    /** GitHub's comparison status of target...source: ahead, behind, diverged or identical. */
    status: string;
    commitsAhead: number;
    commitsBehind: number;
    compareUrl?: string;
  };
}

/** Health of the environment. @public */
export type HealthState = 'healthy' | 'degraded' | 'unhealthy' | 'unknown';

/** One individual check (HTTP probe, a dependency in the health body, an alarm, the stack). @public */
export interface HealthCheckResult {
  name: string;
  state: HealthState;
  detail?: string;
}

/** @public */
export interface HealthSection extends StatusSection {
  state: HealthState;
  url?: string;
  httpStatus?: number;
  latencyMs?: number;
  checks: HealthCheckResult[];
  checkedAt?: string;
}

/** One line of a cost estimate: a resource, its monthly cost and how it was worked out. @public */
export interface CostLine {
  logicalId: string;
  type: string;
  monthly: number;
  basis: string;
}

/** Budget verdict: `near` is at or above 80% of the budget. @public */
export type BudgetState = 'within' | 'near' | 'over' | 'unknown';

/**
 * Which template a cost estimate prices: the stack's deployed template (`GetTemplate`, with the
 * stack's parameter values), or Stageline's reference profile for the stage and scale (for a stack
 * not deployed yet, where AWS cannot be asked, and for a what-if at another scale).
 *
 * @public
 */
export interface CostTemplateBasis {
  source: 'deployed' | 'reference-profile';
  /** One sentence saying what was priced and why, e.g. "the template of MacroAiStagingStack as deployed (UPDATE_COMPLETE, updated 2026-01-05)". */
  description: string;
}

/** Cost of an environment against its budget. @public */
export interface CostSection extends StatusSection {
  currency: BudgetCurrency;
  scale?: EnvironmentScale;
  /** Which template the estimate prices. */
  template?: CostTemplateBasis;
  /**
   * For a what-if at another scale: what it is compared with — the same basis (the reference
   * profile) at the environment's own scale, so the difference is the scale's alone.
   */
  comparedWith?: { scale: EnvironmentScale; monthly: number };
  budget?: { monthly: number; currency: BudgetCurrency };
  budgetState: BudgetState;
  estimate?: {
    monthly: number;
    lines: CostLine[];
    unpriced: Array<{ logicalId: string; type: string; reason: string }>;
    assumptions: string[];
  };
  /** Monthly saving from the shutdown schedule, already taken off the estimate. */
  scheduleSaving?: number;
  actual?: {
    monthToDate: number;
    forecast?: number;
    /**
     * Why there is no forecast: `no-data` (Cost Explorer has too little history yet) or `error`
     * (Cost Explorer refused or failed; the message says what to do).
     */
    forecastUnavailable?: { kind: 'no-data' | 'error'; message: string };
    asOf: string;
  };
}

/**
 * Everything the cards show about one environment.
 *
 * @public
 */
export interface EnvironmentStatus {
  entityRef: string;
  name: string;
  title?: string;
  component?: string;
  stage: EnvironmentStage;
  scale: EnvironmentScale;
  branch?: string;
  promotesTo?: string;
  pullRequest?: number;
  createdAt?: string;
  /** A preview's pull request, age, time left and cleanup. */
  preview?: PreviewLifecycle;
  /** Where it stands under its `spec.schedule`: running or stopped, since when, what comes next. */
  schedule?: ScheduleLifecycle;
  deployment: DeploymentSection;
  promotion: PromotionSection;
  health: HealthSection;
  cost: CostSection;
  refreshedAt: string;
}

/** Result of one promotion gate. @public */
export interface PromotionGateResult {
  id: 'deployment-complete' | 'checks-green' | 'freeze-window' | string;
  status: 'passed' | 'failed' | 'skipped';
  message: string;
}

/** Outcome of a promotion attempt. @public */
export type PromotionResult = 'succeeded' | 'failed' | 'blocked' | 'dry-run';

/** One promotion in the history. @public */
export interface PromotionRecord {
  id: string;
  sourceRef: string;
  targetRef: string;
  actor: string;
  strategy: PromotionStrategy;
  result: PromotionResult;
  commits: PendingCommit[];
  gates: PromotionGateResult[];
  link?: string;
  /** The workflow run a `workflow-dispatch` promotion started, when it was found. */
  runId?: number;
  message?: string;
  createdAt: string;
  finishedAt?: string;
}

/** Body of `POST /environments/:namespace/:name/promote`. @public */
export interface PromoteRequest {
  dryRun?: boolean;
  strategy?: PromotionStrategy;
}

/** Response of `GET /environments?entityRef=`. @public */
export interface EnvironmentListResponse {
  items: EnvironmentStatus[];
}
