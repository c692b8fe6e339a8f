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
export type { PromotionStateBatchOptions } from './github/graphql/PromotionStateBatcher';
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
export type { RepositoryRef } from './github/GithubRepositoryReader';
export type { GithubPolling } from './github/strategies/StrategyContext';
export { AwsAccess, AWS_NOT_CONFIGURED_MESSAGE } from './aws/AwsAccess';
export type { AwsAccessOptions } from './aws/AwsAccess';
export { CloudFormationDeploymentProvider } from './aws/CloudFormationDeploymentProvider';
export { isStackStatusSettled } from './aws/stackStatus';
export { stackVersion } from './aws/stackVersion';
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
export { cloudFormationClientFor } from './aws/cloudFormationClientFor';
export { describeAwsError, withAwsErrors } from './aws/describeAwsError';
export { describeStack } from './aws/describeStack';
export {
  describeStackFailure,
  describeFailureCause,
} from './aws/describeStackFailure';
export type { StackFailure } from './aws/describeStackFailure';
export {
  StackEventStream,
  formatStackEvent,
  firstFailedResource,
} from './aws/StackEventStream';
export { sleep } from './aws/sleep';
export {
  stackWaitTiming,
  DEFAULT_POLL_INTERVAL_MS,
} from './aws/stackWaitTiming';
export { waitForStack } from './aws/waitForStack';
export type { StackWaitTiming, StackWaitResult } from './aws/waitForStack';
export { waitForStackOperation } from './aws/waitForStackOperation';
export type { StackOperationResult } from './aws/waitForStackOperation';
export { requireAwsConfigured } from './aws/requireAwsConfigured';
export {
  isStackInProgress,
  isStackAbsent,
  isDeploySucceeded,
  outputsOf,
} from './aws/stackLifecycle';
export { toKebabCase } from './target/EnvironmentTarget';
export type {
  EnvironmentTarget,
  TargetDeployment,
} from './target/EnvironmentTarget';
export { describeTarget } from './target/describeTarget';
export {
  resolveEnvironmentTarget,
  environmentTargetOf,
  appNameFromStackName,
} from './target/resolveEnvironmentTarget';
export type { EnvironmentTargetInput } from './target/resolveEnvironmentTarget';
export { authorizeOnEnvironment } from './security/authorizeOnEnvironment';
export type { EnvironmentAuthorization } from './security/authorizeOnEnvironment';
export { deniedRefs } from './security/deniedRefs';
export {
  findEnvironmentsOfStack,
  findEnvironmentsOfComponent,
} from './security/findEnvironments';
export type { CatalogAccess } from './security/findEnvironments';
export { authorizeOnPipelineBranch } from './pipeline/authorizeOnPipelineBranch';
export {
  dispatchPipelineRun,
  findDispatchedPipelineRun,
} from './pipeline/dispatchPipelineRun';
export type {
  PipelineWorkflow,
  PipelineRun,
  Dispatched,
} from './pipeline/dispatchPipelineRun';
export { followPipelineRun } from './pipeline/followPipelineRun';
export type { PipelineOutcome, StackWatch } from './pipeline/followPipelineRun';
export { pipelineInputs, describeInputs } from './pipeline/pipelineInputs';
export { runJobs, describeFailedJob, JobProgress } from './pipeline/runJobs';
export type { RunJob } from './pipeline/runJobs';
export { runPipelineCommand } from './pipeline/runPipelineCommand';
export type {
  RunSearch,
  PipelineResult,
  Checkpoint,
} from './pipeline/runPipelineCommand';
export { createToolkit } from './toolkit/createToolkit';
export { TaskIoHost } from './toolkit/TaskIoHost';
export { destroyStackWithToolkit } from './toolkit/destroyStackWithToolkit';
export { untilDeadline } from './toolkit/untilDeadline';
export {
  assemblyForTarget,
  referenceAssembly,
  cdkAppAssembly,
  cdkAppVariables,
  DEFAULT_SYNTH_TIMEOUT_MS,
} from './toolkit/prepareAssembly';
export type { PreparedAssembly } from './toolkit/prepareAssembly';
export { selectAssemblyStack } from './toolkit/assemblyStack';
export type { AssemblyStack } from './toolkit/assemblyStack';
export { cdkAppCommand } from './toolkit/cdkAppCommand';
export type { CdkAppCommand } from './toolkit/cdkAppCommand';
export { runCdkApp, cdkAppEnvironment } from './toolkit/runCdkApp';
export { referenceSynthesisInput } from './toolkit/referenceSynthesisInput';
export type { CloudFormationTemplate } from './toolkit/referenceSynthesisInput';
export { GithubRepositoryClients } from './github/GithubRepositoryClients';
export type { GithubHostRepository } from './github/GithubRepositoryClients';
export { destroyStackDirectly } from './operations/destroyStackDirectly';
export type { DirectDestroyOutcome } from './operations/destroyStackDirectly';
export { destroyEnvironmentStack } from './operations/destroyEnvironmentStack';
export type { EnvironmentDestroyOutcome } from './operations/destroyEnvironmentStack';
export { stackIdentityAssembly } from './toolkit/stackIdentityAssembly';
export { previewLocation, isProviderPreview } from './previews/previewLocation';
export { previewStackName } from './previews/previewStackName';
export { templateHash } from './deployments/templateHash';
