import { createApiRef } from '@backstage/core-plugin-api';
import type {
  CostSection,
  DeploymentRecord,
  EnvironmentScale,
  EnvironmentStatus,
  PromoteRequest,
  PromotionRecord,
  RollbackPlan,
} from '@stageline/plugin-environments-common';

/**
 * Filters for {@link EnvironmentsApi.listEnvironments}.
 *
 * @public
 */
export interface ListEnvironmentsOptions {
  /** Only the environments of this component (an entity ref), in promotion order. */
  entityRef?: string;
  /** Only environments owned by this group or user (an entity ref). */
  owner?: string;
  /** Only environments of this system (an entity ref). */
  system?: string;
}

/**
 * The Stageline environments backend (`/api/environments`), as the frontend sees it.
 *
 * @public
 */
export interface EnvironmentsApi {
  /** Status of many environments: a component's (promotion order), or all of them. */
  listEnvironments(
    options?: ListEnvironmentsOptions,
  ): Promise<EnvironmentStatus[]>;
  /** Status of one environment, by its entity ref. */
  getStatus(environmentRef: string): Promise<EnvironmentStatus>;
  /**
   * Promotes what runs in `sourceRef` into its `promotesTo` environment. Rejects with a
   * `ResponseError` whose body names a `ConflictError` when a gate fails.
   */
  promote(sourceRef: string, request: PromoteRequest): Promise<PromotionRecord>;
  /** Promotion history of an environment, newest first. */
  listPromotions(environmentRef: string): Promise<PromotionRecord[]>;
  /** Cost of an environment; with `scale`, the what-if cost at that scale. */
  getCost(
    environmentRef: string,
    options?: { scale?: EnvironmentScale },
  ): Promise<CostSection>;
  /**
   * Asks for a preview's stack to be destroyed now ("Destroy now"); the backend's preview
   * cleanup destroys it and the preview's status follows it. Rejects with a `ResponseError`
   * (403 when not allowed `environments.destroy` on the stack, 409 for a non-preview).
   */
  destroyPreview(environmentRef: string): Promise<DestroyPreviewResponse>;
  /**
   * Stop now (`shutdown`) or Start now (`startup`) of an environment with a `spec.schedule`; its
   * status's `schedule` follows. Rejects with a `ResponseError` (403 when not allowed
   * `environments.deploy` on its stack).
   */
  runSchedule(
    environmentRef: string,
    action: 'shutdown' | 'startup',
  ): Promise<{ entityRef: string; state: 'stopping' | 'starting' }>;
  /** Keeps a scheduled environment running until `until` (`null` ends the override). */
  keepRunning(
    environmentRef: string,
    until: string | null,
  ): Promise<{ entityRef: string; keepRunningUntil: string | null }>;
  /** Deploys, rollbacks and destroys of an environment's stack, newest first. */
  listDeployments(environmentRef: string): Promise<DeploymentRecord[]>;
  /** What a rollback of the environment would do now. */
  getRollbackPlan(environmentRef: string): Promise<RollbackPlan>;
}

/**
 * The answer to {@link EnvironmentsApi.destroyPreview}.
 *
 * @public
 */
export interface DestroyPreviewResponse {
  entityRef: string;
  state: 'requested';
  message: string;
}

/**
 * Reference to the {@link EnvironmentsApi}.
 *
 * @public
 */
export const environmentsApiRef = createApiRef<EnvironmentsApi>({
  id: 'plugin.environments.service',
});
