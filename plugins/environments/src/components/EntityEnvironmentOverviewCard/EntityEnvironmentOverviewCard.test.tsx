import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  buildCostSection,
  buildEnvironmentEntity,
  buildEnvironmentStatus,
  buildPromotionRecord,
} from '../../__testUtils__/fixtures';
import {
  costHandler,
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

  it('shows progress while the status loads', async () => {
    server.use(pendingHandler(STATUS_PATH), promotionsHandler([]));
    await renderCard();
    expect((await screen.findAllByRole('progressbar')).length).toBeGreaterThan(
      0,
    );
  });
});
