import type { Knex } from 'knex';
import type {
  ScheduleMethod,
  ScheduleState,
} from '@stageline/plugin-environments-common';
import type { ScaledResources } from './scaleToZero';

const SCHEDULES = 'environment_schedules';

/** Where a scheduled environment stands. */
export interface ScheduleRecord {
  entityRef: string;
  state: ScheduleState;
  since: Date;
  lastEventAt?: Date;
  lastAction?: 'shutdown' | 'startup';
  lastActor?: string;
  method?: ScheduleMethod;
  scaled?: ScaledResources;
  keepRunningUntil?: Date;
  keepRunningBy?: string;
  attempts: number;
  nextAttemptAt?: Date;
  lastError?: string;
  leaseUntil?: Date;
}

type Row = {
  entity_ref: string;
  state: string;
  since: Date | string | number;
  last_event_at: Date | string | number | null;
  last_action: string | null;
  last_actor: string | null;
  method: string | null;
  scaled: string | null;
  keep_running_until: Date | string | number | null;
  keep_running_by: string | null;
  attempts: number;
  next_attempt_at: Date | string | number | null;
  last_error: string | null;
  lease_until: Date | string | number | null;
};

const optionalDate = (value: Date | string | number | null) =>
  value === null ? undefined : new Date(value);

function toRecord(row: Row): ScheduleRecord {
  return {
    entityRef: row.entity_ref,
    state: row.state as ScheduleState,
    since: new Date(row.since),
    lastEventAt: optionalDate(row.last_event_at),
    lastAction: (row.last_action ?? undefined) as ScheduleRecord['lastAction'],
    lastActor: row.last_actor ?? undefined,
    method: (row.method ?? undefined) as ScheduleMethod | undefined,
    scaled: row.scaled ? JSON.parse(row.scaled) : undefined,
    keepRunningUntil: optionalDate(row.keep_running_until),
    keepRunningBy: row.keep_running_by ?? undefined,
    attempts: Number(row.attempts),
    nextAttemptAt: optionalDate(row.next_attempt_at),
    lastError: row.last_error ?? undefined,
    leaseUntil: optionalDate(row.lease_until),
  };
}

/**
 * Where each scheduled environment stands, in the plugin's database, shared by the backend's
 * replicas; a lease on a row makes one of them stop or start an environment at a time.
 */
export class ScheduleStore {
  constructor(private readonly knex: Knex) {}

  async get(entityRef: string): Promise<ScheduleRecord | undefined> {
    const row = await this.knex<Row>(SCHEDULES)
      .where({ entity_ref: entityRef })
      .first();
    return row ? toRecord(row) : undefined;
  }

  /** The record of an environment, created running (as first seen) when missing. */
  async getOrCreate(
    entityRef: string,
    now: Date,
    lastEventAt: Date | undefined,
  ): Promise<ScheduleRecord> {
    const known = await this.get(entityRef);
    if (known) return known;
    await this.knex(SCHEDULES)
      .insert({
        entity_ref: entityRef,
        state: 'running',
        since: now,
        last_event_at: lastEventAt ?? null,
        attempts: 0,
      })
      .onConflict('entity_ref')
      .ignore();
    return (await this.get(entityRef))!;
  }

  /** Marks the schedule event handled (or skipped). */
  async handled(entityRef: string, eventAt: Date): Promise<void> {
    await this.knex(SCHEDULES)
      .where({ entity_ref: entityRef })
      .update({ last_event_at: eventAt });
  }

  /**
   * Takes the environment for a stop or a start until `until`, unless another replica holds it;
   * true when taken.
   */
  async lease(
    entityRef: string,
    state: 'stopping' | 'starting',
    until: Date,
    now: Date,
  ): Promise<boolean> {
    const taken = await this.knex(SCHEDULES)
      .where({ entity_ref: entityRef })
      .andWhere(builder =>
        builder.whereNull('lease_until').orWhere('lease_until', '<', now),
      )
      .update({ lease_until: until, state });
    return taken === 1;
  }

  /** The stop or start is done. */
  async reached(
    entityRef: string,
    fields: {
      state: 'running' | 'stopped';
      action: 'shutdown' | 'startup';
      method: ScheduleMethod;
      scaled?: ScaledResources;
      actor?: string;
    },
    now: Date,
  ): Promise<void> {
    await this.knex(SCHEDULES)
      .where({ entity_ref: entityRef })
      .update({
        state: fields.state,
        since: now,
        last_action: fields.action,
        last_actor: fields.actor ?? null,
        method: fields.method,
        ...(fields.scaled !== undefined
          ? { scaled: JSON.stringify(fields.scaled) }
          : {}),
        attempts: 0,
        next_attempt_at: null,
        last_error: null,
        lease_until: null,
      });
  }

  async failed(
    entityRef: string,
    action: 'shutdown' | 'startup',
    error: string,
    nextAttemptAt: Date,
  ): Promise<void> {
    await this.knex(SCHEDULES)
      .where({ entity_ref: entityRef })
      .update({
        state: 'failed',
        last_action: action,
        attempts: this.knex.raw('attempts + 1'),
        last_error: error,
        next_attempt_at: nextAttemptAt,
        lease_until: null,
      });
  }

  /**
   * Gives up retrying a failed action that a newer schedule event makes moot: a failed shutdown
   * leaves it running, a failed startup stopped (what the last stop scaled down is kept).
   */
  async abandon(
    entityRef: string,
    state: 'running' | 'stopped',
    now: Date,
  ): Promise<void> {
    await this.knex(SCHEDULES).where({ entity_ref: entityRef }).update({
      state,
      since: now,
      attempts: 0,
      next_attempt_at: null,
      last_error: null,
    });
  }

  /** Skips the shutdowns until `until` (none with `undefined`). */
  async keepRunning(
    entityRef: string,
    until: Date | undefined,
    by: string,
  ): Promise<void> {
    await this.knex(SCHEDULES)
      .where({ entity_ref: entityRef })
      .update({
        keep_running_until: until ?? null,
        keep_running_by: until ? by : null,
      });
  }
}
