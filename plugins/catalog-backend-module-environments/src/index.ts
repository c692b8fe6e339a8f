/**
 * Catalog backend module for Stageline: the `Environment` kind processor and the preview
 * Environment provider.
 *
 * @packageDocumentation
 */
export { catalogModuleEnvironments as default } from './module';
export { EnvironmentEntityProcessor } from './processor/EnvironmentEntityProcessor';
export { PreviewEnvironmentProvider } from './previews/PreviewEnvironmentProvider';
export type { PreviewEnvironmentProviderOptions } from './previews/PreviewEnvironmentProvider';
export { StackDiscoveryProvider } from './discovery/StackDiscoveryProvider';
export type { StackDiscoveryProviderOptions } from './discovery/StackDiscoveryProvider';
