import { ResponseError } from '@backstage/errors';
import type { PromotionGateResult } from '@stageline/plugin-environments-common';
import { errorText } from '../../lib/errorText';
import { humanize } from '../../lib/format';
import { NOUNS, pluralForm } from '../../lib/plural';

/**
 * Why the backend refused a promotion (or its dry run), read from its error:
 *
 * - `blocked` — 409 `ConflictError` "Promotion blocked by gate <id> (<message>); gate …": the
 *   failing gates, parsed from the message;
 * - `conflict` — another 409: the entity lacks a field, or a promotion is already running;
 * - `unavailable` — 503 `ServiceUnavailableError`: GitHub is not configured or not answering;
 * - `not-allowed` — 403 `NotAllowedError`: the permission policy says no;
 * - `error` — anything else (the backend failed; its gates are unknown, not failed).
 */
export type PromotionProblem =
  | { kind: 'blocked'; message: string; gates: PromotionGateResult[] }
  | {
      kind: 'conflict' | 'unavailable' | 'not-allowed' | 'error';
      message: string;
    };

const BLOCKED_PREFIX = 'Promotion blocked by ';
/** `gate <id> (<message>)`: the message may hold parentheses of its own, so match to the end. */
const GATE_PATTERN = /^gate (\S+) \(([\s\S]*)\)$/;

/**
 * The failing gates of a blocked promotion's message, as the backend's promotion engine writes
 * it (`Promotion blocked by gate checks-green (Checks failing on develop@a1b2c3d: lint); gate
 * commits-pending (…)`); undefined for any other message.
 */
export function parseBlockedGates(
  message: string,
): PromotionGateResult[] | undefined {
  if (!message.startsWith(`${BLOCKED_PREFIX}gate `)) return undefined;
  const gates: PromotionGateResult[] = [];
  // a gate's own message may contain "; " (checks join their names so): split before "gate <id> ("
  for (const part of message
    .slice(BLOCKED_PREFIX.length)
    .split(/; (?=gate \S+ \()/)) {
    const match = GATE_PATTERN.exec(part);
    if (!match) return undefined;
    gates.push({ id: match[1], status: 'failed', message: match[2] });
  }
  return gates;
}

function statusOf(error: unknown): { status?: number; name?: string } {
  if (!(error instanceof ResponseError)) return {};
  return { status: error.response.status, name: error.body?.error?.name };
}

/** What a promote call's error means for the person promoting. */
export function promotionProblem(error: unknown): PromotionProblem {
  const message = errorText(error);
  const { status, name } = statusOf(error);
  if (status === 409 || name === 'ConflictError') {
    const gates = parseBlockedGates(message);
    return gates
      ? { kind: 'blocked', message, gates }
      : { kind: 'conflict', message };
  }
  if (status === 503 || name === 'ServiceUnavailableError') {
    return { kind: 'unavailable', message };
  }
  if (status === 403 || name === 'NotAllowedError') {
    return { kind: 'not-allowed', message };
  }
  return { kind: 'error', message };
}

/** The part of a backend message before its first `: `, e.g. `GitHub is not configured`. */
function headline(message: string): string {
  const colon = message.indexOf(': ');
  return colon > 0 ? message.slice(0, colon) : message;
}

/**
 * Why Promote is disabled, in a few words, when a dry run's problem means the promotion cannot
 * go ahead; undefined for a problem that does not (the backend failed: it checks the gates again
 * when promoting).
 */
export function blockingReason(
  problem: PromotionProblem | undefined,
  targetTitle: string,
): string | undefined {
  switch (problem?.kind) {
    case 'blocked':
      return `Blocked by ${pluralForm(
        problem.gates.length,
        NOUNS.gate,
      )} ${problem.gates.map(gate => humanize(gate.id)).join(', ')}`;
    case 'conflict':
    case 'unavailable':
      return headline(problem.message);
    case 'not-allowed':
      return `You may not promote into ${targetTitle}`;
    default:
      return undefined;
  }
}
