/** `£3.10`: money as the backend and the actions write it. */
export { formatMoney } from '@stageline/plugin-environments-common';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** `3 hours ago` for an ISO timestamp; `just now` under a minute; the input when unparseable. */
export function formatAge(iso: string, now: number = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const elapsed = now - then;
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(elapsed) >= ms) {
      return format.format(-Math.round(elapsed / ms), unit);
    }
  }
  return 'just now';
}

/** Where a date is read: `locale` and `timeZone` default to the browser's. */
export interface DateReader {
  locale?: string;
  timeZone?: string;
}

/**
 * A moment as the user reads dates: `2 Jun 2025, 09:00` in en-GB, `Jun 2, 2025, 9:00 AM` in
 * en-US, in the user's time zone. The input when unparseable.
 */
export function formatDateTime(iso: string, reader: DateReader = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(reader.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: reader.timeZone,
  }).format(date);
}

/** The same moment in full, with its time zone, for a tooltip. */
export function formatFullDateTime(
  iso: string,
  reader: DateReader = {},
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(reader.locale, {
    dateStyle: 'full',
    timeStyle: 'long',
    timeZone: reader.timeZone,
  }).format(date);
}

/** The first seven characters of a commit sha. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** `Staging` from `staging`, `Enhanced hobby` from `enhanced-hobby`. */
export function humanize(value: string): string {
  const words = value.replace(/[-_]/g, ' ');
  return words.charAt(0).toLocaleUpperCase('en-GB') + words.slice(1);
}
