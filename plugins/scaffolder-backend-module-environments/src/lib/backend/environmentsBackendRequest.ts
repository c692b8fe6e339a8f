import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import { backendErrorOf } from './backendErrorOf';

/** The plugin id of `@stageline/plugin-environments-backend`. */
export const ENVIRONMENTS_PLUGIN_ID = 'environments';

/**
 * Where the environments backend is and how to get a token for it.
 *
 * @public
 */
export type EnvironmentsBackend = {
  discovery: DiscoveryService;
  auth: AuthService;
};

/**
 * Calls a route of one environment of the environments backend
 * (`/environments/:namespace/:name/<path>`) with a token for `credentials`: a user's (on behalf
 * of the task's initiator) or the module's own.
 *
 * @returns the parsed JSON answer
 * @throws the backend's error, with its `@backstage/errors` type and message (see
 *   `backendErrorOf`); ServiceUnavailableError when nothing answered
 */
export async function environmentsBackendRequest<T>(
  backend: EnvironmentsBackend,
  request: {
    environment: CompoundEntityRef;
    path: string;
    method?: 'GET' | 'POST';
    body?: unknown;
    credentials: BackstageCredentials;
    signal?: AbortSignal;
  },
): Promise<T> {
  const baseUrl = await backend.discovery.getBaseUrl(ENVIRONMENTS_PLUGIN_ID);
  const { namespace, name } = request.environment;
  const url = `${baseUrl}/environments/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}/${request.path}`;
  const { token } = await backend.auth.getPluginRequestToken({
    onBehalfOf: request.credentials,
    targetPluginId: ENVIRONMENTS_PLUGIN_ID,
  });
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method ?? 'GET',
      headers: {
        ...(request.body !== undefined
          ? { 'Content-Type': 'application/json' }
          : {}),
        Authorization: `Bearer ${token}`,
      },
      body:
        request.body === undefined ? undefined : JSON.stringify(request.body),
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
  return JSON.parse(await response.text()) as T;
}
