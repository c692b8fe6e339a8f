import {
  EnvironmentEntity,
  nextScheduleTime,
  ScheduleLifecycle,
} from '@stageline/plugin-environments-common';
import type { ScheduleRecord } from './ScheduleStore';

/**
 * Where an environment stands under its schedule, for its status: running or stopped and since
 * when, the next shutdown and startup, a "keep running until" override in force, and the last
 * failure with its next attempt. Undefined for an environment without a schedule.
 */
export function scheduleLifecycleOf(
  environment: EnvironmentEntity,
  record: ScheduleRecord | undefined,
  now: Date,
): ScheduleLifecycle | undefined {
  const schedule = environment.spec.schedule;
  if (!schedule?.shutdown && !schedule?.startup) return undefined;
  const keep =
    record?.keepRunningUntil && record.keepRunningUntil > now
      ? record
      : undefined;
  return {
    state: record?.state ?? 'running',
    since: record?.since.toISOString(),
    lastAction: record?.lastAction,
    method: record?.method,
    nextShutdown: nextScheduleTime(schedule, 'shutdown', now)?.toISOString(),
    nextStartup: nextScheduleTime(schedule, 'startup', now)?.toISOString(),
    keepRunningUntil: keep?.keepRunningUntil?.toISOString(),
    keepRunningBy: keep?.keepRunningBy,
    error: record?.lastError,
    nextAttemptAt: record?.nextAttemptAt?.toISOString(),
    lastActor: record?.lastActor,
  };
}
