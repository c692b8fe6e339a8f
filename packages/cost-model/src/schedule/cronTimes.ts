import { parseExpression } from 'cron-parser';

const DAY_MS = 86_400_000;
const MAX_PER_DAY = 1440;

/**
 * Every time (ms since the epoch, UTC) a cron expression fires in the calendar years
 * `fromYear` to `toYear - 1`. `cron-parser` only parses; the walk goes day by day, which is
 * fast enough to average a schedule over whole years. Standard cron rules: when both day of
 * month and day of week are restricted, a day matching either fires; `L` is the last day.
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
  let fields;
  try {
    fields = parseExpression(expression, { tz: 'UTC' }).fields;
  } catch (error) {
    throw new Error(
      `Invalid schedule.${field} ${JSON.stringify(expression)}: ${
        (error as Error).message
      }`,
    );
  }
  const offsets = fields.hour.flatMap(hour =>
    fields.minute.flatMap(minute =>
      fields.second.map(second => ((hour * 60 + minute) * 60 + second) * 1000),
    ),
  );
  if (offsets.length > MAX_PER_DAY) {
    throw new Error(
      `Invalid schedule.${field} ${JSON.stringify(
        expression,
      )}: fires more than once a minute`,
    );
  }
  const months = new Set<number>(fields.month);
  const daysOfMonth = new Set<number | string>(fields.dayOfMonth);
  const daysOfWeek = new Set<number>(fields.dayOfWeek.map(day => day % 7));
  const domRestricted = daysOfMonth.has('L') || daysOfMonth.size < 31;
  const dowRestricted = daysOfWeek.size < 7;

  const times: number[] = [];
  for (
    let day = Date.UTC(fromYear, 0, 1);
    day < Date.UTC(toYear, 0, 1);
    day += DAY_MS
  ) {
    const date = new Date(day);
    if (!months.has(date.getUTCMonth() + 1)) continue;
    const domMatch =
      daysOfMonth.has(date.getUTCDate()) ||
      (daysOfMonth.has('L') && new Date(day + DAY_MS).getUTCDate() === 1);
    const dowMatch = daysOfWeek.has(date.getUTCDay());
    const fires =
      domRestricted && dowRestricted
        ? domMatch || dowMatch
        : domMatch && dowMatch;
    if (fires) for (const offset of offsets) times.push(day + offset);
  }
  return times;
}
