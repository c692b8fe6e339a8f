import {
  Capability,
  ChangeSetType,
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  Tag,
} from '@aws-sdk/client-cloudformation';
import { ResourceChange, resourceChangesOf } from './ChangeSummary';
import { sleep } from './sleep';
import type { StackWaitTiming } from './waitForStack';

/** The capabilities a CDK-synthesized stack may need. */
const CAPABILITIES: Capability[] = [
  'CAPABILITY_IAM',
  'CAPABILITY_NAMED_IAM',
  'CAPABILITY_AUTO_EXPAND',
];

/** What CloudFormation says when a change set would change nothing. */
const NO_CHANGES = /didn't contain changes|No updates are to be performed/i;

/** Ids of a created change set and its stack. */
export type ChangeSetIds = { changeSetId: string; stackId: string };

/** A change set that is ready to execute, or one that found nothing to change. */
export type ChangeSetResult =
  | { status: 'ready'; changes: ResourceChange[] }
  | { status: 'no-changes'; changes: [] };

/**
 * Creates a change set. A change set of the same name left by an interrupted earlier attempt is
 * picked up instead of failing.
 */
export async function createChangeSet(options: {
  cloudFormation: CloudFormationClient;
  stackName: string;
  changeSetName: string;
  changeSetType: ChangeSetType;
  templateBody: string;
  description: string;
  tags?: Tag[];
  signal?: AbortSignal;
}): Promise<ChangeSetIds> {
  const { cloudFormation, signal, stackName, changeSetName } = options;
  try {
    const created = await cloudFormation.send(
      new CreateChangeSetCommand({
        StackName: stackName,
        ChangeSetName: changeSetName,
        ChangeSetType: options.changeSetType,
        TemplateBody: options.templateBody,
        Capabilities: CAPABILITIES,
        Description: options.description,
        Tags: options.tags,
      }),
      { abortSignal: signal },
    );
    return { changeSetId: created.Id!, stackId: created.StackId! };
  } catch (error) {
    if ((error as Error).name !== 'AlreadyExistsException') throw error;
    const existing = await cloudFormation.send(
      new DescribeChangeSetCommand({
        StackName: stackName,
        ChangeSetName: changeSetName,
      }),
      { abortSignal: signal },
    );
    return { changeSetId: existing.ChangeSetId!, stackId: existing.StackId! };
  }
}

/**
 * Waits until CloudFormation has worked out a change set's changes and reads them all.
 *
 * @throws Error with CloudFormation's reason when the change set failed for another reason than
 * having nothing to change
 */
export async function waitForChangeSet(options: {
  cloudFormation: CloudFormationClient;
  changeSetId: string;
  /** For messages. */
  stackName: string;
  timing: StackWaitTiming;
  signal?: AbortSignal;
}): Promise<ChangeSetResult> {
  const { cloudFormation, changeSetId, signal } = options;
  const deadline = Date.now() + options.timing.timeoutMs;
  for (;;) {
    const described = await cloudFormation.send(
      new DescribeChangeSetCommand({ ChangeSetName: changeSetId }),
      { abortSignal: signal },
    );
    if (described.Status === 'CREATE_COMPLETE') {
      const changes = resourceChangesOf(described.Changes);
      let nextToken = described.NextToken;
      while (nextToken) {
        const page = await cloudFormation.send(
          new DescribeChangeSetCommand({
            ChangeSetName: changeSetId,
            NextToken: nextToken,
          }),
          { abortSignal: signal },
        );
        changes.push(...resourceChangesOf(page.Changes));
        nextToken = page.NextToken;
      }
      return { status: 'ready', changes };
    }
    if (described.Status === 'FAILED') {
      if (NO_CHANGES.test(described.StatusReason ?? '')) {
        return { status: 'no-changes', changes: [] };
      }
      throw new Error(
        `Change set for stack ${options.stackName} failed: ${
          described.StatusReason ?? 'no reason given'
        }`,
      );
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `Timed out waiting for the change set of stack ${options.stackName} (still ${described.Status})`,
      );
    }
    await sleep(options.timing.pollIntervalMs, signal);
  }
}

/** Deletes a change set (a plan's, or one that found no changes). */
export async function deleteChangeSet(
  cloudFormation: CloudFormationClient,
  changeSetId: string,
  abortSignal?: AbortSignal,
): Promise<void> {
  await cloudFormation.send(
    new DeleteChangeSetCommand({ ChangeSetName: changeSetId }),
    {
      abortSignal,
    },
  );
}
