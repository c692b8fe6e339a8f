import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { AwsAccess } from './AwsAccess';
import type { EnvironmentTarget } from '../target/EnvironmentTarget';

/**
 * A CloudFormation client for the environment's account and region, with credentials from
 * Backstage's AWS integration (`aws.accounts`), never from action input.
 *
 * @public
 */
export async function cloudFormationClientFor(
  aws: AwsAccess,
  target: Pick<EnvironmentTarget, 'accountId' | 'region'>,
): Promise<CloudFormationClient> {
  const clientConfig = await aws.clientConfig({
    accountId: target.accountId,
    region: target.region,
  });
  return new CloudFormationClient(clientConfig);
}
