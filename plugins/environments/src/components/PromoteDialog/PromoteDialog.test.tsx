import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import type {
  PromoteRequest,
  PromotionStrategy,
} from '@stageline/plugin-environments-common';
import {
  BLOCKED_MESSAGES,
  buildDryRunRecord,
  buildEnvironmentStatus,
  buildPromotionRecord,
} from '../../__testUtils__/fixtures';
import {
  promoteHandler,
  promoteRefusal,
} from '../../__testUtils__/environmentsServer';
import { renderWithEnvironments } from '../../__testUtils__/renderWithEnvironments';
import { PromoteButton } from './PromoteButton';

const server = setupServer();
registerMswTestHooks(server);

const GITHUB_NOT_CONFIGURED =
  'GitHub is not configured: add integrations.github with a token or app for github.com';

async function openDialog(source = buildEnvironmentStatus('staging')) {
  const onPromoted = jest.fn();
  await renderWithEnvironments(
    <PromoteButton
      source={source}
      targetTitle="Production"
      onPromoted={onPromoted}
    />,
  );
  await userEvent.click(
    await screen.findByRole('button', { name: 'Promote to Production' }),
  );
  const dialog = await screen.findByRole('dialog');
  return { dialog, d: within(dialog), onPromoted };
}

/**
 * The backend's promote route: dry runs pass with the strategy asked for, or `defaultStrategy`
 * when none was (as the backend answers with its configured default); promotions succeed.
 */
function backendWithDefault(
  defaultStrategy: PromotionStrategy,
  received: PromoteRequest[],
) {
  return promoteHandler(body => {
    const strategy = body.strategy ?? defaultStrategy;
    return HttpResponse.json(
      body.dryRun
        ? buildDryRunRecord({ strategy })
        : buildPromotionRecord({
            id: 'promo-2',
            strategy,
            link: 'https://github.com/acme/macro-ai/pull/58',
          }),
    );
  }, received);
}

