import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';

/**
 * A provider's stack state (`UPDATE_COMPLETE`, `UPDATE_ROLLBACK_COMPLETE`, ...) as a status dot:
 * rollbacks and failures red, work in progress running, complete green.
 */
export function StackStatus({ status }: { status?: string }) {
  if (!status) return <StatusPending>Not deployed</StatusPending>;
  const label = status.replace(/_/g, ' ').toLocaleLowerCase('en-GB');
  if (/FAILED|ROLLBACK_COMPLETE$/.test(status))
    return <StatusError>{label}</StatusError>;
  if (/ROLLBACK/.test(status)) return <StatusWarning>{label}</StatusWarning>;
  if (/IN_PROGRESS/.test(status)) return <StatusRunning>{label}</StatusRunning>;
  if (/COMPLETE$/.test(status)) return <StatusOK>{label}</StatusOK>;
  return <StatusPending>{label}</StatusPending>;
}
