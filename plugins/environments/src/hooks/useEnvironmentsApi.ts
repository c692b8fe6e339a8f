import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type {
  CostSection,
  DeploymentRecord,
  EnvironmentScale,
  EnvironmentStatus,
  PromotionRecord,
} from '@stageline/plugin-environments-common';
import { environmentsApiRef, type ListEnvironmentsOptions } from '../api';

/** Environments' statuses from the backend, with `retry` to load them again. */
export function useEnvironmentList(options: ListEnvironmentsOptions) {
  const api = useApi(environmentsApiRef);
  const { entityRef, owner, system } = options;
  return useAsyncRetry<EnvironmentStatus[]>(
    () => api.listEnvironments({ entityRef, owner, system }),
    [api, entityRef, owner, system],
  );
}

/** One environment's status. */
export function useEnvironmentStatus(environmentRef: string) {
  const api = useApi(environmentsApiRef);
  return useAsyncRetry<EnvironmentStatus>(
    () => api.getStatus(environmentRef),
    [api, environmentRef],
  );
}

/** One environment's promotion history, newest first. */
export function usePromotionHistory(environmentRef: string) {
  const api = useApi(environmentsApiRef);
  return useAsyncRetry<PromotionRecord[]>(
    () => api.listPromotions(environmentRef),
    [api, environmentRef],
  );
}

/** One environment's cost, at its own scale or (what-if) another. */
export function useEnvironmentCost(
  environmentRef: string,
  scale?: EnvironmentScale,
) {
  const api = useApi(environmentsApiRef);
  return useAsyncRetry<CostSection>(
    () => api.getCost(environmentRef, { scale }),
    [api, environmentRef, scale],
  );
}

/** One environment's deployment history (deploys, rollbacks, destroys), newest first. */
export function useDeploymentHistory(environmentRef: string) {
  const api = useApi(environmentsApiRef);
  return useAsyncRetry<DeploymentRecord[]>(
    () => api.listDeployments(environmentRef),
    [api, environmentRef],
  );
}
