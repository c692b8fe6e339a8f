import { setTimeout as sleep } from 'node:timers/promises';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  EnvironmentEntity,
  StackDriftReport,
} from '@stageline/plugin-environments-common';
import {
  type AwsAccess,
  stackOf,
  toSectionError,
} from '@stageline/plugin-environments-node';
import type { StackLocation, StackReader } from '../aws/StackReader';
import { detectStackDrift } from './detectStackDrift';
import type { DriftStore } from './DriftStore';
import type { DriftSettings } from './readDriftSettings';

/** Stack statuses drift detection can run on: a settled stack, not one being changed. */
const DETECTABLE = /_COMPLETE$|^UPDATE_ROLLBACK_FAILED$/;

/** The stack an environment runs, by account, region and name. */
export function stackKeyOf(location: StackLocation): string {
  return `${location.accountId ?? ''}/${location.region ?? ''}/${
    location.stackName
  }`;
}

/** What one run of the scheduled detection did, for the log and the benchmark. */
export type DriftRun = {
  detected: number;
  skippedFresh: number;
  skippedNotDeployed: number;
  failed: number;
};

/**
 * CloudFormation drift detection of the environments' stacks, run on a schedule and kept in the
 * database: each stack at most once per `interval` (a result younger than that is kept, across
 * restarts and backend instances), one detection at a time and at most `detectionsPerMinute`
 * started a minute (CloudFormation throttles `DetectStackDrift`), only on settled stacks. The
 * deployment section reads the last result.
 */
export class DriftDetection {
  #lastStart = 0;

  constructor(
    private readonly options: {
      store: DriftStore;
      stacks: StackReader;
      aws: AwsAccess;
      settings: DriftSettings;
      logger: LoggerService;
      now?: () => number;
      /** Waits between detections (tests record them instead). */
      sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
    },
  ) {}

  #now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Detects the drift of every environment's stack that is due. */
  async runOnce(
    environments: EnvironmentEntity[],
    signal?: AbortSignal,
  ): Promise<DriftRun> {
    const run: DriftRun = {
      detected: 0,
      skippedFresh: 0,
      skippedNotDeployed: 0,
      failed: 0,
    };
    if (!this.options.aws.getConfiguration().configured) return run;
    const stacks = new Map<string, StackLocation>();
    for (const environment of environments) {
      const location = stackOf(environment);
      if (
        location &&
        (environment.spec.deployment?.provider ?? 'cloudformation') ===
          'cloudformation'
      ) {
        stacks.set(stackKeyOf(location), location);
      }
    }
    for (const [key, location] of stacks) {
      if (signal?.aborted) break;
      const last = await this.options.store.get(key);
      if (
        last?.checkedAt &&
        this.#now() - Date.parse(last.checkedAt) <
          this.options.settings.intervalMs
      ) {
        run.skippedFresh++;
        continue;
      }
      try {
        const stack = await this.options.stacks.describe(location, signal);
        if (!stack?.StackId || !DETECTABLE.test(stack.StackStatus ?? '')) {
          run.skippedNotDeployed++;
          continue;
        }
        await this.#waitForTurn(signal);
        const report = await detectStackDrift({
          cloudFormation: await this.options.stacks.client(location),
          stackId: stack.StackId,
          pollIntervalMs: this.options.settings.pollIntervalMs,
          timeoutMs: this.options.settings.timeoutMs,
          signal,
        });
        await this.options.store.save(key, {
          ...report,
          stackId: stack.StackId,
        });
        run.detected++;
      } catch (error) {
        if (signal?.aborted) throw error;
        run.failed++;
        const message = toSectionError(error).message;
        this.options.logger.warn(
          `Drift detection of ${location.stackName} failed: ${message}`,
        );
        await this.options.store.save(key, {
          status: 'UNKNOWN',
          checkedAt: new Date(this.#now()).toISOString(),
          driftedResources: [],
          message: `Drift detection failed: ${message}`,
        });
      }
    }
    return run;
  }

  /** The last result for an environment's stack; undefined where there is nothing to detect. */
  async reportFor(
    environment: EnvironmentEntity,
  ): Promise<StackDriftReport | undefined> {
    const location = stackOf(environment);
    if (!location || !this.options.aws.getConfiguration().configured) {
      return undefined;
    }
    const stored = await this.options.store.get(stackKeyOf(location));
    if (stored) {
      const { stackId: _stackId, ...report } = stored;
      return report;
    }
    return {
      status: 'NOT_CHECKED',
      driftedResources: [],
      message: this.options.settings.enabled
        ? `Not checked since the last deployment: drift detection runs every ${describe(
            this.options.settings.intervalMs,
          )}`
        : 'Drift detection is off (environments.drift.enabled)',
    };
  }

  /** Forgets an environment's result: its stack was just deployed, so it no longer applies. */
  async forget(environment: EnvironmentEntity): Promise<void> {
    const location = stackOf(environment);
    if (location) await this.options.store.forget(stackKeyOf(location));
  }

  /** Spaces detections out: at most `detectionsPerMinute` started a minute. */
  async #waitForTurn(signal?: AbortSignal): Promise<void> {
    const spacing = 60_000 / this.options.settings.detectionsPerMinute;
    const wait = this.#lastStart + spacing - this.#now();
    if (wait > 0) {
      if (this.options.sleep) await this.options.sleep(wait, signal);
      else await sleep(wait, undefined, { signal });
    }
    this.#lastStart = this.#now();
  }
}

function describe(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours >= 1 && Number.isInteger(hours)) {
    return hours === 1 ? 'hour' : `${hours} hours`;
  }
  return `${Math.round(ms / 60_000)} minutes`;
}
