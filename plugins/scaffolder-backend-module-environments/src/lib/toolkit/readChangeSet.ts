import {
  CloudFormationClient,
  DescribeChangeSetCommand,
  DescribeChangeSetCommandOutput,
} from '@aws-sdk/client-cloudformation';
import { ResourceChange, resourceChangesOf } from '../aws/ChangeSummary';

/** A change set as DescribeChangeSet says, with every page of its changes. */
export type ReadChangeSet = {
  changeSetId?: string;
  status?: string;
  executionStatus?: string;
  creationTime?: Date;
  changes: ResourceChange[];
};

/**
 * A change set of a stack by name, with all its changes; undefined when there is none
 * (`ChangeSetNotFound`) or the stack does not exist.
 */
export async function readChangeSet(
  cloudFormation: CloudFormationClient,
  stackName: string,
  changeSetName: string,
  abortSignal?: AbortSignal,
): Promise<ReadChangeSet | undefined> {
  let page: DescribeChangeSetCommandOutput;
  try {
    page = await cloudFormation.send(
      new DescribeChangeSetCommand({
        StackName: stackName,
        ChangeSetName: changeSetName,
      }),
      { abortSignal },
    );
  } catch (error) {
    const { name, message } = error as Error;
    if (
      name === 'ChangeSetNotFoundException' ||
      (name === 'ValidationError' && /does not exist/i.test(message))
    ) {
      return undefined;
    }
    throw error;
  }
  const read: ReadChangeSet = {
    changeSetId: page.ChangeSetId,
    status: page.Status,
    executionStatus: page.ExecutionStatus,
    creationTime: page.CreationTime,
    changes: resourceChangesOf(page.Changes),
  };
  while (page.NextToken) {
    page = await cloudFormation.send(
      new DescribeChangeSetCommand({
        StackName: stackName,
        ChangeSetName: changeSetName,
        NextToken: page.NextToken,
      }),
      { abortSignal },
    );
    read.changes.push(...resourceChangesOf(page.Changes));
  }
  return read;
}
