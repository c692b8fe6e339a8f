import {
  CloudFormationClient,
  DescribeStacksCommand,
  Stack,
} from '@aws-sdk/client-cloudformation';

/**
 * The stack, or undefined when CloudFormation says it does not exist.
 *
 * @param stackNameOrId - a name finds live stacks only; a stack id also finds a deleted one
 *
 * @public
 */
export async function describeStack(
  cloudFormation: CloudFormationClient,
  stackNameOrId: string,
  abortSignal?: AbortSignal,
): Promise<Stack | undefined> {
  try {
    const response = await cloudFormation.send(
      new DescribeStacksCommand({ StackName: stackNameOrId }),
      { abortSignal },
    );
    return response.Stacks?.[0];
  } catch (error) {
    if (
      (error as Error).name === 'ValidationError' &&
      /does not exist/i.test((error as Error).message)
    ) {
      return undefined;
    }
    throw error;
  }
}
