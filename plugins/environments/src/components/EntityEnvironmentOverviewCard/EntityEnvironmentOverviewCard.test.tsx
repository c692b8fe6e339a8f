import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  buildCostSection,
  buildEnvironmentEntity,
  buildDeploymentRecord,
  buildEnvironmentStatus,
  buildPromotionRecord,
} from '../../__testUtils__/fixtures';
import {
  costHandler,
  deploymentsHandler,
  failingHandler,
  pendingHandler,
  promotionsHandler,
  statusHandler,
} from '../../__testUtils__/environmentsServer';
import { renderWithEnvironments } from '../../__testUtils__/renderWithEnvironments';
import { formatAge, formatDateTime } from '../../lib/format';
import { EntityEnvironmentOverviewCard } from './EntityEnvironmentOverviewCard';

const server = setupServer();
registerMswTestHooks(server);

const STATUS_PATH = '/environments/default/macro-ai-api-staging/status';

const enterpriseCost = buildCostSection({
  scale: 'enterprise',
  budgetState: 'over',
  scheduleSaving: undefined,
  estimate: {
    monthly: 182.4,
    lines: [
      {
        logicalId: 'Cluster',
        type: 'AWS::RDS::DBCluster',
        monthly: 150,
        basis: '2 × db.r6g.large',
      },
      {
        logicalId: 'ApiFunction',
        type: 'AWS::Lambda::Function',
        monthly: 32.4,
        basis: '10M requests',
      },
      {
        logicalId: 'ApiRole',
        type: 'AWS::IAM::Role',
        monthly: 0,
        basis: 'IAM is free',
      },
      {
        logicalId: 'ApiParam',
        type: 'AWS::SSM::Parameter',
        monthly: 0,
        basis: 'standard tier',
      },
    ],
    unpriced: [
      {
        logicalId: 'Secret',
        type: 'AWS::SecretsManager::Secret',
        reason: 'not in price table',
      },
    ],
    assumptions: [],
  },
});

function renderCard() {
  return renderWithEnvironments(<EntityEnvironmentOverviewCard />, {
    entity: buildEnvironmentEntity('staging'),
  });
}

