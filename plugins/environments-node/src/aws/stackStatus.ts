/**
 * Whether a stack status means the last operation finished and left the stack usable:
 * `CREATE_COMPLETE`, `UPDATE_COMPLETE`, `IMPORT_COMPLETE`. Rollbacks and deletions end in
 * `*_COMPLETE` too but mean the last change did not land, so they do not count.
 *
 * @public
 */
export function isStackStatusSettled(status: string | undefined): boolean {
  return (
    !!status &&
    status.endsWith('_COMPLETE') &&
    !status.includes('ROLLBACK') &&
    !status.startsWith('DELETE')
  );
}
