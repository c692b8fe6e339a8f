import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_PULL_REQUEST,
  CostSection,
  DeploymentSection,
  EnvironmentEntity,
  EnvironmentStatus,
  PromotionSection,
  StackDriftReport,
} from '@stageline/plugin-environments-common';
import {
  errorSection,
  toSectionError,
  unconfiguredSection,
} from '@stageline/plugin-environments-node';
import { collectHealth } from '../health/collectHealth';
import type { PromotionStore } from '../database/PromotionStore';
import { CachedComputation } from './CachedComputation';
import type { ProviderRegistry } from './ProviderRegistry';
import { withTimeout } from './withTimeout';

/**
 * Says why an environment's repository must not be read for it (see `RepositoryReadGuard`), or
 * undefined when it may be.
 */
export interface RepositoryReads {
  environmentProblem(
    environment: EnvironmentEntity,
  ): Promise<string | undefined>;
}

/** Finds an environment by ref (with whatever credentials the caller holds). */
export type EnvironmentResolver = (
  ref: string,
) => Promise<EnvironmentEntity | undefined>;

/** How long one deployment read is shared between the deployment section and the stack check. */
const DEPLOYMENT_SHARE_MS = 5_000;

/** Environments whose promotion states one provider timeout covers when read at once. */
const PROMOTIONS_PER_TIMEOUT = 25;

/** The full ref of the environment an environment promotes to, if any. */
function promotionTargetRef(environment: EnvironmentEntity) {
  const promotesTo = environment.spec.promotesTo;
  return promotesTo
    ? stringifyEntityRef(
        parseEntityRef(promotesTo, {
          defaultKind: 'environment',
          defaultNamespace: environment.metadata.namespace ?? 'default',
        }),
      )
    : undefined;
}

/** Whether any section of a status reports an error (a provider failure or timeout). */
function hasErrorSection(status: EnvironmentStatus): boolean {
  return [status.deployment, status.promotion, status.health, status.cost].some(
    section => section.status === 'error',
  );
}

/**
 * Assembles `EnvironmentStatus` from the providers — every section in parallel, each within the
 * provider timeout, a failure or timeout confined to its own section — and keeps it in the cache.
 */
export class EnvironmentStatusService {
  readonly #statuses: CachedComputation<EnvironmentStatus>;
  readonly #deployments = new Map<
    string,
    { at: number; promise: Promise<DeploymentSection> }
  >();

