import { ResponseError } from '@backstage/errors';
import { BLOCKED_MESSAGES } from '../../__testUtils__/fixtures';
import { promoteRefusal } from '../../__testUtils__/environmentsServer';
import {
  blockingReason,
  parseBlockedGates,
  promotionProblem,
} from './promotionProblem';

async function refusal(status: 403 | 409 | 500 | 503, message: string) {
  return ResponseError.fromResponse(
    promoteRefusal(status, message) as unknown as Response,
  );
}

describe('parseBlockedGates', () => {
  it('reads each failing gate, whatever parentheses and semicolons its message holds', () => {
    expect(parseBlockedGates(BLOCKED_MESSAGES.checksFailing)).toEqual([
      {
        id: 'checks-green',
        status: 'failed',
        message:
          'Checks failing on develop@a1b2c3d: lint (check run): failure; ci/build (status): failure',
      },
    ]);
    expect(
      parseBlockedGates(BLOCKED_MESSAGES.frozenAndNothingPending)?.map(
        gate => gate.id,
      ),
    ).toEqual(['freeze-window', 'commits-pending']);
  });

  it('reads nothing from other messages', () => {
    expect(
      parseBlockedGates(
        'A promotion into environment:default/macro-ai-api-production is already running; try again when it has finished',
      ),
    ).toBeUndefined();
    expect(parseBlockedGates('Promotion blocked by gate')).toBeUndefined();
  });
});

describe('promotionProblem', () => {
  it('tells a blocked promotion from another conflict', async () => {
    const blocked = promotionProblem(
      await refusal(409, BLOCKED_MESSAGES.checksFailing),
    );
    expect(blocked.kind).toBe('blocked');
    expect(blockingReason(blocked, 'Production')).toBe(
      'Blocked by gate Checks green',
    );
    const running = promotionProblem(
      await refusal(
        409,
        'A promotion into environment:default/macro-ai-api-production is already running; try again when it has finished',
      ),
    );
    expect(running.kind).toBe('conflict');
  });

  it('names what blocks Promote in a few words, and nothing for a failed backend', async () => {
    const unavailable = promotionProblem(
      await refusal(
        503,
        'GitHub is not configured: add integrations.github with a token or app for github.com',
      ),
    );
    expect(unavailable.kind).toBe('unavailable');
    expect(blockingReason(unavailable, 'Production')).toBe(
      'GitHub is not configured',
    );
    const denied = promotionProblem(await refusal(403, 'no'));
    expect(blockingReason(denied, 'Production')).toBe(
      'You may not promote into Production',
    );
    const failed = promotionProblem(await refusal(500, 'database down'));
    expect(failed).toEqual({ kind: 'error', message: 'database down' });
    expect(blockingReason(failed, 'Production')).toBeUndefined();
    expect(promotionProblem(new TypeError('Failed to fetch'))).toEqual({
      kind: 'error',
      message: 'Failed to fetch',
    });
  });
});
