/*
 * Alone in its file on purpose: usePermission caches answers per permission and resource for
 * the life of the module, so an "allowed" answer from another test would hide a denial here.
 */
import { screen, waitFor } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import type { EvaluatePermissionRequest } from '@backstage/plugin-permission-common';
import {
  buildComponentEntity,
  buildComponentStatuses,
} from '../../__testUtils__/fixtures';
import { listHandler } from '../../__testUtils__/environmentsServer';
import { renderWithEnvironments } from '../../__testUtils__/renderWithEnvironments';
import { EntityEnvironmentsCard } from '../EntityEnvironmentsCard';

const server = setupServer();
registerMswTestHooks(server);

describe('PromoteButton without permission', () => {
  it('is hidden from users not allowed to promote into the target', async () => {
    server.use(listHandler(buildComponentStatuses()));
    const asked: EvaluatePermissionRequest[] = [];
    await renderWithEnvironments(<EntityEnvironmentsCard />, {
      entity: buildComponentEntity(),
      canPromote: request => {
        asked.push(request);
        return false;
      },
    });
    await screen.findByText(/^3 commits waiting for Production/);
    await waitFor(() =>
      expect(asked).toContainEqual(
        expect.objectContaining({
          permission: expect.objectContaining({ name: 'environments.promote' }),
          resourceRef: 'environment:default/macro-ai-api-production',
        }),
      ),
    );
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(
      screen.queryByRole('button', { name: /Promote/ }),
    ).not.toBeInTheDocument();
  });
});
