import { DEFAULT_STARTUP, runningHoursPerMonth } from './runningHours';

describe('runningHoursPerMonth', () => {
  it('runs weekdays 08:00–18:00: 261 weekdays in 2025 × 10 h ÷ 12 = 217.5 h', () => {
    expect(
      runningHoursPerMonth({
        shutdown: '0 18 * * 1-5',
        startup: '0 8 * * 1-5',
      }),
    ).toEqual({
      hoursRunning: 217.5,
      hoursPerMonth: 730,
      shutdown: '0 18 * * 1-5',
      startup: '0 8 * * 1-5',
      startupAssumed: false,
    });
  });

  it('assumes weekdays 08:00 UTC when no startup is given, and says so', () => {
    const hours = runningHoursPerMonth({ shutdown: '0 18 * * 1-5' });
    expect(hours).toMatchObject({
      hoursRunning: 217.5,
      startup: DEFAULT_STARTUP,
      startupAssumed: true,
    });
  });

  it('runs 12 h a day for 07:00–19:00 every day: 365 × 12 ÷ 12 = 365 h', () => {
    expect(
      runningHoursPerMonth({ shutdown: '0 19 * * *', startup: '0 7 * * *' })
        .hoursRunning,
    ).toBe(365);
  });

  it('carries the state across the year boundary (Monday 08:00 to Friday 18:00)', () => {
    // 2025: running from 1 Jan (started Mon 30 Dec 2024) to Fri 3 Jan 18:00 = 66 h; 51 whole
    // weeks (Mondays 6 Jan–22 Dec) × 106 h = 5,406 h; Mon 29 Dec 08:00 to year end = 64 h.
    // (66 + 5,406 + 64) / 12 = 461.33 h.
    expect(
      runningHoursPerMonth({ shutdown: '0 18 * * 5', startup: '0 8 * * 1' })
        .hoursRunning,
    ).toBe(461.33);
  });

  it('handles minutes and the last day of the month', () => {
    // Down from 00:30 on the last day of each month to 00:30 on the 1st: 24 h a month off.
    const hours = runningHoursPerMonth({
      shutdown: '30 0 L * *',
      startup: '30 0 1 * *',
    });
    expect(hours.hoursRunning).toBe(730 - 24);
  });

  it('does not depend on today', () => {
    jest.useFakeTimers().setSystemTime(new Date('2031-07-04T12:00:00Z'));
    try {
      expect(
        runningHoursPerMonth({
          shutdown: '15 17 * * 1-4',
          startup: '45 9 * * 1-4',
        }).hoursRunning,
      ).toBe(
        // 2025 (52 weeks and a Wednesday) has 209 Mondays–Thursdays × 7.5 h = 1,567.5 h ÷ 12
        130.63,
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it.each([
    [{ shutdown: '0 25 * * *' }, 'Invalid schedule.shutdown "0 25 * * *"'],
    [
      { shutdown: '0 18 * * 1-5', startup: 'often' },
      'Invalid schedule.startup "often"',
    ],
    [{ shutdown: '' }, 'Invalid schedule.shutdown ""'],
    [{ shutdown: '* * * * * *' }, 'fires more than once a minute'],
  ])('%j fails naming the field', (schedule, message) => {
    expect(() => runningHoursPerMonth(schedule)).toThrow(message);
  });
});
