import type {
  AuditorService,
  AuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EnvironmentEntity,
  isEnvironmentEntity,
  previousScheduleEvent,
} from '@stageline/plugin-environments-common';
import {
  AwsAccess,
  environmentTargetOf,
  GithubRepositoryClients,
  redactSecrets,
  assertRepositoryUncontested,
  resolveComponentScope,
  assertRepositoryVouched,
  RepositoryVouchingOptions,
} from '@stageline/plugin-environments-node';
import { runScheduleAction } from './runScheduleAction';
import { assertScheduleAgreed } from './scheduleGuard';
import type { ScheduleRecord, ScheduleStore } from './ScheduleStore';

/** Whether a failed stop or start may be tried again now. */
const due = (record: ScheduleRecord, now: Date) =>
  !record.nextAttemptAt || record.nextAttemptAt <= now;

/** Who the audit log names when the schedule stops or starts an environment. */
export const SCHEDULE_ACTOR = 'plugin:environments/schedule';

/** How schedules run (`environments.schedules`). */
export interface ScheduleSettings {
  enabled: boolean;
  /** Record stops and starts without calling AWS or GitHub (the local example). */
  dryRun: boolean;
  retryInitialMs: number;
  retryMaxMs: number;
  /** How long one stop or start may take. */
  timeoutMs: number;
  pollIntervalMs: number;
}

type Action = 'shutdown' | 'startup';
/** Who asked: the schedule itself, or a user through Stop now / Start now. */
type Trigger = { actor: string; via: 'schedule' | 'stop-now' | 'start-now' };

/**
 * Runs every Environment's `spec.schedule`: at each shutdown it stops the environment, at each
 * startup it starts it (see `runScheduleAction`), unless a "keep running until" override is in
 * force — the shutdown then happens when the override ends. A backend that was down catches up
 * with the latest event; an environment seen for the first time is taken as running (a past
 * shutdown is acted on, a past startup is not). A failed stop or start is tried again with a
 * growing wait and its error kept for the card. Every stop and start is an audit event. Run by
 * the scheduler every minute with `scope: global`; Stop now and Start now use the same path.
 */
export class ScheduleRunner {
  readonly #now: () => Date;

