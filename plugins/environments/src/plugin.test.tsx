import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { environmentsApiRef, type EnvironmentsApi } from './api';
import { EnvironmentsClient } from './api/EnvironmentsClient';
import {
  EntityEnvironmentOverviewCard,
  EntityEnvironmentsCard,
  environmentsPlugin,
} from './plugin';
import { rootRouteRef } from './routes';
import {
  buildComponentEntity,
  buildComponentStatuses,
  buildEnvironmentEntity,
  buildEnvironmentStatus,
} from './__testUtils__/fixtures';
import {
  listHandler,
  promotionsHandler,
  statusHandler,
} from './__testUtils__/environmentsServer';
import { renderWithEnvironments } from './__testUtils__/renderWithEnvironments';

const server = setupServer();
registerMswTestHooks(server);

/** The API as the legacy app builds it: the plugin's own factory over discovery and fetch. */
function apiFromPluginFactory(): EnvironmentsApi {
  const [factory] = [...environmentsPlugin.getApis()];
  return factory.factory({
    discoveryApi: mockApis.discovery(),
    fetchApi: new MockFetchApi(),
  }) as EnvironmentsApi;
}

describe('environments plugin for the legacy frontend system', () => {
  it('provides the environments API built from discovery and fetch', () => {
    expect(environmentsPlugin.getId()).toBe('environments');
    const [factory] = [...environmentsPlugin.getApis()];
    expect(factory.api).toBe(environmentsApiRef);
    expect(Object.keys(factory.deps).sort()).toEqual([
      'discoveryApi',
      'fetchApi',
    ]);
    expect(apiFromPluginFactory()).toBeInstanceOf(EnvironmentsClient);
  });

  it('routes its page through rootRouteRef', () => {
    expect(environmentsPlugin.routes.root).toBe(rootRouteRef);
  });

  it('renders the EntityEnvironmentsCard extension on a component page: staging and production', async () => {
    server.use(listHandler(buildComponentStatuses()));
    await renderWithEnvironments(<EntityEnvironmentsCard />, {
      entity: buildComponentEntity(),
      environmentsApi: apiFromPluginFactory(),
    });
    for (const stage of ['Staging', 'Production']) {
      const panel = await screen.findByTestId(
        `environment-macro-ai-api-${stage.toLocaleLowerCase('en-GB')}`,
      );
      expect(within(panel).getByRole('link', { name: stage })).toBeVisible();
      expect(within(panel).getByText('Healthy')).toBeInTheDocument();
    }
  });

  it('renders the EntityEnvironmentOverviewCard extension on an environment page', async () => {
    server.use(
      statusHandler([buildEnvironmentStatus('staging')]),
      promotionsHandler([]),
    );
    await renderWithEnvironments(<EntityEnvironmentOverviewCard />, {
      entity: buildEnvironmentEntity('staging'),
      environmentsApi: apiFromPluginFactory(),
    });
    expect(await screen.findByText('Healthy')).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Stack outputs' }),
    ).toBeInTheDocument();
    expect(await screen.findByText(/No promotions yet/)).toBeInTheDocument();
  });
});
