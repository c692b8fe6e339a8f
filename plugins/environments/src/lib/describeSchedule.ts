import {
  describeCron,
  type EnvironmentEntityV1alpha1,
} from '@stageline/plugin-environments-common';

/**
 * The startup the cost model (`@stageline/cost-model`, `DEFAULT_STARTUP`, `0 8 * * 1-5`)
 * assumes when a schedule has a shutdown but no `startup`, in words.
 */
export const ASSUMED_STARTUP_IN_WORDS = lowerFirst(describeCron('0 8 * * 1-5'));

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('en-GB') + text.slice(1);
}

/**
 * A cron expression (UTC) in words, as the cron library `cronstrue` says it, for use inside a
 * sentence: `0 18 * * 1-5` → `at 18:00, Monday through Friday (UTC)`; the raw cron when it does
 * not parse, e.g. `cron 0 25 * * * (UTC)`.
 */
export function cronInWords(cron: string): string {
  return lowerFirst(describeCron(cron));
}

/**
 * An environment's `spec.schedule` in words, saying what the cost estimate assumes when no
 * startup is given, e.g. `shut down at 18:00, Monday through Friday (UTC); started by hand (the
 * estimate assumes at 08:00, Monday through Friday (UTC))`.
 */
export function describeSchedule(
  schedule: EnvironmentEntityV1alpha1['spec']['schedule'],
): string {
  const { shutdown, startup } = schedule ?? {};
  if (!shutdown && !startup) return 'Always on';
  if (!shutdown) {
    return `started ${cronInWords(startup!)}; no scheduled shutdown`;
  }
  const started = startup
    ? `started ${cronInWords(startup)}`
    : `started by hand (the estimate assumes a start ${ASSUMED_STARTUP_IN_WORDS})`;
  return `shut down ${cronInWords(shutdown)}; ${started}`;
}
