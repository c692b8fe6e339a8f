/**
 * A map that forgets its least-recently-used entries past `maxEntries`.
 *
 * @public
 */
export class LruMap<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #maxEntries: number;

  constructor(options: { maxEntries?: number } = {}) {
    this.#maxEntries = options.maxEntries ?? 10_000;
  }

  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value as K;
      this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}

/**
 * Remembers the ETag and body of GET responses by token identity and URL so the next identical
 * request with the same token can be sent with `If-None-Match`; GitHub answers 304, which costs
 * no rate limit, when nothing changed.
 *
 * @public
 */
export class EtagCache extends LruMap<
  string,
  { etag: string; response: unknown }
> {}
