import { cronProblem } from '../schedule/scheduleTimes';
import type { EnvironmentEntityV1alpha1 } from './EnvironmentEntityV1alpha1';

/** The crons of `spec.schedule` that `cron-parser` cannot read, one sentence each naming the field. */
export function scheduleErrors(entity: EnvironmentEntityV1alpha1): string[] {
  const schedule = entity.spec.schedule ?? {};
  return (['shutdown', 'startup'] as const).flatMap(field => {
    const cron = schedule[field];
    const problem = cron === undefined ? undefined : cronProblem(cron);
    return problem
      ? [
          `spec.schedule.${field} must be a cron expression (UTC) such as "0 18 * * 1-5": ${problem}; got ${JSON.stringify(
            cron,
          )}`,
        ]
      : [];
  });
}
