import type {
  OperationStep,
  StoredChangeSet,
  StoredStack,
} from './cloudFormationTypes';

const STACK_TYPE = 'AWS::CloudFormation::Stack';

/** A resource the operation has worked on, and whether it added it. */
type Touched = { logicalId: string; type: string; added: boolean };

/** A resource that fails during the next operation on its stack, and how. */
export type ResourceFailure = {
  logicalId: string;
  /** CloudFormation's status reason, e.g. the service's error message. */
  reason: string;
  /** When set, rolling back fails too, with this reason on the first resource rolled back. */
  rollbackReason?: string;
};

function onStack(
  stack: StoredStack,
  status: string,
  reason?: string,
  apply?: () => void,
): OperationStep {
  return {
    logicalId: stack.stackName,
    type: STACK_TYPE,
    status,
    reason,
    stackStatus: status,
    apply,
    // A rollback is an operation of its own, with its own OperationId.
    newOperation: /^(UPDATE_)?ROLLBACK_IN_PROGRESS$/.test(status),
  };
}

function deleteResource(
  stack: StoredStack,
  logicalId: string,
  type: string,
): OperationStep[] {
  return [
    { logicalId, type, status: 'DELETE_IN_PROGRESS' },
    {
      logicalId,
      type,
      status: 'DELETE_COMPLETE',
      apply: () => stack.resources.delete(logicalId),
    },
  ];
}

/**
 * The steps of executing a change set, as the stack's events show them ("Monitoring the
 * progress of a stack update" in the CloudFormation User Guide): the stack goes
 * `UPDATE_IN_PROGRESS`, each resource `*_IN_PROGRESS` then `*_COMPLETE`, removed resources are
 * deleted during `UPDATE_COMPLETE_CLEANUP_IN_PROGRESS`, then `UPDATE_COMPLETE`. A failed
 * resource turns it into `UPDATE_ROLLBACK_IN_PROGRESS`: what was updated is updated back, what
 * was added is deleted, and the stack ends `UPDATE_ROLLBACK_COMPLETE` (or
 * `UPDATE_ROLLBACK_FAILED`). A new stack goes `CREATE_IN_PROGRESS` → `CREATE_COMPLETE`, or on
 * failure `ROLLBACK_IN_PROGRESS` → `ROLLBACK_COMPLETE`.
 */
