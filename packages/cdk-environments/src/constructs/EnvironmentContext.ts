import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { parameterPath, parameterPrefix } from '../naming';
import { Scale, Stage } from '../stages';

/**
 * What every part of an environment stack needs to know about the environment.
 *
 * @public
 */
export interface EnvironmentContext {
  /** Kebab-case application name, e.g. `macro-ai`. */
  readonly appName: string;
  /** The stage. */
  readonly stage: Stage;
  /** The scale. */
  readonly scale: Scale;
  /** The environment key: the stage, or `pr-{n}` for a preview. */
  readonly key: string;
  /**
   * The key whose Parameter Store inputs the environment reads: its own, except previews,
   * which read staging's so that a pull request needs no secrets of its own.
   */
  readonly configKey: string;
  /** The API's health route, e.g. `/api/health`. */
  readonly healthCheckPath: string;
  /** What happens to logs, secrets and parameters when the stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Environment variables every API runtime gets.
 *
 * @internal
 */
export function runtimeEnvironment(
  context: EnvironmentContext,
): Record<string, string> {
  return {
    NODE_ENV: 'production',
    APP_ENV: context.stage,
    STAGELINE_SCALE: context.scale,
    STAGELINE_ENVIRONMENT_KEY: context.key,
    PARAMETER_PREFIX: parameterPrefix(context.appName, context.configKey),
    DATABASE_URL_PARAMETER: parameterPath(
      context.appName,
      context.configKey,
      'critical',
      'neon-database-url',
    ),
    REDIS_URL_PARAMETER: parameterPath(
      context.appName,
      context.configKey,
      'standard',
      'upstash-redis-url',
    ),
  };
}

/**
 * Lets `grantee` read the environment's Parameter Store hierarchies (its own and the one it
 * reads its inputs from), SecureStrings included.
 *
 * @internal
 */
export function grantParameterRead(
  scope: Construct,
  grantee: iam.IGrantable,
  context: EnvironmentContext,
): void {
  const keys = [...new Set([context.key, context.configKey])];
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: [
        'ssm:GetParameter',
        'ssm:GetParameters',
        'ssm:GetParametersByPath',
      ],
      resources: keys.map(key =>
        Stack.of(scope).formatArn({
          service: 'ssm',
          resource: 'parameter',
          resourceName: `${parameterPrefix(context.appName, key).slice(1)}/*`,
        }),
      ),
    }),
  );
}
