import { BaseCredentials, Toolkit } from '@aws-cdk/toolkit-lib';
import type { AwsAccess } from '../aws/AwsAccess';
import type { EnvironmentTarget } from '../target/EnvironmentTarget';
import type { TaskIoHost } from './TaskIoHost';

/**
 * A CDK toolkit library for the environment's account and region, with the credentials of
 * Backstage's AWS integration (`aws.accounts`) as its base credentials. From them it assumes
 * the roles `cdk bootstrap` made where the stack's synthesizer names them (deploy, file
 * publishing, lookup), as `cdk deploy` does.
 *
 * @public
 */
export async function createToolkit(
  aws: AwsAccess,
  target: Pick<EnvironmentTarget, 'accountId' | 'region'>,
  ioHost: TaskIoHost,
): Promise<Toolkit> {
  const { credentials, region } = await aws.clientConfig({
    accountId: target.accountId,
    region: target.region,
  });
  return new Toolkit({
    ioHost,
    color: false,
    emojis: false,
    sdkConfig: {
      baseCredentials: BaseCredentials.custom({
        provider: credentials,
        region,
      }),
    },
  });
}