  constructor(
    private readonly options: {
      store: ScheduleStore;
      catalog: CatalogService;
      auth: AuthService;
      auditor: AuditorService;
      aws: AwsAccess;
      github?: Pick<GithubRepositoryClients, 'forRepository'>;
      trustedOwners: string[];
      /** Decides whether a pipeline Environment's component is vouched for its repository. */
      vouching: RepositoryVouchingOptions;
      settings: ScheduleSettings;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.#now = options.now ?? (() => new Date());
  }

  /** One pass over every scheduled Environment. */
  async run(): Promise<void> {
    const { items } = await this.options.catalog.getEntities(
      { filter: { kind: 'Environment' } },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    for (const environment of items.filter(isEnvironmentEntity)) {
      const { schedule } = environment.spec;
      if (!schedule?.shutdown && !schedule?.startup) continue;
      await this.#tick(environment).catch(error =>
        this.options.logger.warn(
          `Schedule of ${stringifyEntityRef(
            environment,
          )} failed: ${redactSecrets(String(error))}`,
        ),
      );
    }
  }

  /** Stop now / Start now: the action at once, for a user the route has authorized. */
  async now(
    environment: EnvironmentEntity,
    action: Action,
    actor: string,
  ): Promise<void> {
    const ref = stringifyEntityRef(environment);
    const now = this.#now();
    const event = previousScheduleEvent(environment.spec.schedule, now);
    await this.options.store.getOrCreate(ref, now, undefined);
    await this.#act(environment, action, {
      actor,
      via: action === 'shutdown' ? 'stop-now' : 'start-now',
    });
    // The user's action supersedes the schedule's last shutdown or startup: Start now at 22:00
    // after an 18:00 shutdown the schedule never acted on must not be stopped again at its next
    // look, only at the next shutdown.
    if (event) await this.options.store.handled(ref, event.at);
  }

  async #tick(environment: EnvironmentEntity): Promise<void> {
    const { store } = this.options;
    const now = this.#now();
    const ref = stringifyEntityRef(environment);
    const event = previousScheduleEvent(environment.spec.schedule, now);
    // First sight: it is taken as running, so a past startup is handled already.
    const record = await store.getOrCreate(
      ref,
      now,
      event?.action === 'startup' ? event.at : undefined,
    );
    if (record.leaseUntil && record.leaseUntil > now) return;
    const fresh =
      event && (!record.lastEventAt || event.at > record.lastEventAt);
    if (!fresh) {
      if (record.state === 'failed' && record.lastAction && due(record, now)) {
        await this.#act(environment, record.lastAction, {
          actor: SCHEDULE_ACTOR,
          via: 'schedule',
        });
      }
      return;
    }
    const failed = record.state === 'failed' ? record.lastAction : undefined;
    if (event.action === 'shutdown') {
      if (record.keepRunningUntil && record.keepRunningUntil > now) return;
      if (failed === 'startup') await store.abandon(ref, 'stopped', now);
      else if (record.state !== 'stopped') {
        await this.#act(environment, 'shutdown', {
          actor: SCHEDULE_ACTOR,
          via: 'schedule',
        });
      }
    } else if (failed === 'shutdown') {
      await store.abandon(ref, 'running', now);
    } else if (record.state !== 'running') {
      await this.#act(environment, 'startup', {
        actor: SCHEDULE_ACTOR,
        via: 'schedule',
      });
    }
    await store.handled(ref, event.at);
  }

  async #act(
    environment: EnvironmentEntity,
    action: Action,
    trigger: Trigger,
  ): Promise<void> {
    const { store, settings, logger } = this.options;
    const ref = stringifyEntityRef(environment);
    const now = this.#now();
    const leased = await store.lease(
      ref,
      action === 'shutdown' ? 'stopping' : 'starting',
      new Date(now.getTime() + settings.timeoutMs + 60_000),
      now,
    );
    if (!leased) return;
    const record = (await store.get(ref))!;
    const audit = await this.options.auditor.createEvent({
      eventId: action === 'shutdown' ? 'environment-stop' : 'environment-start',
      severityLevel: 'high',
      meta: {
        environment: ref,
        stack: environment.spec.deployment?.stackName ?? null,
        actor: trigger.actor,
        via: trigger.via,
        dryRun: settings.dryRun,
      },
    });
    try {
      const credentials = await this.options.auth.getOwnServiceCredentials();
      const scope = await resolveComponentScope({
        environment,
        loadComponent: async componentRef =>
          (await this.options.catalog.getEntityByRef(componentRef, {
            credentials,
          })) ?? undefined,
        trustedOwners: this.options.trustedOwners,
      });
      const target = environmentTargetOf(scope.environment);
      if (target.deployment.mode === 'pipeline' && scope.repository) {
        await assertRepositoryVouched(
          { component: scope.component, repository: scope.repository },
          this.options.vouching,
          `The workflow of ${scope.repository.owner}/${scope.repository.repo} is not dispatched for ${ref}`,
        );
      }
      if (trigger.via === 'schedule' && !settings.dryRun) {
        // Nobody asked: only in a repository no other owner's Component claims.
        await assertRepositoryUncontested({
          catalog: this.options.catalog,
          credentials,
          scope,
          trustedOwners: this.options.trustedOwners,
        });
        await assertScheduleAgreed({
          environment,
          target,
          catalog: this.options.catalog,
          credentials,
          aws: this.options.aws,
        });
      }
      const result = await runScheduleAction({
        action,
        target,
        repository: scope.repository,
        aws: this.options.aws,
        github: this.options.github,
        scaled: record.scaled,
        dryRun: settings.dryRun,
        timing: {
          pollIntervalMs: settings.pollIntervalMs,
          timeoutMs: settings.timeoutMs,
        },
        logger: logger.child({ environment: ref }),
      });
      await store.reached(
        ref,
        {
          state: action === 'shutdown' ? 'stopped' : 'running',
          action,
          method: result.method,
          scaled: result.scaled,
          actor: trigger.via === 'schedule' ? undefined : trigger.actor,
        },
        this.#now(),
      );
      await audit.success({ meta: { method: result.method } });
    } catch (error) {
      const message = redactSecrets((error as Error)?.message ?? String(error));
      const wait = Math.min(
        settings.retryInitialMs * 2 ** record.attempts,
        settings.retryMaxMs,
      );
      const next = new Date(this.#now().getTime() + wait);
      await store.failed(ref, action, message, next);
      await audit.fail({
        error: error as Error,
        meta: { nextAttemptAt: next.toISOString() },
      });
      logger.warn(
        `Could not ${
          action === 'shutdown' ? 'stop' : 'start'
        } ${ref}: ${message}`,
      );
    }
  }
}
