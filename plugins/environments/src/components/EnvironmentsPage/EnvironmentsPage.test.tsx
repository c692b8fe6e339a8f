import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  buildComponentStatuses,
  buildEnvironmentEntity,
  buildEnvironmentStatus,
} from '../../__testUtils__/fixtures';
import {
  failingHandler,
  listHandler,
} from '../../__testUtils__/environmentsServer';
import { renderWithEnvironments } from '../../__testUtils__/renderWithEnvironments';
import { EnvironmentsPage } from './EnvironmentsPage';

const server = setupServer();
registerMswTestHooks(server);

/** A second component, owned by another team in another system. */
const webStaging = buildEnvironmentStatus('staging', {
  entityRef: 'environment:default/billing-staging',
  name: 'billing-staging',
  title: 'Billing (staging)',
  component: 'component:default/billing',
  promotion: { status: 'ok', commitsAhead: 0 },
  cost: { budgetState: 'over' },
});

const catalogEntities = [
  buildEnvironmentEntity('staging'),
  buildEnvironmentEntity('production'),
  {
    ...buildEnvironmentEntity('staging', {
      owner: 'group:default/payments',
      system: 'billing',
      component: 'component:default/billing',
    }),
    metadata: { name: 'billing-staging', namespace: 'default' },
  },
];

function renderPage() {
  return renderWithEnvironments(<EnvironmentsPage />, { catalogEntities });
}

describe('EnvironmentsPage', () => {
  it("shows a preview's pull request, author, age, cleanup, cost so far and Destroy now", async () => {
    server.use(listHandler(buildComponentStatuses()));
    await renderPage();
    const table = await screen.findByRole('table');
    const preview = within(
      within(table)
        .getByRole('link', { name: 'Macro AI API (PR #42)' })
        .closest('td')!,
    );
    const pullRequest = preview.getByRole('link', { name: /^Pull request/ });
    expect(pullRequest).toHaveAttribute(
      'href',
      'https://github.com/acme/macro-ai/pull/42',
    );
    expect(pullRequest.parentElement).toHaveTextContent(
      /by octo-guest, opened .+ ago$/,
    );
    expect(
      preview.getByText(
        /^Destroyed in .+ unless pushed to \(72h without a push\)/,
      ),
    ).toBeInTheDocument();
    expect(preview.getByText('£0.37 so far')).toBeInTheDocument();
    expect(
      await preview.findByRole('button', { name: 'Destroy now' }),
    ).toBeInTheDocument();
  });

  it('shows every component by stage with health, deployment, commits waiting and cost', async () => {
    server.use(listHandler([...buildComponentStatuses(), webStaging]));
    await renderPage();
    const table = await screen.findByRole('table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    expect(headers).toEqual(['Component', 'Preview', 'Staging', 'Production']);

    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const api = within(
      rows.find(r => r.textContent?.includes('macro-ai-api'))!,
    );
    expect(
      api.getByRole('link', { name: 'Macro AI API (staging)' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/environment/macro-ai-api-staging',
    );
    expect(
      api.getByRole('link', { name: 'Macro AI API (PR #42)' }),
    ).toHaveTextContent('PR #42');
    expect(
      api.getByRole('link', { name: /^3 commits waiting/ }),
    ).toBeInTheDocument();
    expect(api.getAllByText('£3.10 / £5.00 a month')).toHaveLength(2); // preview and staging
    expect(api.getByText('£8.60 / £10.00 a month')).toBeInTheDocument();
    expect(api.getByText('v1.4.1 · update complete')).toBeInTheDocument();
    expect(api.getAllByText('Healthy')).toHaveLength(3);

    const billing = within(rows.find(r => r.textContent?.includes('billing'))!);
    expect(billing.queryByText(/commits waiting/)).not.toBeInTheDocument();
    expect(billing.getAllByText('—')).toHaveLength(2);
  });

  it('filters by owner and system, passing the filter to the backend', async () => {
    const queries: URLSearchParams[] = [];
    server.use(listHandler([...buildComponentStatuses(), webStaging], queries));
    await renderPage();
    await screen.findByRole('table');

    const owner = screen.getByLabelText('Owner');
    await waitFor(() =>
      expect(
        within(owner)
          .getAllByRole('option')
          .map(o => o.textContent),
      ).toEqual(['All', 'payments', 'platform']),
    );
    await userEvent.selectOptions(owner, 'group:default/payments');
    await waitFor(() =>
      expect(screen.queryByText(/macro-ai-api/)).not.toBeInTheDocument(),
    );
    expect(
      screen.getByRole('link', { name: 'Billing (staging)' }),
    ).toBeInTheDocument();
    expect(queries.at(-1)?.get('owner')).toBe('group:default/payments');

    await userEvent.selectOptions(
      screen.getByLabelText('System'),
      'system:default/macro-ai',
    );
    expect(
      await screen.findByText(
        'No environments match the selected owner and system.',
      ),
    ).toBeInTheDocument();
    expect(queries.at(-1)?.toString()).toBe(
      'owner=group%3Adefault%2Fpayments&system=system%3Adefault%2Fmacro-ai',
    );
  });

  it('searches components by name and counts one waiting commit in the singular', async () => {
    const oneAhead = {
      ...webStaging,
      promotion: { status: 'ok' as const, commitsAhead: 1 },
    };
    server.use(listHandler([...buildComponentStatuses(), oneAhead]));
    await renderPage();
    const table = await screen.findByRole('table');
    expect(within(table).getByText('1 commit waiting')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Component'), 'BILL');
    await waitFor(() =>
      expect(within(table).getAllByRole('row')).toHaveLength(2),
    );
    expect(
      within(table).getByRole('link', { name: 'Billing (staging)' }),
    ).toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText('Component'));
    await userEvent.type(screen.getByLabelText('Component'), 'nothing');
    expect(
      await screen.findByText(
        'No environments match the search and the selected owner and system.',
      ),
    ).toBeInTheDocument();
  });

  it('pages beyond 20 components', async () => {
    const many = Array.from({ length: 21 }, (_, i) => {
      const name = `service-${String(i + 1).padStart(2, '0')}`;
      return buildEnvironmentStatus('staging', {
        entityRef: `environment:default/${name}-staging`,
        name: `${name}-staging`,
        title: `${name} (staging)`,
        component: `component:default/${name}`,
      });
    });
    server.use(listHandler(many));
    await renderPage();
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(21);
    expect(screen.getByText('1-20 of 21')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('service-21');
  });

  it('says what failed when the backend fails', async () => {
    server.use(
      failingHandler('/environments', 404, 'Not found: /api/environments'),
    );
    await renderPage();
    expect(
      await screen.findByText(
        'Could not load the environments from the environments backend: Not found: /api/environments',
      ),
    ).toBeInTheDocument();
  });

  it('says what to register when there are no environments', async () => {
    server.use(listHandler([]));
    await renderPage();
    expect(
      await screen.findByText(
        /No environments yet\. Register Environment entities/,
      ),
    ).toBeInTheDocument();
  });
});
