import { ConflictError, ServiceUnavailableError } from '@backstage/errors';
import type { ProviderConfiguration } from './types';

/**
 * The error for a provider that cannot work: 503 `ServiceUnavailableError` when the backend
 * lacks credentials or integration config, 409 `ConflictError` when the environment entity
 * lacks a field. The message says what to configure.
 *
 * @public
 */
export function configurationError(
  configuration: Extract<ProviderConfiguration, { configured: false }>,
): Error {
  return configuration.missing === 'entity'
    ? new ConflictError(configuration.message)
    : new ServiceUnavailableError(configuration.message);
}
