import { AWS_PRICES } from '../prices/aws-prices';
import { ShutdownSchedule } from '../types';
import { cronTimes, lastTimeBefore } from './cronTimes';

/**
 * Startup assumed when a schedule gives only a shutdown: weekdays 08:00 UTC, the working day
 * the seeds' staging plan shuts down at the end of.
 *
 * @public
 */
export const DEFAULT_STARTUP = '0 8 * * 1-5';

/**
 * The calendar year (UTC) walked to average a schedule, so results never depend on today.
 * 2025 has 365 days = 8,760 h = 12 × 730 h.
 *
 * @public
 */
export const SCHEDULE_REFERENCE_YEAR = 2025;

/**
 * Hours a month an environment runs under a schedule.
 *
 * @public
 */
export interface RunningHours {
  /** Average hours a month running, to two decimals. */
  readonly hoursRunning: number;
  /** Hours in a month without a schedule: 730. */
  readonly hoursPerMonth: number;
  /** The shutdown cron. */
  readonly shutdown: string;
  /** The startup cron used. */
  readonly startup: string;
  /** Whether the startup was assumed ({@link DEFAULT_STARTUP}). */
  readonly startupAssumed: boolean;
}

const HOUR_MS = 3_600_000;
const cache = new Map<string, Omit<RunningHours, 'startupAssumed'>>();

/**
 * Average hours a month an environment runs when it is shut down by `schedule.shutdown` and
 * started by `schedule.startup` (default {@link DEFAULT_STARTUP}). Walks every start and stop
 * of the calendar year {@link SCHEDULE_REFERENCE_YEAR} in UTC as `cron-parser` iterates them
 * (the last start or stop of the year before sets the state on 1 January; running if nothing
 * fired) and divides the running hours by 12, so
 * `0 18 * * 1-5` with `0 8 * * 1-5` gives 261 weekdays × 10 h ÷ 12 = 217.5 h.
 *
 * @throws Error naming the field whose cron does not parse
 * @public
 */
export function runningHoursPerMonth(schedule: ShutdownSchedule): RunningHours {
  if (
    typeof schedule?.shutdown !== 'string' ||
    schedule.shutdown.trim() === ''
  ) {
    throw new Error(
      `Invalid schedule.shutdown ${JSON.stringify(
        schedule?.shutdown,
      )}: expected a cron expression such as "0 18 * * 1-5"`,
    );
  }
  const startup = schedule.startup ?? DEFAULT_STARTUP;
  const key = `${schedule.shutdown}|${startup}`;
  const cached = cache.get(key);
  if (cached)
    return { ...cached, startupAssumed: schedule.startup === undefined };

  const from = Date.UTC(SCHEDULE_REFERENCE_YEAR, 0, 1);
  const to = Date.UTC(SCHEDULE_REFERENCE_YEAR + 1, 0, 1);
  const year = [SCHEDULE_REFERENCE_YEAR, SCHEDULE_REFERENCE_YEAR + 1] as const;
  const events = [
    ...cronTimes(schedule.shutdown, 'shutdown', ...year).map(time => ({
      time,
      running: false,
    })),
    ...cronTimes(startup, 'startup', ...year).map(time => ({
      time,
      running: true,
    })),
  ].sort((a, b) => a.time - b.time || Number(a.running) - Number(b.running));

  // The last start or stop of the year before decides the state on 1 January (running if none).
  const lastStart = lastTimeBefore(startup, from) ?? -Infinity;
  const lastStop = lastTimeBefore(schedule.shutdown, from) ?? -Infinity;
  let running = lastStop === -Infinity || lastStart >= lastStop;
  let since = from;
  let runningMs = 0;
  for (const event of events) {
    if (running) runningMs += event.time - since;
    since = event.time;
    running = event.running;
  }
  if (running) runningMs += to - since;
  const result = {
    hoursRunning: Math.round((runningMs / HOUR_MS / 12) * 100) / 100,
    hoursPerMonth: AWS_PRICES.hoursPerMonth,
    shutdown: schedule.shutdown,
    startup,
  };
  cache.set(key, result);
  return { ...result, startupAssumed: schedule.startup === undefined };
}
