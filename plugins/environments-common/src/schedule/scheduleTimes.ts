import { CronExpressionParser } from 'cron-parser';
import cronstrue from 'cronstrue';

/** What an environment's schedule does at a time. @public */
export type ScheduleAction = 'shutdown' | 'startup';

/** One time a schedule fires. @public */
export interface ScheduleEvent {
  action: ScheduleAction;
  at: Date;
}

/** An Environment's `spec.schedule`. @public */
export type EnvironmentSchedule = { shutdown?: string; startup?: string };

/**
 * Why a cron expression is not one `cron-parser` reads (five fields, UTC), e.g.
 * `Constraint error, got value 25 expected range 0-23`; undefined when it is.
 *
 * @public
 */
export function cronProblem(cron: string): string | undefined {
  if (cron.trim().split(/\s+/).length !== 5) {
    return 'expected five fields: minute hour day-of-month month day-of-week';
  }
  try {
    CronExpressionParser.parse(cron, { tz: 'UTC' });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function step(
  cron: string,
  from: Date,
  direction: 'next' | 'prev',
): Date | undefined {
  try {
    const interval = CronExpressionParser.parse(cron, {
      tz: 'UTC',
      currentDate: from,
    });
    return (direction === 'next' ? interval.next() : interval.prev()).toDate();
  } catch {
    return undefined;
  }
}

/**
 * The schedule's latest shutdown or startup at or before `now` (a startup wins a tie), or
 * undefined when it has fired neither in the past year.
 *
 * @public
 */
export function previousScheduleEvent(
  schedule: EnvironmentSchedule | undefined,
  now: Date,
): ScheduleEvent | undefined {
  // cron-parser's prev() is strictly before its current date: start just after `now`
  const after = new Date(now.getTime() + 1);
  const events = (['shutdown', 'startup'] as const).flatMap(action => {
    const cron = schedule?.[action];
    const at = cron ? step(cron, after, 'prev') : undefined;
    return at && now.getTime() - at.getTime() < 366 * 86_400_000
      ? [{ action, at }]
      : [];
  });
  return events.sort(
    (a, b) =>
      b.at.getTime() - a.at.getTime() || (a.action === 'startup' ? -1 : 1),
  )[0];
}

/** The next time the schedule fires `action` after `now`, or undefined. @public */
export function nextScheduleTime(
  schedule: EnvironmentSchedule | undefined,
  action: ScheduleAction,
  now: Date,
): Date | undefined {
  const cron = schedule?.[action];
  return cron ? step(cron, now, 'next') : undefined;
}

/**
 * A cron expression in words (24-hour clock, UTC), as `cronstrue` says it: `0 18 * * 1-5` →
 * `At 18:00, Monday through Friday (UTC)`; the raw cron when it does not parse.
 *
 * @public
 */
export function describeCron(cron: string): string {
  if (cronProblem(cron)) return `cron ${cron} (UTC)`;
  return `${cronstrue.toString(cron, {
    use24HourTimeFormat: true,
    verbose: false,
  })} (UTC)`;
}
