import {
  BACKEND_HEALTH_PATHS,
  type EnvironmentEntity,
  type HealthCheckResult,
  type HealthState,
} from '@stageline/plugin-environments-common';
import type {
  EnvironmentHealthCheck,
  EnvironmentHealthCheckOutcome,
  ProviderCallOptions,
} from '@stageline/plugin-environments-node';
import { hostAllowance } from './allowedHosts';
import {
  guardedGet,
  GuardedAnswer,
  ProbeFailure,
  ResolveHost,
  resolveWithDns,
} from './guardedGet';
import { readHealthBody } from './readHealthBody';

/** Redirects followed (each within the allowed hosts) before the probe gives up. */
const MAX_REDIRECTS = 3;
/** The most of a health answer that is read; the rest is never downloaded. */
export const MAX_HEALTH_BODY_BYTES = 64 * 1024;
const ALLOWED_HOSTS_KEY = 'environments.health.allowedHosts';

/** Settings of {@link HttpHealthCheck}. */
export interface HttpHealthCheckOptions {
  timeoutMs: number;
  /**
   * Host patterns (normalized by `parseHostPattern`) the probe may reach, the URL's and every
   * redirect's. Undefined or empty: nothing is probed.
   */
  allowedHosts?: string[];
  /** Name resolution, for tests; the system resolver by default. */
  resolve?: ResolveHost;
  /**
   * This backend's own base URL (the discovery service's URL of this plugin), against which
   * {@link BACKEND_HEALTH_PATHS} are probed. Without it they are not probed.
   */
  ownBaseUrl?: () => Promise<string>;
}

/** A URL to probe; `own` when it is one of the backend's own health endpoints. */
type ProbeTarget = { url: URL; own: boolean };

type Hop =
  | { answer: GuardedAnswer; url: string }
  | { stopped: { state: HealthState; detail: string } };

