import { describeScheduleState, formatScheduleTime } from './scheduleTimes';

// Friday 6 March 2026, 19:00 in London (UTC in March)
const NOW = Date.parse('2026-03-06T19:00:00Z');
const reader = { locale: 'en-GB', timeZone: 'Europe/London' };

describe('schedule times in words', () => {
  it('gives a time today as its hour, another day with its weekday', () => {
    expect(formatScheduleTime('2026-03-06T18:00:00Z', NOW, reader)).toBe(
      '18:00',
    );
    expect(formatScheduleTime('2026-03-09T08:00:00Z', NOW, reader)).toBe(
      '08:00 Mon',
    );
    expect(
      formatScheduleTime('2026-03-09T08:00:00Z', NOW, {
        locale: 'en-US',
        timeZone: 'America/New_York',
      }),
    ).toBe(
      '04:00 Mon', // New York is on summer time from 8 March 2026
    );
  });

  it('says where the environment stands', () => {
    expect(
      describeScheduleState(
        {
          state: 'stopped',
          since: '2026-03-06T18:00:00Z',
          nextStartup: '2026-03-09T08:00:00Z',
        },
        NOW,
        reader,
      ),
    ).toBe('Stopped since 18:00 · starts 08:00 Mon');
    expect(
      describeScheduleState(
        { state: 'stopped', since: '2026-03-06T18:00:00Z' },
        NOW,
        reader,
      ),
    ).toBe('Stopped since 18:00 · starts by hand');
    expect(
      describeScheduleState(
        { state: 'running', nextShutdown: '2026-03-09T18:00:00Z' },
        NOW,
        reader,
      ),
    ).toBe('Running · stops 18:00 Mon');
    expect(
      describeScheduleState(
        {
          state: 'running',
          keepRunningUntil: '2026-03-06T22:00:00Z',
          keepRunningBy: 'user:default/alice',
        },
        NOW,
        reader,
      ),
    ).toBe('Running · kept running until 22:00 by user:default/alice');
    expect(
      describeScheduleState(
        {
          state: 'failed',
          lastAction: 'shutdown',
          error: 'AccessDenied',
          nextAttemptAt: '2026-03-06T19:05:00Z',
        },
        NOW,
        reader,
      ),
    ).toBe('Stop failed: AccessDenied · retrying 19:05');
  });
});
