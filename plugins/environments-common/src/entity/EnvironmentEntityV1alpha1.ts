import type { Entity } from '@backstage/catalog-model';
import type {
  BudgetCurrency,
  EnvironmentScale,
  EnvironmentStage,
} from '../constants';

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
    deployment?: {
      /** Deployment provider id; `cloudformation` is built in. */
      provider: string;
      stackName?: string;
      region?: string;
      accountId?: string;
    };
    healthCheck?: {
      /** URL answering the health check; a JSON body `{ status, checks }` is understood. */
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
  };
}

/** @public */
export type EnvironmentEntity = EnvironmentEntityV1alpha1;

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
