import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  PromoteRequest,
  PromotionRecord,
} from '@stageline/plugin-environments-common';
import {
  EnvironmentsBackend,
  environmentsBackendRequest,
} from '../backend/environmentsBackendRequest';

/**
 * Promotes through the environments backend's `POST /environments/:namespace/:name/promote`,
 * on behalf of the user who started the task, so a promotion from the scaffolder gets the same
 * permission check, lock, history and audit event as one from the entity cards.
 */
export class EnvironmentsPromoteClient {
  constructor(private readonly backend: EnvironmentsBackend) {}

  /**
   * Promotes `source` into its `promotesTo` and returns the promotion the backend recorded.
   *
   * @throws the backend's error (name and message as it answered: `ConflictError` naming the
   *   failing gates or the running promotion, `NotAllowedError`, `NotFoundError`,
   *   `ServiceUnavailableError` when GitHub is not configured, ...)
   */
  async promote(request: {
    source: CompoundEntityRef;
    body: PromoteRequest;
    credentials: BackstageCredentials;
    signal?: AbortSignal;
  }): Promise<PromotionRecord> {
    return environmentsBackendRequest(this.backend, {
      environment: request.source,
      path: 'promote',
      method: 'POST',
      body: request.body,
      credentials: request.credentials,
      signal: request.signal,
    });
  }
}
