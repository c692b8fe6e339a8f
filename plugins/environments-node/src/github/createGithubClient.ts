import { createHash } from 'node:crypto';
import Bottleneck from 'bottleneck';
import { Octokit } from 'octokit';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { EtagCache } from './EtagCache';

/** Most times a rate-limited request is retried after waiting. */
const MAX_RATE_LIMIT_RETRIES = 2;
/** Longest wait (seconds) accepted before giving up on a rate-limited request. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;

/**
 * Options for {@link createGithubClient}.
 *
 * @public
 */
export interface CreateGithubClientOptions {
  token: string;
  /** API base URL, e.g. `https://api.github.com`. */
  baseUrl: string;
  /**
   * Shared across clients; entries are keyed by token identity (a hash of the token), since an
   * ETag is only good for the token that got it.
   */
  etagCache: EtagCache;
  logger?: LoggerService;
  /**
   * How long the client waits, for tests that exercise retries, rate limits and many writes
   * without waiting for real (set both to 0). Octokit's waits when unset.
   */
  delays?: {
    /**
     * Milliseconds between two writes (POST, PUT, PATCH, DELETE) of this client.
     * @defaultValue 1000, and 3000 for writes that notify (e.g. opening a pull request), as GitHub advises
     */
    writeIntervalMs?: number;
    /**
     * Milliseconds per second of a wait: a retried server error waits retryCount² of them, a rate
     * limit the seconds GitHub asks for.
     * @defaultValue 1000
     */
    retryAfterUnitMs?: number;
  };
}

/**
 * A response whose data the caller may change: `octokit.paginate` rewrites the data of list
 * responses such as `{ total_count, check_runs }` in place, so a cached one is handed out as a
 * copy.
 */
function copyOf<T extends { data: unknown }>(response: T): T {
  return { ...response, data: structuredClone(response.data) };
}

/** Octokit retry and throttle options for {@link CreateGithubClientOptions.delays}. */
function delayOptions(delays: CreateGithubClientOptions['delays'] = {}) {
  const { writeIntervalMs, retryAfterUnitMs } = delays;
  const unit =
    retryAfterUnitMs === undefined
      ? {}
      : { retryAfterBaseValue: retryAfterUnitMs };
  const writes =
    writeIntervalMs === undefined
      ? {}
      : {
          write: new Bottleneck.Group({
            maxConcurrent: 1,
            minTime: writeIntervalMs,
          }),
          notifications: new Bottleneck.Group({
            maxConcurrent: 1,
            minTime: writeIntervalMs,
          }),
        };
  return { retry: unit, throttle: { ...unit, ...writes } };
}

/**
 * An Octokit with retries (server errors only; refusals such as 405 and 409 are final),
 * throttling (waits out primary and secondary rate limits a couple of times) and conditional
 * requests: every GET is sent with the ETag of its last answer for the same token, and a 304 is
 * answered from the cache. GitHub's answers vary by `Authorization`, so an ETag another token
 * got never earns a 304 (and a body cached for one token is never served to another): after an
 * installation token rotates, each URL costs one full request again. Identical GETs in flight
 * at once share one request.
 *
 * @public
 */
export function createGithubClient(
  options: CreateGithubClientOptions,
): Octokit {
  const { logger, etagCache } = options;
  const delays = delayOptions(options.delays);
  /** Waits out a rate limit up to `maxRetries` times when GitHub asks for a short wait. */
  const retryWithin =
    (kind: string, maxRetries: number) =>
    (retryAfter: number, request: any, _o: unknown, retryCount: number) => {
      logger?.warn(
        `GitHub ${kind} hit for ${request.method} ${request.url}; retry ${
          retryCount + 1
        } in ${retryAfter}s`,
      );
      return (
        retryCount < maxRetries && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS
      );
    };
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    // Octokit's defaults plus the answers that say "no" rather than "not now": 405 (a pull
    // request that cannot be merged), 409 (head moved, merge conflict), 410 (gone).
    retry: {
      doNotRetry: [400, 401, 403, 404, 405, 409, 410, 422, 451],
      ...delays.retry,
    },
    throttle: {
      onRateLimit: retryWithin('rate limit', MAX_RATE_LIMIT_RETRIES),
      onSecondaryRateLimit: retryWithin('secondary rate limit', 1),
      ...delays.throttle,
    },
  });

  const identity = createHash('sha256')
    .update(options.token)
    .digest('hex')
    .slice(0, 16);
  const inFlight = new Map<string, Promise<unknown>>();
  octokit.hook.wrap('request', async (request, requestOptions) => {
    if (requestOptions.method !== 'GET') {
      return request(requestOptions);
    }
    const { url } = octokit.request.endpoint(requestOptions as any);
    const key = `${identity} ${url}`;
    const pending = inFlight.get(key);
    if (pending) {
      return pending as ReturnType<typeof request>;
    }
    const cached = etagCache.get(key);
    if (cached) {
      // Hooks are bound to this very options object: mutate it, a copy would not be sent.
      requestOptions.headers['if-none-match'] = cached.etag;
    }
    const send = async () => {
      try {
        const response = await request(requestOptions);
        const etag = response.headers.etag;
        if (etag) {
          etagCache.set(key, { etag, response: copyOf(response) });
        }
        return response;
      } catch (error) {
        if (cached && (error as { status?: number }).status === 304) {
          return copyOf(cached.response as Awaited<ReturnType<typeof request>>);
        }
        throw error;
      } finally {
        inFlight.delete(key);
      }
    };
    const promise = send();
    inFlight.set(key, promise);
    return promise;
  });
  return octokit;
}
