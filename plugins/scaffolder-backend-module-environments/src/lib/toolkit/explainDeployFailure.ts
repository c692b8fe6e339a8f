import type { Stack, StackEvent } from '@aws-sdk/client-cloudformation';
import {
  describeFailureCause,
  describeStackFailure,
  redactSecrets,
} from '@stageline/plugin-environments-node';

/**
 * The error of a failed deploy: what CloudFormation did with the stack (rolled back, rollback
 * failed, or nothing yet), the first resource that failed and CloudFormation's reason.
 */
export function explainDeployFailure(options: {
  stackName: string;
  /** The stack after the failure; undefined when it does not exist. */
  stack: Stack | undefined;
  /** The operation's events, oldest first. */
  events: StackEvent[];
  /** What the toolkit threw. */
  error: unknown;
}): Error {
  const { stackName, stack, events } = options;
  const status = stack?.StackStatus;
  const toolkitMessage = redactSecrets(
    String((options.error as Error)?.message ?? options.error),
  )
    .replace(/^❌\s*/, '')
    .trim();
  if (events.length === 0 || !status) {
    return new Error(
      `Deploy of ${stackName} failed before CloudFormation changed the stack: ${toolkitMessage}`,
    );
  }
  return deployFailed(
    stackName,
    status,
    describeFailureCause(describeStackFailure(stack, events)),
  );
}

/** `Deploy of X failed and was rolled back (UPDATE_ROLLBACK_COMPLETE); first failure: …` */
export function deployFailed(
  stackName: string,
  status: string,
  cause: string,
): Error {
  if (/ROLLBACK_FAILED$/.test(status)) {
    return new Error(
      `Deploy of ${stackName} failed and its rollback failed too (${status}): the stack needs fixing in the CloudFormation console before the next deploy; ${cause}`,
    );
  }
  if (/ROLLBACK_COMPLETE$/.test(status)) {
    return new Error(
      `Deploy of ${stackName} failed and was rolled back (${status}); ${cause}`,
    );
  }
  return new Error(`Deploy of ${stackName} failed (${status}); ${cause}`);
}
