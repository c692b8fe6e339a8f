import type { BackstageCredentials } from '@backstage/backend-plugin-api';

/** Most remembered lookups; the oldest go first. */
const MAX_ENTRIES = 5_000;

/** Whose view of the catalog a lookup is: the user or service, never shared between them. */
function callerOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user') return `user:${principal.userEntityRef}`;
  if (principal.type === 'service') return `service:${principal.subject}`;
  return undefined;
}

/**
 * Catalog lookups remembered for a short time per caller: the catalog decides what each user
 * may see, so a lookup is only ever reused for the same user (or service) that made it, within
 * `ttlMs`. Identical lookups in flight at once share one request; failures are not kept, and
 * expired lookups are forgotten, so memory holds only the last `ttlMs` of lookups.
 */
export class CallerLookups {
  readonly #entries = new Map<
    string,
    { at: number; value: Promise<unknown> }
  >();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get<T>(
    credentials: BackstageCredentials,
    lookup: string,
    load: () => Promise<T>,
  ): Promise<T> {
    const caller = callerOf(credentials);
    if (!caller || this.ttlMs <= 0) return load();
    this.#forgetExpired();
    const key = `${caller}\n${lookup}`;
    const remembered = this.#entries.get(key);
    if (remembered && this.now() - remembered.at < this.ttlMs) {
      return remembered.value as Promise<T>;
    }
    const value = load();
    this.#entries.delete(key);
    this.#entries.set(key, { at: this.now(), value });
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    if (this.#entries.size > MAX_ENTRIES) {
      this.#entries.delete(this.#entries.keys().next().value as string);
    }
    return value;
  }

  /** How many lookups are held. */
  get size(): number {
    return this.#entries.size;
  }

  /** Entries are kept in the order they were made, so the expired ones are at the front. */
  #forgetExpired(): void {
    for (const [key, { at }] of this.#entries) {
      if (this.now() - at < this.ttlMs) return;
      this.#entries.delete(key);
    }
  }
}
