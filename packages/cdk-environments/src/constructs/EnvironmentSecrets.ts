import { SecretValue } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { secretName } from '../naming';
import { EnvironmentContext } from './EnvironmentContext';

/**
 * Keys of the `external-services` secret (seed 004), created empty and filled out of band.
 */
const EXTERNAL_SERVICE_KEYS = [
  'OPENAI_API_KEY',
  'AWS_COGNITO_USER_POOL_ID',
  'AWS_COGNITO_USER_POOL_CLIENT_ID',
  'AWS_COGNITO_USER_POOL_SECRET_KEY',
];

/**
 * Props of {@link EnvironmentSecrets}.
 *
 * @public
 */
export interface EnvironmentSecretsProps {
  /** The environment. */
  readonly context: EnvironmentContext;
}

/**
 * The Secrets Manager secrets of an environment, named as seed 004 lays them out:
 * `/{app}/{key}/api-keys` (with a generated 32-character `API_KEY`) and
 * `/{app}/{key}/external-services` (empty keys to fill). `/{app}/{key}/database-credentials`
 * is created by the database.
 *
 * @public
 */
export class EnvironmentSecrets extends Construct {
  /** `/{app}/{key}/api-keys`. */
  readonly apiKeys: secretsmanager.Secret;
  /** `/{app}/{key}/external-services`. */
  readonly externalServices: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: EnvironmentSecretsProps) {
    super(scope, id);
    const { context } = props;
    this.apiKeys = new secretsmanager.Secret(this, 'ApiKeys', {
      secretName: secretName(context.appName, context.key, 'api-keys'),
      description: `API configuration secrets of ${context.appName} ${context.key}`,
      generateSecretString: {
        secretStringTemplate: '{}',
        generateStringKey: 'API_KEY',
        passwordLength: 32,
        excludePunctuation: true,
      },
      removalPolicy: context.removalPolicy,
    });
    this.externalServices = new secretsmanager.Secret(
      this,
      'ExternalServices',
      {
        secretName: secretName(
          context.appName,
          context.key,
          'external-services',
        ),
        description: `External service credentials of ${context.appName} ${context.key}; fill out of band`,
        secretObjectValue: Object.fromEntries(
          EXTERNAL_SERVICE_KEYS.map(key => [
            key,
            SecretValue.unsafePlainText(''),
          ]),
        ),
        removalPolicy: context.removalPolicy,
      },
    );
  }

  /** Lets `grantee` read every secret of the environment. */
  grantRead(grantee: iam.IGrantable): void {
    this.apiKeys.grantRead(grantee);
    this.externalServices.grantRead(grantee);
  }
}
