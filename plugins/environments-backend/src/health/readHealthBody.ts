import type { HealthState } from '@stageline/plugin-environments-common';
import { redactSecrets } from '@stageline/plugin-environments-node';

const HEALTHY = ['ok', 'healthy', 'up', 'pass', 'passing', 'green'];
const DEGRADED = ['degraded', 'warn', 'warning', 'yellow'];
const UNHEALTHY = [
  'unhealthy',
  'down',
  'fail',
  'failing',
  'error',
  'red',
  'critical',
  'out_of_service',
];

/** At most this many named checks are read from a body. */
export const MAX_CHECKS = 20;
const CHECK_NAME = /^[A-Za-z0-9][A-Za-z0-9 _.:/-]{0,39}$/;
/** A run of 20+ letters and digits with a digit in it: a token or key, not a check name. */
const OPAQUE_RUN = /(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{20,}/;

/** A key of `checks` that reads like a check name (`database`, `db:responseTime`), not a value. */
function isCheckName(name: string): boolean {
  return (
    CHECK_NAME.test(name) &&
    !OPAQUE_RUN.test(name) &&
    redactSecrets(name) === name
  );
}

/** A status word of a health body: one of the known words, lower case, or `unrecognized`. */
export interface HealthWord {
  state: HealthState;
  /** The word as shown: only words of the known vocabulary, never free text from the body. */
  word: string;
}

/** Maps a `status` value to a state and a word safe to show. */
export function readStatusWord(value: unknown): HealthWord | undefined {
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (HEALTHY.includes(word)) return { state: 'healthy', word };
  if (DEGRADED.includes(word)) return { state: 'degraded', word };
  if (UNHEALTHY.includes(word)) return { state: 'unhealthy', word };
  return { state: 'unhealthy', word: 'unrecognized status' };
}

/** The status of one check: `{ status }`, a bare word, or a list of `{ status }` (worst wins). */
function checkStatus(value: unknown): HealthWord {
  const entries = Array.isArray(value) ? value : [value];
  const words = entries
    .map(entry =>
      readStatusWord(
        entry && typeof entry === 'object'
          ? (entry as { status?: unknown }).status
          : entry,
      ),
    )
    .filter((w): w is HealthWord => !!w);
  const order: HealthState[] = ['healthy', 'degraded', 'unhealthy'];
  return (
    words.sort(
      (a, b) => order.indexOf(b.state) - order.indexOf(a.state),
    )[0] ?? {
      state: 'unknown',
      word: 'no status',
    }
  );
}

/** What a health body says, reduced to documented fields. */
export interface HealthBody {
  status?: HealthWord;
  checks: Array<{ name: string } & HealthWord>;
  /** Checks left out: names that are not short identifiers, or past {@link MAX_CHECKS}. */
  skipped: number;
}

/**
 * Reads a health answer's JSON: the top-level `status`, and named checks from `checks`
 * (Stageline's and the IETF health-check draft's shape, entries an object or a list of objects)
 * or `components` (Spring Boot Actuator's). Only status words from a fixed vocabulary and
 * check names that look like identifiers (≤ 40 characters, no token-like runs) come out, so nothing else the probed
 * server sends is ever echoed into the status.
 */
export function readHealthBody(text: string): HealthBody | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    return undefined;
  const body = json as Record<string, unknown>;
  const named = [body.checks, body.components].find(
    c => c && typeof c === 'object' && !Array.isArray(c),
  ) as Record<string, unknown> | undefined;
  const checks: HealthBody['checks'] = [];
  let skipped = 0;
  for (const [name, value] of Object.entries(named ?? {})) {
    if (!isCheckName(name) || checks.length >= MAX_CHECKS) {
      skipped++;
      continue;
    }
    checks.push({ name, ...checkStatus(value) });
  }
  return { status: readStatusWord(body.status), checks, skipped };
}
