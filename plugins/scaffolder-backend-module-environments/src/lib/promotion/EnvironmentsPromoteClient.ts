import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import type {
  PromoteRequest,
  PromotionRecord,
} from '@stageline/plugin-environments-common';
import { backendErrorOf } from './backendErrorOf';

/** The plugin id of `@stageline/plugin-environments-backend`. */
export const ENVIRONMENTS_PLUGIN_ID = 'environments';

/**
 * Promotes through the environments backend's `POST /environments/:namespace/:name/promote`,
 * on behalf of the user who started the task, so a promotion from the scaffolder gets the same
 * permission check, lock, history and audit event as one from the entity cards.
 */
export class EnvironmentsPromoteClient {
  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
    },
  ) {}

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
    const { discovery, auth } = this.options;
    const baseUrl = await discovery.getBaseUrl(ENVIRONMENTS_PLUGIN_ID);
    const { namespace, name } = request.source;
    const url = `${baseUrl}/environments/${encodeURIComponent(
      namespace,
    )}/${encodeURIComponent(name)}/promote`;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: request.credentials,
      targetPluginId: ENVIRONMENTS_PLUGIN_ID,
    });
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
        },
        body: JSON.stringify(request.body),
        signal: request.signal,
      });
    } catch (error) {
      if (request.signal?.aborted) throw error;
      throw new ServiceUnavailableError(
        `Could not reach the environments backend at ${url}: ${
          (error as Error).message
        }`,
      );
    }
    if (!response.ok) {
      throw await backendErrorOf(response, baseUrl);
    }
    // Parsed here rather than with response.json(), whose objects come from the realm of Node's
    // fetch: the scaffolder's templating refuses arrays with another Array prototype (as under Jest).
    return JSON.parse(await response.text()) as PromotionRecord;
  }
}
