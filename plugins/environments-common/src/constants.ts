/**
 * The stages an environment can serve, in promotion order.
 *
 * @public
 */
export const ENVIRONMENT_STAGES = [
  'development',
  'preview',
  'staging',
  'production',
] as const;

/** @public */
export type EnvironmentStage = (typeof ENVIRONMENT_STAGES)[number];

/**
 * How much infrastructure an environment gets. Scale is not an environment: production can
 * move from hobby to enterprise without changing stage.
 *
 * @public
 */
export const ENVIRONMENT_SCALES = [
  'hobby',
  'enhanced-hobby',
  'enterprise',
] as const;

/** @public */
export type EnvironmentScale = (typeof ENVIRONMENT_SCALES)[number];

/** Currencies a budget can be expressed in. @public */
export const BUDGET_CURRENCIES = ['GBP', 'USD'] as const;

/** @public */
export type BudgetCurrency = (typeof BUDGET_CURRENCIES)[number];

/**
 * How an environment's stack is built and deployed (`spec.deployment.mode`): by the service's
 * own workflow, from its CDK app through the CDK toolkit library, or as a
 * `@stageline/cdk-environments` reference profile.
 *
 * @public
 */
export const DEPLOYMENT_MODES = ['pipeline', 'cdk-app', 'reference'] as const;

/** @public */
export type DeploymentMode = (typeof DEPLOYMENT_MODES)[number];

/**
 * The `workflow_dispatch` input names a pipeline deployment fills in, unless the Environment
 * names others in `spec.deployment.pipeline.inputs`.
 *
 * @public
 */
export const PIPELINE_INPUT_DEFAULTS = {
  stage: 'stage',
  scale: 'scale',
  command: 'command',
  previewId: 'preview-id',
} as const;

/** What a pipeline deployment's workflow is asked to do. @public */
export const PIPELINE_COMMANDS = ['deploy', 'destroy', 'diff'] as const;

/** @public */
export type PipelineCommand = (typeof PIPELINE_COMMANDS)[number];

/** Ways a promotion can be carried out through source control. @public */
export const PROMOTION_STRATEGIES = [
  'pull-request',
  'merge',
  'workflow-dispatch',
] as const;

/** @public */
export type PromotionStrategy = (typeof PROMOTION_STRATEGIES)[number];

/**
 * The relative `spec.healthCheck.url`s an Environment may give: the Backstage backend's own
 * readiness and liveness endpoints, probed at the backend's own address whatever its host and
 * port, so that an example or a demo shows health in any app. No other relative URL is
 * accepted: a relative URL reaches the backend's routes, not only these.
 *
 * @public
 */
export const BACKEND_HEALTH_PATHS = [
  '/.backstage/health/v1/readiness',
  '/.backstage/health/v1/liveness',
] as const;

/** Environment → its component. @public */
export const RELATION_ENVIRONMENT_OF = 'environmentOf';
/** Component → its environments. @public */
export const RELATION_HAS_ENVIRONMENT = 'hasEnvironment';
/** Environment → the environment it promotes to. @public */
export const RELATION_PROMOTES_TO = 'promotesTo';
/** Environment → the environment it is promoted from. @public */
export const RELATION_PROMOTED_FROM = 'promotedFrom';

/** Annotation on a preview environment naming its pull request number. @public */
export const ANNOTATION_PULL_REQUEST = 'stageline.dev/pull-request';
/** Annotation on a preview environment: its pull request's page. @public */
export const ANNOTATION_PULL_REQUEST_URL = 'stageline.dev/pull-request-url';
/** Annotation on a preview environment: the login of its pull request's author. @public */
export const ANNOTATION_PULL_REQUEST_AUTHOR =
  'stageline.dev/pull-request-author';
/** Annotation on a preview environment: its pull request's head branch. @public */
export const ANNOTATION_PULL_REQUEST_BRANCH =
  'stageline.dev/pull-request-branch';
/** Annotation on a preview environment: when its pull request was opened (ISO 8601). @public */
export const ANNOTATION_PULL_REQUEST_OPENED =
  'stageline.dev/pull-request-opened';
/** Annotation on a preview environment: the last push to its branch (ISO 8601). @public */
export const ANNOTATION_LAST_PUSH = 'stageline.dev/last-push';
/** Annotation on a preview environment: how long it lives without a push (`72h`). @public */
export const ANNOTATION_PREVIEW_TTL = 'stageline.dev/preview-ttl';
/** Annotation on a preview environment: the Environment whose `spec.previews` it comes from. @public */
export const ANNOTATION_PREVIEW_OF = 'stageline.dev/preview-of';

/**
 * The location type of the preview Environments the catalog module's provider emits: their
 * `backstage.io/managed-by-location` is `stageline-previews:<component ref>`. The catalog
 * overwrites that annotation for entities read from any other location, so only the provider's
 * own previews carry it.
 *
 * @public
 */
export const PREVIEW_LOCATION_TYPE = 'stageline-previews';
