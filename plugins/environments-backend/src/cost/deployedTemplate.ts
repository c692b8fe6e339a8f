import type { Stack } from '@aws-sdk/client-cloudformation';
import type { StackLocation, StackReader } from '../aws/StackReader';

/** A deployed stack's template and what pricing it needs. */
export type DeployedTemplate = {
  stackId: string;
  stackName: string;
  stackStatus: string;
  /** When the stack last changed: a new deployment, a new estimate. */
  lastUpdated: string;
  /** The stack's parameter values (resolved ones for SSM parameters; hidden ones left out). */
  parameters: Record<string, string>;
  /** The template after its transforms (`GetTemplate`, `Processed`). */
  body: () => Promise<string>;
};

/** Stack statuses with no template worth pricing: nothing is deployed (or left) there. */
const NOTHING_DEPLOYED = new Set([
  'REVIEW_IN_PROGRESS',
  'ROLLBACK_COMPLETE',
  'DELETE_COMPLETE',
]);

function parametersOf(stack: Stack): Record<string, string> {
  return Object.fromEntries(
    (stack.Parameters ?? [])
      // NoEcho values come back as ****: the template's default prices better than that.
      .filter(p => p.ParameterKey && p.ParameterValue !== '****')
      .map(p => [p.ParameterKey!, p.ResolvedValue ?? p.ParameterValue ?? '']),
  );
}

/**
 * The template an environment's stack runs, as CloudFormation has it, with the stack's parameter
 * values; undefined when nothing is deployed (no stack, a stack created by a change set never
 * executed, or one whose first deploy was rolled back).
 *
 * @throws the AWS error when the stack cannot be read
 */
export async function readDeployedTemplate(
  stacks: StackReader,
  location: StackLocation,
  signal?: AbortSignal,
): Promise<DeployedTemplate | undefined> {
  const stack = await stacks.describe(location, signal);
  if (!stack || NOTHING_DEPLOYED.has(stack.StackStatus ?? '')) return undefined;
  const stackId = stack.StackId ?? location.stackName;
  return {
    stackId,
    stackName: location.stackName,
    stackStatus: stack.StackStatus ?? 'UNKNOWN',
    lastUpdated: (
      stack.LastUpdatedTime ??
      stack.CreationTime ??
      new Date(0)
    ).toISOString(),
    parameters: parametersOf(stack),
    body: () => stacks.template({ ...location, stackId }, 'Processed', signal),
  };
}
