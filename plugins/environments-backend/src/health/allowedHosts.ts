const HOST_NAME = /^(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;
const IPV6 = /^\[?([0-9a-f:.]*:[0-9a-f:.]*)\]?$/;

/**
 * Checks a host pattern of `environments.health.allowedHosts` and returns it normalized
 * (lower case, IPv6 in brackets as `URL.hostname` has it): a host name (`localhost`,
 * `api.macro-ai.com`), `*.` followed by a domain (every host below it, not the domain itself),
 * or an IP address (`127.0.0.1`, `::1`).
 *
 * @throws Error saying what a pattern looks like
 */
export function parseHostPattern(pattern: string): string {
  const value = pattern.trim().toLowerCase().replace(/\.$/, '');
  const ipv6 = IPV6.exec(value);
  if (ipv6) return `[${ipv6[1]}]`;
  if (!HOST_NAME.test(value)) {
    throw new Error(
      `${JSON.stringify(
        pattern,
      )} is not a host pattern: use a host name (api.macro-ai.com), *. and a domain (*.macro-ai.com) or an IP address, without scheme, port or path`,
    );
  }
  return value;
}

/**
 * Whether a URL's `hostname` matches one of the (normalized) patterns; every host matches when
 * no list is configured.
 */
export function isHostAllowed(
  hostname: string,
  patterns: string[] | undefined,
): boolean {
  if (!patterns) return true;
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return patterns.some(pattern =>
    pattern.startsWith('*.')
      ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1
      : host === pattern,
  );
}
