import type { Knex } from 'knex';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  DriftedResource,
  StackDriftReport,
} from '@stageline/plugin-environments-common';
import { migratedClient } from '../database/migratedClient';

const DRIFT = 'environment_stack_drift';

interface DriftRow {
  stack_key: string;
  stack_id: string | null;
  status: string;
  resources: string;
  message: string;
  checked_at: Date | string | number;
}

/** A stored detection: the report and the stack it was made on. */
export type StoredDrift = StackDriftReport & { stackId?: string };

/**
 * The last drift detection of each stack, in the plugin's database, so every backend instance
 * shows the same result and a restart does not detect again.
 */
export class DriftStore {
  static async create(database: DatabaseService): Promise<DriftStore> {
    return new DriftStore(await migratedClient(database));
  }

  constructor(private readonly knex: Knex) {}

  async save(stackKey: string, drift: StoredDrift): Promise<void> {
    const row: DriftRow = {
      stack_key: stackKey,
      stack_id: drift.stackId ?? null,
      status: drift.status,
      resources: JSON.stringify(drift.driftedResources),
      message: drift.message,
      checked_at: new Date(drift.checkedAt ?? Date.now()),
    };
    await this.knex(DRIFT).insert(row).onConflict('stack_key').merge();
  }

  async get(stackKey: string): Promise<StoredDrift | undefined> {
    const row: DriftRow | undefined = await this.knex(DRIFT)
      .where({ stack_key: stackKey })
      .first();
    if (!row) return undefined;
    return {
      status: row.status as StackDriftReport['status'],
      checkedAt: new Date(row.checked_at).toISOString(),
      driftedResources: JSON.parse(row.resources) as DriftedResource[],
      message: row.message,
      stackId: row.stack_id ?? undefined,
    };
  }

  /** Forgets a stack's result (it was deployed since: the result no longer describes it). */
  async forget(stackKey: string): Promise<void> {
    await this.knex(DRIFT).where({ stack_key: stackKey }).delete();
  }
}
