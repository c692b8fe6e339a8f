/** Where an environment stands under its `spec.schedule`. @public */
export type ScheduleState =
  | 'running'
  | 'stopping'
  | 'stopped'
  | 'starting'
  /** The last shutdown or startup failed; it is tried again at `nextAttemptAt`. */
  | 'failed';

/**
 * How a stop and a start are carried out: the environment's pipeline (its workflow's destroy and
 * deploy), a scale to zero of its ECS services and RDS/Aurora databases (direct modes), or — in
 * a backend set to `environments.schedules.dryRun` — nothing, only recorded.
 *
 * @public
 */
export type ScheduleMethod = 'pipeline' | 'scale-to-zero' | 'dry-run';

/**
 * An environment's schedule as it runs, on its `EnvironmentStatus`: "stopped since 18:00 ·
 * starts 08:00 Mon".
 *
 * @public
 */
export interface ScheduleLifecycle {
  state: ScheduleState;
  /** When it reached `state`. */
  since?: string;
  /** What the last action was, for `failed` (and what a stop or start did). */
  lastAction?: 'shutdown' | 'startup';
  method?: ScheduleMethod;
  nextShutdown?: string;
  /** Undefined when it is started by hand. */
  nextStartup?: string;
  /** The shutdowns until then are skipped. */
  keepRunningUntil?: string;
  keepRunningBy?: string;
  /** Why the last action failed; never holds credentials. */
  error?: string;
  nextAttemptAt?: string;
  /** Who stopped or started it by hand last (a user entity ref). */
  lastActor?: string;
}
