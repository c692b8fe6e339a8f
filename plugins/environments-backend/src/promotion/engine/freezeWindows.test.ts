import { ConfigReader } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import {
  activeFreezeWindow,
  describeFreezeWindow,
  readFreezeWindows,
} from './freezeWindows';

const KEY = 'environments.promotion.freezeWindows';
const read = (windows: JsonValue) =>
  readFreezeWindows(
    new ConfigReader({
      environments: { promotion: { freezeWindows: windows } },
    }),
    KEY,
  );

describe('readFreezeWindows', () => {
  it('is empty without config', () => {
    expect(readFreezeWindows(new ConfigReader({}), KEY)).toEqual([]);
  });

  it.each([
    [
      [{ name: 'x', hours: { from: '25:00', to: '08:00' } }],
      `${KEY}.0.hours.from must be HH:MM`,
    ],
    [
      [{ name: 'x', start: '2026-01-01T00:00:00Z' }],
      `${KEY}.0 needs both start and end`,
    ],
    [[{ name: 'x' }], `${KEY}.0 needs start/end or days and/or hours`],
    [
      [{ name: 'x', days: ['sat'], start: '2026-01-01', end: '2026-01-02' }],
      'use either start/end or days/hours',
    ],
    [[{ name: 'x', days: ['saturday'] }], `${KEY}.0.days.0`],
    [
      [{ name: 'x', days: ['sat'], timezone: 'Mars/Olympus' }],
      'must be an IANA time zone',
    ],
  ])('rejects %j naming the field', (windows, message) => {
    expect(() => read(windows)).toThrow(message);
  });
});

describe('activeFreezeWindow', () => {
  const windows = read([
    { name: 'weekend', days: ['sat', 'sun'] },
    {
      name: 'evenings',
      stages: ['staging'],
      hours: { from: '18:00', to: '08:00' },
      timezone: 'Europe/London',
    },
    {
      name: 'year-end',
      stages: ['production', 'staging'],
      start: '2026-12-20T00:00:00Z',
      end: '2027-01-02T00:00:00Z',
    },
  ]);

  it('freezes production at the weekend only (default stages)', () => {
    const saturday = new Date('2026-11-21T12:00:00Z');
    expect(activeFreezeWindow(windows, 'production', saturday)?.name).toBe(
      'weekend',
    );
    expect(activeFreezeWindow(windows, 'staging', saturday)).toBeUndefined();
    expect(
      activeFreezeWindow(
        windows,
        'production',
        new Date('2026-11-23T12:00:00Z'),
      ),
    ).toBeUndefined();
  });

  it('spans midnight in the window time zone', () => {
    // 19:30 in London in summer is 18:30 UTC; 07:30 London is 06:30 UTC.
    expect(
      activeFreezeWindow(windows, 'staging', new Date('2026-07-01T18:30:00Z'))
        ?.name,
    ).toBe('evenings');
    expect(
      activeFreezeWindow(windows, 'staging', new Date('2026-07-02T06:30:00Z'))
        ?.name,
    ).toBe('evenings');
    expect(
      activeFreezeWindow(windows, 'staging', new Date('2026-07-02T12:00:00Z')),
    ).toBeUndefined();
    // 17:30 UTC is 18:30 in London in summer (frozen) but 17:30 in winter (not frozen).
    expect(
      activeFreezeWindow(windows, 'staging', new Date('2026-07-01T17:30:00Z'))
        ?.name,
    ).toBe('evenings');
    expect(
      activeFreezeWindow(windows, 'staging', new Date('2026-01-07T17:30:00Z')),
    ).toBeUndefined();
  });

  it('covers a one-off window from start (inclusive) to end (exclusive)', () => {
    expect(
      activeFreezeWindow(windows, 'staging', new Date('2027-01-01T12:00:00Z'))
        ?.name,
    ).toBe('year-end');
    expect(
      activeFreezeWindow(windows, 'staging', new Date('2027-01-02T12:00:00Z')),
    ).toBeUndefined();
  });

  it('describes windows for gate messages', () => {
    expect(windows.map(describeFreezeWindow)).toEqual([
      'weekend (sat, sun UTC)',
      'evenings (18:00-08:00 Europe/London)',
      'year-end (2026-12-20T00:00:00Z to 2027-01-02T00:00:00Z)',
    ]);
  });
});
