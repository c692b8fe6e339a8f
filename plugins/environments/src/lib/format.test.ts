import {
  formatAge,
  formatDateTime,
  formatFullDateTime,
  humanize,
  shortSha,
} from './format';

describe('format', () => {
  it('says how long ago', () => {
    const now = Date.parse('2025-06-02T10:00:00Z');
    expect(formatAge('2025-06-02T08:00:00Z', now)).toBe('2 hours ago');
    expect(formatAge('2025-05-31T10:00:00Z', now)).toBe('2 days ago');
    expect(formatAge('2025-06-02T09:59:30Z', now)).toBe('just now');
    expect(formatAge('not a date', now)).toBe('not a date');
  });

  it('formats a moment in the locale asked for, the browser’s by default', () => {
    const at = '2025-06-02T08:00:00Z';
    const utc = (locale: string) => ({ locale, timeZone: 'UTC' });
    expect(formatDateTime(at, utc('en-GB'))).toBe('2 Jun 2025, 08:00');
    expect(formatDateTime(at, utc('en-US'))).toBe('Jun 2, 2025, 8:00 AM');
    expect(formatDateTime(at, utc('de-DE'))).toBe('02.06.2025, 08:00');
    expect(
      formatDateTime(at, { locale: 'en-GB', timeZone: 'Asia/Tokyo' }),
    ).toBe('2 Jun 2025, 17:00');
    expect(formatDateTime(at)).toBe(
      new Intl.DateTimeFormat(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(new Date(at)),
    );
    expect(formatFullDateTime(at, utc('en-GB'))).toMatch(
      /^Monday,? 2 June 2025 at 08:00:00 (UTC|GMT)$/,
    );
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('formats shas and names', () => {
    expect(shortSha('a1b2c3d4e5f6')).toBe('a1b2c3d');
    expect(humanize('enhanced-hobby')).toBe('Enhanced hobby');
  });
});
