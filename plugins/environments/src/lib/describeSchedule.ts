import type { EnvironmentEntityV1alpha1 } from '@stageline/plugin-environments-common';

/**
 * The startup the cost model (`@stageline/cost-model`, `DEFAULT_STARTUP`) assumes when a
 * schedule has a shutdown but no `startup`, in words.
 */
export const ASSUMED_STARTUP_IN_WORDS = '08:00 UTC on weekdays';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAY_NUMBERS: Record<string, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};

/** A cron day of the week (`0`–`7`, `7` being Sunday again, or `mon`) as 0–6; undefined if not one. */
function dayNumber(value: string): number | undefined {
  if (/^[0-7]$/.test(value)) return Number(value) % 7;
  return DAY_NUMBERS[value.toLowerCase()];
}

/** `Mon–Fri`, `Mon, Wed, Fri`, `every day` for a cron day-of-week field; undefined if unreadable. */
function daysInWords(field: string): string | undefined {
  if (field === '*') return 'every day';
  const covered = new Set<number>();
  const parts: string[] = [];
  for (const part of field.split(',')) {
    const [from, to, ...rest] = part.split('-');
    const start = dayNumber(from);
    const end = to === undefined ? start : dayNumber(to);
    if (rest.length > 0 || start === undefined || end === undefined) {
      return undefined;
    }
    // a range may end on Sunday (`5-7`, `fri-sun`), which dayNumber folds to 0
    const last = to === '7' || (end === 0 && start > 0) ? 7 : end;
    if (last < start) return undefined;
    for (let day = start; day <= last; day++) covered.add(day % 7);
    parts.push(
      start === last
        ? DAY_NAMES[start]
        : `${DAY_NAMES[start]}–${DAY_NAMES[last % 7]}`,
    );
  }
  return covered.size === 7 ? 'every day' : parts.join(', ');
}

/**
 * A cron expression (UTC) in words for the common form `minute hour * * days`, e.g.
 * `0 18 * * 1-5` → `18:00 UTC Mon–Fri`; anything else as the raw cron, e.g.
 * `cron 0 18 1 * * (UTC)`.
 */
export function cronInWords(cron: string): string {
  const fields = cron.trim().split(/\s+/);
  const raw = `cron ${cron.trim()} (UTC)`;
  if (fields.length !== 5) return raw;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  if (!/^\d{1,2}$/.test(minute) || !/^\d{1,2}$/.test(hour)) return raw;
  if (Number(minute) > 59 || Number(hour) > 23) return raw;
  if (dayOfMonth !== '*' || month !== '*') return raw;
  const days = daysInWords(dayOfWeek);
  if (!days) return raw;
  const time = `${hour.padStart(2, '0')}:${minute.padStart(2, '0')} UTC`;
  return `${time} ${days}`;
}

/**
 * An environment's `spec.schedule` in words, saying what the cost estimate assumes when no
 * startup is given, e.g. `shut down 18:00 UTC Mon–Fri; started by hand (the estimate assumes
 * 08:00 UTC on weekdays)`.
 */
export function describeSchedule(
  schedule: EnvironmentEntityV1alpha1['spec']['schedule'],
): string {
  const { shutdown, startup } = schedule ?? {};
  if (!shutdown && !startup) return 'Always on';
  if (!shutdown) {
    return `started ${cronInWords(startup!)}; no scheduled shutdown`;
  }
  const started = startup
    ? `started ${cronInWords(startup)}`
    : `started by hand (the estimate assumes ${ASSUMED_STARTUP_IN_WORDS})`;
  return `shut down ${cronInWords(shutdown)}; ${started}`;
}
