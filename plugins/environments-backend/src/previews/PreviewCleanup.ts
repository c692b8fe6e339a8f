import type {
  AuditorService,
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_PREVIEW_OF,
  isEnvironmentEntity,
  PreviewDestroyReason,
} from '@stageline/plugin-environments-common';
import {
  assertRepositoryUncontested,
  AwsAccess,
  GithubRepositoryClients,
  isProviderPreview,
  parseRepositorySlug,
  redactSecrets,
  resolveComponentScope,
  RunSearch,
  assertRepositoryVouched,
  RepositoryVouchingOptions,
} from '@stageline/plugin-environments-node';
import { destroyPreviewStack } from './destroyPreviewStack';
import { sightingOf } from './sightingOf';
import type { PreviewRecord, PreviewStore } from './PreviewStore';
import {
  PreviewCleanupSettings,
  retryDelayMs,
} from './readPreviewCleanupSettings';

/** Who the audit log names when the cleanup destroys a preview by itself. */
export const CLEANUP_ACTOR = 'plugin:environments/preview-cleanup';

/** How long destroyed previews are remembered after they leave the catalog. */
const FORGET_AFTER_MS = 30 * 86_400_000;

const RUN_SEARCH: RunSearch = { attempts: 10, intervalMs: 3_000 };

/**
 * The preview cleanup: destroys the stack of every preview the preview provider made whose pull
 * request closed, whose branch has had no push for its time to live, or that someone asked to be
 * destroyed — through the same code as `environment:destroy`, never a stack that does not carry
 * the preview's tags. A failed destroy is tried again with a growing wait (`retry.initial`
 * doubling up to `retry.max`) and its error kept for the card. Every attempt is an audit event
 * `environment-preview-destroy`. Run by the backend's scheduler with `scope: global` (one replica
 * at a time); a lease on each preview keeps "Destroy now" on another replica from racing it.
 */
export class PreviewCleanup {
  readonly #now: () => Date;

  constructor(
    private readonly options: {
      store: PreviewStore;
      catalog: CatalogService;
      auth: AuthService;
      auditor: AuditorService;
      aws: AwsAccess;
      github?: Pick<GithubRepositoryClients, 'forRepository'>;
      settings: PreviewCleanupSettings;
      /** `environments.security.trustedEnvironmentOwners`. */
      trustedOwners: string[];
      /** Decides whether the preview's component is vouched for its repository. */
      vouching: RepositoryVouchingOptions;
      logger: LoggerService;
      runSearch?: RunSearch;
      now?: () => Date;
    },
  ) {
    this.#now = options.now ?? (() => new Date());
  }

  /** One pass: learn the previews in the catalog, then destroy what is due. */
  async run(): Promise<void> {
    const now = this.#now();
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const seen = await this.#sightAll(credentials, now);
    for (const record of await this.options.store.live()) {
      const reason = await this.#dueReason(record, seen, now);
      if (!reason) continue;
      if (record.nextAttemptAt && record.nextAttemptAt > now) continue;
      await this.destroy(record, reason);
    }
    await this.options.store.prune(new Date(now.getTime() - FORGET_AFTER_MS));
  }

  /** Destroys a preview someone asked to be destroyed, now (the route calls it after authorizing). */
  async destroyRequested(entityRef: string): Promise<void> {
    const record = await this.options.store.get(entityRef);
    if (record?.state === 'requested') await this.destroy(record, 'requested');
  }

