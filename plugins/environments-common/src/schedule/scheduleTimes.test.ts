import {
  cronProblem,
  describeCron,
  nextScheduleTime,
  previousScheduleEvent,
} from './scheduleTimes';

const schedule = { shutdown: '0 18 * * 1-5', startup: '0 8 * * 1' };
const at = (iso: string) => new Date(iso);

describe('schedule times', () => {
  it('names the last shutdown or startup before now', () => {
    // Friday 6 March 2026, 19:00: the shutdown of 18:00 is the latest
    expect(previousScheduleEvent(schedule, at('2026-03-06T19:00:00Z'))).toEqual(
      {
        action: 'shutdown',
        at: at('2026-03-06T18:00:00Z'),
      },
    );
    // Monday 9 March, 08:00 exactly: the startup has fired
    expect(previousScheduleEvent(schedule, at('2026-03-09T08:00:00Z'))).toEqual(
      {
        action: 'startup',
        at: at('2026-03-09T08:00:00Z'),
      },
    );
    expect(
      previousScheduleEvent({}, at('2026-03-09T08:00:00Z')),
    ).toBeUndefined();
  });

  it('names the next time of an action', () => {
    expect(
      nextScheduleTime(schedule, 'startup', at('2026-03-06T19:00:00Z')),
    ).toEqual(at('2026-03-09T08:00:00Z'));
    expect(
      nextScheduleTime(
        { shutdown: '0 18 * * 1-5' },
        'startup',
        at('2026-03-06T19:00:00Z'),
      ),
    ).toBeUndefined();
  });

  it('says a cron in words with cronstrue, and what is wrong with a bad one', () => {
    expect(describeCron('0 18 * * 1-5')).toBe(
      'At 18:00, Monday through Friday (UTC)',
    );
    expect(describeCron('0 8 * * 1')).toBe('At 08:00, only on Monday (UTC)');
    expect(describeCron('*/30 9-17 * * *')).toBe(
      'Every 30 minutes, between 09:00 and 17:59 (UTC)',
    );
    expect(describeCron('0 25 * * *')).toBe('cron 0 25 * * * (UTC)');
    expect(cronProblem('0 25 * * *')).toBe(
      'Constraint error, got value 25 expected range 0-23',
    );
    expect(cronProblem('0 18 * * 1-5 2026')).toBe(
      'expected five fields: minute hour day-of-month month day-of-week',
    );
    expect(cronProblem('0 18 * * 1-5')).toBeUndefined();
  });
});
