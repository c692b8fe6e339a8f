import {
  ENVIRONMENT_STAGES,
  type EnvironmentStage,
  type EnvironmentStatus,
} from '@stageline/plugin-environments-common';

/** One component in the overview: its environments by stage. */
export interface ComponentRow {
  id: string;
  componentRef: string;
  byStage: Partial<Record<EnvironmentStage, EnvironmentStatus[]>>;
}

/**
 * Groups environments by component, and lists the stages that occur, in promotion order.
 * Environments without a component are grouped under their own name.
 */
export function buildRows(items: EnvironmentStatus[]): {
  rows: ComponentRow[];
  stages: EnvironmentStage[];
} {
  const byComponent = new Map<string, ComponentRow>();
  for (const status of items) {
    const componentRef = status.component ?? status.entityRef;
    const row = byComponent.get(componentRef) ?? {
      id: componentRef,
      componentRef,
      byStage: {},
    };
    (row.byStage[status.stage] ??= []).push(status);
    byComponent.set(componentRef, row);
  }
  const present = new Set(items.map(s => s.stage));
  return {
    rows: [...byComponent.values()].sort((a, b) =>
      a.componentRef.localeCompare(b.componentRef),
    ),
    stages: ENVIRONMENT_STAGES.filter(stage => present.has(stage)),
  };
}
