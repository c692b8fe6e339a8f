import type { ScheduleLifecycle } from '@stageline/plugin-environments-common';
import type { DateReader } from './format';

/** `18:00` for a time today, `08:00 Mon` for another day, in the reader's time zone. */
export function formatScheduleTime(
  iso: string,
  now: number = Date.now(),
  reader: DateReader = {},
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = (d: Date) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: reader.timeZone }).format(d);
  const time = new Intl.DateTimeFormat(reader.locale ?? 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: reader.timeZone,
  }).format(date);
  if (day(date) === day(new Date(now))) return time;
  const weekday = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    timeZone: reader.timeZone,
  }).format(date);
  return `${time} ${weekday}`;
}

/**
 * Where an environment stands under its schedule, in words: `Stopped since 18:00 · starts
 * 08:00 Mon`, `Running · stops 18:00`, `Stopping…`, `Stop failed: … · retrying 18:10`.
 */
export function describeScheduleState(
  schedule: ScheduleLifecycle,
  now: number = Date.now(),
  reader: DateReader = {},
): string {
  const at = (iso: string) => formatScheduleTime(iso, now, reader);
  switch (schedule.state) {
    case 'stopping':
      return 'Stopping…';
    case 'starting':
      return 'Starting…';
    case 'failed':
      return `${schedule.lastAction === 'startup' ? 'Start' : 'Stop'} failed: ${
        schedule.error ?? 'unknown error'
      }${
        schedule.nextAttemptAt
          ? ` · retrying ${at(schedule.nextAttemptAt)}`
          : ''
      }`;
    case 'stopped':
      return [
        `Stopped${schedule.since ? ` since ${at(schedule.since)}` : ''}`,
        schedule.nextStartup
          ? `starts ${at(schedule.nextStartup)}`
          : 'starts by hand',
      ].join(' · ');
    default: {
      let next: string | undefined;
      if (schedule.keepRunningUntil) {
        const by = schedule.keepRunningBy
          ? ` by ${schedule.keepRunningBy}`
          : '';
        next = `kept running until ${at(schedule.keepRunningUntil)}${by}`;
      } else if (schedule.nextShutdown) {
        next = `stops ${at(schedule.nextShutdown)}`;
      }
      return next ? `Running · ${next}` : 'Running';
    }
  }
}
