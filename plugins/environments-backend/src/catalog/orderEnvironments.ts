import type {
  EnvironmentEntity,
  EnvironmentStage,
} from '@stageline/plugin-environments-common';

/** Position of each stage in promotion order; previews come after the promotion chain. */
const STAGE_ORDER: Record<EnvironmentStage, number> = {
  development: 0,
  staging: 1,
  production: 2,
  preview: 3,
};

/**
 * Sorts environments in promotion order: development, staging, production, then previews
 * (by pull request number, then name); ties by component, then name.
 */
export function orderEnvironments(
  environments: EnvironmentEntity[],
): EnvironmentEntity[] {
  const component = (e: EnvironmentEntity) => e.spec.component ?? '';
  return [...environments].sort(
    (a, b) =>
      component(a).localeCompare(component(b)) ||
      (STAGE_ORDER[a.spec.type] ?? 9) - (STAGE_ORDER[b.spec.type] ?? 9) ||
      a.metadata.name.localeCompare(b.metadata.name, 'en', { numeric: true }),
  );
}
