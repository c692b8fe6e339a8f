import type { Change } from '@aws-sdk/client-cloudformation';

/** One resource a deploy would touch. */
export type ResourceChange = {
  /** `Add`, `Modify`, `Remove`, `Import` or `Dynamic`. */
  action: string;
  logicalId: string;
  type: string;
  /** For `Modify`: `True`, `False` or `Conditional` (CloudFormation's words). */
  replacement?: string;
};

/** What a deploy would add, modify, replace and remove. */
export type ChangeSummary = {
  added: number;
  modified: number;
  /** Modifications that replace the resource (`Replacement: True`). */
  replaced: number;
  removed: number;
  changes: ResourceChange[];
};

/** Counts the changes of a change set. */
export function summarizeChanges(changes: ResourceChange[]): ChangeSummary {
  const count = (action: string) =>
    changes.filter(c => c.action === action).length;
  return {
    added: count('Add'),
    modified: count('Modify'),
    replaced: changes.filter(
      c => c.action === 'Modify' && c.replacement === 'True',
    ).length,
    removed: count('Remove'),
    changes,
  };
}

/** The resource changes of a `DescribeChangeSet` page. */
export function resourceChangesOf(
  changes: Change[] | undefined,
): ResourceChange[] {
  return (changes ?? [])
    .filter(change => change.ResourceChange)
    .map(({ ResourceChange: rc }) => ({
      action: rc!.Action ?? 'Dynamic',
      logicalId: rc!.LogicalResourceId ?? '',
      type: rc!.ResourceType ?? '',
      ...(rc!.Replacement ? { replacement: rc!.Replacement } : {}),
    }));
}

/** For a stack that does not exist yet every resource of the template is added. */
export function changesForNewStack(template: {
  Resources?: Record<string, { Type: string }>;
}): ChangeSummary {
  return summarizeChanges(
    Object.entries(template.Resources ?? {}).map(([logicalId, resource]) => ({
      action: 'Add',
      logicalId,
      type: resource.Type,
    })),
  );
}

/** `3 to add, 1 to modify (1 replaced), 0 to remove` */
export function describeChangeSummary(summary: ChangeSummary): string {
  const replaced = summary.replaced ? ` (${summary.replaced} replaced)` : '';
  return `${summary.added} to add, ${summary.modified} to modify${replaced}, ${summary.removed} to remove`;
}
