import { cronInWords, describeSchedule } from './describeSchedule';

describe('cronInWords', () => {
  it.each([
    ['0 18 * * 1-5', 'at 18:00, Monday through Friday (UTC)'],
    ['30 7 * * *', 'at 07:30 (UTC)'],
    ['0 8 * * 1,3,5', 'at 08:00, only on Monday, Wednesday, and Friday (UTC)'],
    ['0 20 * * sat,sun', 'at 20:00, only on Saturday and Sunday (UTC)'],
    ['0 18 1 * *', 'at 18:00, on day 1 of the month (UTC)'],
    [
      '*/15 18 * * 1-5',
      'every 15 minutes, between 18:00 and 18:59, Monday through Friday (UTC)',
    ],
  ])('reads %s with the cron library as %s', (cron, words) => {
    expect(cronInWords(cron)).toBe(words);
  });

  it.each(['0 25 * * 1-5', '0 18 * *'])(
    'falls back to the raw cron for %s',
    cron => {
      expect(cronInWords(cron)).toBe(`cron ${cron} (UTC)`);
    },
  );
});

describe('describeSchedule', () => {
  it('says what the estimate assumes when only a shutdown is given', () => {
    expect(describeSchedule({ shutdown: '0 18 * * 1-5' })).toBe(
      'shut down at 18:00, Monday through Friday (UTC); started by hand (the estimate assumes a start at 08:00, Monday through Friday (UTC))',
    );
  });

  it('names both times when the startup is given', () => {
    expect(
      describeSchedule({ shutdown: '0 19 * * 1-5', startup: '30 7 * * 1-5' }),
    ).toBe(
      'shut down at 19:00, Monday through Friday (UTC); started at 07:30, Monday through Friday (UTC)',
    );
  });

  it('says always on without a schedule, and no shutdown for a startup alone', () => {
    expect(describeSchedule(undefined)).toBe('Always on');
    expect(describeSchedule({})).toBe('Always on');
    expect(describeSchedule({ startup: '0 8 * * 1-5' })).toBe(
      'started at 08:00, Monday through Friday (UTC); no scheduled shutdown',
    );
  });
});
