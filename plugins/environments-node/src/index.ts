/**
 * Node library of the Stageline environments plugins: provider interfaces and the extension
 * point of the environments backend, the permission rules for `environments.promote`, and the
 * GitHub, AWS, CDK toolkit and authorization helpers the backend and its modules share. The
 * promotion engine and the built-in providers live in the backend, behind its routes.
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
export { createGithubClient } from './github/createGithubClient';
export type { CreateGithubClientOptions } from './github/createGithubClient';
export { EtagCache } from './github/EtagCache';
export { describeGithubError } from './github/describeGithubError';
export { dispatchWorkflow } from './github/dispatchWorkflow';
export type { WorkflowDispatch } from './github/dispatchWorkflow';
export { findDispatchedRun } from './github/findDispatchedRun';
export type {
  DispatchContext,
  DispatchedRun,
  GithubPolling,
} from './github/findDispatchedRun';
export { AwsAccess, AWS_NOT_CONFIGURED_MESSAGE } from './aws/AwsAccess';
export type { AwsAccessOptions } from './aws/AwsAccess';
export { isStackStatusSettled } from './aws/stackStatus';
export { stackVersion } from './aws/stackVersion';
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
export {
  GithubRepositoryClients,
  GITHUB_NOT_CONFIGURED_MESSAGE,
} from './github/GithubRepositoryClients';
export type { GithubHostRepository } from './github/GithubRepositoryClients';
export { destroyStackDirectly } from './operations/destroyStackDirectly';
export type { DirectDestroyOutcome } from './operations/destroyStackDirectly';
export { destroyEnvironmentStack } from './operations/destroyEnvironmentStack';
export type { EnvironmentDestroyOutcome } from './operations/destroyEnvironmentStack';
export { stackIdentityAssembly } from './toolkit/stackIdentityAssembly';
export { previewLocation, isProviderPreview } from './previews/previewLocation';
export { previewStackName } from './previews/previewStackName';
export { templateHash } from './deployments/templateHash';
