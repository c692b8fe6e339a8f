import type { Knex } from 'knex';
import type {
  EnvironmentEntity,
  PreviewCleanupState,
  PreviewDestroyReason,
} from '@stageline/plugin-environments-common';

const PREVIEWS = 'environment_previews';

/** A preview as the cleanup knows it. */
export interface PreviewRecord {
  entityRef: string;
  componentRef: string;
  /** `owner/repo` of the component. */
  repository: string;
  pullRequest: number;
  /** The preview Environment entity as last seen in the catalog. */
  environment: EnvironmentEntity;
  fallbackBranch?: string;
  ttlMs: number;
  lastPushAt: Date;
  openedAt?: Date;
  lastSeenAt: Date;
  state: Exclude<PreviewCleanupState, 'unmanaged'>;
  reason?: PreviewDestroyReason;
  requestedBy?: string;
  attempts: number;
  nextAttemptAt?: Date;
  lastError?: string;
  checkpoints: Record<string, unknown>;
  leaseUntil?: Date;
  destroyedAt?: Date;
  runUrl?: string;
}

/** What a sighting of a preview in the catalog says about it. */
export type PreviewSighting = Pick<
  PreviewRecord,
  | 'entityRef'
  | 'componentRef'
  | 'repository'
  | 'pullRequest'
  | 'environment'
  | 'fallbackBranch'
  | 'ttlMs'
  | 'lastPushAt'
  | 'openedAt'
>;

type Row = {
  entity_ref: string;
  component_ref: string;
  repository: string;
  pull_request: number;
  environment: string;
  fallback_branch: string | null;
  ttl_ms: number | string;
  last_push_at: Date | string | number;
  opened_at: Date | string | number | null;
  last_seen_at: Date | string | number;
  state: string;
  reason: string | null;
  requested_by: string | null;
  attempts: number;
  next_attempt_at: Date | string | number | null;
  last_error: string | null;
  checkpoints: string;
  lease_until: Date | string | number | null;
  destroyed_at: Date | string | number | null;
  run_url: string | null;
};

const date = (value: Date | string | number) => new Date(value);
const optionalDate = (value: Date | string | number | null) =>
  value === null ? undefined : new Date(value);

function toRecord(row: Row): PreviewRecord {
  return {
    entityRef: row.entity_ref,
    componentRef: row.component_ref,
    repository: row.repository,
    pullRequest: Number(row.pull_request),
    environment: JSON.parse(row.environment),
    fallbackBranch: row.fallback_branch ?? undefined,
    ttlMs: Number(row.ttl_ms),
    lastPushAt: date(row.last_push_at),
    openedAt: optionalDate(row.opened_at),
    lastSeenAt: date(row.last_seen_at),
    state: row.state as PreviewRecord['state'],
    reason: (row.reason ?? undefined) as PreviewDestroyReason | undefined,
    requestedBy: row.requested_by ?? undefined,
    attempts: Number(row.attempts),
    nextAttemptAt: optionalDate(row.next_attempt_at),
    lastError: row.last_error ?? undefined,
    checkpoints: JSON.parse(row.checkpoints),
    leaseUntil: optionalDate(row.lease_until),
    destroyedAt: optionalDate(row.destroyed_at),
    runUrl: row.run_url ?? undefined,
  };
}

function sightingColumns(sighting: PreviewSighting, now: Date) {
  return {
    component_ref: sighting.componentRef,
    repository: sighting.repository,
    pull_request: sighting.pullRequest,
    environment: JSON.stringify(sighting.environment),
    fallback_branch: sighting.fallbackBranch ?? null,
    ttl_ms: sighting.ttlMs,
    last_push_at: sighting.lastPushAt,
    opened_at: sighting.openedAt ?? null,
    last_seen_at: now,
  };
}

/** Whether the record and the sighting are one preview: its component, pull request and stack. */
function samePreview(known: PreviewRecord, sighting: PreviewSighting): boolean {
  return (
    known.componentRef === sighting.componentRef &&
    known.repository === sighting.repository &&
    known.pullRequest === sighting.pullRequest &&
    JSON.stringify(known.environment.spec.deployment ?? null) ===
      JSON.stringify(sighting.environment.spec.deployment ?? null)
  );
}

/** A fresh lifecycle: live, nothing attempted. */
const SCHEDULED = {
  state: 'scheduled',
  reason: null,
  requested_by: null,
  attempts: 0,
  next_attempt_at: null,
  last_error: null,
  checkpoints: '{}',
  destroyed_at: null,
  run_url: null,
};

/**
 * The previews the cleanup knows and where each one's cleanup stands, in the plugin's database.
 * A preview outlives its catalog entity here: after its pull request closes, this is what says
 * how to destroy its stack. Several backend replicas share it; a lease on a row makes one of them
 * destroy a preview at a time.
 */
export class PreviewStore {
  constructor(private readonly knex: Knex) {}

