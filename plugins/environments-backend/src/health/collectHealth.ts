import type {
  EnvironmentEntity,
  HealthCheckResult,
  HealthSection,
  HealthState,
} from '@stageline/plugin-environments-common';
import {
  EnvironmentHealthCheck,
  EnvironmentHealthCheckOutcome,
  toSectionError,
} from '@stageline/plugin-environments-node';
import { withTimeout } from '../status/withTimeout';

const SEVERITY: HealthState[] = ['healthy', 'unknown', 'degraded', 'unhealthy'];

function worst(states: HealthState[]): HealthState {
  if (states.length === 0) return 'unknown';
  if (states.every(s => s === 'unknown')) return 'unknown';
  return states.reduce(
    (a, b) => (SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a),
    'healthy',
  );
}

type Ran =
  | EnvironmentHealthCheckOutcome
  | {
      status: 'error';
      id: string;
      message: string;
      error: { name: string; message: string };
    };

/**
 * Runs every health check of an environment in parallel, each within `timeoutMs`, and folds
 * them into one section: `ok` when at least one check ran (a check that failed or timed out
 * shows as an `unknown` result naming why), `unconfigured` when none applies, `error` when every
 * applicable check failed. The state is the worst of the results.
 */
export async function collectHealth(
  environment: EnvironmentEntity,
  checks: EnvironmentHealthCheck[],
  timeoutMs: number,
): Promise<HealthSection> {
  const ran: Ran[] = await Promise.all(
    checks.map(check =>
      withTimeout<Ran>(
        signal => check.check(environment, { signal }),
        timeoutMs,
        () => ({
          status: 'error',
          id: check.id,
          message: `${check.id} check timed out after ${timeoutMs} ms`,
          error: {
            name: 'TimeoutError',
            message: `timed out after ${timeoutMs} ms`,
          },
        }),
      ).catch(error => ({
        status: 'error' as const,
        id: check.id,
        message: `${check.id} check failed: ${toSectionError(error).message}`,
        error: toSectionError(error),
      })),
    ),
  );
  const results: HealthCheckResult[] = [];
  const notes: string[] = [];
  const unconfigured = new Map<string, string[]>();
  let okCount = 0;
  let errorCount = 0;
  let url: string | undefined;
  let httpStatus: number | undefined;
  let latencyMs: number | undefined;
  let firstError: { name: string; message: string } | undefined;
  for (const outcome of ran) {
    if (outcome.status === 'ok') {
      okCount++;
      results.push(...outcome.results);
      url ??= outcome.url;
      httpStatus ??= outcome.httpStatus;
      latencyMs ??= outcome.latencyMs;
    } else if (outcome.status === 'unconfigured') {
      const ids = unconfigured.get(outcome.message) ?? [];
      unconfigured.set(outcome.message, [
        ...ids,
        checks[ran.indexOf(outcome)].id,
      ]);
    } else {
      errorCount++;
      firstError ??= outcome.error;
      notes.push(outcome.message);
      results.push({
        name: outcome.id,
        state: 'unknown',
        detail: outcome.message,
      });
    }
  }
  for (const [reason, ids] of unconfigured) {
    notes.push(`${ids.join(' and ')} not checked: ${reason}`);
  }
  const state = worst(results.map(r => r.state));
  const base = {
    url,
    httpStatus,
    latencyMs,
    checks: results,
    checkedAt: new Date().toISOString(),
  };
  if (okCount > 0) {
    const summary = `${state} (${
      results.filter(r => r.state === 'healthy').length
    }/${results.length} checks healthy)`;
    return {
      ...base,
      status: 'ok',
      state,
      message: [summary, ...notes].join('. '),
    };
  }
  if (errorCount > 0) {
    return {
      ...base,
      status: 'error',
      state: 'unknown',
      message: notes.join('. '),
      error: firstError,
    };
  }
  return {
    ...base,
    status: 'unconfigured',
    state: 'unknown',
    message: notes.join('. ') || 'No health check applies to this environment',
  };
}
