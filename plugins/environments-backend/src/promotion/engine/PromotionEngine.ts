import { ConflictError, InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EnvironmentEntity,
  PendingCommit,
  PromotionGateResult,
  PromotionResult,
  PromotionStrategy,
} from '@stageline/plugin-environments-common';
import { configurationError } from '@stageline/plugin-environments-node';
import type {
  EnvironmentDeploymentProvider,
  EnvironmentSourceControlProvider,
  ProviderCallOptions,
} from '@stageline/plugin-environments-node';
import type { FreezeWindow } from './freezeWindows';
import {
  checksGreenGate,
  commitsPendingGate,
  deployedVersionGate,
  deploymentCompleteGate,
  freezeWindowGate,
  pullRequestReadyGate,
} from './gates';

/**
 * Options for {@link PromotionEngine}.
 *
 * @public
 */
export interface PromotionEngineOptions {
  sourceControl: EnvironmentSourceControlProvider;
  /** Deployment providers by id (`spec.deployment.provider`, default `cloudformation`). */
  deploymentProviders?: EnvironmentDeploymentProvider[];
  freezeWindows?: FreezeWindow[];
  /** Strategy when a request names none. Default `pull-request`. */
  defaultStrategy?: PromotionStrategy;
  /** The clock, for freeze windows. */
  now?: () => Date;
}

/**
 * A promotion request: from `source` into `target` (which must be `source.spec.promotesTo`).
 *
 * @public
 */
export interface PromotionInput extends ProviderCallOptions {
  source: EnvironmentEntity;
  target: EnvironmentEntity;
  strategy?: PromotionStrategy;
  /** Run the gates and say what would happen; change nothing. */
  dryRun?: boolean;
  /** Entity ref of who asked, written into the pull request or merge message. */
  actor?: string;
}

/**
 * What a promotion did (or, for `dry-run` and `blocked`, would have done).
 *
 * @public
 */
export interface PromotionOutcome {
  result: PromotionResult;
  strategy: PromotionStrategy;
  gates: PromotionGateResult[];
  /** Commits the source branch has that the target lacks. */
  commits: PendingCommit[];
  compareUrl?: string;
  /** Pull request, merge commit or workflow page. */
  link?: string;
  pullRequest?: { number: number; url: string };
  /** For `workflow-dispatch`: the id of the workflow run started, once it was found. */
  runId?: number;
  /** One sentence a person can act on. */
  message: string;
  /** For `failed`: what went wrong (a `@backstage/errors` error). */
  error?: Error;
}

const STRATEGY_VERBS: Record<PromotionStrategy, string> = {
  'pull-request': 'open (or reuse) a pull request from',
  merge: 'merge the open pull request from',
  'workflow-dispatch': 'dispatch the promote workflow for',
};

/**
 * The promotion engine behind the environments backend's `POST .../promote` (which the
 * `environment:promote` scaffolder action calls): checks that the two environments belong together,
 * runs the gates (freeze window, source deployment complete, the source runs its branch's head,
 * source checks green, commits pending; for the merge strategy also the promotion pull request approved and mergeable), and
 * carries out the promotion through source control. It holds no locks and writes
 * no history: callers add those.
 *
 * @public
 */
export class PromotionEngine {
  readonly #options: PromotionEngineOptions;

  constructor(options: PromotionEngineOptions) {
    this.#options = options;
  }

  /** The strategy a request gets when it names none. */
  get defaultStrategy(): PromotionStrategy {
    return this.#options.defaultStrategy ?? 'pull-request';
  }

  /**
   * The strategy a promotion into `target` uses: the one asked for, else the default. Where the
   * source control says which strategies it can carry out there (`getStrategies`), a request
   * naming none gets the default if it is available, else the first available one; a request
   * naming one that is not available is refused with a `ConflictError` saying why.
   */
  strategyFor(input: {
    target: EnvironmentEntity;
    strategy?: PromotionStrategy;
  }): PromotionStrategy {
    const support = this.#options.sourceControl.getStrategies?.(input.target);
    if (!support) return input.strategy ?? this.defaultStrategy;
    const available = support.filter(s => s.available).map(s => s.strategy);
    const wanted = input.strategy ?? this.defaultStrategy;
    if (available.includes(wanted)) return wanted;
    if (!input.strategy && available.length > 0) return available[0];
    const why = support.find(s => s.strategy === wanted)?.description;
    throw new ConflictError(
      `Strategy ${wanted} is not available for ${input.target.metadata.name}${
        why ? `: ${why}` : ''
      }`,
    );
  }

