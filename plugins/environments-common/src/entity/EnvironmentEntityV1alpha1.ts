import type { Entity } from '@backstage/catalog-model';
import type {
  BudgetCurrency,
  DeploymentMode,
  EnvironmentScale,
  EnvironmentStage,
} from '../constants';
import { PIPELINE_INPUT_DEFAULTS } from '../constants';

/** The apiVersion of Environment entities. @public */
export const ENVIRONMENT_API_VERSION = 'stageline.dev/v1alpha1';
/** The kind of Environment entities. @public */
export const ENVIRONMENT_KIND = 'Environment';

/**
 * One deployed instance of a component: stage, scale, branch, stack, budget and health check.
 *
 * @public
 */
export interface EnvironmentEntityV1alpha1 extends Entity {
  apiVersion: typeof ENVIRONMENT_API_VERSION;
  kind: typeof ENVIRONMENT_KIND;
  spec: {
    /** The stage: development, preview, staging or production. */
    type: EnvironmentStage;
    /** Entity ref of the owning group or user. */
    owner: string;
    /** Entity ref of the system the environment belongs to. */
    system?: string;
    /** Entity ref of the component this is an environment of. */
    component: string;
    /** Infrastructure scale profile. */
    scale: EnvironmentScale;
    /** Git branch whose head this environment runs. */
    branch?: string;
    /** Entity ref of the environment changes are promoted to next. */
    promotesTo?: string;
    deployment?: EnvironmentDeploymentSpec;
    healthCheck?: {
      /**
       * URL answering the health check; a JSON body `{ status, checks }` is understood. Or one
       * of {@link BACKEND_HEALTH_PATHS}: the Backstage backend's own health.
       */
      url: string;
    };
    budget?: {
      monthly: number;
      currency: BudgetCurrency;
    };
    schedule?: {
      /** Cron (UTC) at which the environment is shut down. */
      shutdown?: string;
      /** Cron (UTC) at which it is started again; manual start when absent. */
      startup?: string;
    };
    /**
     * A preview Environment for every open pull request of the component's repository, modelled
     * on this one (its deployment mode, region and account).
     */
    previews?: PreviewsSpec;
  };
}

/**
 * `spec.previews` of an Environment: whether its component gets a preview Environment per open
 * pull request, how long one lives without a push, and at what scale.
 *
 * @public
 */
export type PreviewsSpec = {
  enabled: boolean;
  /**
   * How long a preview lives after the last push to its branch before it is destroyed, e.g.
   * `72h`, `3d`, `90m`.
   * @defaultValue `72h`
   */
  ttl?: string;
  /**
   * The scale previews run at.
   * @defaultValue `hobby`
   */
  scale?: EnvironmentScale;
};

/**
 * The service's own GitHub Actions workflow deploys the stack (`spec.deployment.mode: pipeline`).
 *
 * @public
 */
export type PipelineDeploymentSpec = {
  /** The workflow file in `.github/workflows`, e.g. `deploy.yml`; it must accept `workflow_dispatch`. */
  workflow: string;
  /**
   * The names of the workflow's `workflow_dispatch` inputs Stageline fills in; each defaults to
   * {@link PIPELINE_INPUT_DEFAULTS}.
   */
  inputs?: {
    /** Receives the stage (`spec.type`). */
    stage?: string;
    /** Receives the scale. */
    scale?: string;
    /** Receives `deploy`, `destroy` or `diff`. */
    command?: string;
    /** Receives the pull request number of a preview environment (empty otherwise). */
    previewId?: string;
  };
};

/**
 * A CDK app in the service's repository that Stageline synthesizes and deploys with the CDK
 * toolkit library (`spec.deployment.mode: cdk-app`).
 *
 * @public
 */
export type CdkAppDeploymentSpec = {
  /** Folder of the app, relative to the repository root, e.g. `infrastructure`. */
  path: string;
  /**
   * The command that synthesizes the app into `$CDK_OUTDIR`, run in `path`, e.g.
   * `node bin/app.js`. Default: the `app` of `path/cdk.json`.
   */
  app?: string;
};

/**
 * Where the environment's stack runs and how it is built and deployed.
 *
 * @public
 */
export type EnvironmentDeploymentSpec = {
  /** Deployment provider id; `cloudformation` is built in. */
  provider: string;
  stackName?: string;
  region?: string;
  accountId?: string;
  /**
   * How the stack is built and deployed: `pipeline` (the service's workflow), `cdk-app` (its CDK
   * app, through the CDK toolkit library) or `reference` (the `@stageline/cdk-environments`
   * profiles, for platform-owned stacks).
   * @defaultValue `reference`
   */
  mode?: DeploymentMode;
  /** For `mode: pipeline`. */
  pipeline?: PipelineDeploymentSpec;
  /** For `mode: cdk-app`. */
  cdkApp?: CdkAppDeploymentSpec;
};

/** @public */
export type EnvironmentEntity = EnvironmentEntityV1alpha1;

/**
 * How the Environment's stack is deployed: its `spec.deployment.mode`, `reference` when unset.
 *
 * @public
 */
export function deploymentModeOf(
  entity: Pick<EnvironmentEntityV1alpha1, 'spec'>,
): DeploymentMode {
  return entity.spec.deployment?.mode ?? 'reference';
}

/**
 * The workflow input names of a pipeline deployment, with the defaults filled in.
 *
 * @public
 */
export function pipelineInputNames(
  pipeline: PipelineDeploymentSpec,
): Required<NonNullable<PipelineDeploymentSpec['inputs']>> {
  return { ...PIPELINE_INPUT_DEFAULTS, ...pipeline.inputs };
}

/**
 * Whether an entity is an Environment.
 *
 * @public
 */
export function isEnvironmentEntity(
  entity: Entity | undefined,
): entity is EnvironmentEntityV1alpha1 {
  return (
    !!entity &&
    entity.apiVersion === ENVIRONMENT_API_VERSION &&
    entity.kind?.toLocaleLowerCase('en-US') === 'environment'
  );
}
