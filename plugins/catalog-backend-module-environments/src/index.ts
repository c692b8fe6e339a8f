/**
 * Catalog backend module for Stageline: the `Environment` kind processor and the preview
 * Environment provider.
 *
 * @packageDocumentation
 */
export { catalogModuleEnvironments as default } from './module';
export { EnvironmentEntityProcessor } from './processor/EnvironmentEntityProcessor';
export type { EnvironmentEntityProcessorOptions } from './processor/EnvironmentEntityProcessor';
export { PreviewEnvironmentProvider } from './previews/PreviewEnvironmentProvider';
export type { PreviewEnvironmentProviderOptions } from './previews/PreviewEnvironmentProvider';
export type { PreviewProviderConfig } from './previews/readPreviewProviderConfig';
export { StackDiscoveryProvider } from './discovery/StackDiscoveryProvider';
export type { StackDiscoveryProviderOptions } from './discovery/StackDiscoveryProvider';
export type { StackDiscoveryConfig } from './discovery/readStackDiscoveryConfig';
export type { DiscoveredStackStore } from './discovery/DiscoveredStackStore';
export type { DiscoveredStack } from './discovery/listStacks';
export type { FindDiscoveredStacks } from './discovery/fillFromDiscovery';
