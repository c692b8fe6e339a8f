import type { Stack, StackEvent } from '@aws-sdk/client-cloudformation';
import { firstFailedResource } from './StackEventStream';

/**
 * The resource that made a stack operation fail, and CloudFormation's reason.
 *
 * @public
 */
export type StackFailure = {
  logicalId: string;
  type: string;
  status: string;
  reason: string;
};

/**
 * The first resource that failed during the operation (from its events), or the stack's own
 * status reason when no resource failed; null when nothing failed.
 *
 * @public
 */
export function describeStackFailure(
  stack: Stack | undefined,
  events: StackEvent[],
): StackFailure | null {
  const failed = firstFailedResource(events);
  if (failed) {
    return {
      logicalId: failed.LogicalResourceId ?? '',
      type: failed.ResourceType ?? '',
      status: failed.ResourceStatus ?? '',
      reason: failed.ResourceStatusReason ?? 'no reason given',
    };
  }
  if (
    stack?.StackStatusReason &&
    /FAILED|ROLLBACK/.test(stack.StackStatus ?? '')
  ) {
    return {
      logicalId: stack.StackName ?? '',
      type: 'AWS::CloudFormation::Stack',
      status: stack.StackStatus ?? '',
      reason: stack.StackStatusReason,
    };
  }
  return null;
}

/**
 * `first failure: ApiFunction (AWS::Lambda::Function) UPDATE_FAILED: reason`, for error messages.
 *
 * @public
 */
export function describeFailureCause(failure: StackFailure | null): string {
  return failure
    ? `first failure: ${failure.logicalId} (${failure.type}) ${failure.status}: ${failure.reason}`
    : 'CloudFormation gave no reason';
}
