/**
 * Stageline environments frontend: the environments card of a component, the overview card of
 * an Environment entity and the `/environments` page. This entry point is the legacy frontend
 * system; the new one is `@stageline/plugin-environments/alpha`.
 *
 * @packageDocumentation
 */
export {
  environmentsPlugin,
  EntityEnvironmentsCard,
  EntityEnvironmentOverviewCard,
  EnvironmentsPage,
} from './plugin';
export { rootRouteRef } from './routes';
export { environmentsApiRef, EnvironmentsClient } from './api';
export type {
  DestroyPreviewResponse,
  EnvironmentsApi,
  ListEnvironmentsOptions,
} from './api';
export {
  isEnvironmentsAvailable,
  isComponentWithEnvironments,
} from './isEnvironmentsAvailable';
export type { EntityEnvironmentsCardProps } from './components/EntityEnvironmentsCard';
export type { EntityEnvironmentOverviewCardProps } from './components/EntityEnvironmentOverviewCard';
export {
  environmentRelations,
  environmentRelationPairs,
} from './catalogGraphRelations';
