import { ConflictError, InputError } from '@backstage/errors';
import type { EnvironmentEntity } from '@stageline/plugin-environments-common';
import type { MergeSettings } from './GithubRepositoryReader';

/** How GitHub merges a pull request (`merge_method` of `PUT /pulls/{n}/merge`). @public */
export type MergeMethod = 'merge' | 'squash' | 'rebase';

/** The merge methods, in the order one is picked when none is chosen. @public */
export const MERGE_METHODS: readonly MergeMethod[] = [
  'merge',
  'squash',
  'rebase',
];

/** Annotation on a target environment choosing how the `merge` strategy merges. @public */
export const ANNOTATION_MERGE_METHOD = 'stageline.dev/merge-method';

/** A value that must be a merge method, or an InputError naming `field`. */
export function parseMergeMethod(
  value: string | undefined,
  field: string,
): MergeMethod | undefined {
  if (value === undefined) return undefined;
  if (!MERGE_METHODS.includes(value as MergeMethod)) {
    throw new InputError(
      `${field} must be one of ${MERGE_METHODS.join(
        ', ',
      )}; got ${JSON.stringify(value)}`,
    );
  }
  return value as MergeMethod;
}

/**
 * The merge method for a promotion into `target`: the target's `stageline.dev/merge-method`
 * annotation, else `configured` (`environments.promotion.mergeMethod`), else the first of
 * merge, squash, rebase the repository allows (merge when GitHub did not show its settings).
 * A chosen method the repository forbids is refused before merging (GitHub would answer 405).
 */
export function chooseMergeMethod(
  target: EnvironmentEntity,
  configured: MergeMethod | undefined,
  allowed: MergeSettings,
  slug: string,
): MergeMethod {
  const chosen =
    parseMergeMethod(
      target.metadata.annotations?.[ANNOTATION_MERGE_METHOD],
      `${target.metadata.name}: annotation ${ANNOTATION_MERGE_METHOD}`,
    ) ?? configured;
  const permitted = MERGE_METHODS.filter(m => allowed[m] === true);
  if (!chosen) {
    return permitted[0] ?? 'merge';
  }
  if (allowed[chosen] === false) {
    throw new ConflictError(
      `${slug} does not allow ${chosen} merges of pull requests (it allows ${
        permitted.join(', ') || 'none'
      }): set the annotation ${ANNOTATION_MERGE_METHOD} on ${
        target.metadata.name
      } or environments.promotion.mergeMethod to one it allows`,
    );
  }
  return chosen;
}