describe('PromoteDialog', () => {
  it('lists the commits and the gates from a dry run naming no strategy, preselects the backend’s default, then promotes with the one picked', async () => {
    const received: PromoteRequest[] = [];
    server.use(backendWithDefault('merge', received));
    const { d, onPromoted } = await openDialog();
    expect(
      d.getByText('Promote Macro AI API (staging) to Production'),
    ).toBeInTheDocument();
    expect(d.getByText('Add summaries endpoint')).toBeInTheDocument();
    expect(d.getByText('3 commits (develop → main)')).toBeInTheDocument();

    expect(await d.findByText('Checks green')).toBeInTheDocument();
    const gates = d.getByRole('list', { name: 'Promotion gates' });
    expect(within(gates).getAllByRole('listitem')).toHaveLength(4);
    expect(
      within(gates).getByText(/2 checks green on develop@a1b2c3d/),
    ).toBeInTheDocument();
    expect(
      d.getByText(
        'Gates passed; would merge the open pull request from develop into main (1 commit)',
      ),
    ).toBeInTheDocument();
    expect(received).toEqual([{ dryRun: true }]);
    expect(d.getByRole('radio', { name: /^Merge/ })).toBeChecked();

    await userEvent.click(d.getByRole('radio', { name: /^Pull request/ }));
    await waitFor(() =>
      expect(d.getByRole('button', { name: 'Promote' })).toBeEnabled(),
    );
    expect(received[1]).toEqual({ dryRun: true, strategy: 'pull-request' });
    await userEvent.click(d.getByRole('button', { name: 'Promote' }));

    expect(
      await d.findByText(/Promotion started by pull request/),
    ).toBeInTheDocument();
    expect(d.getByRole('link', { name: /Open it/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/macro-ai/pull/58',
    );
    expect(received.filter(body => !body.dryRun)).toEqual([
      { strategy: 'pull-request' },
    ]);
    expect(onPromoted).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'promo-2', result: 'succeeded' }),
    );
    expect(d.getByRole('button', { name: 'Promote' })).toBeDisabled();
  });

  it.each([
    { ahead: 1, listed: 1, heading: '1 commit (develop → main)', more: '' },
    {
      ahead: 21,
      listed: 20,
      heading: '21 commits (develop → main)',
      more: 'and 1 more commit',
    },
    {
      ahead: 22,
      listed: 20,
      heading: '22 commits (develop → main)',
      more: 'and 2 more commits',
    },
  ])(
    'counts the waiting commits in words: "$heading" $more',
    async ({ ahead, listed, heading, more }) => {
      server.use(backendWithDefault('pull-request', []));
      const source = buildEnvironmentStatus('staging', {
        promotion: {
          commitsAhead: ahead,
          commits: Array.from({ length: listed }, (_, i) => ({
            sha: `${i + 1}`.padStart(12, 'a'),
            message: `Change ${i + 1}`,
          })),
        },
      });
      const { d, dialog } = await openDialog(source);
      expect(d.getByText(heading)).toBeInTheDocument();
      expect(d.queryByText(/^and \d+ more/)?.textContent ?? '').toBe(more);
      expect(dialog).not.toHaveTextContent(/\b1 (commits|more commits)\b/);
      expect(await d.findByText('Checks green')).toBeInTheDocument();
    },
  );

  it('promotes with the backend’s default strategy when the user keeps it', async () => {
    const received: PromoteRequest[] = [];
    server.use(backendWithDefault('workflow-dispatch', received));
    const { d } = await openDialog();
    await waitFor(() =>
      expect(
        d.getByRole('radio', { name: /^Workflow dispatch/ }),
      ).toBeChecked(),
    );
    await userEvent.click(d.getByRole('button', { name: 'Promote' }));
    expect(
      await d.findByText(/Promotion started by workflow dispatch/),
    ).toBeInTheDocument();
    expect(received).toEqual([
      { dryRun: true },
      { strategy: 'workflow-dispatch' },
    ]);
  });

  it('on a local repository, offers merge only, in the repository’s own words, and says why the others cannot be picked', async () => {
    const received: PromoteRequest[] = [];
    server.use(backendWithDefault('merge', received));
    const { d } = await openDialog(
      buildEnvironmentStatus('staging', {
        promotion: {
          compareUrl: undefined,
          pullRequest: undefined,
          sourceControl: 'local repository /srv/macro-ai.git',
          strategies: [
            {
              strategy: 'merge',
              available: true,
              description:
                'Fast-forward main to the source branch in the local repository (a merge commit where they diverged)',
            },
            {
              strategy: 'pull-request',
              available: false,
              description: 'A local repository has no pull requests: use merge',
            },
            {
              strategy: 'workflow-dispatch',
              available: false,
              description:
                'A local repository has no workflows to run: use merge',
            },
          ],
        },
      }),
    );
    const merge = d.getByRole('radio', { name: /^Merge/ });
    await waitFor(() => expect(merge).toBeChecked());
    expect(merge).toBeEnabled();
    expect(
      d.getByText(/Fast-forward main to the source branch/),
    ).toBeInTheDocument();
    expect(d.getByRole('radio', { name: /^Pull request/ })).toBeDisabled();
    expect(
      d.getByText(/A local repository has no pull requests: use merge/),
    ).toBeInTheDocument();
    expect(d.getByRole('radio', { name: /^Workflow dispatch/ })).toBeDisabled();
    await userEvent.click(d.getByRole('button', { name: 'Promote' }));
    expect(
      await d.findByText(/Promotion started by merge/),
    ).toBeInTheDocument();
    expect(received).toEqual([{ dryRun: true }, { strategy: 'merge' }]);
  });

  it('lists the failing gates in words and keeps Promote disabled when the dry run is blocked (409)', async () => {
    const received: PromoteRequest[] = [];
    server.use(
      promoteHandler(
        () => promoteRefusal(409, BLOCKED_MESSAGES.frozenAndNothingPending),
        received,
      ),
    );
    const { d } = await openDialog();
    const failing = await d.findByRole('list', { name: 'Failing gates' });
    expect(d.getByText('A gate blocks this promotion:')).toBeInTheDocument();
    expect(
      within(failing)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'Freeze window — production is frozen by release freeze (2025-06-01T00:00:00Z to 2025-06-08T00:00:00Z)',
      'Commits pending — Nothing to promote: main already has every commit of develop',
    ]);
    const promote = d.getByRole('button', { name: 'Promote' });
    expect(promote).toBeDisabled();
    expect(promote).toHaveAccessibleDescription(
      'Blocked by gates Freeze window, Commits pending',
    );
    expect(received).toEqual([{ dryRun: true }]);
  });

  it('checks again with the strategy picked when the default one is blocked', async () => {
    const received: PromoteRequest[] = [];
    server.use(
      promoteHandler(
        body =>
          body.strategy === 'pull-request'
            ? HttpResponse.json(buildDryRunRecord())
            : promoteRefusal(409, BLOCKED_MESSAGES.pullRequestNotApproved),
        received,
      ),
    );
    const { d } = await openDialog();
    expect(
      await d.findByText(
        /Pull request #57 from develop to main cannot be merged: it has no approving review/,
      ),
    ).toBeInTheDocument();
    expect(
      d.getByRole('button', { name: 'Promote' }),
    ).toHaveAccessibleDescription('Blocked by gate Pull request ready');

    await userEvent.click(d.getByRole('radio', { name: /^Pull request/ }));
    await waitFor(() =>
      expect(d.getByRole('button', { name: 'Promote' })).toBeEnabled(),
    );
    expect(d.queryByRole('list', { name: 'Failing gates' })).toBeNull();
    expect(received).toEqual([
      { dryRun: true },
      { dryRun: true, strategy: 'pull-request' },
    ]);
  });

  it('disables Promote and says what to configure when GitHub is not configured (503)', async () => {
    server.use(
      promoteHandler(() => promoteRefusal(503, GITHUB_NOT_CONFIGURED)),
    );
    const { d } = await openDialog(
      buildEnvironmentStatus('staging', {
        promotion: {
          status: 'unconfigured',
          message: GITHUB_NOT_CONFIGURED,
          commits: undefined,
          commitsAhead: undefined,
        },
      }),
    );
    expect(d.getByText(GITHUB_NOT_CONFIGURED)).toBeInTheDocument();
    expect(d.queryByText('No commits are waiting.')).not.toBeInTheDocument();
    expect(
      await d.findByText(/^Promotion is not available:/),
    ).toHaveTextContent(GITHUB_NOT_CONFIGURED);
    const promote = d.getByRole('button', { name: 'Promote' });
    expect(promote).toBeDisabled();
    expect(promote).toHaveAccessibleDescription('GitHub is not configured');
    expect(d.getByRole('radio', { name: /^Merge/ })).toBeDisabled();
  });

  it('disables Promote when the backend does not let the user promote (403)', async () => {
    server.use(
      promoteHandler(() =>
        promoteRefusal(
          403,
          'user:default/guest may not promote into environment:default/macro-ai-api-production',
        ),
      ),
    );
    const { d } = await openDialog();
    expect(
      await d.findByText(/^You may not promote into Production:/),
    ).toHaveTextContent(
      'user:default/guest may not promote into environment:default/macro-ai-api-production',
    );
    const promote = d.getByRole('button', { name: 'Promote' });
    expect(promote).toBeDisabled();
    expect(promote).toHaveAccessibleDescription(
      'You may not promote into Production',
    );
  });

  it('lists the failing gate when the promotion itself is blocked after a passing dry run', async () => {
    server.use(
      promoteHandler(body =>
        body.dryRun
          ? HttpResponse.json(buildDryRunRecord())
          : promoteRefusal(409, BLOCKED_MESSAGES.checksFailing),
      ),
    );
    const { d, onPromoted } = await openDialog();
    await waitFor(() =>
      expect(d.getByRole('button', { name: 'Promote' })).toBeEnabled(),
    );
    await userEvent.click(d.getByRole('button', { name: 'Promote' }));
    expect(
      await d.findByText('The promotion was blocked by a gate:'),
    ).toBeInTheDocument();
    expect(d.getByRole('list', { name: 'Failing gates' })).toHaveTextContent(
      'Checks green — Checks failing on develop@a1b2c3d: lint (check run): failure; ci/build (status): failure',
    );
    expect(onPromoted).not.toHaveBeenCalled();
  });

  it('lets the user promote when the dry run failed for another reason, leaving the strategy to the backend', async () => {
    const received: PromoteRequest[] = [];
    server.use(
      promoteHandler(
        body =>
          body.dryRun
            ? promoteRefusal(500, 'database is unreachable')
            : HttpResponse.json(buildPromotionRecord()),
        received,
      ),
    );
    const { d } = await openDialog();
    expect(
      await d.findByText('Could not check the gates: database is unreachable'),
    ).toBeInTheDocument();
    const promote = d.getByRole('button', { name: 'Promote' });
    expect(promote).toBeEnabled();
    await userEvent.click(promote);
    expect(
      await d.findByText(/Promotion started by pull request/),
    ).toBeInTheDocument();
    expect(received).toEqual([{ dryRun: true }, {}]);
  });
});
