import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import type { RollbackPlan } from '@stageline/plugin-environments-common';
import { buildDeploymentRecord } from '../../__testUtils__/fixtures';
import { rollbackPlanHandler } from '../../__testUtils__/environmentsServer';
import { renderWithEnvironments } from '../../__testUtils__/renderWithEnvironments';
import { formatDateTime } from '../../lib/format';
import { RollbackButton } from './RollbackButton';

const server = setupServer();
registerMswTestHooks(server);

const STAGING = 'environment:default/macro-ai-api-staging';
const restored = buildDeploymentRecord();
const plan: RollbackPlan = {
  kind: 'rerun',
  environmentRef: STAGING,
  mode: 'pipeline',
  stackName: 'MacroAiStagingStack',
  stackStatus: 'UPDATE_COMPLETE',
  current: { commit: '9f8e7d6c5b4a', source: 'stack' },
  target: restored,
  message:
    'Re-run run 9120000001 of the pipeline, which deployed commit 1a2b3c4, the deployment before the one running now',
};

describe('RollbackButton', () => {
  it('is shown only to users allowed to deploy the Environment', async () => {
    // Another Environment than the other tests': usePermission keeps decisions per resource.
    const PRODUCTION = 'environment:default/macro-ai-api-production';
    const asked: string[] = [];
    await renderWithEnvironments(
      <RollbackButton environmentRef={PRODUCTION} />,
      {
        canPromote: request => {
          asked.push(
            `${request.permission.name} on ${
              'resourceRef' in request ? request.resourceRef : ''
            }`,
          );
          return false;
        },
      },
    );

    expect(screen.queryByRole('button', { name: 'Roll back' })).toBeNull();
    expect(asked).toContain(`environments.deploy on ${PRODUCTION}`);
  });

  it('shows what the rollback restores, then starts the rollback template with it and links the task', async () => {
    server.use(rollbackPlanHandler(plan));
    const scaffold = jest.fn(async () => ({ taskId: 'a1b2-task' }));
    await renderWithEnvironments(<RollbackButton environmentRef={STAGING} />, {
      scaffolderApi: { scaffold },
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Roll back' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(plan.message)).toBeInTheDocument();
    expect(dialog).toHaveTextContent(
      `Restores the deployment of ${formatDateTime(
        restored.createdAt,
      )} by guest (commit 1a2b3c4) — run 9120000001, Opens in a new window.`,
    );
    expect(
      within(dialog).getByRole('link', { name: /run 9120000001/ }),
    ).toHaveAttribute('href', restored.runUrl);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Roll back' }),
    );

    expect(scaffold).toHaveBeenCalledWith({
      templateRef: 'template:default/rollback-environment',
      values: { environment: STAGING, restore: restored.id },
    });
    expect(
      await within(dialog).findByRole('link', {
        name: /Follow it in its task/,
      }),
    ).toHaveAttribute('href', '/create/tasks/a1b2-task');
    expect(
      within(dialog).getByRole('button', { name: 'Roll back' }),
    ).toBeDisabled();
  });

  it('says why there is nothing to roll back to, and does not offer to', async () => {
    server.use(
      rollbackPlanHandler({
        kind: 'none',
        environmentRef: STAGING,
        mode: 'reference',
        stackName: 'MacroAiStagingStack',
        message:
          'No earlier successful deployment of MacroAiStagingStack is recorded that a rollback could restore',
      }),
    );
    const scaffold = jest.fn();
    await renderWithEnvironments(<RollbackButton environmentRef={STAGING} />, {
      scaffolderApi: { scaffold },
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Roll back' }),
    );
    const dialog = await screen.findByRole('dialog');

    expect(
      await within(dialog).findByText(
        'Nothing to roll back to: No earlier successful deployment of MacroAiStagingStack is recorded that a rollback could restore',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Roll back' }),
    ).toBeDisabled();
    expect(scaffold).not.toHaveBeenCalled();
  });

  it('says when the scaffolder refuses to start the rollback', async () => {
    server.use(rollbackPlanHandler(plan));
    await renderWithEnvironments(<RollbackButton environmentRef={STAGING} />, {
      scaffolderApi: {
        scaffold: async () => {
          throw new Error('Template rollback-environment not found');
        },
      },
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Roll back' }),
    );
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText(plan.message);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Roll back' }),
    );

    expect(
      await within(dialog).findByText(
        /Could not start the rollback: Template rollback-environment not found/,
      ),
    ).toBeInTheDocument();
  });
});
