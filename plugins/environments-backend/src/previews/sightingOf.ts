import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_LAST_PUSH,
  ANNOTATION_PREVIEW_OF,
  ANNOTATION_PREVIEW_TTL,
  ANNOTATION_PULL_REQUEST,
  ANNOTATION_PULL_REQUEST_OPENED,
  EnvironmentEntity,
  parsePreviewTtl,
  PREVIEW_DEFAULTS,
} from '@stageline/plugin-environments-common';
import {
  ANNOTATION_GITHUB_PROJECT_SLUG,
  componentRefOf,
} from '@stageline/plugin-environments-node';
import type { PreviewSighting } from './PreviewStore';

const validDate = (value: string | undefined) => {
  const date = value ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
};

/**
 * What a preview Environment says about itself for the cleanup: its pull request, repository,
 * last push and time to live (from the preview provider's annotations), the entity itself, and
 * the branch of the Environment it is modelled on (`branchOf`). Undefined when it names no pull
 * request or repository.
 */
export function sightingOf(
  preview: EnvironmentEntity,
  branchOf: Map<string, string | undefined>,
): PreviewSighting | undefined {
  const annotations = preview.metadata.annotations ?? {};
  const pullRequest = Number(annotations[ANNOTATION_PULL_REQUEST]);
  const repository = annotations[ANNOTATION_GITHUB_PROJECT_SLUG];
  if (!Number.isInteger(pullRequest) || pullRequest < 1 || !repository) {
    return undefined;
  }
  const openedAt = validDate(annotations[ANNOTATION_PULL_REQUEST_OPENED]);
  return {
    entityRef: stringifyEntityRef(preview),
    componentRef: componentRefOf(preview),
    repository,
    pullRequest,
    environment: preview,
    fallbackBranch: branchOf.get(annotations[ANNOTATION_PREVIEW_OF] ?? ''),
    ttlMs:
      parsePreviewTtl(annotations[ANNOTATION_PREVIEW_TTL] ?? '') ??
      parsePreviewTtl(PREVIEW_DEFAULTS.ttl)!,
    lastPushAt:
      validDate(annotations[ANNOTATION_LAST_PUSH]) ?? openedAt ?? new Date(0),
    openedAt,
  };
}
