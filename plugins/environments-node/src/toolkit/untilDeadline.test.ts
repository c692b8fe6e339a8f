import { untilDeadline } from './untilDeadline';

describe('untilDeadline', () => {
  const never = new Promise<string>(() => undefined);

  it('gives up at the deadline with the message, telling onGiveUp first', async () => {
    const onGiveUp = jest.fn();

    await expect(
      untilDeadline(never, {
        timeoutMs: 5,
        message: 'Timed out after 1 minutes',
        onGiveUp,
      }),
    ).rejects.toThrow('Timed out after 1 minutes');
    expect(onGiveUp).toHaveBeenCalledTimes(1);
  });

  it('gives up when the task is cancelled', async () => {
    const controller = new AbortController();
    const waiting = untilDeadline(never, {
      timeoutMs: 60_000,
      signal: controller.signal,
      message: 'late',
      onGiveUp: () => undefined,
    });
    controller.abort();

    await expect(waiting).rejects.toThrow('Cancelled');
  });

  it('returns what the work returns in time', async () => {
    await expect(
      untilDeadline(Promise.resolve('deployed'), {
        timeoutMs: 1000,
        message: 'late',
        onGiveUp: () => undefined,
      }),
    ).resolves.toBe('deployed');
  });
});