  /**
   * Runs every gate (all of them, so a blocked promotion names each failing gate) and reads the
   * pending commits. Changes nothing. With strategy `merge` (named in the input or the default)
   * the gate `pull-request-ready` runs too: the open promotion pull request must be approved
   * and mergeable.
   */
  async evaluate(input: PromotionInput): Promise<{
    gates: PromotionGateResult[];
    commits: PendingCommit[];
    /** How many commits wait, when `commits` lists only the newest. */
    aheadBy?: number;
    compareUrl?: string;
  }> {
    const { source, target } = input;
    this.#assertPair(source, target);
    const configuration = this.#options.sourceControl.getConfiguration(source);
    if (!configuration.configured) throw configurationError(configuration);

    const callOptions = { signal: input.signal };
    const deploymentProvider = this.#options.deploymentProviders?.find(
      p => p.id === (source.spec.deployment?.provider ?? 'cloudformation'),
    );
    const merging = this.strategyFor(input) === 'merge';
    const deployment = deploymentProvider?.getDeployment(source, callOptions);
    deployment?.catch(() => undefined);
    const [deploymentGate, checksGate, pending, pullRequestGate] =
      await Promise.all([
        deploymentCompleteGate(source, deploymentProvider, deployment),
        checksGreenGate(source, this.#options.sourceControl, callOptions),
        this.#options.sourceControl
          .getPendingCommits(source, target, callOptions)
          .catch((error: Error) => error),
        merging
          ? pullRequestReadyGate(
              source,
              target,
              this.#options.sourceControl,
              callOptions,
            )
          : undefined,
      ]);
    const now = (this.#options.now ?? (() => new Date()))();
    const gates = [
      freezeWindowGate(target, this.#options.freezeWindows ?? [], now),
      deploymentGate,
      await deployedVersionGate(
        source,
        deployment,
        pending instanceof Error ? undefined : pending.headSha,
      ),
      checksGate,
      commitsPendingGate(
        source,
        target,
        pending instanceof Error
          ? pending
          : pending.aheadBy ?? pending.commits.length,
      ),
      ...(pullRequestGate ? [pullRequestGate] : []),
    ];
    return pending instanceof Error
      ? { gates, commits: [] }
      : {
          gates,
          commits: pending.commits,
          aheadBy: pending.aheadBy,
          compareUrl: pending.compareUrl,
        };
  }

  /**
   * Evaluates the gates and, unless one failed or this is a dry run, promotes. Returns the
   * outcome for every result (`blocked` and `failed` included, so callers can record them);
   * throws only for requests that make no sense (wrong pair, provider not configured).
   */
  async promote(input: PromotionInput): Promise<PromotionOutcome> {
    const strategy = this.strategyFor(input);
    const { gates, commits, aheadBy, compareUrl } = await this.evaluate(input);
    const base = { strategy, gates, commits, compareUrl };
    const failed = gates.filter(g => g.status === 'failed');
    if (failed.length > 0) {
      return {
        ...base,
        result: 'blocked',
        message: `Promotion blocked by ${failed
          .map(g => `gate ${g.id} (${g.message})`)
          .join('; ')}`,
      };
    }
    const { source, target } = input;
    const count = aheadBy ?? commits.length;
    const verb =
      this.#options.sourceControl
        .getStrategies?.(target)
        .find(s => s.strategy === strategy)?.action ?? STRATEGY_VERBS[strategy];
    const what = `${verb} ${source.spec.branch} into ${
      target.spec.branch
    } (${count} commit${count === 1 ? '' : 's'})`;
    if (input.dryRun) {
      return {
        ...base,
        result: 'dry-run',
        link: compareUrl,
        message: `Gates passed; would ${what}`,
      };
    }
    try {
      const done = await this.#options.sourceControl.promote({
        source,
        target,
        strategy,
        commits,
        aheadBy,
        actor: input.actor,
      });
      return { ...base, result: 'succeeded', ...done };
    } catch (error) {
      return {
        ...base,
        result: 'failed',
        message: `Could not ${what}: ${(error as Error).message}`,
        error: error as Error,
      };
    }
  }

  #assertPair(source: EnvironmentEntity, target: EnvironmentEntity): void {
    const promotesTo = source.spec.promotesTo;
    if (!promotesTo) {
      throw new ConflictError(
        `${source.metadata.name} has no spec.promotesTo: there is nothing to promote it into`,
      );
    }
    const expected = stringifyEntityRef(
      parseEntityRef(promotesTo, {
        defaultKind: 'environment',
        defaultNamespace: source.metadata.namespace ?? 'default',
      }),
    );
    if (expected !== stringifyEntityRef(target)) {
      throw new InputError(
        `${
          source.metadata.name
        } promotes to ${expected}, not ${stringifyEntityRef(target)}`,
      );
    }
  }
}

/**
 * Throws the error a blocked (409 `ConflictError` naming the gates) or failed promotion stands
 * for; returns for `succeeded` and `dry-run`.
 *
 * @public
 */
export function assertPromotionSucceeded(outcome: PromotionOutcome): void {
  if (outcome.result === 'blocked') throw new ConflictError(outcome.message);
  if (outcome.result === 'failed')
    throw outcome.error ?? new Error(outcome.message);
}
