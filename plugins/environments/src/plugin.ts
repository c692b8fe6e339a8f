import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { EnvironmentsClient, environmentsApiRef } from './api';
import type { EntityEnvironmentOverviewCardProps } from './components/EntityEnvironmentOverviewCard';
import type { EntityEnvironmentsCardProps } from './components/EntityEnvironmentsCard';
import { rootRouteRef } from './routes';

/**
 * The Stageline environments plugin for the legacy frontend system.
 *
 * @public
 */
export const environmentsPlugin = createPlugin({
  id: 'environments',
  apis: [
    createApiFactory({
      api: environmentsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new EnvironmentsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The environments of a component, for its entity page (legacy frontend system).
 *
 * @public
 */
export const EntityEnvironmentsCard: (
  props: EntityEnvironmentsCardProps,
) => JSX.Element = environmentsPlugin.provide(
  createComponentExtension({
    name: 'EntityEnvironmentsCard',
    component: {
      lazy: () =>
        import('./components/EntityEnvironmentsCard').then(
          m => m.EntityEnvironmentsCard,
        ),
    },
  }),
);

/**
 * The overview of one Environment entity, for its entity page (legacy frontend system).
 *
 * @public
 */
export const EntityEnvironmentOverviewCard: (
  props: EntityEnvironmentOverviewCardProps,
) => JSX.Element = environmentsPlugin.provide(
  createComponentExtension({
    name: 'EntityEnvironmentOverviewCard',
    component: {
      lazy: () =>
        import('./components/EntityEnvironmentOverviewCard').then(
          m => m.EntityEnvironmentOverviewCard,
        ),
    },
  }),
);

/**
 * All components × stages, mounted at `/environments` (legacy frontend system).
 *
 * @public
 */
export const EnvironmentsPage: () => JSX.Element = environmentsPlugin.provide(
  createRoutableExtension({
    name: 'EnvironmentsPage',
    component: () =>
      import('./components/EnvironmentsPage').then(m => m.EnvironmentsPage),
    mountPoint: rootRouteRef,
  }),
);
