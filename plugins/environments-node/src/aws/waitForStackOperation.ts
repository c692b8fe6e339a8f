import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { describeStackFailure, StackFailure } from './describeStackFailure';
import { formatStackEvent } from './StackEventStream';
import { outputsOf } from './stackLifecycle';
import { StackWaitTiming, waitForStack } from './waitForStack';

/**
 * Where a stack operation ended, as plain JSON (it is stored as a checkpoint).
 *
 * @public
 */
export type StackOperationResult = {
  /** The final stack status; `DELETE_COMPLETE` when the stack is gone. */
  status: string;
  outputs: Record<string, string>;
  failure: StackFailure | null;
};

/**
 * Waits for the stack operation started after `afterEventId`, writing each new stack event to
 * the task log, and says how it ended and, if it failed, which resource failed first.
 *
 * @public
 */
export async function waitForStackOperation(options: {
  cloudFormation: CloudFormationClient;
  stackId: string;
  afterEventId: string | null;
  /** When the operation began, when no event before it is known. */
  since?: Date;
  timing: StackWaitTiming;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<StackOperationResult> {
  const { stack, events } = await waitForStack({
    cloudFormation: options.cloudFormation,
    stackId: options.stackId,
    afterEventId: options.afterEventId ?? undefined,
    since: options.since,
    timing: options.timing,
    signal: options.signal,
    onEvent: event => options.logger.info(formatStackEvent(event)),
  });
  return {
    status: stack?.StackStatus ?? 'DELETE_COMPLETE',
    outputs: outputsOf(stack),
    failure: describeStackFailure(stack, events),
  };
}
