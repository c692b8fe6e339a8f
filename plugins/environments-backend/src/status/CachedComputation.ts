import type { CacheService } from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';

/**
 * Values computed once and kept in the cache service for a while; callers asking for a key
 * that is being computed share the computation (so a slow synthesis runs once however many
 * requests wait on it, and finishes into the cache even if they time out).
 */
export class CachedComputation<T> {
  readonly #inFlight = new Map<string, Promise<T>>();

  /**
   * @param ttlMs - how long a value is kept, or a function of the value (e.g. shorter for a
   *   status reporting an error)
   */
  constructor(
    private readonly cache: CacheService,
    private readonly ttlMs: number | ((value: T) => number),
  ) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const cached = (await this.cache.get(key)) as T | undefined;
    if (cached !== undefined) return cached;
    return this.refresh(key, compute);
  }

  /** Computes afresh (sharing a computation in flight) and stores the result. */
  refresh(key: string, compute: () => Promise<T>): Promise<T> {
    const pending = this.#inFlight.get(key);
    if (pending) return pending;
    const promise = (async () => {
      try {
        const value = await compute();
        const ttl =
          typeof this.ttlMs === 'number' ? this.ttlMs : this.ttlMs(value);
        await this.cache.set(key, value as unknown as JsonValue, { ttl });
        return value;
      } finally {
        this.#inFlight.delete(key);
      }
    })();
    this.#inFlight.set(key, promise);
    return promise;
  }

  async delete(key: string): Promise<void> {
    await this.cache.delete(key);
  }
}
