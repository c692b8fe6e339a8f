import type { BudgetCurrency } from '../constants';

/** Where a preview's cleanup stands. @public */
export type PreviewCleanupState =
  /** Live; destroyed at `cleanupAt` if nothing is pushed, or when its pull request closes. */
  | 'scheduled'
  /** Someone asked for it to be destroyed now; the cleanup picks it up at once. */
  | 'requested'
  /** Its stack is being destroyed. */
  | 'destroying'
  /** The last destroy failed; it is tried again at `nextAttemptAt`. */
  | 'failed'
  /** Its stack was destroyed. */
  | 'destroyed'
  /** Registered by hand, not by the preview provider: Stageline does not clean it up. */
  | 'unmanaged';

/** Why a preview is (to be) destroyed. @public */
export type PreviewDestroyReason = 'closed' | 'expired' | 'requested';

/**
 * A preview environment's pull request and lifecycle, on its `EnvironmentStatus`.
 *
 * @public
 */
export interface PreviewLifecycle {
  pullRequest: {
    number: number;
    url?: string;
    author?: string;
    branch?: string;
    openedAt?: string;
  };
  lastPushAt?: string;
  /** How long it lives without a push, e.g. `72h`. */
  ttl?: string;
  /** When the cleanup destroys it unless something is pushed first: last push + ttl. */
  cleanupAt?: string;
  cleanup: {
    state: PreviewCleanupState;
    reason?: PreviewDestroyReason;
    /** Who asked for `requested` (a user entity ref). */
    requestedBy?: string;
    /** Why the last destroy failed; never holds credentials. */
    error?: string;
    attempts?: number;
    nextAttemptAt?: string;
    destroyedAt?: string;
    /** The workflow run that destroyed a pipeline preview. */
    runUrl?: string;
  };
  /** What it has cost since its pull request opened, from the monthly estimate. */
  costSoFar?: { amount: number; currency: BudgetCurrency; basis: string };
}
