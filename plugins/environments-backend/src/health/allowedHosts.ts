const HOST_NAME = /^(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;
const IPV6 = /^\[?([0-9a-f:.]*:[0-9a-f:.]*)\]?$/;

/** Every public host: the pattern `*`. */
export const ANY_PUBLIC_HOST = '*';

/**
 * Checks a host pattern of `environments.health.allowedHosts` and returns it normalized
 * (lower case, IPv6 in brackets as `URL.hostname` has it): a host name (`localhost`,
 * `api.macro-ai.com`), `*.` followed by a domain (every host below it, not the domain itself),
 * `*` (every host), or an IP address (`127.0.0.1`, `::1`).
 *
 * @throws Error saying what a pattern looks like
 */
export function parseHostPattern(pattern: string): string {
  const value = pattern.trim().toLowerCase().replace(/\.$/, '');
  if (value === ANY_PUBLIC_HOST) return value;
  const ipv6 = IPV6.exec(value);
  if (ipv6) return `[${ipv6[1]}]`;
  if (!HOST_NAME.test(value)) {
    throw new Error(
      `${JSON.stringify(
        pattern,
      )} is not a host pattern: use a host name (api.macro-ai.com), *. and a domain (*.macro-ai.com), * for every public host, or an IP address, without scheme, port or path`,
    );
  }
  return value;
}

/**
 * How a host is allowed: `named` when a pattern names it exactly (the operator vouched for it,
 * wherever it resolves), `wildcard` when only `*` or a `*.domain` pattern covers it (it must then
 * resolve to public addresses), undefined when no pattern matches or no list is configured.
 */
export type HostAllowance = 'named' | 'wildcard' | undefined;

/** Matches a URL's `hostname` against the (normalized) patterns. */
export function hostAllowance(
  hostname: string,
  patterns: string[] | undefined,
): HostAllowance {
  if (!patterns) return undefined;
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (patterns.includes(host)) return 'named';
  const covered = patterns.some(pattern =>
    pattern === ANY_PUBLIC_HOST
      ? true
      : pattern.startsWith('*.') &&
        host.endsWith(pattern.slice(1)) &&
        host.length > pattern.length - 1,
  );
  return covered ? 'wildcard' : undefined;
}
