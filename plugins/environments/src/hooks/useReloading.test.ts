import { act, renderHook } from '@testing-library/react';
import { RELOAD_MS, useReloading } from './useReloading';

describe('useReloading', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const render = (value: string, retry: () => void) =>
    renderHook(
      ({ current }: { current: string }) =>
        useReloading(
          { loading: false, value: current, retry },
          v => v === 'starting',
        ),
      { initialProps: { current: value } },
    );

  it('reloads while something is under way, and stops once it is done', () => {
    const retry = jest.fn();
    const { rerender } = render('starting', retry);
    act(() => jest.advanceTimersByTime(RELOAD_MS));
    expect(retry).toHaveBeenCalledTimes(1);
    rerender({ current: 'running' });
    act(() => jest.advanceTimersByTime(10 * RELOAD_MS));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('reloads a few times after a change, even before the backend shows it under way', () => {
    const retry = jest.fn();
    const { result, rerender } = render('stopped', retry);
    act(() => jest.advanceTimersByTime(10 * RELOAD_MS));
    expect(retry).not.toHaveBeenCalled();

    act(() => result.current());
    expect(retry).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) {
      act(() => jest.advanceTimersByTime(RELOAD_MS));
      rerender({ current: 'stopped' });
    }
    expect(retry).toHaveBeenCalledTimes(6);
  });
});
