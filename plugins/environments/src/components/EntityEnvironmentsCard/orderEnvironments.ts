import {
  ENVIRONMENT_STAGES,
  type EnvironmentStatus,
} from '@stageline/plugin-environments-common';
import { humanize } from '../../lib/format';

/**
 * Splits a component's environments into the promotion pipeline (stage order, keeping the
 * backend's order within a stage) and its previews.
 */
export function orderEnvironments(items: EnvironmentStatus[]): {
  pipeline: EnvironmentStatus[];
  previews: EnvironmentStatus[];
} {
  const rank = (s: EnvironmentStatus) => ENVIRONMENT_STAGES.indexOf(s.stage);
  const pipeline = items
    .filter(s => s.stage !== 'preview')
    .map((status, index) => ({ status, index }))
    .sort((a, b) => rank(a.status) - rank(b.status) || a.index - b.index)
    .map(({ status }) => status);
  return { pipeline, previews: items.filter(s => s.stage === 'preview') };
}

/** The label of an environment in the list: its stage, e.g. "Production"; its name otherwise. */
export function targetLabelFor(
  items: EnvironmentStatus[],
  targetRef?: string,
): string | undefined {
  if (!targetRef) return undefined;
  const target = items.find(s => s.entityRef === targetRef);
  if (target) return humanize(target.stage);
  return targetRef.replace(/^[^:]*:(default\/)?/, '');
}
