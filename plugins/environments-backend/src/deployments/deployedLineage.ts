import type {
  DeploymentMode,
  DeploymentRecord,
} from '@stageline/plugin-environments-common';

/**
 * The versions an environment went through, oldest first, from its deployment history (newest
 * first): each successful deploy adds one; a rollback that restored a deployment goes back to it
 * (what came after it was rolled back); a destroy starts afresh. A continued rollback (no
 * `restores`) leaves the versions as they were: CloudFormation put back the stack as the last
 * of them left it.
 */
export function deployedLineage(
  history: DeploymentRecord[],
): DeploymentRecord[] {
  const lineage: DeploymentRecord[] = [];
  for (const record of [...history].reverse()) {
    if (record.result !== 'succeeded') continue;
    if (record.action === 'destroy') {
      lineage.length = 0;
    } else if (record.action === 'deploy') {
      lineage.push(record);
    } else if (record.restores) {
      const restored = lineage.map(r => r.id).lastIndexOf(record.restores);
      if (restored >= 0) lineage.length = restored + 1;
      else lineage.push(record);
    }
  }
  return lineage;
}

/** What tells a deployment's version apart: the commit for a pipeline, else the template's hash. */
export function versionKeyOf(
  record: DeploymentRecord,
  mode: DeploymentMode,
): string | undefined {
  return mode === 'pipeline' ? record.commit : record.templateHash;
}

/** Whether a rollback of an Environment in `mode` can restore this deployment. */
function restorable(record: DeploymentRecord, mode: DeploymentMode): boolean {
  if (record.mode === 'pipeline' || mode === 'pipeline') {
    return (
      record.mode === mode &&
      record.runId !== undefined &&
      record.commit !== undefined
    );
  }
  return record.rollbackSnapshot && record.templateHash !== undefined;
}

/**
 * The deployment a rollback restores: the newest version before the one running now (`running`:
 * its commit or template hash, read from the stack; else the last version of the lineage) that
 * differs from it and can be restored in this mode.
 *
 * @returns the deployment that put the running version there (when the lineage has it) and the
 *   target (when there is one)
 */
export function rollbackTargetOf(
  lineage: DeploymentRecord[],
  mode: DeploymentMode,
  running?: string,
): { current?: DeploymentRecord; target?: DeploymentRecord } {
  const keys = lineage.map(r => versionKeyOf(r, mode));
  const at = running ? keys.lastIndexOf(running) : lineage.length - 1;
  // A running version the lineage does not know came from elsewhere: every version is older.
  const current = at >= 0 ? lineage[at] : undefined;
  const currentKey = running ?? keys[at];
  const before = at >= 0 ? at : lineage.length;
  for (let i = before - 1; i >= 0; i--) {
    if (keys[i] && keys[i] !== currentKey && restorable(lineage[i], mode)) {
      return { current, target: lineage[i] };
    }
  }
  return { current };
}
