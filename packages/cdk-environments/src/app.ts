import { App } from 'aws-cdk-lib';
import { EnvironmentStack } from './EnvironmentStack';
import { parseAppName, stackNameFor } from './naming';
import { ScaleProfileOverrides } from './profiles';
import { parseScale, parseStage } from './stages';

/**
 * The environment variables {@link createApp} reads.
 *
 * @public
 */
export interface DeployEnvironmentVariables {
  /** Stage: development, preview, staging or production (seed 000). */
  readonly CDK_DEPLOY_ENV?: string;
  /** Scale: hobby, enhanced-hobby or enterprise (seed 000). */
  readonly CDK_DEPLOY_SCALE?: string;
  /** Kebab-case application name, e.g. `macro-ai`. */
  readonly CDK_APP_NAME?: string;
  /** Account; the CDK CLI sets it from the credentials. Optional. */
  readonly CDK_DEFAULT_ACCOUNT?: string;
  /** Region; the CDK CLI sets it from the profile. */
  readonly CDK_DEFAULT_REGION?: string;
  /** Pull request number, for `CDK_DEPLOY_ENV=preview`. */
  readonly CDK_PREVIEW_ID?: string;
  /** Optional JSON of `ScaleProfileOverrides`, e.g. `{"network":{"natGateways":1}}`. */
  readonly CDK_SCALE_OVERRIDES?: string;
  /** Optional alarm e-mail address. */
  readonly CDK_ALARM_EMAIL?: string;
}

/**
 * The app and its one stack.
 *
 * @public
 */
export interface CreatedApp {
  /** The CDK app; call `app.synth()`. */
  readonly app: App;
  /** The environment stack. */
  readonly stack: EnvironmentStack;
}

function required(
  env: DeployEnvironmentVariables,
  name: keyof DeployEnvironmentVariables,
  hint: string,
) {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new Error(`Missing ${name}: ${hint}`);
  }
  return value;
}

function parseOverrides(
  json: string | undefined,
): ScaleProfileOverrides | undefined {
  if (json === undefined || json === '') return undefined;
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new Error(
      `Invalid CDK_SCALE_OVERRIDES: not JSON (${(error as Error).message})`,
    );
  }
}

/**
 * Builds the CDK app of one environment from environment variables, so a service repository
 * can deploy it from its own pipeline: `CDK_DEPLOY_ENV`, `CDK_DEPLOY_SCALE`, `CDK_APP_NAME`,
 * `CDK_DEFAULT_REGION`, and optionally `CDK_DEFAULT_ACCOUNT`, `CDK_PREVIEW_ID`,
 * `CDK_SCALE_OVERRIDES`, `CDK_ALARM_EMAIL`. The app honours `CDK_OUTDIR` as every CDK app does.
 *
 * @param env - usually `process.env`
 * @throws Error naming the variable, its bad value and the allowed values
 * @public
 */
export function createApp(env: DeployEnvironmentVariables): CreatedApp {
  const stage = parseStage(
    required(
      env,
      'CDK_DEPLOY_ENV',
      'set it to development, preview, staging or production',
    ),
    'CDK_DEPLOY_ENV',
  );
  const scale = parseScale(
    required(
      env,
      'CDK_DEPLOY_SCALE',
      'set it to hobby, enhanced-hobby or enterprise',
    ),
    'CDK_DEPLOY_SCALE',
  );
  const appName = parseAppName(
    required(
      env,
      'CDK_APP_NAME',
      'set it to the kebab-case application name, e.g. macro-ai',
    ),
    'CDK_APP_NAME',
  );
  const region = required(
    env,
    'CDK_DEFAULT_REGION',
    'set it to the AWS region, e.g. eu-west-2',
  );
  const previewId = env.CDK_PREVIEW_ID || undefined;
  const app = new App();
  const stack = new EnvironmentStack(
    app,
    stackNameFor(appName, stage, previewId),
    {
      appName,
      stage,
      scale,
      env: { account: env.CDK_DEFAULT_ACCOUNT || undefined, region },
      previewId,
      overrides: parseOverrides(env.CDK_SCALE_OVERRIDES),
      alarmEmail: env.CDK_ALARM_EMAIL || undefined,
    },
  );
  return { app, stack };
}
