import type { StackWaitTiming } from './waitForStack';

/**
 * Poll every 5 seconds by default.
 *
 * @public
 */
export const DEFAULT_POLL_INTERVAL_MS = 5_000;

/**
 * The timing of a wait: the module's poll interval and the action's timeout in minutes.
 *
 * @public
 */
export function stackWaitTiming(
  pollIntervalMs: number | undefined,
  timeoutMinutes: number,
): StackWaitTiming {
  return {
    pollIntervalMs: pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    timeoutMs: timeoutMinutes * 60_000,
  };
}
