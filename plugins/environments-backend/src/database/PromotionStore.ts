import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  PendingCommit,
  PromotionGateResult,
  PromotionRecord,
  PromotionResult,
  PromotionStrategy,
} from '@stageline/plugin-environments-common';
import { migratedClient } from './migratedClient';

const PROMOTIONS = 'environment_promotions';
const LOCKS = 'environment_promotion_locks';

interface PromotionRow {
  seq?: number;
  id: string;
  source_ref: string;
  target_ref: string;
  actor: string;
  strategy: string;
  result: string;
  commits: string;
  gates: string;
  link: string | null;
  run_id?: number | string | null;
  message: string | null;
  created_at: Date | string | number;
  finished_at: Date | string | number | null;
}

const toIso = (value: Date | string | number) => new Date(value).toISOString();

function toRecord(row: PromotionRow): PromotionRecord {
  return {
    id: row.id,
    sourceRef: row.source_ref,
    targetRef: row.target_ref,
    actor: row.actor,
    strategy: row.strategy as PromotionStrategy,
    result: row.result as PromotionResult,
    commits: JSON.parse(row.commits) as PendingCommit[],
    gates: JSON.parse(row.gates) as PromotionGateResult[],
    link: row.link ?? undefined,
    runId:
      row.run_id === null || row.run_id === undefined
        ? undefined
        : Number(row.run_id),
    message: row.message ?? undefined,
    createdAt: toIso(row.created_at),
    finishedAt: row.finished_at === null ? undefined : toIso(row.finished_at),
  };
}

/**
 * Promotion history and the per-target promotion lock, in the plugin's database.
 */
export class PromotionStore {
  static async create(database: DatabaseService): Promise<PromotionStore> {
    return new PromotionStore(await migratedClient(database));
  }

  constructor(private readonly knex: Knex) {}

  /**
   * Takes the lock on a target for `ttlMs`; false when another promotion holds it. A lock whose
   * holder died is taken over once expired.
   */
  async tryLock(
    targetRef: string,
    ttlMs: number,
    now = new Date(),
  ): Promise<string | undefined> {
    const holder = randomUUID();
    await this.knex(LOCKS)
      .where({ target_ref: targetRef })
      .andWhere('expires_at', '<', now)
      .delete();
    try {
      await this.knex(LOCKS).insert({
        target_ref: targetRef,
        holder,
        expires_at: new Date(now.getTime() + ttlMs),
      });
      return holder;
    } catch (error) {
      const held = await this.knex(LOCKS)
        .where({ target_ref: targetRef })
        .first();
      if (held) return undefined;
      throw error;
    }
  }

  async unlock(targetRef: string, holder: string): Promise<void> {
    await this.knex(LOCKS).where({ target_ref: targetRef, holder }).delete();
  }

  /** Records an attempt and returns it with its id. */
  async record(
    promotion: Omit<PromotionRecord, 'id' | 'createdAt'> & {
      createdAt?: string;
    },
  ): Promise<PromotionRecord> {
    const id = randomUUID();
    const createdAt = promotion.createdAt
      ? new Date(promotion.createdAt)
      : new Date();
    const row: PromotionRow = {
      id,
      source_ref: promotion.sourceRef,
      target_ref: promotion.targetRef,
      actor: promotion.actor,
      strategy: promotion.strategy,
      result: promotion.result,
      commits: JSON.stringify(promotion.commits),
      gates: JSON.stringify(promotion.gates),
      link: promotion.link ?? null,
      run_id: promotion.runId ?? null,
      message: promotion.message ?? null,
      created_at: createdAt,
      finished_at: promotion.finishedAt ? new Date(promotion.finishedAt) : null,
    };
    await this.knex(PROMOTIONS).insert(row);
    return toRecord(row);
  }

  /** Promotions from or into an environment, newest first. */
  async list(
    entityRef: string,
    options: { limit: number },
  ): Promise<PromotionRecord[]> {
    const rows: PromotionRow[] = await this.knex(PROMOTIONS)
      .where({ source_ref: entityRef })
      .orWhere({ target_ref: entityRef })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'seq', order: 'desc' },
      ])
      .limit(options.limit);
    return rows.map(toRecord);
  }

  /** The last successful promotion out of an environment. */
  async lastSucceeded(sourceRef: string): Promise<PromotionRecord | undefined> {
    const row: PromotionRow | undefined = await this.knex(PROMOTIONS)
      .where({ source_ref: sourceRef, result: 'succeeded' })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'seq', order: 'desc' },
      ])
      .first();
    return row ? toRecord(row) : undefined;
  }
}
