import type { DeploymentRecord } from '@stageline/plugin-environments-common';
import { deployedLineage, rollbackTargetOf } from './deployedLineage';

let clock = 0;
/** A successful direct-mode deploy of template `hash`, newer than the previous one made. */
function deploy(
  id: string,
  hash: string,
  extra: Partial<DeploymentRecord> = {},
): DeploymentRecord {
  clock += 1;
  return {
    id,
    environmentRef: 'environment:default/macro-ai-web-production',
    action: 'deploy',
    mode: 'reference',
    actor: 'user:default/guest',
    result: 'succeeded',
    stackName: 'MacroAiWebProductionStack',
    templateHash: hash,
    message: 'Deployed',
    rollbackSnapshot: true,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, clock)).toISOString(),
    ...extra,
  };
}
/** The store answers newest first. */
const newestFirst = (...records: DeploymentRecord[]) => [...records].reverse();
const ids = (records: DeploymentRecord[]) => records.map(r => r.id);

describe('deployedLineage', () => {
  it('keeps successful deploys in order and leaves failed ones out', () => {
    const history = newestFirst(
      deploy('a', 'A'),
      deploy('b', 'B', { result: 'failed' }),
      deploy('c', 'C'),
    );
    expect(ids(deployedLineage(history))).toEqual(['a', 'c']);
  });

  it('goes back to the deployment a rollback restored, and starts afresh after a destroy', () => {
    const restoreA = deploy('r', 'A', { action: 'rollback', restores: 'a' });
    expect(
      ids(
        deployedLineage(
          newestFirst(deploy('a', 'A'), deploy('b', 'B'), restoreA),
        ),
      ),
    ).toEqual(['a']);
    expect(
      ids(
        deployedLineage(
          newestFirst(
            deploy('a', 'A'),
            deploy('x', 'X', { action: 'destroy' }),
            deploy('b', 'B'),
          ),
        ),
      ),
    ).toEqual(['b']);
  });

  it('leaves the versions as they are after a continued rollback', () => {
    const continued = deploy('k', 'B', { action: 'rollback' });
    expect(
      ids(deployedLineage(newestFirst(deploy('a', 'A'), continued))),
    ).toEqual(['a']);
  });
});

describe('rollbackTargetOf', () => {
  it('restores the version before the running one, skipping redeploys of the same template', () => {
    const lineage = [deploy('a', 'A'), deploy('b', 'B'), deploy('b2', 'B')];
    expect(rollbackTargetOf(lineage, 'reference', 'B')).toEqual({
      current: lineage[2],
      target: lineage[0],
    });
  });

  it('goes further back on a second rollback, never forward to what was rolled back', () => {
    const a = deploy('a', 'A');
    const b = deploy('b', 'B');
    const c = deploy('c', 'C');
    const rollbackToB = deploy('r1', 'B', {
      action: 'rollback',
      restores: 'b',
    });
    const lineage = deployedLineage(newestFirst(a, b, c, rollbackToB));
    expect(rollbackTargetOf(lineage, 'reference', 'B').target?.id).toBe('a');
  });

  it('restores the last known version when the stack runs one Stageline did not deploy', () => {
    const lineage = [deploy('a', 'A'), deploy('b', 'B')];
    expect(rollbackTargetOf(lineage, 'reference', 'HAND-MADE')).toEqual({
      current: undefined,
      target: lineage[1],
    });
  });

  it('takes the last version as running when the stack cannot be read', () => {
    const lineage = [deploy('a', 'A'), deploy('b', 'B')];
    expect(rollbackTargetOf(lineage, 'reference').target?.id).toBe('a');
  });

  it('has no target without an earlier restorable version', () => {
    const lineage = [
      deploy('a', 'A', { rollbackSnapshot: false }),
      deploy('b', 'B'),
    ];
    expect(rollbackTargetOf(lineage, 'reference', 'B')).toEqual({
      current: lineage[1],
    });
  });

  it('tells pipeline versions by commit and needs the run to re-run', () => {
    const run = (id: string, commit: string, runId?: number) =>
      deploy(id, '', {
        mode: 'pipeline',
        templateHash: undefined,
        rollbackSnapshot: false,
        commit,
        runId,
      });
    const lineage = [run('a', 'aaa', 1), run('b', 'bbb'), run('c', 'ccc', 3)];
    expect(rollbackTargetOf(lineage, 'pipeline', 'ccc').target?.id).toBe('a');
    expect(rollbackTargetOf(lineage, 'reference', 'x').target).toBeUndefined();
  });
});
