import {
  ANNOTATION_LAST_PUSH,
  ANNOTATION_PREVIEW_TTL,
  ANNOTATION_PULL_REQUEST,
  ANNOTATION_PULL_REQUEST_AUTHOR,
  ANNOTATION_PULL_REQUEST_BRANCH,
  ANNOTATION_PULL_REQUEST_OPENED,
  ANNOTATION_PULL_REQUEST_URL,
  CostSection,
  EnvironmentEntity,
  parsePreviewTtl,
  PreviewLifecycle,
} from '@stageline/plugin-environments-common';
import { isProviderPreview } from '@stageline/plugin-environments-node';
import type { PreviewRecord } from './PreviewStore';

/** Hours in the average month the cost model prices by. */
const HOURS_PER_MONTH = 730;

function costSoFar(
  cost: CostSection | undefined,
  since: string | undefined,
  now: Date,
): PreviewLifecycle['costSoFar'] {
  const monthly = cost?.estimate?.monthly;
  const start = since ? new Date(since).getTime() : NaN;
  if (monthly === undefined || Number.isNaN(start)) return undefined;
  const hours = Math.max(now.getTime() - start, 0) / 3_600_000;
  return {
    amount: (monthly * hours) / HOURS_PER_MONTH,
    currency: cost!.currency,
    basis: `the monthly estimate × ${Math.round(
      hours,
    )} of ${HOURS_PER_MONTH} hours a month since the pull request opened`,
  };
}

/**
 * A preview's pull request, age, time left before its cleanup, cost so far and where its cleanup
 * stands (the cleanup's record, when it has one); undefined for an Environment that is not a
 * preview of a pull request. Previews registered by hand are `unmanaged`: nothing cleans them up
 * unless someone destroys them.
 */
export function previewLifecycleOf(
  environment: EnvironmentEntity,
  record: PreviewRecord | undefined,
  cost: CostSection | undefined,
  now: Date,
): PreviewLifecycle | undefined {
  const annotations = environment.metadata.annotations ?? {};
  const number = Number(annotations[ANNOTATION_PULL_REQUEST]);
  if (environment.spec.type !== 'preview' || !(number > 0)) return undefined;
  const managed = isProviderPreview(environment);
  const openedAt = annotations[ANNOTATION_PULL_REQUEST_OPENED];
  const lastPushAt = annotations[ANNOTATION_LAST_PUSH];
  const ttl = annotations[ANNOTATION_PREVIEW_TTL];
  const ttlMs = ttl ? parsePreviewTtl(ttl) : undefined;
  const lastPush = lastPushAt ? new Date(lastPushAt).getTime() : NaN;
  const cleanupAt =
    managed && ttlMs !== undefined && !Number.isNaN(lastPush)
      ? new Date(lastPush + ttlMs).toISOString()
      : undefined;
  return {
    pullRequest: {
      number,
      url: annotations[ANNOTATION_PULL_REQUEST_URL],
      author: annotations[ANNOTATION_PULL_REQUEST_AUTHOR],
      branch:
        annotations[ANNOTATION_PULL_REQUEST_BRANCH] ?? environment.spec.branch,
      openedAt,
    },
    lastPushAt,
    ttl,
    cleanupAt,
    cleanup: record
      ? {
          state: record.state,
          reason: record.reason,
          requestedBy: record.requestedBy,
          error: record.lastError,
          attempts: record.attempts || undefined,
          nextAttemptAt: record.nextAttemptAt?.toISOString(),
          destroyedAt: record.destroyedAt?.toISOString(),
          runUrl: record.runUrl,
        }
      : { state: managed ? 'scheduled' : 'unmanaged' },
    costSoFar: costSoFar(cost, openedAt, record?.destroyedAt ?? now),
  };
}
