import { parseAppName, parsePreviewId } from './naming';
import { ScaleProfileOverrides, resolveScaleProfile } from './profiles';
import { availabilityZoneCount, parseRegion } from './regions';
import { Scale, Stage, parseScale, parseStage } from './stages';

/**
 * The environment variables `createApp` reads.
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

function optional(
  env: DeployEnvironmentVariables,
  name: keyof DeployEnvironmentVariables,
): string | undefined {
  return env[name] || undefined;
}

/**
 * The variables, checked, so that a bad one stops the app before any construct is built.
 *
 * @internal
 */
export interface DeploySettings {
  readonly stage: Stage;
  readonly scale: Scale;
  readonly appName: string;
  readonly region: string;
  readonly account?: string;
  readonly previewId?: string;
  readonly overrides?: ScaleProfileOverrides;
  readonly alarmEmail?: string;
}

function parseAccount(value: string | undefined): string | undefined {
  if (value !== undefined && !/^[0-9]{12}$/.test(value)) {
    throw new Error(
      `Invalid CDK_DEFAULT_ACCOUNT ${JSON.stringify(
        value,
      )}: expected a 12-digit AWS account id, e.g. 123456789012, or leave it unset for an account-agnostic stack`,
    );
  }
  return value;
}

function parsePreview(
  stage: Stage,
  value: string | undefined,
): string | undefined {
  if (stage === 'preview' && value === undefined) {
    throw new Error(
      'Missing CDK_PREVIEW_ID: CDK_DEPLOY_ENV=preview needs the pull request number, e.g. CDK_PREVIEW_ID=42',
    );
  }
  if (stage !== 'preview' && value !== undefined) {
    throw new Error(
      `Unexpected CDK_PREVIEW_ID ${JSON.stringify(
        value,
      )}: only CDK_DEPLOY_ENV=preview takes a pull request number, and CDK_DEPLOY_ENV is "${stage}"; unset it`,
    );
  }
  return value === undefined
    ? undefined
    : parsePreviewId(value, 'CDK_PREVIEW_ID');
}

const OVERRIDES_EXAMPLE = '{"network":{"natGateways":1}}';

function parseOverrides(
  json: string | undefined,
  scale: Scale,
  region: string,
): ScaleProfileOverrides | undefined {
  if (json === undefined) return undefined;
  let overrides: unknown;
  try {
    overrides = JSON.parse(json);
  } catch (error) {
    throw new Error(
      `Invalid CDK_SCALE_OVERRIDES '${json}': not JSON (${
        (error as Error).message
      }); expected a JSON object of scale profile overrides, e.g. ${OVERRIDES_EXAMPLE}`,
    );
  }
  if (
    typeof overrides !== 'object' ||
    overrides === null ||
    Array.isArray(overrides)
  ) {
    throw new Error(
      `Invalid CDK_SCALE_OVERRIDES '${json}': expected a JSON object of scale profile overrides, e.g. ${OVERRIDES_EXAMPLE}`,
    );
  }
  try {
    resolveScaleProfile(
      scale,
      overrides as ScaleProfileOverrides,
      availabilityZoneCount(region),
    );
  } catch (error) {
    throw new Error(
      `Invalid CDK_SCALE_OVERRIDES '${json}' for scale ${scale} in ${region}: ${
        (error as Error).message
      }`,
    );
  }
  return overrides as ScaleProfileOverrides;
}

function parseAlarmEmail(value: string | undefined): string | undefined {
  if (value !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) {
    throw new Error(
      `Invalid CDK_ALARM_EMAIL ${JSON.stringify(
        value,
      )}: expected an e-mail address, e.g. alerts@example.com, or leave it unset`,
    );
  }
  return value;
}

/**
 * Reads and checks every variable; each error names the variable, its bad value and what is
 * allowed.
 *
 * @internal
 */
export function parseDeployVariables(
  env: DeployEnvironmentVariables,
): DeploySettings {
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
  const region = parseRegion(
    required(
      env,
      'CDK_DEFAULT_REGION',
      'set it to the AWS region, e.g. eu-west-2',
    ),
    'CDK_DEFAULT_REGION',
  );
  return {
    stage,
    scale,
    appName,
    region,
    account: parseAccount(optional(env, 'CDK_DEFAULT_ACCOUNT')),
    previewId: parsePreview(stage, optional(env, 'CDK_PREVIEW_ID')),
    overrides: parseOverrides(
      optional(env, 'CDK_SCALE_OVERRIDES'),
      scale,
      region,
    ),
    alarmEmail: parseAlarmEmail(optional(env, 'CDK_ALARM_EMAIL')),
  };
}
