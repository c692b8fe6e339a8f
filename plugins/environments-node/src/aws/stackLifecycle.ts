import type { Stack } from '@aws-sdk/client-cloudformation';
import { isStackStatusSettled } from './stackStatus';

/**
 * A stack operation is running: `CREATE_IN_PROGRESS`, `UPDATE_ROLLBACK_IN_PROGRESS`, …
 *
 * @public
 */
export function isStackInProgress(status: string | undefined): boolean {
  return !!status && status.endsWith('_IN_PROGRESS');
}

/**
 * A stack that only exists as a placeholder: created by a change set that was never executed
 * (`REVIEW_IN_PROGRESS`), or deleted.
 *
 * @public
 */
export function isStackAbsent(stack: Stack | undefined): boolean {
  return (
    !stack ||
    stack.StackStatus === 'REVIEW_IN_PROGRESS' ||
    stack.StackStatus === 'DELETE_COMPLETE'
  );
}

/**
 * The last deploy landed: `CREATE_COMPLETE`, `UPDATE_COMPLETE`, `IMPORT_COMPLETE`.
 *
 * @public
 */
export function isDeploySucceeded(status: string | undefined): boolean {
  return isStackStatusSettled(status);
}

/**
 * Stack outputs as a plain record.
 *
 * @public
 */
export function outputsOf(stack: Stack | undefined): Record<string, string> {
  return Object.fromEntries(
    (stack?.Outputs ?? [])
      .filter(output => output.OutputKey)
      .map(output => [output.OutputKey!, output.OutputValue ?? '']),
  );
}
