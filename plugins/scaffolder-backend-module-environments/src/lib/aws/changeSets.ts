import { setTimeout as sleep } from 'node:timers/promises';
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
import type { StackWaitTiming } from '@stageline/plugin-environments-node';

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
    await sleep(options.timing.pollIntervalMs, undefined, { signal });
  }
}

/** Change set statuses during which CloudFormation refuses `DeleteChangeSet`. */
const BEING_CREATED = ['CREATE_PENDING', 'CREATE_IN_PROGRESS'];

/** How a change set was cleaned up. */
export type ChangeSetRemoval =
  | { removed: true }
  | { removed: false; problem: string };

/**
 * Deletes a change set that is no longer wanted (a plan's, one that found no changes, or one
 * whose wait failed). CloudFormation refuses `DeleteChangeSet` while the change set is still
 * being created (`InvalidChangeSetStatus`, DeleteChangeSet in the API Reference), so then it
 * waits for the change set to settle and deletes it after. It runs to the end even when the
 * task was cancelled (it takes no abort signal) and never throws: the caller's own outcome or
 * error stays the one reported, and a change set that could not be removed is named in
 * `problem`.
 */
export async function removeChangeSet(options: {
  cloudFormation: CloudFormationClient;
  changeSetId: string;
  /** How long to wait for a change set still being created, and how often to look. */
  timing: StackWaitTiming;
}): Promise<ChangeSetRemoval> {
  const { cloudFormation, changeSetId, timing } = options;
  const deadline = Date.now() + timing.timeoutMs;
  const leftBehind = (error: unknown): ChangeSetRemoval => ({
    removed: false,
    problem: `change set ${changeSetId} was left behind (${
      (error as Error).name
    }: ${(error as Error).message}); delete it in the CloudFormation console`,
  });
  for (;;) {
    try {
      await cloudFormation.send(
        new DeleteChangeSetCommand({ ChangeSetName: changeSetId }),
      );
      return { removed: true };
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'ChangeSetNotFoundException') return { removed: true };
      if (name !== 'InvalidChangeSetStatusException') return leftBehind(error);
      try {
        // Still being created: look until CloudFormation has worked it out, then delete again.
        while (
          BEING_CREATED.includes(
            (
              await cloudFormation.send(
                new DescribeChangeSetCommand({ ChangeSetName: changeSetId }),
              )
            ).Status ?? '',
          )
        ) {
          if (Date.now() >= deadline) return leftBehind(error);
          await sleep(timing.pollIntervalMs);
        }
      } catch (describeError) {
        if ((describeError as Error).name === 'ChangeSetNotFoundException') {
          return { removed: true };
        }
        return leftBehind(describeError);
      }
      if (Date.now() >= deadline) return leftBehind(error);
    }
  }
}
