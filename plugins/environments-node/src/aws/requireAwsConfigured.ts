import { ServiceUnavailableError } from '@backstage/errors';
import type { AwsAccess } from './AwsAccess';

/**
 * @throws ServiceUnavailableError saying what to configure when the backend has no AWS access
 *
 * @public
 */
export function requireAwsConfigured(aws: AwsAccess, what: string): void {
  const configuration = aws.getConfiguration();
  if (!configuration.configured) {
    throw new ServiceUnavailableError(
      `Cannot ${what}: ${configuration.message}`,
    );
  }
}
