import { setTimeout as sleep } from 'node:timers/promises';
import type {
  CloudFormationClient,
  Stack,
  StackEvent,
} from '@aws-sdk/client-cloudformation';
import { describeStack } from './describeStack';
import { isStackInProgress } from './stackLifecycle';
import { StackEventStream } from './StackEventStream';

/**
 * How long to wait between polls and in all.
 *
 * @public
 */
export interface StackWaitTiming {
  pollIntervalMs: number;
  timeoutMs: number;
}

/**
 * Where a wait ended: the stack (undefined when it is gone) and every event seen on the way.
 *
 * @public
 */
export interface StackWaitResult {
  stack?: Stack;
  events: StackEvent[];
}

/**
 * Polls a stack until its operation ends (no `*_IN_PROGRESS` status), passing each new stack
 * event to `onEvent` as it appears.
 *
 * @throws Error when `timing.timeoutMs` passes first, saying what the stack is still doing
 *
 * @public
 */
export async function waitForStack(options: {
  cloudFormation: CloudFormationClient;
  /** The stack id (an ARN), so a deleted stack can still be described. */
  stackId: string;
  afterEventId?: string;
  /** When the operation began, for a stream that cannot start after a known event. */
  since?: Date;
  timing: StackWaitTiming;
  onEvent: (event: StackEvent) => void;
  signal?: AbortSignal;
}): Promise<StackWaitResult> {
  const { cloudFormation, stackId, timing, onEvent, signal } = options;
  const stream = new StackEventStream({
    cloudFormation,
    stackId,
    afterEventId: options.afterEventId,
    since: options.since,
  });
  const events: StackEvent[] = [];
  const deadline = Date.now() + timing.timeoutMs;
  for (;;) {
    const stack = await describeStack(cloudFormation, stackId, signal);
    for (const event of await stream.poll(signal)) {
      events.push(event);
      onEvent(event);
    }
    if (!stack || !isStackInProgress(stack.StackStatus)) {
      return { stack, events };
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `Timed out after ${Math.round(
          timing.timeoutMs / 60000,
        )} minutes waiting for stack ${stack.StackName}, still ${
          stack.StackStatus
        }; it carries on in CloudFormation`,
      );
    }
    await sleep(timing.pollIntervalMs, undefined, { signal });
  }
}
