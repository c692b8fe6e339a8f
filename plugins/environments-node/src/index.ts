/**
 * Node library of the Stageline environments plugins: provider interfaces and the extension
 * point of the environments backend, the promotion engine shared by the backend and the
 * `environment:promote` scaffolder action, the GitHub and CloudFormation clients, and the
 * permission rules for `environments.promote`.
 *
 * @packageDocumentation
 */
export * from './providers/types';
export {
  redactSecrets,
  toSectionError,
  unconfiguredSection,
  errorSection,
} from './providers/sections';
export { configurationError } from './providers/configurationError';
export {
  ANNOTATION_GITHUB_PROJECT_SLUG,
  githubRepositoryOf,
  parseRepositorySlug,
  stackOf,
} from './providers/entityFields';
export type { GithubRepository } from './providers/entityFields';
export * from './extensions';
export {
  GithubSourceControlProvider,
  GITHUB_NOT_CONFIGURED_MESSAGE,
  ANNOTATION_PROMOTE_WORKFLOW,
} from './github/GithubSourceControlProvider';
export type { GithubSourceControlProviderOptions } from './github/GithubSourceControlProvider';
export { ANNOTATION_MERGE_METHOD, MERGE_METHODS } from './github/mergeMethod';
export type { MergeMethod } from './github/mergeMethod';
export {
  LocalGitSourceControlProvider,
  LOCAL_REPOSITORY_NO_CI,
} from './local/LocalGitSourceControlProvider';
export type { LocalGitSourceControlProviderOptions } from './local/LocalGitSourceControlProvider';
export type { GitIdentity } from './local/LocalGitRepository';
export { createGithubClient } from './github/createGithubClient';
export type { CreateGithubClientOptions } from './github/createGithubClient';
export { EtagCache, LruMap } from './github/EtagCache';
export { describeGithubError } from './github/describeGithubError';
export { dispatchWorkflow } from './github/dispatchWorkflow';
export type { WorkflowDispatch } from './github/dispatchWorkflow';
export { findDispatchedRun } from './github/strategies/findDispatchedRun';
export type { DispatchedRun } from './github/strategies/findDispatchedRun';
export type { GithubPolling } from './github/strategies/StrategyContext';
export { AwsAccess, AWS_NOT_CONFIGURED_MESSAGE } from './aws/AwsAccess';
export type { AwsAccessOptions } from './aws/AwsAccess';
export { CloudFormationDeploymentProvider } from './aws/CloudFormationDeploymentProvider';
export { isStackStatusSettled } from './aws/stackStatus';
export {
  PromotionEngine,
  assertPromotionSucceeded,
} from './promotion/PromotionEngine';
export type {
  PromotionEngineOptions,
  PromotionInput,
  PromotionOutcome,
} from './promotion/PromotionEngine';
export { PROMOTION_GATE_IDS } from './promotion/gates';
export {
  readFreezeWindows,
  activeFreezeWindow,
  describeFreezeWindow,
} from './promotion/freezeWindows';
export type { FreezeWindow } from './promotion/freezeWindows';
export { readPromotionSettings } from './promotion/readPromotionSettings';
export type { PromotionSettings } from './promotion/readPromotionSettings';
export * from './permissions/rules';
export {
  promotePolicyDecision,
  environmentsPolicyDecision,
} from './permissions/promotePolicyDecision';
export type { PromotePolicyOptions } from './permissions/promotePolicyDecision';
export { readCostSettings } from './cost/readCostSettings';
export type { CostSettings } from './cost/readCostSettings';
export * from './security';
