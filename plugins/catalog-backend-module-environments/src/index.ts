/**
 * Catalog backend module for Stageline: the `Environment` kind processor.
 *
 * @packageDocumentation
 */
export { catalogModuleEnvironments as default } from './module';
export { EnvironmentEntityProcessor } from './processor/EnvironmentEntityProcessor';
