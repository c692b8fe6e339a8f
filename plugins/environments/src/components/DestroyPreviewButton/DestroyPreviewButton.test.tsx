import { screen, waitFor } from '@testing-library/react';
import type { EvaluatePermissionRequest } from '@backstage/plugin-permission-common';
import { buildEnvironmentStatus } from '../../__testUtils__/fixtures';
import { renderWithEnvironments } from '../../__testUtils__/renderWithEnvironments';
import { DestroyPreviewButton } from './DestroyPreviewButton';

// In its own file: the permission API's answers are cached per permission and resource.
describe('DestroyPreviewButton without permission', () => {
  it('is hidden from users not allowed environments.destroy on the preview', async () => {
    const asked: EvaluatePermissionRequest[] = [];
    await renderWithEnvironments(
      <DestroyPreviewButton preview={buildEnvironmentStatus('preview')} />,
      {
        canPromote: request => {
          asked.push(request);
          return false;
        },
      },
    );
    await waitFor(() =>
      expect(asked).toContainEqual(
        expect.objectContaining({
          permission: expect.objectContaining({ name: 'environments.destroy' }),
          resourceRef: 'environment:default/macro-ai-api-pr-42',
        }),
      ),
    );
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: 'Destroy now' })).toBeNull();
  });
});
