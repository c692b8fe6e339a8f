import autocannon from 'autocannon';

/** What a load run measured. */
export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p95Ms: number;
  maxMs: number;
  overOneSecond: number;
  /** Answers other than 2xx, and connection errors and timeouts. */
  failures: number;
}

/**
 * `connections` clients sending `GET url` back to back for `seconds` (autocannon), each
 * response's time recorded for the p95 and the count of requests over a second.
 */
export function loadTest(options: {
  url: string;
  authorization: string;
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const times: number[] = [];
  return new Promise((done, fail) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        headers: { authorization: options.authorization },
        timeout: 10,
      },
      (error, result) => {
        if (error) {
          fail(error);
          return;
        }
        times.sort((a, b) => a - b);
        const at = (p: number) =>
          times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] ??
          NaN;
        done({
          connections: options.connections,
          seconds: options.seconds,
          requests: result.requests.total,
          requestsPerSecond: result.requests.total / options.seconds,
          p95Ms: at(0.95),
          maxMs: times.at(-1) ?? NaN,
          overOneSecond: times.filter(t => t > 1000).length,
          failures: result.non2xx + result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) =>
      times.push(responseTime),
    );
  });
}
