import { CronExpressionParser } from 'cron-parser';

const MAX_PER_DAY = 1440;

/**
 * Every time (ms since the epoch, UTC) a cron expression fires in the calendar years
 * `fromYear` to `toYear - 1`, as `cron-parser` iterates them (standard cron rules: when both
 * day of month and day of week are restricted, a day matching either fires; `L` is the last
 * day).
 *
 * @param expression - 5-field (or 6-field, with seconds) cron expression
 * @param field - name used in the error message, e.g. `shutdown`
 * @throws Error naming the field when the expression does not parse or fires more than once a
 *   minute
 * @internal
 */
export function cronTimes(
  expression: string,
  field: string,
  fromYear: number,
  toYear: number,
): number[] {
  const invalid = (why: string) =>
    new Error(
      `Invalid schedule.${field} ${JSON.stringify(expression)}: ${why}`,
    );
  let interval;
  try {
    interval = CronExpressionParser.parse(expression, {
      tz: 'UTC',
      // the iteration starts after currentDate: a millisecond before the first instant
      currentDate: new Date(Date.UTC(fromYear, 0, 1) - 1),
      endDate: new Date(Date.UTC(toYear, 0, 1) - 1),
    });
  } catch (error) {
    throw invalid((error as Error).message);
  }
  const { hour, minute, second } = interval.fields;
  if (
    hour.values.length * minute.values.length * second.values.length >
    MAX_PER_DAY
  ) {
    throw invalid('fires more than once a minute');
  }
  const times: number[] = [];
  while (interval.hasNext()) {
    times.push(interval.next().getTime());
  }
  return times;
}

/**
 * The last time (ms since the epoch, UTC) a cron expression fired before `instant`, within a
 * year; undefined when it did not.
 *
 * @internal
 */
export function lastTimeBefore(
  expression: string,
  instant: number,
): number | undefined {
  const interval = CronExpressionParser.parse(expression, {
    tz: 'UTC',
    currentDate: new Date(instant),
    startDate: new Date(instant - 366 * 86_400_000),
  });
  return interval.hasPrev() ? interval.prev().getTime() : undefined;
}
