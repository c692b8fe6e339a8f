import { stringifyEntityRef } from '@backstage/catalog-model';
import type {
  EnvironmentEntity,
  PendingCommit,
  PromotionSection,
} from '@stageline/plugin-environments-common';

/** Most pending commits a promotion section lists (the newest). */
const COMMITS_IN_STATUS = 20;

/** What every promotion section names: the target and both branches. */
export function promotionFields(
  source: EnvironmentEntity,
  target: EnvironmentEntity,
) {
  return {
    target: stringifyEntityRef(target),
    sourceBranch: source.spec.branch,
    targetBranch: target.spec.branch,
  };
}

/** The section for a promotion read: how many commits wait, and the newest of them. */
export function pendingSection<T extends ReturnType<typeof promotionFields>>(
  fields: T,
  source: EnvironmentEntity,
  target: EnvironmentEntity,
  pending: { aheadBy: number; commits: PendingCommit[] },
): T & PromotionSection {
  const { aheadBy } = pending;
  return {
    ...fields,
    status: 'ok',
    message:
      aheadBy === 0
        ? `${target.metadata.name} is up to date with ${source.spec.branch}`
        : `${aheadBy} commit${
            aheadBy === 1 ? '' : 's'
          } waiting to be promoted to ${target.metadata.name}`,
    commitsAhead: aheadBy,
    commits: pending.commits.slice(0, COMMITS_IN_STATUS),
  };
}