  constructor(
    private readonly options: {
      providers: ProviderRegistry;
      store: PromotionStore;
      cache: CacheService;
      timeoutMs: number;
      cacheTtlMs: number;
      /** Cache time of a status with a section in `error`, so a passing failure heals soon. */
      errorCacheTtlMs: number;
      logger: LoggerService;
      /** Which environments' repositories may be read: none is read for one it refuses. */
      repositoryReads: RepositoryReads;
      /** The stacks' last drift detection, added to the deployment section where there is one. */
      drift?: {
        reportFor(
          environment: EnvironmentEntity,
        ): Promise<StackDriftReport | undefined>;
      };
    },
  ) {
    this.#statuses = new CachedComputation(options.cache, status =>
      hasErrorSection(status) ? options.errorCacheTtlMs : options.cacheTtlMs,
    );
  }

  /** The status from the cache, computed when missing. */
  get(
    environment: EnvironmentEntity,
    resolve: EnvironmentResolver,
  ): Promise<EnvironmentStatus> {
    return this.#statuses.get(this.#key(environment), () =>
      this.#compute(environment, resolve),
    );
  }

  /**
   * Recomputes the status and stores it; a `promotion` section read beforehand (see
   * {@link EnvironmentStatusService.readPromotions}) is used instead of asking the source control.
   */
  refresh(
    environment: EnvironmentEntity,
    resolve: EnvironmentResolver,
    promotion?: PromotionSection,
  ): Promise<EnvironmentStatus> {
    return this.#statuses.refresh(this.#key(environment), () =>
      this.#compute(environment, resolve, promotion),
    );
  }

  /**
   * The promotion sections of many environments read at once, by entity ref, where the source
   * control offers `getPromotionStates` (GitHub: a few batched GraphQL queries instead of
   * requests per environment); empty otherwise, or when that read fails or takes longer than
   * the provider timeout per {@link PROMOTIONS_PER_TIMEOUT} environments (each status then asks
   * on its own).
   */
  async readPromotions(
    environments: EnvironmentEntity[],
    resolve: EnvironmentResolver,
  ): Promise<Map<string, PromotionSection>> {
    const { sourceControl } = this.options.providers;
    if (!sourceControl.getPromotionStates) return new Map();
    const pairs: Array<{
      source: EnvironmentEntity;
      target: EnvironmentEntity;
    }> = [];
    for (const source of environments) {
      const targetRef = promotionTargetRef(source);
      const target = targetRef && (await resolve(targetRef));
      // a pair left out is read on its own, where the refusal is said
      if (target && !(await this.#repositoryProblem(source, target))) {
        pairs.push({ source, target });
      }
    }
    const timeoutMs =
      this.options.timeoutMs *
      Math.max(1, Math.ceil(pairs.length / PROMOTIONS_PER_TIMEOUT));
    try {
      const sections = await withTimeout<PromotionSection[] | undefined>(
        signal => sourceControl.getPromotionStates!(pairs, { signal }),
        timeoutMs,
        () => undefined,
      );
      if (!sections) {
        this.options.logger.warn(
          `Reading the promotion state of ${pairs.length} environments took over ${timeoutMs} ms; reading them one by one`,
        );
        return new Map();
      }
      return new Map(
        pairs.map(({ source }, i) => [stringifyEntityRef(source), sections[i]]),
      );
    } catch (error) {
      this.options.logger.warn(
        `Could not read the promotion state of ${
          pairs.length
        } environments at once; reading them one by one: ${
          toSectionError(error).message
        }`,
      );
      return new Map();
    }
  }

  /** Drops cached statuses (after a promotion). */
  async invalidate(entityRefs: string[]): Promise<void> {
    await Promise.all(
      entityRefs.map(ref => this.#statuses.delete(`status:${ref}`)),
    );
  }

  /** The deployment section, shared for a few seconds with the stack health check. */
  getDeployment(
    environment: EnvironmentEntity,
    signal?: AbortSignal,
  ): Promise<DeploymentSection> {
    const key = stringifyEntityRef(environment);
    const shared = this.#deployments.get(key);
    if (shared && Date.now() - shared.at < DEPLOYMENT_SHARE_MS)
      return shared.promise;
    const providerId =
      environment.spec.deployment?.provider ?? 'cloudformation';
    const provider = this.options.providers.deploymentProviders.get(providerId);
    const promise = provider
      ? provider.getDeployment(environment, { signal })
      : Promise.resolve(
          unconfiguredSection(
            `No deployment provider "${providerId}": install a backend module that provides it`,
            { provider: providerId },
          ),
        );
    this.#deployments.set(key, { at: Date.now(), promise });
    promise.catch(() => this.#deployments.delete(key));
    return promise;
  }

  /** The cost section for another scale (not cached here; the estimate itself is). */
  whatIfCost(
    environment: EnvironmentEntity,
    scale: EnvironmentEntity['spec']['scale'],
  ): Promise<CostSection> {
    return this.#section(
      'Cost',
      signal =>
        this.options.providers.cost.getCost(environment, { signal, scale }),
      {
        currency: environment.spec.budget?.currency ?? 'GBP',
        budgetState: 'unknown' as const,
        scale,
      },
    );
  }

  #key(environment: EnvironmentEntity) {
    return `status:${stringifyEntityRef(environment)}`;
  }

  async #compute(
    environment: EnvironmentEntity,
    resolve: EnvironmentResolver,
    readPromotion?: PromotionSection,
  ): Promise<EnvironmentStatus> {
    const { providers, timeoutMs } = this.options;
    const [deployment, promotion, health, cost] = await Promise.all([
      this.#section(
        'Deployment',
        signal =>
          this.getDeployment(environment, signal).then(section =>
            this.#withDrift(environment, section),
          ),
        {
          provider: environment.spec.deployment?.provider,
          stackName: environment.spec.deployment?.stackName,
          region: environment.spec.deployment?.region,
        },
      ),
      this.#section(
        'Source control',
        signal => this.#promotion(environment, resolve, signal, readPromotion),
        {
          target: environment.spec.promotesTo,
        },
      ),
      collectHealth(environment, providers.healthChecks, timeoutMs),
      this.#section(
        'Cost',
        signal => providers.cost.getCost(environment, { signal }),
        {
          currency: environment.spec.budget?.currency ?? 'GBP',
          budgetState: 'unknown' as const,
          scale: environment.spec.scale,
        },
      ),
    ]);
    const pullRequest = Number(
      environment.metadata.annotations?.[ANNOTATION_PULL_REQUEST],
    );
    return {
      entityRef: stringifyEntityRef(environment),
      name: environment.metadata.name,
      title: environment.metadata.title,
      component: environment.spec.component,
      stage: environment.spec.type,
      scale: environment.spec.scale,
      branch: environment.spec.branch,
      promotesTo: environment.spec.promotesTo,
      pullRequest:
        Number.isInteger(pullRequest) && pullRequest > 0
          ? pullRequest
          : undefined,
      deployment,
      promotion,
      health,
      cost,
      refreshedAt: new Date().toISOString(),
    };
  }

  /** The deployment section with the stack's last drift detection, for a stack that is there. */
  async #withDrift(
    environment: EnvironmentEntity,
    section: DeploymentSection,
  ): Promise<DeploymentSection> {
    const { drift } = this.options;
    if (
      !drift ||
      section.status !== 'ok' ||
      section.stackStatus === 'NOT_FOUND'
    ) {
      return section;
    }
    try {
      const report = await drift.reportFor(environment);
      return report ? { ...section, drift: report } : section;
    } catch (error) {
      return {
        ...section,
        drift: {
          status: 'UNKNOWN',
          driftedResources: [],
          message: `Could not read the last drift detection: ${
            toSectionError(error).message
          }`,
        },
      };
    }
  }

  async #promotion(
    environment: EnvironmentEntity,
    resolve: EnvironmentResolver,
    signal: AbortSignal,
    readPromotion?: PromotionSection,
  ): Promise<PromotionSection> {
    const targetRef = promotionTargetRef(environment);
    if (!targetRef) {
      return {
        status: 'ok',
        message:
          environment.spec.type === 'preview'
            ? 'Previews are not promoted: merge the pull request to move its changes on'
            : `${environment.metadata.name} is the last stage: it promotes nowhere`,
      };
    }
    const target = await resolve(targetRef);
    // Refused before anything is read: no pending commits, pull request, deployed-commit
    // comparison or last promotion (its commits came from the repository too).
    const problem = target
      ? await this.#repositoryProblem(environment, target)
      : await this.options.repositoryReads.environmentProblem(environment);
    if (problem) {
      return unconfiguredSection(problem, {
        target: targetRef,
        sourceBranch: environment.spec.branch,
        targetBranch: target?.spec.branch,
      });
    }
    const lastPromotion = await this.options.store.lastSucceeded(
      stringifyEntityRef(environment),
    );
    if (!target) {
      return {
        status: 'error',
        target: targetRef,
        message: `spec.promotesTo names ${targetRef}, which is not in the catalog`,
        lastPromotion,
      };
    }
    const [state, deployed] = await Promise.all([
      readPromotion ??
        this.options.providers.sourceControl.getPromotionState(
          environment,
          target,
          { signal },
        ),
      this.#deployedComparison(environment, target, signal),
    ]);
    return {
      ...state,
      target: targetRef,
      lastPromotion,
      ...(deployed ? { deployed } : {}),
    };
  }

  /** Why the repository of the source or the target of a promotion must not be read. */
  async #repositoryProblem(
    source: EnvironmentEntity,
    target: EnvironmentEntity,
  ): Promise<string | undefined> {
    const { repositoryReads } = this.options;
    return (
      (await repositoryReads.environmentProblem(source)) ??
      (await repositoryReads.environmentProblem(target))
    );
  }

  /**
   * The commits the source's and the target's stacks run, compared in the repository; undefined
   * where either is not known or the source control cannot compare (the section says the rest).
   */
  async #deployedComparison(
    source: EnvironmentEntity,
    target: EnvironmentEntity,
    signal: AbortSignal,
  ): Promise<PromotionSection['deployed']> {
    const sourceControl = this.options.providers.sourceControl;
    if (!sourceControl.compareCommits) return undefined;
    // The target's stack is read only when the source's commit is known: most stacks without
    // a commit tag cost no second read.
    const from = await this.getDeployment(source, signal).catch(
      () => undefined,
    );
    const sourceCommit = from?.commit;
    if (!sourceCommit) return undefined;
    const to = await this.getDeployment(target, signal).catch(() => undefined);
    const targetCommit = to?.commit;
    if (!targetCommit) return undefined;
    try {
      const comparison = await sourceControl.compareCommits(
        source,
        targetCommit,
        sourceCommit,
        { signal },
      );
      return {
        sourceCommit,
        targetCommit,
        status: comparison.status,
        commitsAhead: comparison.aheadBy,
        commitsBehind: comparison.behindBy,
        compareUrl: comparison.compareUrl,
      };
    } catch (error) {
      this.options.logger.debug(
        `Could not compare the deployed commits of ${
          source.metadata.name
        } and ${target.metadata.name}: ${toSectionError(error).message}`,
      );
      return undefined;
    }
  }

  async #section<T extends object, S>(
    what: string,
    work: (signal: AbortSignal) => Promise<S>,
    fields: T,
  ): Promise<S | (T & { status: 'error' | 'ok' | 'unconfigured' })> {
    const { timeoutMs, logger } = this.options;
    try {
      return await withTimeout<S | (T & { status: 'error' })>(
        work,
        timeoutMs,
        () =>
          errorSection(
            `${what} provider did not answer`,
            new Error(`timed out after ${timeoutMs} ms`),
            fields,
          ) as T & {
            status: 'error';
          },
      );
    } catch (error) {
      logger.warn(`${what} provider failed: ${toSectionError(error).message}`);
      return errorSection(`${what} provider failed`, error, fields) as T & {
        status: 'error';
      };
    }
  }
}