  /**
   * Records that the preview is in the catalog as `sighting` says. A destroyed preview comes
   * back to life when its branch was pushed to after it was destroyed (the pull request lives
   * on, and its workflow deploys it again).
   */
  async sight(sighting: PreviewSighting, now: Date): Promise<void> {
    const known = await this.get(sighting.entityRef);
    if (!known) {
      await this.knex(PREVIEWS).insert({
        entity_ref: sighting.entityRef,
        ...sightingColumns(sighting, now),
        ...SCHEDULED,
      });
      return;
    }
    const revived =
      known.state === 'destroyed' &&
      known.destroyedAt !== undefined &&
      sighting.lastPushAt > known.destroyedAt;
    await this.knex(PREVIEWS)
      .where({ entity_ref: sighting.entityRef })
      .update({
        ...sightingColumns(sighting, now),
        ...(revived ? SCHEDULED : {}),
      });
  }

  async get(entityRef: string): Promise<PreviewRecord | undefined> {
    const row = await this.knex<Row>(PREVIEWS)
      .where({ entity_ref: entityRef })
      .first();
    return row ? toRecord(row) : undefined;
  }

  /** Every preview whose stack is not destroyed yet. */
  async live(): Promise<PreviewRecord[]> {
    const rows = await this.knex<Row>(PREVIEWS)
      .whereNot({ state: 'destroyed' })
      .orderBy('entity_ref');
    return rows.map(toRecord);
  }

  /**
   * Someone asked for the preview to be destroyed now. The record becomes `sighting` — the
   * Environment the request was authorized on — whatever was stored under its name before: an
   * entity registered under the name of a preview the catalog no longer has must not get that
   * preview's stack destroyed. A record that described another preview is replaced, with a fresh
   * lifecycle.
   */
  async request(
    sighting: PreviewSighting,
    actor: string,
    now: Date,
  ): Promise<void> {
    const known = await this.get(sighting.entityRef);
    const requested = {
      state: 'requested',
      reason: 'requested',
      requested_by: actor,
      next_attempt_at: null,
    };
    if (!known) {
      await this.knex(PREVIEWS).insert({
        entity_ref: sighting.entityRef,
        ...sightingColumns(sighting, now),
        ...SCHEDULED,
        ...requested,
      });
      return;
    }
    // The same preview keeps what the cleanup learnt of it (its model's branch, its last push),
    // which the route's sighting does not know; another one replaces it.
    const replaced = !samePreview(known, sighting);
    await this.knex(PREVIEWS)
      .where({ entity_ref: sighting.entityRef })
      .update({
        ...(replaced ? sightingColumns(sighting, now) : {}),
        ...(replaced || known.state === 'destroyed' ? SCHEDULED : {}),
        ...requested,
      });
  }

  /**
   * Takes the preview for destroying until `until`, unless another replica holds it or it is
   * destroyed; true when taken.
   */
  async lease(
    entityRef: string,
    reason: PreviewDestroyReason,
    until: Date,
    now: Date,
  ): Promise<boolean> {
    const taken = await this.knex(PREVIEWS)
      .where({ entity_ref: entityRef })
      .whereNot({ state: 'destroyed' })
      .andWhere(builder =>
        builder.whereNull('lease_until').orWhere('lease_until', '<', now),
      )
      .update({ lease_until: until, state: 'destroying', reason });
    return taken === 1;
  }

  /** Keeps the result of one step of the current attempt. */
  async saveCheckpoint(
    entityRef: string,
    key: string,
    value: unknown,
  ): Promise<void> {
    const known = await this.get(entityRef);
    if (!known) return;
    await this.knex(PREVIEWS)
      .where({ entity_ref: entityRef })
      .update({
        checkpoints: JSON.stringify({ ...known.checkpoints, [key]: value }),
      });
  }

  async destroyed(
    entityRef: string,
    outcome: { runUrl?: string },
    now: Date,
  ): Promise<void> {
    await this.knex(PREVIEWS)
      .where({ entity_ref: entityRef })
      .update({
        state: 'destroyed',
        destroyed_at: now,
        run_url: outcome.runUrl ?? null,
        lease_until: null,
        last_error: null,
        next_attempt_at: null,
        checkpoints: '{}',
      });
  }

  /** The attempt failed: it is tried again from `nextAttemptAt`, with fresh checkpoints. */
  async failed(
    entityRef: string,
    error: string,
    nextAttemptAt: Date,
  ): Promise<void> {
    await this.knex(PREVIEWS)
      .where({ entity_ref: entityRef })
      .update({
        state: 'failed',
        attempts: this.knex.raw('attempts + 1'),
        last_error: error,
        next_attempt_at: nextAttemptAt,
        lease_until: null,
        checkpoints: '{}',
      });
  }

  /** Forgets destroyed previews last seen before `before`. */
  async prune(before: Date): Promise<void> {
    await this.knex(PREVIEWS)
      .where({ state: 'destroyed' })
      .andWhere('last_seen_at', '<', before)
      .delete();
  }
}