  /**
   * The cleanup destroys on its own only in a repository no other owner's Component claims (the
   * workflow it dispatches decides by the preview id which stack it destroys) and the catalog
   * vouches for as the component's.
   */
  async #assertUnattendedAllowed(record: PreviewRecord): Promise<void> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const scope = await resolveComponentScope({
      environment: record.environment,
      loadComponent: async ref =>
        (await this.options.catalog.getEntityByRef(ref, { credentials })) ??
        undefined,
      trustedOwners: this.options.trustedOwners,
    });
    await assertRepositoryUncontested({
      catalog: this.options.catalog,
      credentials,
      scope,
      trustedOwners: this.options.trustedOwners,
    });
    if (scope.repository) {
      await assertRepositoryVouched(
        { component: scope.component, repository: scope.repository },
        this.options.vouching,
        `${record.entityRef} is not destroyed unattended in ${scope.repository.owner}/${scope.repository.repo}`,
      );
    }
  }

  /** One attempt at destroying the preview, audited; a failure is kept and retried later. */
  async destroy(
    record: PreviewRecord,
    reason: PreviewDestroyReason,
  ): Promise<void> {
    const { store, auditor, settings, logger } = this.options;
    const now = this.#now();
    const leased = await store.lease(
      record.entityRef,
      reason,
      new Date(now.getTime() + settings.destroyTimeoutMs + 60_000),
      now,
    );
    if (!leased) return;
    const actor =
      reason === 'requested' && record.requestedBy
        ? record.requestedBy
        : CLEANUP_ACTOR;
    const audit = await auditor.createEvent({
      eventId: 'environment-preview-destroy',
      severityLevel: 'high',
      meta: {
        preview: record.entityRef,
        pullRequest: record.pullRequest,
        repository: record.repository,
        stack: record.environment.spec.deployment?.stackName ?? null,
        reason,
        attempt: record.attempts + 1,
        actor,
      },
    });
    try {
      if (reason !== 'requested') await this.#assertUnattendedAllowed(record);
      const outcome = await destroyPreviewStack({
        record,
        aws: this.options.aws,
        github: this.options.github,
        saveCheckpoint: (key, value) =>
          store.saveCheckpoint(record.entityRef, key, value),
        timeoutMs: settings.destroyTimeoutMs,
        pollIntervalMs: settings.pollIntervalMs,
        runSearch: this.options.runSearch ?? RUN_SEARCH,
        logger: logger.child({ preview: record.entityRef }),
      });
      await store.destroyed(record.entityRef, outcome, this.#now());
      await audit.success({
        meta: { status: outcome.status, runUrl: outcome.runUrl ?? null },
      });
      logger.info(
        `Destroyed the stack of ${record.entityRef} (${reason}): ${outcome.status}`,
      );
    } catch (error) {
      const message = redactSecrets((error as Error)?.message ?? String(error));
      const next = new Date(
        this.#now().getTime() + retryDelayMs(settings, record.attempts + 1),
      );
      await store.failed(record.entityRef, message, next);
      await audit.fail({
        error: error as Error,
        meta: { nextAttemptAt: next.toISOString() },
      });
      logger.warn(
        `Could not destroy the stack of ${
          record.entityRef
        } (${reason}): ${message}; trying again at ${next.toISOString()}`,
      );
    }
  }

  /** Records every preview of the provider in the catalog; their refs. */
  async #sightAll(
    credentials: BackstageCredentials,
    now: Date,
  ): Promise<Set<string>> {
    const { catalog, store } = this.options;
    const { items } = await catalog.getEntities(
      { filter: { kind: 'Environment', 'spec.type': 'preview' } },
      { credentials },
    );
    const previews = items
      .filter(isEnvironmentEntity)
      .filter(isProviderPreview);
    const modelRefs = [
      ...new Set(
        previews.flatMap(
          p => p.metadata.annotations?.[ANNOTATION_PREVIEW_OF] ?? [],
        ),
      ),
    ];
    const { items: models } = await catalog.getEntitiesByRefs(
      { entityRefs: modelRefs },
      { credentials },
    );
    const branchOf = new Map(
      modelRefs.map((ref, index) => {
        const model = models[index];
        return [
          ref,
          isEnvironmentEntity(model ?? undefined)
            ? (model as { spec: { branch?: string } }).spec.branch
            : undefined,
        ];
      }),
    );
    const seen = new Set<string>();
    for (const preview of previews) {
      const sighting = sightingOf(preview, branchOf);
      if (!sighting) continue;
      await store.sight(sighting, now);
      seen.add(sighting.entityRef);
    }
    return seen;
  }

  /**
   * Why the preview is due for destroying now, if it is: someone asked; its pull request closed
   * (it left the catalog and GitHub says closed — an outage never counts as closed); or its last
   * push is older than its time to live.
   */
  async #dueReason(
    record: PreviewRecord,
    seen: Set<string>,
    now: Date,
  ): Promise<PreviewDestroyReason | undefined> {
    if (record.reason === 'requested' || record.reason === 'closed') {
      return record.reason;
    }
    if (
      !seen.has(record.entityRef) &&
      (await this.#pullRequestClosed(record))
    ) {
      return 'closed';
    }
    if (now.getTime() - record.lastPushAt.getTime() > record.ttlMs) {
      return 'expired';
    }
    return undefined;
  }

  async #pullRequestClosed(record: PreviewRecord): Promise<boolean> {
    const repository = parseRepositorySlug(record.repository);
    if (!repository || !this.options.github) return false;
    try {
      const octokit = await this.options.github.forRepository({
        host: 'github.com',
        ...repository,
      });
      const { data } = await octokit.rest.pulls.get({
        ...repository,
        pull_number: record.pullRequest,
      });
      return data.state === 'closed';
    } catch (error) {
      this.options.logger.warn(
        `Could not read pull request #${record.pullRequest} of ${
          record.repository
        } for ${record.entityRef}: ${redactSecrets(
          (error as Error).message,
        )}; its preview is kept until it can be read`,
      );
      return false;
    }
  }
}
