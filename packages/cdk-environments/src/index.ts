/**
 * CDK constructs for a Stageline environment: one stack per stage × scale.
 *
 * @packageDocumentation
 */

export * from './stages';
export * from './naming';
export * from './regions';
export * from './profiles';
export * from './EnvironmentStack';
export * from './app';
export * from './synthesizeEnvironment';
export * from './InlineTemplateSynthesizer';
export * from './placeholder/placeholderCode';
export type { EnvironmentContext } from './constructs/EnvironmentContext';
export type { AlarmSpec } from './constructs/AlarmSpec';
export type { ApiRuntime, ApiRuntimeProps } from './constructs/ApiRuntime';
export * from './constructs/Network';
export * from './constructs/ServerlessApi';
export * from './constructs/FargateApi';
export * from './constructs/PostgresDatabase';
export * from './constructs/RedisCache';
export * from './constructs/CdnDistribution';
export * from './constructs/WebFirewall';
export * from './constructs/EnvironmentMonitoring';
export * from './constructs/EnvironmentParameters';
export * from './constructs/EnvironmentSecrets';
export { STACK_TAG_KEYS } from './stackTags';
