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
import { isHostAllowed } from './allowedHosts';

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

/** Redirects followed before the probe gives up. */
const MAX_REDIRECTS = 5;
const ALLOWED_HOSTS_KEY = 'environments.health.allowedHosts';

/** Settings of {@link HttpHealthCheck}. */
export interface HttpHealthCheckOptions {
  timeoutMs: number;
  /**
   * Host patterns (normalized by `parseHostPattern`) the probe may reach, the URL's and every
   * redirect's; undefined allows every host.
   */
  allowedHosts?: string[];
}

/** What fetching the health URL came to: a response, or why the probe stopped. */
type Fetched =
  | { response: Response }
  | { refused: { state: HealthState; detail: string } };

/**
 * Probes `spec.healthCheck.url`: the HTTP status decides (2xx healthy, anything else
 * unhealthy) unless a JSON body `{ status, checks: { name: { status } } }` says more — its
 * `status` refines the verdict and every entry of `checks` becomes a result of its own.
 *
 * The URL comes from the catalog, so with `environments.health.allowedHosts` set the probe only
 * reaches hosts on that list: a URL elsewhere is not probed (`unconfigured`, naming the key) and a
 * redirect elsewhere is not followed (result `unknown`).
 */
export class HttpHealthCheck implements EnvironmentHealthCheck {
  readonly id = 'http';

  constructor(private readonly options: HttpHealthCheckOptions) {}

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
    const host = hostOf(url);
    if (host === undefined) {
      return {
        status: 'unconfigured',
        message: `spec.healthCheck.url ${JSON.stringify(
          url,
        )} is not an http(s) URL`,
      };
    }
    if (!isHostAllowed(host, this.options.allowedHosts)) {
      return {
        status: 'unconfigured',
        message: `the host ${host} of spec.healthCheck.url is not in ${ALLOWED_HOSTS_KEY}: add it there to have it probed`,
      };
    }
    const { timeoutMs } = this.options;
    const started = Date.now();
    const signals = [AbortSignal.timeout(timeoutMs), options.signal].filter(
      (s): s is AbortSignal => !!s,
    );
    let fetched: Fetched;
    try {
      fetched = await this.#fetch(url, AbortSignal.any(signals));
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${timeoutMs} ms`
          : (error as { cause?: Error }).cause?.message ??
            (error as Error).message;
      fetched = {
        refused: { state: 'unhealthy', detail: `${url}: ${reason}` },
      };
    }
    const latencyMs = Date.now() - started;
    if ('refused' in fetched) {
      return {
        status: 'ok',
        url,
        latencyMs,
        results: [{ name: 'http', ...fetched.refused }],
      };
    }
    const { response } = fetched;
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

  /** GETs the URL, following redirects only to allowed hosts, at most {@link MAX_REDIRECTS}. */
  async #fetch(url: string, signal: AbortSignal): Promise<Fetched> {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const response = await fetch(current, {
        signal,
        headers: { accept: 'application/json' },
        redirect: 'manual',
      });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status > 399 || !location) {
        return { response };
      }
      await response.body?.cancel();
      const next = new URL(location, current).toString();
      const host = hostOf(next);
      if (
        host === undefined ||
        !isHostAllowed(host, this.options.allowedHosts)
      ) {
        const why =
          host === undefined
            ? 'which is not an http(s) URL'
            : `whose host is not in ${ALLOWED_HOSTS_KEY}`;
        return {
          refused: {
            state: 'unknown',
            detail: `${current} redirects to ${next}, ${why}: not followed`,
          },
        };
      }
      current = next;
    }
    return {
      refused: {
        state: 'unhealthy',
        detail: `${url}: more than ${MAX_REDIRECTS} redirects`,
      },
    };
  }
}

/** The hostname of an http(s) URL, or undefined for anything else. */
function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
      ? parsed.hostname
      : undefined;
  } catch {
    return undefined;
  }
}
