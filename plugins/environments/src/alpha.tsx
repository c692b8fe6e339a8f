import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { Content } from '@backstage/core-components';
import { isEnvironmentEntity } from '@stageline/plugin-environments-common';
import LayersIcon from '@material-ui/icons/Layers';
import { EnvironmentsClient, environmentsApiRef } from './api';
import { isComponentWithEnvironments } from './isEnvironmentsAvailable';

/** Route of the `/environments` page in the new frontend system. @alpha */
export const environmentsRouteRef = createRouteRef();

/** The environments API, built from discovery and fetch. @alpha */
export const environmentsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: environmentsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new EnvironmentsClient({ discoveryApi, fetchApi }),
    }),
});

/** `entity-card:environments/environments`: a component's environments. @alpha */
export const entityEnvironmentsCard = EntityCardBlueprint.make({
  name: 'environments',
  params: {
    type: 'content',
    filter: isComponentWithEnvironments,
    loader: () =>
      import('./components/EntityEnvironmentsCard').then(m => (
        <m.EntityEnvironmentsCard />
      )),
  },
});

/** `entity-card:environments/overview`: an Environment entity's overview. @alpha */
export const entityEnvironmentOverviewCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    type: 'content',
    filter: isEnvironmentEntity,
    loader: () =>
      import('./components/EntityEnvironmentOverviewCard').then(m => (
        <m.EntityEnvironmentOverviewCard />
      )),
  },
});

/** `page:environments`: all components × stages at `/environments`, in the sidebar. @alpha */
export const environmentsPage = PageBlueprint.make({
  params: {
    path: '/environments',
    title: 'Environments',
    icon: <LayersIcon fontSize="inherit" />,
    routeRef: environmentsRouteRef,
    loader: () =>
      import('./components/EnvironmentsPage').then(m => (
        <Content>
          <m.EnvironmentsOverview />
        </Content>
      )),
  },
});

/**
 * The Stageline environments plugin for the new frontend system: the API, both entity cards
 * and the `/environments` page (which the sidebar lists).
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'environments',
  title: 'Environments',
  icon: <LayersIcon fontSize="inherit" />,
  routes: { root: environmentsRouteRef },
  extensions: [
    environmentsApi,
    entityEnvironmentsCard,
    entityEnvironmentOverviewCard,
    environmentsPage,
  ],
});
