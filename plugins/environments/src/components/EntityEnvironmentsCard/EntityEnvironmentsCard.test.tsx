import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  buildComponentEntity,
  buildComponentStatuses,
  buildEnvironmentStatus,
} from '../../__testUtils__/fixtures';
import {
  failingHandler,
  listHandler,
  pendingHandler,
} from '../../__testUtils__/environmentsServer';
import { renderWithEnvironments } from '../../__testUtils__/renderWithEnvironments';
import type { CostSection } from '@stageline/plugin-environments-common';
import { EntityEnvironmentsCard } from './EntityEnvironmentsCard';

const server = setupServer();
registerMswTestHooks(server);

function renderCard(options: { canPromote?: boolean } = {}) {
  return renderWithEnvironments(<EntityEnvironmentsCard />, {
    entity: buildComponentEntity(),
    ...options,
  });
}

describe('EntityEnvironmentsCard', () => {
  it('shows a progress bar while the environments load', async () => {
    server.use(pendingHandler());
    await renderCard();
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('says what failed when the backend fails', async () => {
    server.use(failingHandler('/environments', 500, 'database is unreachable'));
    await renderCard();
    expect(
      await screen.findByText(
        /Could not load the environments from the environments backend: database is unreachable/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('says what to configure when the component has no environments', async () => {
    server.use(listHandler([]));
    await renderCard();
    expect(
      await screen.findByText(/has no environments yet/),
    ).toHaveTextContent('spec.component: component:default/macro-ai-api');
  });

  it('asks the backend for this component only', async () => {
    const queries: URLSearchParams[] = [];
    server.use(listHandler(buildComponentStatuses(), queries));
    await renderCard();
    await screen.findByTestId('environment-macro-ai-api-staging');
    expect(queries.map(q => q.toString())).toEqual([
      'entityRef=component%3Adefault%2Fmacro-ai-api',
    ]);
  });

  it('shows staging then production with scale, deployment, health, cost and promotion', async () => {
    server.use(listHandler(buildComponentStatuses()));
    await renderCard();

    const staging = await screen.findByTestId(
      'environment-macro-ai-api-staging',
    );
    const production = screen.getByTestId(
      'environment-macro-ai-api-production',
    );
    expect(
      staging.compareDocumentPosition(production) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();

    const s = within(staging);
    expect(s.getByRole('link', { name: 'Staging' })).toHaveAttribute(
      'href',
      '/catalog/default/environment/macro-ai-api-staging',
    );
    expect(s.getByText('scale: hobby')).toBeInTheDocument();
    expect(s.getByText('develop')).toBeInTheDocument();
    expect(
      s.getByText(/Deployed commit a1b2c3d · v1\.5\.0-rc\.2/),
    ).toBeInTheDocument();
    expect(s.getByText('Healthy')).toBeInTheDocument();
    expect(s.getByText(/£3\.10 \/ month/)).toHaveTextContent(
      '£3.10 / month of £5.00 budget',
    );
    expect(
      s.getByRole('meter', { name: 'Estimate against budget' }),
    ).toHaveAttribute('data-budget-state', 'within');
    expect(
      s.getByText('Shutdown schedule saves £1.20 / month'),
    ).toBeInTheDocument();
    expect(
      s.getByRole('link', { name: /^3 commits waiting for Production/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/macro-ai/compare/main...develop',
    );
    expect(s.getByRole('link', { name: /^Pull request #57/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/macro-ai/pull/57',
    );

    const p = within(production);
    expect(
      p.getByText(/Deployed commit 9f8e7d6 · v1\.4\.1/),
    ).toBeInTheDocument();
    expect(p.getByRole('meter')).toHaveAttribute('data-budget-state', 'near');
    expect(
      p.getByText(/Actual month to date £1\.45, forecast £8\.90/),
    ).toBeInTheDocument();
    expect(p.queryByText(/Shutdown schedule/)).not.toBeInTheDocument();
    expect(p.queryByText(/commits waiting/)).not.toBeInTheDocument();
    expect(
      p.queryByRole('button', { name: /Promote/ }),
    ).not.toBeInTheDocument();
  });

  it('shows the deployed commit, the drift badge, which template the cost prices and what production runs', async () => {
    server.use(
      listHandler([
        buildEnvironmentStatus('staging', {
          deployment: {
            drift: {
              status: 'DRIFTED',
              checkedAt: '2025-06-02T09:00:00.000Z',
              message:
                '2 resources drifted: ApiFunction (modified), Alerts (deleted)',
              driftedResources: [
                {
                  logicalResourceId: 'ApiFunction',
                  resourceType: 'AWS::Lambda::Function',
                  status: 'MODIFIED',
                  differences: [],
                },
                {
                  logicalResourceId: 'Alerts',
                  resourceType: 'AWS::SNS::Topic',
                  status: 'DELETED',
                  differences: [],
                },
              ],
            },
          },
          promotion: {
            deployed: {
              sourceCommit: 'a1b2c3d4e5f6',
              targetCommit: '9f8e7d6c5b4a',
              status: 'ahead',
              commitsAhead: 3,
              commitsBehind: 0,
              compareUrl:
                'https://github.com/acme/macro-ai/compare/9f8e7d6c5b4a...a1b2c3d4e5f6',
            },
          },
          cost: {
            template: {
              source: 'deployed',
              description:
                'the template of MacroAiStagingStack as deployed (UPDATE_COMPLETE, updated 2025-06-02), with its parameter values',
            },
          },
        }),
        buildEnvironmentStatus('production', {
          deployment: {
            drift: {
              status: 'IN_SYNC',
              checkedAt: '2025-06-02T09:00:00.000Z',
              message: 'No drift: every resource checked matches its template',
              driftedResources: [],
            },
          },
          cost: {
            template: {
              source: 'reference-profile',
              description:
                "Stageline's reference profile for production × hobby: MacroAiProductionStack is not deployed yet",
            },
          },
        }),
      ]),
    );
    await renderCard();

    const staging = await screen.findByTestId(
      'environment-macro-ai-api-staging',
    );
    const production = screen.getByTestId(
      'environment-macro-ai-api-production',
    );
    const s = within(staging);
    expect(s.getByText(/Deployed commit a1b2c3d/)).toHaveAttribute(
      'title',
      'a1b2c3d4e5f6',
    );
    expect(
      s.getByLabelText(
        'Stack drift: 2 resources drifted: ApiFunction (modified), Alerts (deleted)',
      ),
    ).toHaveTextContent('Drifted: 2 resources');
    expect(within(production).getByText('No drift')).toBeInTheDocument();
    expect(
      s.getByText('Estimate of the deployed template'),
    ).toBeInTheDocument();
    expect(
      within(production).getByText(
        "Estimate of Stageline's reference profile, not a deployed template",
      ),
    ).toHaveAttribute(
      'aria-label',
      "Priced: Stageline's reference profile for production × hobby: MacroAiProductionStack is not deployed yet",
    );
    expect(
      s.getByRole('link', {
        name: /Production runs 9f8e7d6, 3 commits behind a1b2c3d/,
      }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/macro-ai/compare/9f8e7d6c5b4a...a1b2c3d4e5f6',
    );
  });

  it('counts one waiting commit in the singular', async () => {
    server.use(
      listHandler([
        buildEnvironmentStatus('staging', { promotion: { commitsAhead: 1 } }),
      ]),
    );
    await renderCard();
    const staging = await screen.findByTestId(
      'environment-macro-ai-api-staging',
    );
    expect(
      within(staging).getByRole('link', {
        name: /^1 commit waiting for macro-ai-api-production/,
      }),
    ).toBeInTheDocument();
  });

  it('names a local repository as the source of the commits waiting, which link nowhere', async () => {
    server.use(
      listHandler([
        buildEnvironmentStatus('staging', {
          promotion: {
            compareUrl: undefined,
            pullRequest: undefined,
            sourceControl: 'local repository /srv/macro-ai.git',
          },
        }),
      ]),
    );
    await renderCard();
    const promotion = within(
      await screen.findByTestId('environment-macro-ai-api-staging'),
    ).getByRole('region', { name: 'Promotion' });
    expect(
      within(promotion).getByText(
        '3 commits waiting for macro-ai-api-production',
      ),
    ).toBeInTheDocument();
    expect(within(promotion).queryByRole('link')).not.toBeInTheDocument();
    expect(
      within(promotion).getByText('Source: local repository /srv/macro-ai.git'),
    ).toBeInTheDocument();
  });

  it('says when a shutdown schedule saves nothing instead of hiding it', async () => {
    server.use(
      listHandler([
        buildEnvironmentStatus('staging', { cost: { scheduleSaving: 0 } }),
      ]),
    );
    await renderCard();
    const staging = await screen.findByTestId(
      'environment-macro-ai-api-staging',
    );
    expect(
      within(staging).getByText(
        'Shutdown schedule saves nothing at this scale (no hourly-billed resources)',
      ),
    ).toBeInTheDocument();
  });

  it('shows why there is no forecast: an error as one, too little history as a note', async () => {
    const actual = (
      forecastUnavailable: NonNullable<
        CostSection['actual']
      >['forecastUnavailable'],
    ) => ({
      monthToDate: 1.45,
      asOf: '2026-01-05T10:00:00Z',
      forecastUnavailable,
    });
    server.use(
      listHandler([
        buildEnvironmentStatus('staging', {
          cost: {
            actual: actual({
              kind: 'error',
              message:
                'Cost Explorer refused the forecast (AccessDeniedException: not authorized to perform: ce:GetCostForecast)',
            }),
          },
        }),
        buildEnvironmentStatus('production', {
          cost: {
            actual: actual({
              kind: 'no-data',
              message: 'no forecast yet',
            }),
          },
        }),
      ]),
    );
    await renderCard();
    const staging = within(
      await screen.findByTestId('environment-macro-ai-api-staging'),
    );
    expect(
      staging.getByText(
        'Forecast unavailable: Cost Explorer refused the forecast (AccessDeniedException: not authorized to perform: ce:GetCostForecast)',
      ),
    ).toBeInTheDocument();
    const production = within(
      screen.getByTestId('environment-macro-ai-api-production'),
    );
    expect(
      production.getByText(
        'Actual month to date £1.45, no forecast yet (too little cost history)',
      ),
    ).toBeInTheDocument();
    expect(production.queryByText(/Forecast unavailable/)).toBeNull();
  });

  it('collapses previews into their own row with pull request and age', async () => {
    server.use(listHandler(buildComponentStatuses()));
    await renderCard();
    const summary = await screen.findByText('1 preview environment');
    expect(screen.queryByText('PR #42')).not.toBeInTheDocument();
    await userEvent.click(summary);
    const table = await screen.findByRole('table', {
      name: 'Preview environments',
    });
    expect(
      within(table).getByRole('link', { name: 'PR #42' }),
    ).toBeInTheDocument();
    expect(within(table).getByText('feature/summaries')).toBeInTheDocument();
    expect(within(table).getByText(/ago/)).toBeInTheDocument();
  });

  it('lists the individual health checks on expand', async () => {
    server.use(
      listHandler([
        buildEnvironmentStatus('staging', {
          health: {
            state: 'degraded',
            checks: [
              { name: 'HTTP probe', state: 'healthy', detail: '200 in 12 ms' },
              {
                name: 'Database',
                state: 'unhealthy',
                detail: 'connection refused',
              },
            ],
          },
        }),
      ]),
    );
    await renderCard();
    const toggle = await screen.findByRole('button', {
      name: 'Health: Degraded (2 checks)',
    });
    await userEvent.click(toggle);
    // the list opens in the panel; hovering may also show it in a tooltip, outside the panel
    const panel = screen.getByTestId('environment-macro-ai-api-staging');
    expect(
      await within(panel).findByText('Database — connection refused'),
    ).toBeInTheDocument();
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
  });

  it('shows an over-budget estimate as over', async () => {
    server.use(
      listHandler([
        buildEnvironmentStatus('production', {
          cost: {
            budgetState: 'over',
            estimate: {
              monthly: 14.2,
              lines: [],
              unpriced: [],
              assumptions: [],
            },
          },
        }),
      ]),
    );
    await renderCard();
    expect(await screen.findByRole('meter')).toHaveAttribute(
      'data-budget-state',
      'over',
    );
    expect(screen.getByText('over budget')).toBeInTheDocument();
  });

  it('says per section what to configure and what failed, keeping the other sections', async () => {
    server.use(
      listHandler([
        buildEnvironmentStatus('staging', {
          deployment: {
            status: 'unconfigured',
            message:
              'AWS is not configured: add aws.accounts with credentials for 123456789012',
            stackStatus: undefined,
          },
          promotion: {
            status: 'unconfigured',
            message:
              'GitHub is not configured: add integrations.github with a token',
          },
          health: {
            status: 'error',
            state: 'unknown',
            checks: [],
            error: {
              name: 'FetchError',
              message: 'connect ECONNREFUSED 127.0.0.1:7007',
            },
          },
          cost: {
            status: 'error',
            error: { name: 'Error', message: 'template synthesis failed' },
          },
        }),
      ]),
    );
    await renderCard();
    const staging = within(
      await screen.findByTestId('environment-macro-ai-api-staging'),
    );
    expect(
      staging.getByText(
        'AWS is not configured: add aws.accounts with credentials for 123456789012',
      ),
    ).toBeInTheDocument();
    expect(
      staging.getByText(
        'GitHub is not configured: add integrations.github with a token',
      ),
    ).toBeInTheDocument();
    expect(
      staging.getByText(
        'Health check failed: connect ECONNREFUSED 127.0.0.1:7007',
      ),
    ).toBeInTheDocument();
    expect(
      staging.getByText('Cost estimate failed: template synthesis failed'),
    ).toBeInTheDocument();
    expect(staging.getByText('scale: hobby')).toBeInTheDocument();
  });

  it('shows the Promote button on environments with a target to users allowed to promote', async () => {
    server.use(listHandler(buildComponentStatuses()));
    await renderCard({ canPromote: true });
    const staging = within(
      await screen.findByTestId('environment-macro-ai-api-staging'),
    );
    expect(
      await staging.findByRole('button', { name: 'Promote to Production' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Promote/ })).toHaveLength(1);
  });
});