export function executionSteps(
  changeSet: StoredChangeSet,
  failure: ResourceFailure | undefined,
  physicalIdFor: (logicalId: string) => string,
  onSuccess: () => void,
): OperationStep[] {
  const { stack } = changeSet;
  const creating = changeSet.type === 'CREATE';
  const verb = creating ? 'CREATE' : 'UPDATE';
  const steps: OperationStep[] = [
    onStack(stack, `${verb}_IN_PROGRESS`, 'User Initiated'),
  ];
  const done: Touched[] = [];
  for (const change of changeSet.changes) {
    if (change.Action === 'Remove') continue;
    const { LogicalResourceId: logicalId, ResourceType: type } = change;
    const added = change.Action === 'Add';
    const status = added ? 'CREATE' : 'UPDATE';
    steps.push({ logicalId, type, status: `${status}_IN_PROGRESS` });
    if (failure?.logicalId === logicalId) {
      steps.push({
        logicalId,
        type,
        status: `${status}_FAILED`,
        reason: failure.reason,
      });
      return [
        ...steps,
        ...rollbackSteps(
          stack,
          creating,
          { logicalId, type, added },
          done,
          failure,
        ),
      ];
    }
    if (added) {
      steps.push({
        logicalId,
        type,
        status: 'CREATE_IN_PROGRESS',
        reason: 'Resource creation Initiated',
      });
    }
    steps.push({
      logicalId,
      type,
      status: `${status}_COMPLETE`,
      apply: () =>
        stack.resources.set(logicalId, {
          type,
          physicalId:
            stack.resources.get(logicalId)?.physicalId ??
            physicalIdFor(logicalId),
        }),
    });
    done.push({ logicalId, type, added });
  }
  if (creating) {
    return [...steps, onStack(stack, 'CREATE_COMPLETE', undefined, onSuccess)];
  }
  steps.push(onStack(stack, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS'));
  for (const change of changeSet.changes.filter(c => c.Action === 'Remove')) {
    steps.push(
      ...deleteResource(stack, change.LogicalResourceId, change.ResourceType),
    );
  }
  return [...steps, onStack(stack, 'UPDATE_COMPLETE', undefined, onSuccess)];
}

function rollbackSteps(
  stack: StoredStack,
  creating: boolean,
  failed: Touched,
  done: Touched[],
  failure: ResourceFailure,
): OperationStep[] {
  const failedId = failed.logicalId;
  const steps: OperationStep[] = [];
  if (creating) {
    steps.push(
      onStack(
        stack,
        'ROLLBACK_IN_PROGRESS',
        `The following resource(s) failed to create: [${failedId}]. Rollback requested by user.`,
      ),
    );
    for (const resource of [...done].reverse()) {
      steps.push(...deleteResource(stack, resource.logicalId, resource.type));
    }
    return [...steps, onStack(stack, 'ROLLBACK_COMPLETE')];
  }
  steps.push(
    onStack(
      stack,
      'UPDATE_ROLLBACK_IN_PROGRESS',
      `The following resource(s) failed to ${
        failed.added ? 'create' : 'update'
      }: [${failedId}]. `,
    ),
  );
  const added = [...done, failed].filter(r => r.added).reverse();
  const updated = [...done].reverse().filter(r => !r.added);
  const failAt =
    failure.rollbackReason && updated.length
      ? { logicalId: updated[0].logicalId, reason: failure.rollbackReason }
      : undefined;
  return [...steps, ...rollBack(stack, updated, added, failAt)];
}

/**
 * Rolling back `updated` (in that order) and deleting `added`: each updated resource
 * `UPDATE_IN_PROGRESS` then `UPDATE_COMPLETE`, then the clean-up and `UPDATE_ROLLBACK_COMPLETE`.
 * With `failAt` that resource fails to roll back: the stack ends `UPDATE_ROLLBACK_FAILED` and
 * remembers what is left for ContinueUpdateRollback.
 */
function rollBack(
  stack: StoredStack,
  updated: Array<{ logicalId: string; type: string }>,
  added: Array<{ logicalId: string; type: string }>,
  failAt: ResourceFailure | undefined,
  skip: string[] = [],
): OperationStep[] {
  const steps: OperationStep[] = [];
  for (const [index, resource] of updated.entries()) {
    const { logicalId, type } = resource;
    if (skip.includes(logicalId)) {
      // "CloudFormation sets the status of the specified resources to UPDATE_COMPLETE and
      // continues to roll back the stack" (ContinueUpdateRollback, ResourcesToSkip).
      steps.push({ logicalId, type, status: 'UPDATE_COMPLETE' });
      continue;
    }
    steps.push({ logicalId, type, status: 'UPDATE_IN_PROGRESS' });
    if (failAt?.logicalId === logicalId) {
      const left = { updated: updated.slice(index), added };
      return [
        ...steps,
        { logicalId, type, status: 'UPDATE_FAILED', reason: failAt.reason },
        onStack(
          stack,
          'UPDATE_ROLLBACK_FAILED',
          `The following resource(s) failed to update: [${logicalId}]. `,
          () => {
            stack.rollbackLeft = { ...left, failed: [logicalId] };
          },
        ),
      ];
    }
    steps.push({ logicalId, type, status: 'UPDATE_COMPLETE' });
  }
  steps.push(onStack(stack, 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS'));
  for (const resource of added) {
    steps.push(...deleteResource(stack, resource.logicalId, resource.type));
  }
  return [
    ...steps,
    onStack(stack, 'UPDATE_ROLLBACK_COMPLETE', undefined, () => {
      stack.rollbackLeft = undefined;
    }),
  ];
}

/**
 * The steps of ContinueUpdateRollback on a stack in `UPDATE_ROLLBACK_FAILED`: a rollback
 * operation of its own that rolls back what the failed rollback left, skipping `skip` (set to
 * `UPDATE_COMPLETE`), and cleans up; with `failure` on a resource left it fails again.
 */
export function continueRollbackSteps(
  stack: StoredStack,
  skip: string[],
  failure: ResourceFailure | undefined,
): OperationStep[] {
  const left = stack.rollbackLeft ?? { updated: [], added: [], failed: [] };
  return [
    onStack(stack, 'UPDATE_ROLLBACK_IN_PROGRESS', 'User Initiated'),
    ...rollBack(stack, left.updated, left.added, failure, skip),
  ];
}

/**
 * The steps of deleting a stack: `DELETE_IN_PROGRESS`, each resource deleted (last created
 * first), `DELETE_COMPLETE`; a resource that fails to delete leaves it `DELETE_FAILED`.
 */
export function deletionSteps(
  stack: StoredStack,
  failure: ResourceFailure | undefined,
  onDeleted: () => void,
): OperationStep[] {
  const steps = [onStack(stack, 'DELETE_IN_PROGRESS', 'User Initiated')];
  for (const [logicalId, resource] of [...stack.resources].reverse()) {
    steps.push({
      logicalId,
      type: resource.type,
      status: 'DELETE_IN_PROGRESS',
    });
    if (failure?.logicalId === logicalId) {
      return [
        ...steps,
        {
          logicalId,
          type: resource.type,
          status: 'DELETE_FAILED',
          reason: failure.reason,
        },
        onStack(
          stack,
          'DELETE_FAILED',
          `The following resource(s) failed to delete: [${logicalId}]. `,
        ),
      ];
    }
    steps.push({
      logicalId,
      type: resource.type,
      status: 'DELETE_COMPLETE',
      apply: () => stack.resources.delete(logicalId),
    });
  }
  return [...steps, onStack(stack, 'DELETE_COMPLETE', undefined, onDeleted)];
}
