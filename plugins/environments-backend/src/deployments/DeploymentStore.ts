import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  DeploymentAction,
  DeploymentRecord,
  DeploymentResult,
  DeploymentSnapshot,
} from '@stageline/plugin-environments-common';
import type { DeploymentMode } from '@stageline/plugin-environments-common';
import { migratedClient } from '../database/migratedClient';

const DEPLOYMENTS = 'environment_deployments';

interface DeploymentRow {
  seq?: number;
  id: string;
  environment_ref: string;
  action: string;
  mode: string;
  actor: string;
  result: string;
  stack_name: string;
  stack_status: string | null;
  commit_sha: string | null;
  run_id: number | string | null;
  run_url: string | null;
  template_hash: string | null;
  restores: string | null;
  task_id: string | null;
  message: string;
  snapshot?: string | null;
  has_snapshot?: number | boolean | string;
  created_at: Date | string | number;
  finished_at: Date | string | number | null;
}

/** A deployment to record: the record without its id, and the snapshot to keep with it. */
export type NewDeployment = Omit<
  DeploymentRecord,
  'id' | 'environmentRef' | 'createdAt' | 'rollbackSnapshot'
> & {
  createdAt?: string;
  snapshot?: DeploymentSnapshot;
};

const toIso = (value: Date | string | number) => new Date(value).toISOString();
const optional = <T>(value: T | null): T | undefined => value ?? undefined;

/** Every column but the snapshot, which can be large: whether there is one instead. */
function listColumns(knex: Knex) {
  return [
    'seq',
    'id',
    'environment_ref',
    'action',
    'mode',
    'actor',
    'result',
    'stack_name',
    'stack_status',
    'commit_sha',
    'run_id',
    'run_url',
    'template_hash',
    'restores',
    'task_id',
    'message',
    'created_at',
    'finished_at',
    knex.raw('(CASE WHEN snapshot IS NULL THEN 0 ELSE 1 END) as has_snapshot'),
  ];
}

function toRecord(row: DeploymentRow): DeploymentRecord {
  return {
    id: row.id,
    environmentRef: row.environment_ref,
    action: row.action as DeploymentAction,
    mode: row.mode as DeploymentMode,
    actor: row.actor,
    result: row.result as DeploymentResult,
    stackName: row.stack_name,
    stackStatus: optional(row.stack_status),
    commit: optional(row.commit_sha),
    runId:
      row.run_id === null || row.run_id === undefined
        ? undefined
        : Number(row.run_id),
    runUrl: optional(row.run_url),
    templateHash: optional(row.template_hash),
    restores: optional(row.restores),
    taskId: optional(row.task_id),
    message: row.message,
    rollbackSnapshot:
      row.snapshot !== undefined
        ? row.snapshot !== null
        : Number(row.has_snapshot) === 1 || row.has_snapshot === true,
    createdAt: toIso(row.created_at),
    finishedAt: row.finished_at === null ? undefined : toIso(row.finished_at),
  };
}

const newestFirst = [
  { column: 'created_at', order: 'desc' as const },
  { column: 'seq', order: 'desc' as const },
];

/**
 * The deployment history (deploys, rollbacks, destroys of environment stacks) in the plugin's
 * database, with the snapshots a rollback deploys again.
 */
export class DeploymentStore {
  static async create(database: DatabaseService): Promise<DeploymentStore> {
    return new DeploymentStore(await migratedClient(database));
  }

  constructor(private readonly knex: Knex) {}

  /**
   * Records a deployment and returns it with its id. The same task's action on the same
   * environment is one record: recording it again (a retried step that ended differently)
   * updates it, keeping its id and start.
   */
  async record(
    environmentRef: string,
    deployment: NewDeployment,
  ): Promise<DeploymentRecord> {
    const existing = deployment.taskId
      ? await this.#byTask(environmentRef, deployment.taskId, deployment.action)
      : undefined;
    const row: DeploymentRow = {
      id: existing?.id ?? randomUUID(),
      environment_ref: environmentRef,
      action: deployment.action,
      mode: deployment.mode,
      actor: deployment.actor,
      result: deployment.result,
      stack_name: deployment.stackName,
      stack_status: deployment.stackStatus ?? null,
      commit_sha: deployment.commit ?? null,
      run_id: deployment.runId ?? null,
      run_url: deployment.runUrl ?? null,
      template_hash: deployment.templateHash ?? null,
      restores: deployment.restores ?? null,
      task_id: deployment.taskId ?? null,
      message: deployment.message,
      snapshot: deployment.snapshot
        ? JSON.stringify(deployment.snapshot)
        : null,
      created_at: existing
        ? new Date(existing.createdAt)
        : new Date(deployment.createdAt ?? Date.now()),
      finished_at: deployment.finishedAt
        ? new Date(deployment.finishedAt)
        : null,
    };
    if (existing) {
      const { id: _id, created_at: _createdAt, ...changes } = row;
      await this.knex(DEPLOYMENTS).where({ id: existing.id }).update(changes);
    } else {
      await this.knex(DEPLOYMENTS).insert(row);
    }
    return toRecord(row);
  }

  /** An environment's deployments, newest first, without their snapshots. */
  async list(
    environmentRef: string,
    options: { limit: number },
  ): Promise<DeploymentRecord[]> {
    const rows: DeploymentRow[] = await this.knex(DEPLOYMENTS)
      .select(listColumns(this.knex))
      .where({ environment_ref: environmentRef })
      .orderBy(newestFirst)
      .limit(options.limit);
    return rows.map(toRecord);
  }

  /** The snapshot kept with a deployment of the environment, if there is one. */
  async snapshot(
    environmentRef: string,
    id: string,
  ): Promise<DeploymentSnapshot | undefined> {
    const row: Pick<DeploymentRow, 'snapshot'> | undefined = await this.knex(
      DEPLOYMENTS,
    )
      .select('snapshot')
      .where({ environment_ref: environmentRef, id })
      .first();
    return row?.snapshot
      ? (JSON.parse(row.snapshot) as DeploymentSnapshot)
      : undefined;
  }

  async #byTask(
    environmentRef: string,
    taskId: string,
    action: DeploymentAction,
  ): Promise<DeploymentRecord | undefined> {
    const row: DeploymentRow | undefined = await this.knex(DEPLOYMENTS)
      .select(listColumns(this.knex))
      .where({ environment_ref: environmentRef, task_id: taskId, action })
      .first();
    return row ? toRecord(row) : undefined;
  }
}
