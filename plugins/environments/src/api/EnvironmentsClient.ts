import { parseEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  CostSection,
  DeploymentRecord,
  EnvironmentListResponse,
  EnvironmentScale,
  EnvironmentStatus,
  PromoteRequest,
  PromotionRecord,
  RollbackPlan,
} from '@stageline/plugin-environments-common';
import type {
  DestroyPreviewResponse,
  EnvironmentsApi,
  ListEnvironmentsOptions,
} from './EnvironmentsApi';

/** Plugin id the backend is mounted under. */
const PLUGIN_ID = 'environments';

/**
 * {@link EnvironmentsApi} over HTTP, through Backstage's discovery and fetch APIs (so the
 * user's token goes with every request).
 *
 * @public
 */
export class EnvironmentsClient implements EnvironmentsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listEnvironments(
    options: ListEnvironmentsOptions = {},
  ): Promise<EnvironmentStatus[]> {
    const query = new URLSearchParams();
    for (const key of ['entityRef', 'owner', 'system'] as const) {
      const value = options[key];
      if (value) query.set(key, value);
    }
    const search = query.toString();
    const body = await this.request<EnvironmentListResponse>(
      `/environments${search ? `?${search}` : ''}`,
    );
    return body.items;
  }

  async getStatus(environmentRef: string): Promise<EnvironmentStatus> {
    return this.request(`${environmentPath(environmentRef)}/status`);
  }

  async promote(
    sourceRef: string,
    request: PromoteRequest,
  ): Promise<PromotionRecord> {
    return this.request(`${environmentPath(sourceRef)}/promote`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  async listPromotions(environmentRef: string): Promise<PromotionRecord[]> {
    const body = await this.request<{ items: PromotionRecord[] }>(
      `${environmentPath(environmentRef)}/promotions`,
    );
    return body.items;
  }

  async getCost(
    environmentRef: string,
    options: { scale?: EnvironmentScale } = {},
  ): Promise<CostSection> {
    const search = options.scale
      ? `?${new URLSearchParams({ scale: options.scale })}`
      : '';
    return this.request(`${environmentPath(environmentRef)}/cost${search}`);
  }

  async destroyPreview(
    environmentRef: string,
  ): Promise<DestroyPreviewResponse> {
    return this.request(`${environmentPath(environmentRef)}/destroy`, {
      method: 'POST',
    });
  }

  async runSchedule(
    environmentRef: string,
    action: 'shutdown' | 'startup',
  ): Promise<{ entityRef: string; state: 'stopping' | 'starting' }> {
    return this.request(
      `${environmentPath(environmentRef)}/${
        action === 'shutdown' ? 'stop' : 'start'
      }`,
      { method: 'POST' },
    );
  }

  async keepRunning(
    environmentRef: string,
    until: string | null,
  ): Promise<{ entityRef: string; keepRunningUntil: string | null }> {
    return this.request(`${environmentPath(environmentRef)}/keep-running`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ until }),
    });
  }

  async listDeployments(environmentRef: string): Promise<DeploymentRecord[]> {
    const body = await this.request<{ items: DeploymentRecord[] }>(
      `${environmentPath(environmentRef)}/deployments`,
    );
    return body.items;
  }

  async getRollbackPlan(environmentRef: string): Promise<RollbackPlan> {
    return this.request(`${environmentPath(environmentRef)}/rollback`);
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(PLUGIN_ID);
    const res = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return (await res.json()) as T;
  }
}

/** `/environments/:namespace/:name` for an environment entity ref. */
function environmentPath(environmentRef: string): string {
  const { namespace, name } = parseEntityRef(environmentRef, {
    defaultKind: 'environment',
  });
  return `/environments/${encodeURIComponent(namespace)}/${encodeURIComponent(
    name,
  )}`;
}
