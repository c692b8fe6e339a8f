import {
  formatAge,
  formatMoney,
  formatTimestamp,
  humanize,
  shortSha,
} from './format';

describe('format', () => {
  it('formats money in the budget currency', () => {
    expect(formatMoney(3.1, 'GBP')).toBe('£3.10');
    expect(formatMoney(120, 'USD')).toBe('US$120.00');
  });

  it('says how long ago', () => {
    const now = Date.parse('2025-06-02T10:00:00Z');
    expect(formatAge('2025-06-02T08:00:00Z', now)).toBe('2 hours ago');
    expect(formatAge('2025-05-31T10:00:00Z', now)).toBe('2 days ago');
    expect(formatAge('2025-06-02T09:59:30Z', now)).toBe('just now');
    expect(formatAge('not a date', now)).toBe('not a date');
  });

  it('formats timestamps, shas and names', () => {
    expect(formatTimestamp('2025-06-02T08:00:00Z')).toBe(
      '2025-06-02 08:00 UTC',
    );
    expect(shortSha('a1b2c3d4e5f6')).toBe('a1b2c3d');
    expect(humanize('enhanced-hobby')).toBe('Enhanced hobby');
  });
});
