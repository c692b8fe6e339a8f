export { environmentsApiRef } from './EnvironmentsApi';
export type {
  DestroyPreviewResponse,
  EnvironmentsApi,
  ListEnvironmentsOptions,
} from './EnvironmentsApi';
export { EnvironmentsClient } from './EnvironmentsClient';
