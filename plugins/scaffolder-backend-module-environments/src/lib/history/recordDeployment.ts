import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import {
  redactSecrets,
  type EnvironmentTarget,
} from '@stageline/plugin-environments-node';
import type {
  DeploymentHistoryClient,
  DeploymentToRecord,
} from './DeploymentHistoryClient';

/** Where a stack operation is recorded, and the fields every record of it has. */
export type HistoryEntry = {
  history?: DeploymentHistoryClient;
  /** The Environment the record belongs to; nothing is recorded without one. */
  environmentRef?: string;
  logger: LoggerService;
  base: Pick<
    DeploymentToRecord,
    'action' | 'mode' | 'actor' | 'stackName' | 'taskId' | 'restores'
  >;
};

/**
 * Records a deploy, rollback or destroy in the deployment history, where the module has one.
 * The stack operation has happened either way, so a history that cannot be written is a warning
 * in the task log, not a failed step (a rollback then has one version fewer to go back to).
 */
export async function recordDeployment(
  entry: HistoryEntry,
  fields: Omit<DeploymentToRecord, keyof HistoryEntry['base']>,
): Promise<void> {
  const { history, environmentRef, logger, base } = entry;
  if (!history || !environmentRef) return;
  try {
    await history.record(environmentRef, {
      ...base,
      ...fields,
      message: redactSecrets(fields.message),
      finishedAt: new Date().toISOString(),
    });
  } catch (error) {
    logger.warn(
      `The deployment history did not record this ${base.action} of ${
        base.stackName
      }: ${(error as Error).message}`,
    );
  }
}

/** What a record says about how its operation ended, besides the entry's fields. */
export type RecordFields = Omit<
  DeploymentToRecord,
  keyof HistoryEntry['base'] | 'result'
>;

/**
 * Runs a stack operation and records how it ended: `succeeded(result)` gives the record of a
 * success (undefined: nothing to record, e.g. no stack to destroy); a failure is recorded with
 * its message and thrown on.
 */
export async function recorded<T>(
  entry: HistoryEntry | undefined,
  work: () => Promise<T>,
  succeeded: (result: T) => RecordFields | undefined,
  /** What a failure's record also says, e.g. the workflow run that failed. */
  failed: Partial<RecordFields> = {},
): Promise<T> {
  if (!entry) return work();
  const createdAt = new Date().toISOString();
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await recordDeployment(entry, {
      ...failed,
      result: 'failed',
      createdAt,
      message: (error as Error).message ?? String(error),
    });
    throw error;
  }
  const fields = succeeded(result);
  if (fields) {
    await recordDeployment(entry, {
      ...fields,
      result: 'succeeded',
      createdAt,
    });
  }
  return result;
}

/**
 * Where an action records the stack operation it runs for a target: the Environment named by
 * `environmentRef`, else the one Environment describing the stack (a target given as app /
 * stage); by the task's user, under the task's id.
 */
export function historyEntryFor(options: {
  history?: DeploymentHistoryClient;
  target: EnvironmentTarget;
  authorizedOn: string[];
  action: DeploymentToRecord['action'];
  ctx: Pick<ActionContext<any, any>, 'logger' | 'task' | 'user'>;
  restores?: string;
}): HistoryEntry {
  const { target, authorizedOn, ctx } = options;
  return {
    history: options.history,
    environmentRef:
      target.entityRef ??
      (authorizedOn.length === 1 ? authorizedOn[0] : undefined),
    logger: ctx.logger,
    base: {
      action: options.action,
      mode: target.deployment.mode,
      actor: ctx.user?.ref ?? 'unknown',
      stackName: target.stackName,
      taskId: ctx.task.id,
      ...(options.restores ? { restores: options.restores } : {}),
    },
  };
}
