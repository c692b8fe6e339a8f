import { cronInWords, describeSchedule } from './describeSchedule';

describe('cronInWords', () => {
  it.each([
    ['0 18 * * 1-5', '18:00 UTC Mon–Fri'],
    ['30 7 * * *', '07:30 UTC every day'],
    ['0 8 * * 1,3,5', '08:00 UTC Mon, Wed, Fri'],
    ['0 20 * * 5-7', '20:00 UTC Fri–Sun'],
    ['0 20 * * fri-sun', '20:00 UTC Fri–Sun'],
    ['0 6 * * MON-FRI', '06:00 UTC Mon–Fri'],
    ['0 6 * * 0-6', '06:00 UTC every day'],
    ['0 6 * * 0', '06:00 UTC Sun'],
    ['0 6 * * 7', '06:00 UTC Sun'],
  ])('reads %s as %s', (cron, words) => {
    expect(cronInWords(cron)).toBe(words);
  });

  it.each([
    '0 18 1 * *',
    '*/15 18 * * 1-5',
    '0 18 * 6 1-5',
    '0 25 * * 1-5',
    '0 18 * * 5-1',
    '0 18 * * 1-5/2',
    '0 18 * *',
  ])('falls back to the raw cron for %s', cron => {
    expect(cronInWords(cron)).toBe(`cron ${cron} (UTC)`);
  });
});

describe('describeSchedule', () => {
  it('says what the estimate assumes when only a shutdown is given', () => {
    expect(describeSchedule({ shutdown: '0 18 * * 1-5' })).toBe(
      'shut down 18:00 UTC Mon–Fri; started by hand (the estimate assumes 08:00 UTC on weekdays)',
    );
  });

  it('names both times when the startup is given', () => {
    expect(
      describeSchedule({ shutdown: '0 19 * * 1-5', startup: '30 7 * * 1-5' }),
    ).toBe('shut down 19:00 UTC Mon–Fri; started 07:30 UTC Mon–Fri');
  });

  it('says always on without a schedule, and no shutdown for a startup alone', () => {
    expect(describeSchedule(undefined)).toBe('Always on');
    expect(describeSchedule({})).toBe('Always on');
    expect(describeSchedule({ startup: '0 8 * * 1-5' })).toBe(
      'started 08:00 UTC Mon–Fri; no scheduled shutdown',
    );
  });
});
