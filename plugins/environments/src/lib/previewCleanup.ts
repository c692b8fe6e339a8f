import type { PreviewLifecycle } from '@stageline/plugin-environments-common';
import { formatAge, formatMoney } from './format';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** `in 2 days`, `in 5 hours` for a moment ahead; `now` once it has passed. */
export function formatTimeLeft(iso: string, now: number = Date.now()): string {
  const left = Date.parse(iso) - now;
  if (Number.isNaN(left)) return iso;
  if (left <= 0) return 'now';
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (left >= ms) return format.format(Math.floor(left / ms), unit);
  }
  return 'in under a minute';
}

/**
 * Where a preview's cleanup stands, in words: `destroyed in 2 days unless pushed to (72h
 * without a push)`, `destroying…`, `destroy failed: … · retrying in 5 minutes`, `destroyed 3 hours
 * ago`, or that Stageline does not clean up a preview registered by hand.
 */
export function describePreviewCleanup(
  preview: PreviewLifecycle,
  now: number = Date.now(),
): string {
  const { cleanup } = preview;
  switch (cleanup.state) {
    case 'unmanaged':
      return 'Registered by hand: not cleaned up by Stageline';
    case 'requested':
      return `Destroy requested${
        cleanup.requestedBy ? ` by ${cleanup.requestedBy}` : ''
      }`;
    case 'destroying':
      return 'Destroying its stack…';
    case 'destroyed':
      return `Destroyed${
        cleanup.destroyedAt ? ` ${formatAge(cleanup.destroyedAt, now)}` : ''
      }`;
    case 'failed':
      return `Destroy failed: ${cleanup.error ?? 'unknown error'}${
        cleanup.nextAttemptAt
          ? ` · retrying ${formatTimeLeft(cleanup.nextAttemptAt, now)}`
          : ''
      }`;
    default:
      if (!preview.cleanupAt) return 'Destroyed when its pull request closes';
      if (Date.parse(preview.cleanupAt) <= now) {
        return `Due for cleanup: no push for ${preview.ttl}`;
      }
      return `Destroyed ${formatTimeLeft(
        preview.cleanupAt,
        now,
      )} unless pushed to (${
        preview.ttl
      } without a push), or when its pull request closes`;
  }
}

/** `£0.12 so far`, or undefined when there is no estimate. */
export function formatCostSoFar(preview: PreviewLifecycle): string | undefined {
  const cost = preview.costSoFar;
  return cost ? `${formatMoney(cost.amount, cost.currency)} so far` : undefined;
}
