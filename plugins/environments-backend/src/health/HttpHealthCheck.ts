import type {
  EnvironmentEntity,
  HealthCheckResult,
  HealthState,
} from '@stageline/plugin-environments-common';
import type {
  EnvironmentHealthCheck,
  EnvironmentHealthCheckOutcome,
  ProviderCallOptions,
} from '@stageline/plugin-environments-node';

const HEALTHY = new Set(['ok', 'healthy', 'up', 'pass', 'passing', 'green']);
const DEGRADED = new Set(['degraded', 'warn', 'warning', 'yellow']);

/** Maps a `status` word of a health body to a state. */
function stateOf(status: unknown): HealthState {
  if (typeof status !== 'string') return 'unknown';
  const word = status.toLowerCase();
  if (HEALTHY.has(word)) return 'healthy';
  if (DEGRADED.has(word)) return 'degraded';
  return 'unhealthy';
}

/**
 * Probes `spec.healthCheck.url`: the HTTP status decides (2xx healthy, anything else
 * unhealthy) unless a JSON body `{ status, checks: { name: { status } } }` says more — its
 * `status` refines the verdict and every entry of `checks` becomes a result of its own.
 */
export class HttpHealthCheck implements EnvironmentHealthCheck {
  readonly id = 'http';

  constructor(private readonly timeoutMs: number) {}

  async check(
    environment: EnvironmentEntity,
    options: ProviderCallOptions = {},
  ): Promise<EnvironmentHealthCheckOutcome> {
    const url = environment.spec.healthCheck?.url;
    if (!url) {
      return {
        status: 'unconfigured',
        message: `${environment.metadata.name} has no spec.healthCheck.url: add the URL of its health endpoint`,
      };
    }
    const started = Date.now();
    const signals = [
      AbortSignal.timeout(this.timeoutMs),
      options.signal,
    ].filter((s): s is AbortSignal => !!s);
    let response: Response;
    try {
      response = await fetch(url, {
        signal: AbortSignal.any(signals),
        headers: { accept: 'application/json' },
        redirect: 'follow',
      });
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${this.timeoutMs} ms`
          : (error as { cause?: Error }).cause?.message ??
            (error as Error).message;
      return {
        status: 'ok',
        url,
        latencyMs: Date.now() - started,
        results: [
          { name: 'http', state: 'unhealthy', detail: `${url}: ${reason}` },
        ],
      };
    }
    const latencyMs = Date.now() - started;
    const text = await response.text().catch(() => '');
    let body:
      | { status?: unknown; checks?: Record<string, { status?: unknown }> }
      | undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    let state: HealthState = response.ok ? 'healthy' : 'unhealthy';
    if (response.ok && body && typeof body === 'object' && 'status' in body) {
      state = stateOf(body.status);
    }
    const results: HealthCheckResult[] = [
      {
        name: 'http',
        state,
        detail: `HTTP ${response.status} in ${latencyMs} ms${
          typeof body?.status === 'string' ? ` (status ${body.status})` : ''
        }`,
      },
    ];
    if (body?.checks && typeof body.checks === 'object') {
      for (const [name, check] of Object.entries(body.checks)) {
        const status =
          check && typeof check === 'object' ? check.status : check;
        results.push({ name, state: stateOf(status), detail: String(status) });
      }
    }
    return {
      status: 'ok',
      url,
      httpStatus: response.status,
      latencyMs,
      results,
    };
  }
}
