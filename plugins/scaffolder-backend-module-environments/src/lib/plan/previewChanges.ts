import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import {
  ChangeSummary,
  changesForNewStack,
  summarizeChanges,
} from '../aws/ChangeSummary';
import {
  createChangeSet,
  removeChangeSet,
  waitForChangeSet,
} from '../aws/changeSets';
import {
  describeStack,
  isStackAbsent,
  isStackInProgress,
  type StackWaitTiming,
} from '@stageline/plugin-environments-node';
import type { SynthesizedStack } from './synthesizeTarget';

/** What a deploy would change, or why that could not be worked out. */
export type ChangePreview = {
  /** `change-set` (asked CloudFormation), `new-stack` (no stack yet: everything is added), `unavailable`. */
  source: 'change-set' | 'new-stack' | 'unavailable';
  summary?: ChangeSummary;
  /** For `unavailable`: why. */
  reason?: string;
  stackStatus?: string;
};

/**
 * Works out what deploying the synthesized stack would change. For an existing stack it creates
 * a change set, reads it and deletes it again — also when reading fails or times out while
 * CloudFormation is still creating it, waiting for it to settle first, since CloudFormation
 * refuses to delete it before; the reading's own error is the one thrown. For a stack that does
 * not exist yet every resource is an addition and nothing is created in AWS.
 */
export async function previewChanges(options: {
  cloudFormation: CloudFormationClient;
  stackName: string;
  synthesized: SynthesizedStack;
  changeSetName: string;
  timing: StackWaitTiming;
  /**
   * How long the clean-up waits for a change set still being created before deleting it.
   * Default: `timing`.
   */
  cleanupTiming?: StackWaitTiming;
  /** Told when the change set could not be removed although the plan itself worked. */
  onWarning?: (message: string) => void;
  signal?: AbortSignal;
}): Promise<ChangePreview> {
  const { cloudFormation, stackName, synthesized, signal } = options;
  const stack = await describeStack(cloudFormation, stackName, signal);
  const stackStatus = stack?.StackStatus;
  if (isStackAbsent(stack)) {
    return {
      source: 'new-stack',
      summary: changesForNewStack(synthesized.template),
      stackStatus,
    };
  }
  if (isStackInProgress(stackStatus)) {
    return {
      source: 'unavailable',
      reason: `stack ${stackName} is ${stackStatus}; no change set was created while it is busy`,
      stackStatus,
    };
  }
  if (
    stackStatus === 'ROLLBACK_COMPLETE' ||
    stackStatus === 'ROLLBACK_FAILED'
  ) {
    return {
      source: 'unavailable',
      reason: `stack ${stackName} is ${stackStatus} after a failed first deploy; destroy it and deploy again`,
      stackStatus,
    };
  }
  const { changeSetId } = await createChangeSet({
    cloudFormation,
    stackName,
    changeSetName: options.changeSetName,
    changeSetType: 'UPDATE',
    templateBody: synthesized.templateBody,
    description: 'Stageline plan (deleted right after it is read)',
    signal,
  });
  let preview: ChangePreview | undefined;
  let failure: unknown;
  try {
    const result = await waitForChangeSet({
      cloudFormation,
      changeSetId,
      stackName,
      timing: options.timing,
      signal,
    });
    preview = {
      source: 'change-set',
      summary: summarizeChanges(result.changes),
      stackStatus,
    };
  } catch (error) {
    failure = error;
  }
  const removal = await removeChangeSet({
    cloudFormation,
    changeSetId,
    timing: options.cleanupTiming ?? options.timing,
  });
  if (failure !== undefined) {
    if (!removal.removed && failure instanceof Error) {
      failure.message = `${failure.message}; ${removal.problem}`;
    }
    throw failure;
  }
  if (!removal.removed)
    options.onWarning?.(`Could not clean up: ${removal.problem}`);
  return preview!;
}
