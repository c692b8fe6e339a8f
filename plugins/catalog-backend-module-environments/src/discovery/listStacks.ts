import {
  CloudFormationClient,
  paginateDescribeStacks,
} from '@aws-sdk/client-cloudformation';
import {
  AwsAccess,
  isStackAbsent,
  outputsOf,
  withAwsErrors,
} from '@stageline/plugin-environments-node';

/**
 * What discovery knows about a CloudFormation stack.
 *
 * @public
 */
export interface DiscoveredStack {
  stackId: string;
  stackName: string;
  accountId: string;
  region: string;
  status: string;
  tags: Record<string, string>;
  outputs: Record<string, string>;
}

/**
 * Every live stack of an account and region with its tags and outputs
 * (`DescribeStacks` without a stack name, all pages), with the credentials Backstage's AWS
 * integration has for the account.
 *
 * @throws Error saying what AWS refused and what to check
 */
export async function listStacks(
  aws: AwsAccess,
  accountId: string,
  region: string,
): Promise<DiscoveredStack[]> {
  return withAwsErrors(
    `listing the stacks of account ${accountId} in ${region}`,
    { accountId, region },
    async () => {
      const client = new CloudFormationClient(
        await aws.clientConfig({ accountId, region }),
      );
      const stacks: DiscoveredStack[] = [];
      for await (const page of paginateDescribeStacks({ client }, {})) {
        for (const stack of page.Stacks ?? []) {
          if (isStackAbsent(stack) || !stack.StackName || !stack.StackId) {
            continue;
          }
          stacks.push({
            stackId: stack.StackId,
            stackName: stack.StackName,
            accountId,
            region,
            status: stack.StackStatus ?? 'UNKNOWN',
            tags: Object.fromEntries(
              (stack.Tags ?? []).map(tag => [tag.Key ?? '', tag.Value ?? '']),
            ),
            outputs: outputsOf(stack),
          });
        }
      }
      return stacks;
    },
  );
}