describe('EntityEnvironmentOverviewCard', () => {
  it('shows the definition, stack, health, cost by resource and promotion history', async () => {
    server.use(
      statusHandler([buildEnvironmentStatus('staging')]),
      promotionsHandler([
        buildPromotionRecord({
          id: 'promo-2',
          strategy: 'merge',
          commits: [
            { sha: 'b2c3d4e5f6a1', message: 'Tune Lambda memory' },
            { sha: 'c3d4e5f6a1b2', message: 'Fix typo in README' },
          ],
          createdAt: '2025-06-01T11:30:00.000Z',
          message: 'Merged pull request #57 from develop into main as 1a2b3c4',
        }),
        buildPromotionRecord(),
      ]),
    );
    await renderCard();

    const definition = screen.getByText('Definition').parentElement!;
    expect(within(definition).getByText('Stage').nextSibling).toHaveTextContent(
      'Staging',
    );
    expect(
      within(definition).getByText('Branch').nextSibling,
    ).toHaveTextContent('develop');
    expect(
      within(definition).getByText('Budget').nextSibling,
    ).toHaveTextContent('£5.00 / month');
    expect(
      within(definition).getByText('Schedule').nextSibling,
    ).toHaveTextContent(
      'shut down at 18:00, Monday through Friday (UTC); started by hand (the estimate assumes a start at 08:00, Monday through Friday (UTC))',
    );
    expect(
      within(definition).getByText('Promotes to').nextSibling,
    ).toHaveTextContent('macro-ai-api-production');
    expect(within(definition).getByText('Stack').nextSibling).toHaveTextContent(
      'MacroAiStagingStack (eu-west-2)',
    );

    expect(await screen.findByText('Healthy')).toBeInTheDocument();
    const outputs = screen.getByRole('table', { name: 'Stack outputs' });
    expect(
      within(outputs).getByRole('link', {
        name: /https:\/\/api-staging\.macro-ai\.com/,
      }),
    ).toBeInTheDocument();
    const events = screen.getByRole('table', { name: 'Stack events' });
    expect(within(events).getAllByRole('row')).toHaveLength(3);
    expect(within(events).getByText('MacroAiStagingStack')).toBeInTheDocument();

    const chart = screen.getByRole('list', { name: 'Cost by resource' });
    const bars = within(chart).getAllByRole('listitem');
    expect(bars.map(bar => bar.textContent)).toEqual([
      'ApiFunctionAWS::Lambda::Function£1.90',
      'TableAWS::DynamoDB::Table£0.80',
      'LogsAWS::Logs::LogGroup£0.40',
    ]);
    await userEvent.click(
      screen.getByRole('button', { name: 'Show assumptions (1)' }),
    );
    expect(
      await screen.findByText(
        'Prices for eu-west-2 converted at 0.79 GBP per USD',
      ),
    ).toBeVisible();

    const history = await screen.findByRole('table', {
      name: 'Promotion history',
    });
    expect(
      within(history)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(['When', 'From → to', 'By · strategy', 'Result']);
    const [merge, pullRequest] = within(history)
      .getAllByRole('row')
      .slice(1)
      .map(row => within(row).getAllByRole('cell'));
    const at = '2025-06-01T11:30:00.000Z';
    expect(merge.map(cell => cell.textContent)).toEqual([
      `${formatAge(at)}${formatDateTime(at)}`,
      'macro-ai-api-staging →macro-ai-api-production2 commits',
      'guestMerge',
      'SucceededOpen pull request, Opens in a new windowMerged pull request #57 from develop into main as 1a2b3c4',
    ]);
    expect(pullRequest[1]).toHaveTextContent(/1 commit$/);
    expect(pullRequest[2]).toHaveTextContent('guestPull request');
    const when = merge[0].querySelector('time')!;
    expect(when).toHaveAttribute('datetime', '2025-06-01T11:30:00.000Z');
    expect(when).toHaveTextContent(formatDateTime('2025-06-01T11:30:00.000Z'));
    expect(
      within(merge[3]).getByRole('link', { name: /Open pull request/ }),
    ).toHaveAttribute('href', 'https://github.com/acme/macro-ai/pull/57');
  });

  it('shows the what-if cost of another scale from the backend', async () => {
    const asked: string[] = [];
    server.use(
      statusHandler([buildEnvironmentStatus('staging')]),
      promotionsHandler([]),
      costHandler({ enterprise: enterpriseCost }, asked),
    );
    await renderCard();
    await userEvent.click(
      await screen.findByRole('button', { name: 'enterprise' }),
    );
    expect(
      await screen.findByText(
        /What if this environment ran at enterprise scale/,
      ),
    ).toHaveTextContent('+£179.30 / month against hobby scale');
    expect(asked).toEqual(['enterprise']);
    const bars = within(
      screen.getByRole('list', { name: 'Cost by resource' }),
    ).getAllByRole('listitem');
    expect(bars[0]).toHaveTextContent('Cluster');
    expect(bars).toHaveLength(2);
    expect(
      screen.getByText(
        /And 2 resources under £0\.01 a month: AWS::IAM::Role, AWS::SSM::Parameter/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('meter')).toHaveAttribute(
      'data-budget-state',
      'over',
    );
    expect(screen.getByText(/Not priced: Secret/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'hobby' }));
    expect(await screen.findByText('£3.10 / month')).toBeInTheDocument();
    expect(asked).toEqual(['enterprise']);
  });

  it('says when the what-if cost cannot be worked out', async () => {
    server.use(
      statusHandler([buildEnvironmentStatus('staging')]),
      promotionsHandler([]),
      costHandler({}),
    );
    await renderCard();
    await userEvent.click(
      await screen.findByRole('button', { name: 'enterprise' }),
    );
    expect(
      await screen.findByText(
        'Could not load the enterprise cost estimate: Unknown scale enterprise',
      ),
    ).toBeInTheDocument();
  });

  it('keeps the definition and says what failed when the status cannot be loaded', async () => {
    server.use(
      failingHandler(STATUS_PATH, 503, 'environments backend is starting'),
      promotionsHandler([]),
    );
    await renderCard();
    expect(
      await screen.findByText(
        'Could not load the status of this environment from the environments backend: environments backend is starting',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Stage').nextSibling).toHaveTextContent('Staging');
    expect(
      screen.queryByRole('list', { name: 'Cost by resource' }),
    ).not.toBeInTheDocument();
    expect(await screen.findByText(/No promotions yet/)).toBeInTheDocument();
  });

  it('says what to configure when the stack provider is not set up', async () => {
    server.use(
      statusHandler([
        buildEnvironmentStatus('staging', {
          deployment: {
            status: 'unconfigured',
            message: 'AWS is not configured: add aws.accounts for 123456789012',
          },
          cost: {
            status: 'unconfigured',
            message: 'No template: set spec.deployment.stackName',
          },
        }),
      ]),
      failingHandler(
        '/environments/default/macro-ai-api-staging/promotions',
        500,
        'history table missing',
      ),
    );
    await renderCard();
    expect(
      await screen.findByText(
        'AWS is not configured: add aws.accounts for 123456789012',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No template: set spec.deployment.stackName'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Stack outputs' }),
    ).not.toBeInTheDocument();
    expect(
      await screen.findByText(
        'Could not load the promotion history: history table missing',
      ),
    ).toBeInTheDocument();
  });

  it('shows the deployment history, a rollback naming what it restored', async () => {
    const deployed = buildDeploymentRecord();
    server.use(
      statusHandler([buildEnvironmentStatus('staging')]),
      promotionsHandler([]),
      deploymentsHandler([
        buildDeploymentRecord({
          id: '8d2f3c5b-0e4a-4f6b-9c7d-1e2f3a4b5c6d',
          action: 'rollback',
          restores: deployed.id,
          createdAt: '2025-06-02T09:00:00.000Z',
          message:
            'Rolled MacroAiStagingStack back to 1a2b3c4: run 9120000001 of deploy.yml ran again (attempt 2), UPDATE_COMPLETE',
        }),
        buildDeploymentRecord({
          id: '9e3a4d6c-1f5b-4a7c-8d8e-2f3a4b5c6d7e',
          commit: '9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e',
          result: 'failed',
          runUrl: undefined,
          createdAt: '2025-06-01T12:00:00.000Z',
          message: 'Run 9120000002 of deploy.yml on develop ended failure',
        }),
        deployed,
      ]),
    );
    await renderCard();

    const history = await screen.findByRole('table', {
      name: 'Deployment history',
    });
    const rows = within(history)
      .getAllByRole('row')
      .slice(1)
      .map(row =>
        within(row)
          .getAllByRole('cell')
          .map(c => c.textContent),
      );
    expect(rows.map(([, what]) => what)).toEqual([
      `Rollback to 1a2b3c4 of ${new Date(
        deployed.createdAt,
      ).toLocaleDateString()}commit 1a2b3c4 · pipeline · guest`,
      'Deploycommit 9f8e7d6 · pipeline · guest',
      'Deploycommit 1a2b3c4 · pipeline · guest',
    ]);
    expect(rows[1][2]).toBe(
      'FailedRun 9120000002 of deploy.yml on develop ended failure',
    );
    expect(
      within(history).getAllByRole('link', { name: /Open workflow run/ })[0],
    ).toHaveAttribute('href', deployed.runUrl);
  });

  it('shows the stack’s drift with each drifted property, and which template the cost prices', async () => {
    server.use(
      statusHandler([
        buildEnvironmentStatus('staging', {
          deployment: {
            drift: {
              status: 'DRIFTED',
              checkedAt: '2025-06-02T09:00:00.000Z',
              message: '1 resource drifted: ApiFunction (modified)',
              driftedResources: [
                {
                  logicalResourceId: 'ApiFunction',
                  resourceType: 'AWS::Lambda::Function',
                  physicalResourceId: 'MacroAiStagingStack-ApiFunction-1AB2',
                  status: 'MODIFIED',
                  differences: [
                    {
                      propertyPath: '/Properties/MemorySize',
                      expectedValue: '512',
                      actualValue: '2048',
                      differenceType: 'NOT_EQUAL',
                    },
                    {
                      propertyPath: '/Properties/Environment/Variables/KEY',
                      expectedValue: '(hidden)',
                      actualValue: '(hidden)',
                      differenceType: 'NOT_EQUAL',
                    },
                  ],
                },
              ],
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
      ]),
      promotionsHandler([]),
      deploymentsHandler([]),
    );
    await renderCard();

    const drifted = await screen.findByRole('table', {
      name: 'Drifted resources',
    });
    expect(
      within(drifted)
        .getAllByRole('row')
        .map(row =>
          within(row)
            .getAllByRole(row.querySelector('th') ? 'columnheader' : 'cell')
            .map(c => c.textContent),
        ),
    ).toEqual([
      ['Resource', 'Property', 'Template', 'In AWS'],
      [
        'ApiFunctionAWS::Lambda::Function',
        '/Properties/MemorySize',
        '512',
        '2048',
      ],
      ['/Properties/Environment/Variables/KEY', '(hidden)', '(hidden)'],
    ]);
    expect(screen.getByText(/^Drift detection ran /)).toBeInTheDocument();
    expect(
      screen.getByText(
        'Priced: the template of MacroAiStagingStack as deployed (UPDATE_COMPLETE, updated 2025-06-02), with its parameter values.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/No deployments through Stageline yet/),
    ).toBeInTheDocument();
  });

  it('states the basis of a what-if: the reference profile at both scales, not the deployed template', async () => {
    server.use(
      statusHandler([
        buildEnvironmentStatus('staging', {
          cost: {
            template: {
              source: 'deployed',
              description: 'the template of MacroAiStagingStack as deployed',
            },
          },
        }),
      ]),
      promotionsHandler([]),
      deploymentsHandler([]),
      costHandler({
        enterprise: {
          ...enterpriseCost,
          template: {
            source: 'reference-profile',
            description:
              "Stageline's reference profile for staging × enterprise: a what-if prices the profile at that scale",
          },
          comparedWith: { scale: 'hobby', monthly: 0.44 },
        },
      }),
    );
    await renderCard();
    await userEvent.click(
      await screen.findByRole('button', { name: 'enterprise' }),
    );

    expect(
      await screen.findByText(
        /What if this environment ran at enterprise scale/,
      ),
    ).toHaveTextContent('+£181.96 / month against hobby scale');
    expect(
      screen.getByText(/^Basis: Stageline's reference profile at each scale/),
    ).toHaveTextContent(
      "Basis: Stageline's reference profile at each scale — £182.40 at enterprise against £0.44 at hobby. The deployed template (£3.10 at hobby) exists at its own scale only, so the difference is the profile's.",
    );
  });

  it('shows progress while the status loads', async () => {
    server.use(pendingHandler(STATUS_PATH), promotionsHandler([]));
    await renderCard();
    expect((await screen.findAllByRole('progressbar')).length).toBeGreaterThan(
      0,
    );
  });
});
