export { environmentsApiRef } from './EnvironmentsApi';
export type {
  EnvironmentsApi,
  ListEnvironmentsOptions,
} from './EnvironmentsApi';
export { EnvironmentsClient } from './EnvironmentsClient';
