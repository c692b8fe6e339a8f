import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import type { PromoteRequest } from '@stageline/plugin-environments-common';
import {
  buildEnvironmentStatus,
  buildPromotionRecord,
} from '../../__testUtils__/fixtures';
import {
  errorResponse,
  promoteHandler,
} from '../../__testUtils__/environmentsServer';
import { renderWithEnvironments } from '../../__testUtils__/renderWithEnvironments';
import { PromoteButton } from './PromoteButton';

const server = setupServer();
registerMswTestHooks(server);

const GATE_MESSAGE =
  'Gate checks-green failed: 1 check failing on develop (lint)';

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
  return { dialog: await screen.findByRole('dialog'), onPromoted };
}

describe('PromoteDialog', () => {
  it('lists the commits and the gates from a dry run, then posts the chosen strategy', async () => {
    const received: PromoteRequest[] = [];
    server.use(
      promoteHandler(
        body =>
          HttpResponse.json(
            buildPromotionRecord({
              strategy: body.strategy,
              result: body.dryRun ? 'dry-run' : 'succeeded',
              link: body.dryRun
                ? undefined
                : 'https://github.com/acme/macro-ai/pull/58',
            }),
          ),
        received,
      ),
    );
    const { dialog, onPromoted } = await openDialog();
    const d = within(dialog);
    expect(
      d.getByText('Promote Macro AI API (staging) to Production'),
    ).toBeInTheDocument();
    expect(d.getByText('Add summaries endpoint')).toBeInTheDocument();
    expect(d.getByText('3 commits (develop → main)')).toBeInTheDocument();
    expect(await d.findByText('Deployment complete')).toBeInTheDocument();
    expect(d.getByText(/All checks passed on develop/)).toBeInTheDocument();
    expect(received[0]).toEqual({ dryRun: true, strategy: 'pull-request' });

    await userEvent.click(d.getByRole('radio', { name: /^Merge/ }));
    await userEvent.click(d.getByRole('button', { name: 'Promote' }));

    expect(
      await d.findByText(/Promotion started by merge/),
    ).toBeInTheDocument();
    expect(d.getByRole('link', { name: /Open it/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/macro-ai/pull/58',
    );
    expect(received.filter(body => !body.dryRun)).toEqual([
      { strategy: 'merge' },
    ]);
    expect(onPromoted).toHaveBeenCalledWith(
      expect.objectContaining({ result: 'succeeded' }),
    );
    expect(d.getByRole('button', { name: 'Promote' })).toBeDisabled();
  });

  it('shows the failing gate in words when the backend refuses the promotion', async () => {
    server.use(
      promoteHandler(body =>
        body.dryRun
          ? HttpResponse.json(buildPromotionRecord({ result: 'dry-run' }))
          : errorResponse(409, 'ConflictError', GATE_MESSAGE),
      ),
    );
    const { dialog, onPromoted } = await openDialog();
    const d = within(dialog);
    await d.findByText('Deployment complete');
    await userEvent.click(d.getByRole('button', { name: 'Promote' }));
    expect(
      await d.findByText(`Blocked by a promotion gate: ${GATE_MESSAGE}`, {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(onPromoted).not.toHaveBeenCalled();
  });

  it('names the failed gate of a blocked promotion record', async () => {
    server.use(
      promoteHandler(() =>
        HttpResponse.json(
          buildPromotionRecord({
            result: 'blocked',
            gates: [
              {
                id: 'freeze-window',
                status: 'failed',
                message: 'Production is frozen until Monday',
              },
            ],
          }),
        ),
      ),
    );
    const { dialog } = await openDialog();
    const d = within(dialog);
    expect(await d.findByText('Freeze window')).toBeInTheDocument();
    await userEvent.click(d.getByRole('button', { name: 'Promote' }));
    expect(
      await d.findByText(
        /Promotion blocked: gate Freeze window — Production is frozen until Monday/,
      ),
    ).toBeInTheDocument();
  });

  it('warns before promoting when the dry run hits a failing gate', async () => {
    server.use(
      promoteHandler(() => errorResponse(409, 'ConflictError', GATE_MESSAGE)),
    );
    const { dialog } = await openDialog();
    await waitFor(() =>
      expect(
        within(dialog).getByText(/A gate blocks this promotion:/),
      ).toHaveTextContent(GATE_MESSAGE),
    );
  });

  it('says what to configure when GitHub is not set up, instead of listing no commits', async () => {
    const GITHUB =
      'GitHub is not configured: add integrations.github with a token or app for github.com';
    server.use(
      promoteHandler(() =>
        errorResponse(503, 'ServiceUnavailableError', GITHUB),
      ),
    );
    const { dialog } = await openDialog(
      buildEnvironmentStatus('staging', {
        promotion: {
          status: 'unconfigured',
          message: GITHUB,
          commits: undefined,
          commitsAhead: undefined,
        },
      }),
    );
    const d = within(dialog);
    expect(d.getByText(GITHUB)).toBeInTheDocument();
    expect(d.queryByText('No commits are waiting.')).not.toBeInTheDocument();
    expect(await d.findByText(/Could not check the gates:/)).toHaveTextContent(
      GITHUB,
    );
  });
});
