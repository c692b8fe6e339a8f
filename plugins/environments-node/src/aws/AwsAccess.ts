import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { ProviderConfiguration } from '../providers/types';

/** Shown wherever AWS is needed but nothing configures it. @public */
export const AWS_NOT_CONFIGURED_MESSAGE =
  'AWS is not configured: add aws.mainAccount or aws.accounts to app-config, or give the backend credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID, web identity or container credentials)';

/** Environment variables through which the AWS SDK's default chain finds credentials. */
const CREDENTIAL_ENV_VARS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_PROFILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
];

/** Default region for environments whose `spec.deployment.region` is not set. */
const FALLBACK_REGION = 'us-east-1';

/**
 * Options for {@link AwsAccess.fromConfig}.
 *
 * @public
 */
export interface AwsAccessOptions {
  /** The process environment; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Home directory holding `.aws/`; defaults to `os.homedir()`. */
  homeDir?: string;
}

/**
 * Credentials for AWS SDK clients per account and region, through Backstage's AWS integration,
 * and an honest answer to "is AWS configured here?".
 *
 * AWS counts as configured when the app-config has an `aws` section (`aws.mainAccount`,
 * `aws.accounts`, `aws.accountDefaults`; `aws.mainAccount: {}` opts into the SDK's default chain,
 * e.g. an instance role), or the process environment names credentials (`AWS_ACCESS_KEY_ID`,
 * `AWS_PROFILE`, web identity, container credentials) or `~/.aws/credentials` / `~/.aws/config`
 * exists. The instance metadata service is never probed to find out: a machine without
 * credentials would otherwise wait on a network timeout on every refresh.
 *
 * @public
 */
export class AwsAccess {
  static fromConfig(config: Config, options: AwsAccessOptions = {}): AwsAccess {
    const env = options.env ?? process.env;
    const homeDir = options.homeDir ?? os.homedir();
    const configured =
      config.has('aws') ||
      CREDENTIAL_ENV_VARS.some(name => !!env[name]) ||
      ['credentials', 'config'].some(file =>
        fs.existsSync(path.join(homeDir, '.aws', file)),
      );
    return new AwsAccess(
      configured,
      configured ? DefaultAwsCredentialsManager.fromConfig(config) : undefined,
      env.AWS_REGION ?? FALLBACK_REGION,
    );
  }

  private constructor(
    private readonly configured: boolean,
    private readonly manager: DefaultAwsCredentialsManager | undefined,
    private readonly defaultRegion: string,
  ) {}

  getConfiguration(): ProviderConfiguration {
    return this.configured
      ? { configured: true }
      : { configured: false, message: AWS_NOT_CONFIGURED_MESSAGE };
  }

  /** Region and credentials for an SDK client for the account (default region when not given). */
  async clientConfig(options: {
    accountId?: string;
    region?: string;
  }): Promise<{
    region: string;
    credentials: AwsCredentialIdentityProvider;
  }> {
    if (!this.manager) {
      throw new Error(AWS_NOT_CONFIGURED_MESSAGE);
    }
    const provider = await this.manager.getCredentialProvider(
      options.accountId ? { accountId: options.accountId } : undefined,
    );
    return {
      region: options.region ?? this.defaultRegion,
      credentials: provider.sdkCredentialProvider,
    };
  }
}
