import { App } from 'aws-cdk-lib';
import { EnvironmentStack } from './EnvironmentStack';
import {
  DeployEnvironmentVariables,
  parseDeployVariables,
} from './deployVariables';
import { stackNameFor } from './naming';

export type { DeployEnvironmentVariables } from './deployVariables';

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

/**
 * Builds the CDK app of one environment from environment variables, so a service repository
 * can deploy it from its own pipeline: `CDK_DEPLOY_ENV`, `CDK_DEPLOY_SCALE`, `CDK_APP_NAME`,
 * `CDK_DEFAULT_REGION`, and optionally `CDK_DEFAULT_ACCOUNT`, `CDK_PREVIEW_ID`,
 * `CDK_SCALE_OVERRIDES`, `CDK_ALARM_EMAIL`. The app honours `CDK_OUTDIR` as every CDK app does.
 *
 * Every variable is checked before the stack is built.
 *
 * @param env - usually `process.env`
 * @throws Error naming the variable, its bad value and the allowed values
 * @public
 */
export function createApp(env: DeployEnvironmentVariables): CreatedApp {
  const settings = parseDeployVariables(env);
  const app = new App();
  const stack = new EnvironmentStack(
    app,
    stackNameFor(settings.appName, settings.stage, settings.previewId),
    {
      appName: settings.appName,
      stage: settings.stage,
      scale: settings.scale,
      env: { account: settings.account, region: settings.region },
      previewId: settings.previewId,
      overrides: settings.overrides,
      alarmEmail: settings.alarmEmail,
    },
  );
  return { app, stack };
}