/**
 * Probes `spec.healthCheck.url`. The URL comes from the catalog, which anyone may write to, so
 * the probe is deny-by-default:
 * - only hosts on `environments.health.allowedHosts` are probed; with no list nothing is (but
 *   the backend's own health endpoints, last point);
 * - a host matched only by a wildcard (`*`, `*.domain`) must resolve to public addresses
 *   (loopback, private, link-local and metadata addresses are refused, and the connection is
 *   pinned to the checked address); a host named exactly may resolve anywhere;
 * - redirects are followed only to allowed hosts, under the same rules, at most three;
 * - at most 64 KB of the answer is read, and only its documented fields come out (a status word
 *   from a fixed vocabulary and short check names), never the body itself;
 * - failures say "unreachable" or "timed out", never which socket error occurred;
 * - the only relative URLs are the backend's own health endpoints ({@link BACKEND_HEALTH_PATHS}),
 *   probed at the backend's own address (discovery), whatever `allowedHosts` says: their host,
 *   port and path come from the backend, not from the catalog.
 *
 * The HTTP status decides (2xx healthy, anything else unhealthy) unless a JSON body
 * `{ status, checks: { name: { status } } }` says more.
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
    const target = await this.#target(url);
    if ('unconfigured' in target) {
      return { status: 'unconfigured', message: target.unconfigured };
    }
    const { timeoutMs } = this.options;
    const started = Date.now();
    const signals = [AbortSignal.timeout(timeoutMs), options.signal].filter(
      (s): s is AbortSignal => !!s,
    );
    const hop = await this.#follow(target, AbortSignal.any(signals));
    const latencyMs = Date.now() - started;
    if ('stopped' in hop) {
      return {
        status: 'ok',
        url,
        latencyMs,
        results: [{ name: 'http', ...hop.stopped }],
      };
    }
    return {
      status: 'ok',
      url,
      httpStatus: hop.answer.status,
      latencyMs,
      results: resultsOf(hop.answer, latencyMs),
    };
  }

  /**
   * Where `spec.healthCheck.url` is probed: one of the backend's own health endpoints at the
   * backend's own address, or an http(s) URL whose host is allowed.
   */
  async #target(url: string): Promise<ProbeTarget | { unconfigured: string }> {
    if ((BACKEND_HEALTH_PATHS as readonly string[]).includes(url)) {
      return this.options.ownBaseUrl
        ? { url: new URL(url, await this.options.ownBaseUrl()), own: true }
        : { unconfigured: `this backend's own ${url} is not probed here` };
    }
    const parsed = httpUrl(url);
    if (!parsed) {
      return {
        unconfigured: `spec.healthCheck.url ${JSON.stringify(
          url,
        )} is not an http(s) URL`,
      };
    }
    if (!this.options.allowedHosts?.length) {
      return {
        unconfigured: `health probes are off until ${ALLOWED_HOSTS_KEY} lists the hosts they may reach`,
      };
    }
    if (!hostAllowance(parsed, this.options.allowedHosts)) {
      return {
        unconfigured: `the host ${parsed.host} of spec.healthCheck.url is not in ${ALLOWED_HOSTS_KEY}: add it there to have it probed`,
      };
    }
    return { url: parsed, own: false };
  }

  /**
   * GETs the URL, following redirects only to allowed hosts. The backend's own health endpoint
   * is reached without an allowed host (its address comes from the backend, not the catalog).
   */
  async #follow(start: ProbeTarget, signal: AbortSignal): Promise<Hop> {
    let current = start.url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const allowance =
        hop === 0 && start.own
          ? 'named'
          : hostAllowance(current, this.options.allowedHosts);
      let answer: GuardedAnswer;
      try {
        answer = await guardedGet(current, {
          signal,
          maxBodyBytes: MAX_HEALTH_BODY_BYTES,
          requirePublic: allowance !== 'named',
          resolve: this.options.resolve ?? resolveWithDns,
        });
      } catch (error) {
        const failure =
          error instanceof ProbeFailure
            ? error
            : new ProbeFailure('unreachable');
        return {
          stopped: {
            state: failure.reason === 'refused' ? 'unknown' : 'unhealthy',
            detail: `${current}: ${failure.message}`,
          },
        };
      }
      if (answer.location === undefined) {
        return { answer, url: current.toString() };
      }
      const next = httpUrl(answer.location, current);
      if (!next || !hostAllowance(next, this.options.allowedHosts)) {
        const why = next
          ? `whose host is not in ${ALLOWED_HOSTS_KEY}`
          : 'which is not an http(s) URL';
        return {
          stopped: {
            state: 'unknown',
            // Only the host of the Location header is shown: the header is the server's words.
            detail: `${current} redirects to ${
              next ? `host ${next.host}` : 'another address'
            }, ${why}: not followed`,
          },
        };
      }
      current = next;
    }
    return {
      stopped: {
        state: 'unhealthy',
        detail: `${start.url}: more than ${MAX_REDIRECTS} redirects`,
      },
    };
  }
}

function resultsOf(
  answer: GuardedAnswer,
  latencyMs: number,
): HealthCheckResult[] {
  const ok = answer.status >= 200 && answer.status < 300;
  const body =
    answer.truncated || answer.body.length === 0
      ? undefined
      : readHealthBody(answer.body.toString('utf8'));
  let state: HealthState = ok ? 'healthy' : 'unhealthy';
  if (ok && body?.status) state = body.status.state;
  const notes = [
    body?.status ? `status ${body.status.word}` : undefined,
    answer.truncated
      ? `answer over ${MAX_HEALTH_BODY_BYTES / 1024} KB, not read`
      : undefined,
    body?.skipped ? `${body.skipped} checks not read` : undefined,
  ].filter(Boolean);
  return [
    {
      name: 'http',
      state,
      detail: `HTTP ${answer.status} in ${latencyMs} ms${
        notes.length ? ` (${notes.join('; ')})` : ''
      }`,
    },
    ...(body?.checks ?? []).map(({ name, state: checkState, word }) => ({
      name,
      state: checkState,
      detail: word,
    })),
  ];
}

/** An http(s) URL (relative to `base` when given), or undefined. */
function httpUrl(value: string, base?: URL): URL | undefined {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? url
      : undefined;
  } catch {
    return undefined;
  }
}
