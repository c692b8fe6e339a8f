/**
 * Common types of the Stageline environments plugins: the Environment kind, its JSON Schema
 * and validator, permissions, and the REST API types.
 *
 * @packageDocumentation
 */
export * from './constants';
export * from './entity/EnvironmentEntityV1alpha1';
export { environmentEntityV1alpha1Schema } from './entity/environmentEntityV1alpha1Schema';
export {
  environmentEntityV1alpha1Validator,
  validateEnvironmentEntity,
} from './entity/environmentEntityV1alpha1Validator';
export {
  PREVIEW_DEFAULTS,
  PREVIEW_TTL_LIMITS,
  parsePreviewTtl,
  previewSettingsOf,
} from './entity/previewSettings';
export * from './stackTags';
export { CURRENCY_SYMBOLS, formatMoney } from './money';
export {
  cronProblem,
  describeCron,
  nextScheduleTime,
  previousScheduleEvent,
} from './schedule/scheduleTimes';
export type {
  EnvironmentSchedule,
  ScheduleAction,
  ScheduleEvent,
} from './schedule/scheduleTimes';
export * from './permissions';
export * from './api/EnvironmentStatus';
export * from './api/PreviewLifecycle';
export * from './api/ScheduleLifecycle';
export * from './api/DeploymentHistory';
