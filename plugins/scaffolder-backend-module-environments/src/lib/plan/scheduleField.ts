import { InputError } from '@backstage/errors';
import { runningHoursPerMonth } from '@stageline/cost-model';
import type { z } from 'zod/v3';

const FIVE_FIELD_CRON = /^\S+( \S+){4}$/;

const cronField = (zImpl: typeof z, description: string) =>
  zImpl
    .string({ description })
    .regex(
      FIVE_FIELD_CRON,
      'must be a five-field cron expression in UTC, e.g. 0 18 * * 1-5',
    )
    .optional();

/** The `schedule` input of `environment:plan`: a shutdown schedule for explicit input. */
export const scheduleField = (zImpl: typeof z) =>
  zImpl
    .object(
      {
        shutdown: cronField(
          zImpl,
          'Cron (UTC) at which the environment is shut down, e.g. 0 18 * * 1-5',
        ),
        startup: cronField(
          zImpl,
          "Cron (UTC) at which it is started again. Default: the cost model's 0 8 * * 1-5",
        ),
      },
      {
        description:
          "Shutdown schedule of an environment planned from app + stage: the estimate counts only the hours it runs. With environmentRef the Environment's spec.schedule is used",
      },
    )
    .strict()
    .optional();

/**
 * The schedule to estimate with, checked the way the cost model reads it: `undefined` when no
 * shutdown is given.
 *
 * @throws InputError naming the field whose cron does not parse, or a startup without a shutdown
 */
export function checkSchedule(
  schedule: { shutdown?: string; startup?: string } | undefined,
): { shutdown: string; startup?: string } | undefined {
  if (!schedule?.shutdown) {
    if (schedule?.startup) {
      throw new InputError(
        'schedule.startup needs schedule.shutdown: an environment that is never shut down is never started',
      );
    }
    return undefined;
  }
  const checked = {
    shutdown: schedule.shutdown,
    ...(schedule.startup ? { startup: schedule.startup } : {}),
  };
  try {
    runningHoursPerMonth(checked);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  return checked;
}
