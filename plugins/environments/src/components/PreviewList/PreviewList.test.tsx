import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { buildEnvironmentStatus } from '../../__testUtils__/fixtures';
import {
  destroyHandler,
  errorResponse,
} from '../../__testUtils__/environmentsServer';
import { renderWithEnvironments } from '../../__testUtils__/renderWithEnvironments';
import { PreviewList } from './PreviewList';

const server = setupServer();
registerMswTestHooks(server);

async function renderPreviews(
  options: { canDestroy?: boolean; onChanged?: () => void } = {},
  preview = buildEnvironmentStatus('preview'),
) {
  const { canDestroy = true } = options;
  await renderWithEnvironments(
    <PreviewList previews={[preview]} onChanged={options.onChanged} />,
    {
      canPromote: request =>
        request.permission.name !== 'environments.destroy' || canDestroy,
    },
  );
  await userEvent.click(screen.getByText('1 preview environment'));
  return within(
    await screen.findByRole('table', { name: 'Preview environments' }),
  );
}

describe('PreviewList', () => {
  it('shows each preview with its pull request, author, age, time left and cost so far', async () => {
    const preview = buildEnvironmentStatus('preview');
    preview.preview!.cleanupAt = new Date(
      Date.now() + 2 * 86_400_000 + 3_600_000,
    ).toISOString();
    const table = await renderPreviews({}, preview);
    expect(table.getByRole('link', { name: 'PR #42' })).toBeInTheDocument();
    expect(
      table.getByRole('link', { name: /^Pull request on GitHub/ }),
    ).toHaveAttribute('href', 'https://github.com/acme/macro-ai/pull/42');
    expect(
      table.getByText(/^by octo-guest, opened .+ ago$/),
    ).toBeInTheDocument();
    expect(
      table.getByText(
        /^Destroyed in 2 days unless pushed to \(72h without a push\), or when its pull request closes$/,
      ),
    ).toBeInTheDocument();
    expect(table.getByText('£0.37 so far')).toBeInTheDocument();
    expect(table.getByText('£3.10 a month')).toBeInTheDocument();
  });

  it('shows a failed cleanup with its error and when it is tried again', async () => {
    const failed = buildEnvironmentStatus('preview');
    failed.preview!.cleanup = {
      state: 'failed',
      error:
        'Destroy of MacroAiPr42Stack failed (DELETE_FAILED); Assets: bucket not empty',
      attempts: 1,
      nextAttemptAt: new Date(Date.now() + 5 * 60_000 + 30_000).toISOString(),
    };
    const table = await renderPreviews({}, failed);
    expect(
      table.getByText(
        'Destroy failed: Destroy of MacroAiPr42Stack failed (DELETE_FAILED); Assets: bucket not empty · retrying in 5 minutes',
      ),
    ).toBeInTheDocument();
  });

  it('destroys a preview now after a confirmation, for users allowed to destroy it', async () => {
    const received: string[] = [];
    const onChanged = jest.fn();
    server.use(
      destroyHandler(
        entityRef =>
          HttpResponse.json(
            { entityRef, state: 'requested', message: 'Destroying' },
            { status: 202 },
          ),
        received,
      ),
    );
    const table = await renderPreviews({ onChanged });
    await userEvent.click(table.getByRole('button', { name: 'Destroy now' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Destroy the preview of PR #42?',
    });
    expect(dialog).toHaveTextContent(
      'Deletes MacroAiPr42Stack now, as its cleanup would.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Destroy MacroAiPr42Stack' }),
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(received).toEqual(['environment:default/macro-ai-api-pr-42']);
  });

  it('says why the backend refused, and keeps the dialog open', async () => {
    server.use(
      destroyHandler(() =>
        errorResponse(
          403,
          'NotAllowedError',
          'You are not allowed environments.destroy on environment:default/macro-ai-api-production (the Environment of stack MacroAiPr42Stack)',
        ),
      ),
    );
    const table = await renderPreviews();
    await userEvent.click(table.getByRole('button', { name: 'Destroy now' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Destroy MacroAiPr42Stack' }),
    );
    expect(
      await within(dialog).findByText(
        'You are not allowed environments.destroy on environment:default/macro-ai-api-production (the Environment of stack MacroAiPr42Stack)',
      ),
    ).toBeInTheDocument();
  });

  it('offers no Destroy now while a destroy is under way, and says so', async () => {
    const destroying = buildEnvironmentStatus('preview');
    destroying.preview!.cleanup = { state: 'destroying', reason: 'requested' };
    const table = await renderPreviews({}, destroying);
    expect(table.getByText('Destroying its stack…')).toBeInTheDocument();
    expect(table.queryByRole('button', { name: 'Destroy now' })).toBeNull();
  });
});
