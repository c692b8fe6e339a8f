import { Request, Response } from 'express';
import { eventLoopTurns } from './eventLoopTurns';

/** A request's synchronous work (parsing, serialising) of `ms` milliseconds. */
function busyFor(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

const nextTurn = () => new Promise(resolve => setImmediate(resolve));

describe('eventLoopTurns', () => {
  it('admits a burst a few requests per turn of the event loop, in arrival order', async () => {
    const admit = eventLoopTurns(4);
    const started: number[] = [];
    for (let i = 0; i < 10; i++) {
      admit({} as Request, {} as Response, () => started.push(i));
    }
    expect(started).toEqual([]);

    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3]);
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('lets timers and I/O callbacks run between the turns of a burst', async () => {
    const admit = eventLoopTurns(2);
    const events: string[] = [];
    const allStarted = new Promise<void>(lastStarted => {
      for (let i = 0; i < 6; i++) {
        admit({} as Request, {} as Response, () => {
          events.push(`request ${i}`);
          // a timer due in 1 ms stands for a probe's socket becoming readable while requests
          // work; set by the first request, so a busy machine cannot fire it before the burst
          if (i === 0) setTimeout(() => events.push('probe'), 1);
          busyFor(2);
          if (i === 5) lastStarted();
        });
      }
    });
    await allStarted;

    expect(events.indexOf('probe')).toBeGreaterThan(0);
    expect(events.indexOf('probe')).toBeLessThan(events.length - 1);
    expect(events.filter(e => e !== 'probe')).toEqual([
      'request 0',
      'request 1',
      'request 2',
      'request 3',
      'request 4',
      'request 5',
    ]);
  });
});
