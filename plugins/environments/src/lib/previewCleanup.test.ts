import type { PreviewLifecycle } from '@stageline/plugin-environments-common';
import {
  describePreviewCleanup,
  formatCostSoFar,
  formatTimeLeft,
} from './previewCleanup';

const NOW = Date.parse('2026-03-03T09:00:00Z');
const preview = (
  cleanup: PreviewLifecycle['cleanup'],
  extra: Partial<PreviewLifecycle> = {},
): PreviewLifecycle => ({
  pullRequest: { number: 42 },
  ttl: '72h',
  cleanupAt: '2026-03-05T09:00:00Z',
  cleanup,
  ...extra,
});

describe('preview cleanup in words', () => {
  it('says how long is left', () => {
    expect(formatTimeLeft('2026-03-05T09:00:00Z', NOW)).toBe('in 2 days');
    expect(formatTimeLeft('2026-03-03T14:30:00Z', NOW)).toBe('in 5 hours');
    expect(formatTimeLeft('2026-03-03T09:00:30Z', NOW)).toBe(
      'in under a minute',
    );
    expect(formatTimeLeft('2026-03-01T09:00:00Z', NOW)).toBe('now');
  });

  it('says where each state of the cleanup stands', () => {
    expect(describePreviewCleanup(preview({ state: 'scheduled' }), NOW)).toBe(
      'Destroyed in 2 days unless pushed to (72h without a push), or when its pull request closes',
    );
    expect(
      describePreviewCleanup(
        preview({ state: 'scheduled' }, { cleanupAt: '2026-03-02T09:00:00Z' }),
        NOW,
      ),
    ).toBe('Due for cleanup: no push for 72h');
    expect(
      describePreviewCleanup(
        preview({ state: 'requested', requestedBy: 'user:default/guest' }),
        NOW,
      ),
    ).toBe('Destroy requested by user:default/guest');
    expect(describePreviewCleanup(preview({ state: 'destroying' }), NOW)).toBe(
      'Destroying its stack…',
    );
    expect(
      describePreviewCleanup(
        preview({
          state: 'failed',
          error: 'DELETE_FAILED at Assets: bucket not empty',
          nextAttemptAt: '2026-03-03T09:10:00Z',
        }),
        NOW,
      ),
    ).toBe(
      'Destroy failed: DELETE_FAILED at Assets: bucket not empty · retrying in 10 minutes',
    );
    expect(
      describePreviewCleanup(
        preview({ state: 'destroyed', destroyedAt: '2026-03-03T06:00:00Z' }),
        NOW,
      ),
    ).toBe('Destroyed 3 hours ago');
    expect(
      describePreviewCleanup(
        preview({ state: 'unmanaged' }, { cleanupAt: undefined }),
        NOW,
      ),
    ).toBe('Registered by hand: not cleaned up by Stageline');
  });

  it('says what a preview has cost so far', () => {
    expect(
      formatCostSoFar(
        preview(
          { state: 'scheduled' },
          { costSoFar: { amount: 0.1234, currency: 'GBP', basis: 'x' } },
        ),
      ),
    ).toBe('£0.12 so far');
    expect(formatCostSoFar(preview({ state: 'scheduled' }))).toBeUndefined();
  });
});
