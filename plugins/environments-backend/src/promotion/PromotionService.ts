import type {
  AuditorService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError } from '@backstage/errors';
import type {
  PromoteRequest,
  PromotionRecord,
} from '@stageline/plugin-environments-common';
import {
  assertPromotionSucceeded,
  PromotionEngine,
} from './engine/PromotionEngine';
import type { EnvironmentCatalog } from '../catalog/EnvironmentCatalog';
import type { PromotionStore } from '../database/PromotionStore';
import type { PromotionAuthorizer } from './PromotionAuthorizer';
import type { EnvironmentStatusService } from '../status/EnvironmentStatusService';

/** Who is asking, for history and audit. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef)
    return principal.userEntityRef;
  if (principal.type === 'service' && principal.subject)
    return principal.subject;
  return principal.type;
}

/**
 * Promotion as the REST API offers it: the engine from environments-node wrapped in the
 * authorization on what the promotion changes (see {@link PromotionAuthorizer}), a lock per
 * target, history and an audit event for every attempt. Dry runs take no lock and write no history: they answer a
 * `PromotionRecord`-shaped preview with an id `dry-run-<uuid>` that is not stored.
 */
export class PromotionService {
  constructor(
    private readonly options: {
      engine: PromotionEngine;
      store: PromotionStore;
      catalog: EnvironmentCatalog;
      authorizer: PromotionAuthorizer;
      auditor: AuditorService;
      statuses: EnvironmentStatusService;
      lockTimeoutMs: number;
      logger: LoggerService;
    },
  ) {}

  /** Promotes from the environment `sourceRef` into its `promotesTo`. */
  async promote(input: {
    sourceRef: string;
    body: PromoteRequest;
    credentials: BackstageCredentials;
    request: Request;
  }): Promise<PromotionRecord> {
    const { engine, store, catalog, authorizer, auditor } = this.options;
    const { credentials, body } = input;
    const dryRun = body.dryRun ?? false;
    // what was asked for; the strategy used is in the success meta and the history
    const strategy = body.strategy ?? engine.defaultStrategy;
    const actor = actorOf(credentials);
    const audit = await auditor.createEvent({
      eventId: 'environment-promote',
      // medium, not low: Backstage logs low-severity audit events at debug, where they vanish
      severityLevel: dryRun ? 'medium' : 'high',
      request: input.request,
      meta: { source: input.sourceRef, strategy, dryRun, actor },
    });
    let holder: string | undefined;
    let targetRef: string | undefined;
    try {
      const source = await catalog.get(input.sourceRef, credentials);
      const sourceRef = stringifyEntityRef(source);
      if (!source.spec.promotesTo) {
        throw new ConflictError(
          `${input.sourceRef} has no spec.promotesTo: there is nothing to promote it into`,
        );
      }
      targetRef = stringifyEntityRef(
        parseEntityRef(source.spec.promotesTo, {
          defaultKind: 'environment',
          defaultNamespace: source.metadata.namespace ?? 'default',
        }),
      );
      const authorized = await authorizer.authorize({
        source,
        target: await catalog.get(targetRef, credentials),
        credentials,
        actor,
      });
      if (!dryRun) {
        holder = await store.tryLock(targetRef, this.options.lockTimeoutMs);
        if (!holder) {
          throw new ConflictError(
            `A promotion into ${targetRef} is already running; try again when it has finished`,
          );
        }
      }
      const createdAt = new Date().toISOString();
      const outcome = await engine.promote({
        source: authorized.source,
        target: authorized.target,
        // unset: the engine picks the default the source control can carry out
        strategy: body.strategy,
        dryRun,
        actor,
      });
      const attempt = {
        sourceRef,
        targetRef,
        actor,
        strategy: outcome.strategy,
        result: outcome.result,
        commits: outcome.commits,
        gates: outcome.gates,
        link: outcome.link,
        runId: outcome.runId,
        message: outcome.message,
        createdAt,
        finishedAt: new Date().toISOString(),
      };
      // A dry run changes nothing, so it leaves no history (the Promote dialog runs one each
      // time it opens); the audit event below still says who checked what.
      const record: PromotionRecord = dryRun
        ? { ...attempt, id: `dry-run-${randomUUID()}` }
        : await store.record(attempt);
      if (outcome.result === 'succeeded') {
        await this.options.statuses.invalidate([sourceRef, targetRef]);
      }
      assertPromotionSucceeded(outcome);
      await audit.success({
        meta: {
          target: targetRef,
          strategy: outcome.strategy,
          authorizedOn: authorized.guards,
          result: outcome.result,
          promotionId: dryRun ? null : record.id,
          link: outcome.link ?? null,
          runId: outcome.runId ?? null,
        },
      });
      return record;
    } catch (error) {
      await audit.fail({
        error: error as Error,
        meta: { target: targetRef ?? null },
      });
      throw error;
    } finally {
      if (holder && targetRef) {
        await store
          .unlock(targetRef, holder)
          .catch(error =>
            this.options.logger.warn(
              `Could not release the promotion lock on ${targetRef}: ${error}`,
            ),
          );
      }
    }
  }
}
