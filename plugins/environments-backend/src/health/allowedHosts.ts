const HOST_NAME = /^(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;
const IPV6 = /^\[?([0-9a-f:.]*:[0-9a-f:.]*)\]?$/;
const WITH_PORT = /^(.*[^:]):(\d{1,5})$/;
const BRACKETED_WITH_PORT = /^(\[[0-9a-f:.]+\]):(\d{1,5})$/;

/** Every public host: the pattern `*`. */
export const ANY_PUBLIC_HOST = '*';

function parseHost(value: string, pattern: string): string {
  if (value === ANY_PUBLIC_HOST) return value;
  const ipv6 = IPV6.exec(value);
  if (ipv6) return `[${ipv6[1]}]`;
  if (!HOST_NAME.test(value)) {
    throw new Error(
      `${JSON.stringify(
        pattern,
      )} is not a host pattern: use a host name (api.macro-ai.com), *. and a domain (*.macro-ai.com), * for every public host, or an IP address, optionally with a port (localhost:7007), without scheme or path`,
    );
  }
  return value;
}

/**
 * Checks a host pattern of `environments.health.allowedHosts` and returns it normalized
 * (lower case, IPv6 in brackets as `URL.hostname` has it): a host name (`localhost`,
 * `api.macro-ai.com`), `*.` followed by a domain (every host below it, not the domain itself),
 * `*` (every host), or an IP address (`127.0.0.1`, `::1`), each optionally with a port
 * (`localhost:7007`: that port only).
 *
 * @throws Error saying what a pattern looks like
 */
export function parseHostPattern(pattern: string): string {
  const value = pattern.trim().toLowerCase().replace(/\.$/, '');
  const withPort =
    BRACKETED_WITH_PORT.exec(value) ??
    (value.split(':').length === 2 ? WITH_PORT.exec(value) : null);
  if (withPort) {
    const port = Number(withPort[2]);
    if (port < 1 || port > 65535) {
      throw new Error(`${JSON.stringify(pattern)} has no valid port`);
    }
    return `${parseHost(withPort[1], pattern)}:${port}`;
  }
  return parseHost(value, pattern);
}

/**
 * How a host is allowed: `named` when a pattern names it exactly (the operator vouched for it,
 * wherever it resolves), `wildcard` when only `*` or a `*.domain` pattern covers it (it must then
 * resolve to public addresses), undefined when no pattern matches or no list is configured.
 */
export type HostAllowance = 'named' | 'wildcard' | undefined;

const DEFAULT_PORTS: Record<string, string> = {
  'http:': '80',
  'https:': '443',
};

/** Matches a URL's host and port against the (normalized) patterns. */
export function hostAllowance(
  url: URL,
  patterns: string[] | undefined,
): HostAllowance {
  if (!patterns) return undefined;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const port = url.port || DEFAULT_PORTS[url.protocol];
  const hostOf = (pattern: string) => {
    const match =
      BRACKETED_WITH_PORT.exec(pattern) ??
      (pattern.split(':').length === 2 ? WITH_PORT.exec(pattern) : null);
    if (!match) return pattern;
    return match[2] === port ? match[1] : undefined;
  };
  const hosts = patterns.map(hostOf).filter((h): h is string => !!h);
  if (hosts.includes(host)) return 'named';
  const covered = hosts.some(pattern =>
    pattern === ANY_PUBLIC_HOST
      ? true
      : pattern.startsWith('*.') &&
        host.endsWith(pattern.slice(1)) &&
        host.length > pattern.length - 1,
  );
  return covered ? 'wildcard' : undefined;
}
