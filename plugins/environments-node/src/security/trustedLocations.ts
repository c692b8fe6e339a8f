import path from 'node:path';
import type { Config } from '@backstage/config';

/** Where the operator lists more locations whose entities may have their repository read. @public */
export const TRUSTED_LOCATIONS_KEY = 'environments.security.trustedLocations';

/**
 * Locations the operator wrote, so their entities are vouched for whatever repository they name:
 * every location of `catalog.locations` and every pattern of
 * `environments.security.trustedLocations`.
 *
 * @public
 */
export interface TrustedLocations {
  /** Whether a `backstage.io/managed-by-location` value is one of them. */
  includes(location: string): boolean;
}

const LOCATION_REF = /^([a-z][a-z0-9-]*):(.+)$/;

/**
 * A location ref as the catalog would write it, with dot segments resolved: a `url:` or `file:`
 * target with `..` in it is read from where it leads, so it is compared there.
 */
function normalizeLocation(location: string): string | undefined {
  const match = LOCATION_REF.exec(location.trim());
  if (!match) return undefined;
  const [, type, target] = match;
  if (type === 'file') return `file:${path.posix.normalize(target)}`;
  if (type === 'url') {
    try {
      return `url:${new URL(target).href}`;
    } catch {
      return undefined;
    }
  }
  return `${type}:${target}`;
}

/** `*` in a `catalog.locations` glob matches within one path segment, `**` across them. */
function globPattern(location: string): RegExp {
  const source = location
    .split(/(\*\*|\*)/)
    .map(part => {
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * A location as messages show it: a URL without the user and password it may carry.
 *
 * @internal
 */
export function shownLocation(location: string): string {
  if (!location.startsWith('url:')) return location;
  try {
    const url = new URL(location.slice(4));
    url.username = '';
    url.password = '';
    return `url:${url.href}`;
  } catch {
    return 'url:(not a URL)';
  }
}

/**
 * One `environments.security.trustedLocations` entry: a location ref, or a prefix ending in `/*`
 * (a prefix ending elsewhere would match its neighbours: `…/acme*` matches `…/acme-evil/…`).
 */
function trustedPattern(entry: string, index: number): (l: string) => boolean {
  const field = `${TRUSTED_LOCATIONS_KEY}[${index}]`;
  const got = `got ${JSON.stringify(shownLocation(entry))}`;
  const prefix = entry.endsWith('*') ? entry.slice(0, -1) : undefined;
  const body = prefix ?? entry;
  if (body.includes('*') || (prefix !== undefined && !prefix.endsWith('/'))) {
    throw new Error(
      `${field} must be a location (type:target) or a prefix of one ending in /*; ${got}`,
    );
  }
  const match = LOCATION_REF.exec(body);
  if (!match) {
    throw new Error(
      `${field} must start with a location type, e.g. url:https://github.com/acme/platform/ or file:/srv/catalog/; ${got}`,
    );
  }
  if (prefix !== undefined) {
    // compared as the locations are: a URL's host in lower case, dot segments resolved
    const normalized = normalizeLocation(prefix);
    if (!normalized)
      throw new Error(`${field} is not a valid location; ${got}`);
    return location => location.startsWith(normalized);
  }
  const exact = normalizeLocation(body);
  return location => location === exact;
}

/**
 * The locations the operator vouched for, from `catalog.locations` (a `file` target resolved
 * against the working directory, as the catalog does) and `environments.security.trustedLocations`.
 *
 * @throws Error naming the entry that is not a location or a prefix of one
 * @public
 */
export function readTrustedLocations(config: Config): TrustedLocations {
  const matchers: Array<(location: string) => boolean> = [];
  for (const location of config.getOptionalConfigArray('catalog.locations') ??
    []) {
    const type = location.getString('type');
    const target = location.getString('target');
    const resolved = normalizeLocation(
      `${type}:${type === 'file' ? path.resolve(target) : target}`,
    );
    if (!resolved) continue;
    if (resolved.includes('*')) {
      const pattern = globPattern(resolved);
      matchers.push(l => pattern.test(l));
    } else {
      matchers.push(l => l === resolved);
    }
  }
  (config.getOptionalStringArray(TRUSTED_LOCATIONS_KEY) ?? []).forEach(
    (entry, index) => matchers.push(trustedPattern(entry, index)),
  );
  return {
    includes(location) {
      const normalized = normalizeLocation(location);
      return (
        normalized !== undefined && matchers.some(match => match(normalized))
      );
    },
  };
}
