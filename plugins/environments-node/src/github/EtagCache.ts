import { LRUCache } from 'lru-cache';

/**
 * Remembers the ETag and body of GET responses by token identity and URL so the next identical
 * request with the same token can be sent with `If-None-Match`; GitHub answers 304, which costs
 * no rate limit, when nothing changed. Past `maxEntries` (default 10,000) the least recently
 * used are forgotten.
 *
 * @public
 */
export class EtagCache extends LRUCache<
  string,
  { etag: string; response: unknown }
> {
  constructor(options: { maxEntries?: number } = {}) {
    super({ max: options.maxEntries ?? 10_000 });
  }
}
