import { Stage, parseStage } from './stages';

const APP_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MAX_APP_NAME_LENGTH = 40;

/**
 * Checks an application name: lower-case kebab-case (`macro-ai`), at most 40 characters,
 * because it becomes part of stack names, Parameter Store paths and secret names.
 *
 * @returns the name
 * @throws Error naming the bad value
 * @public
 */
export function parseAppName(value: unknown, field = 'appName'): string {
  if (
    typeof value !== 'string' ||
    !APP_NAME_PATTERN.test(value) ||
    value.length > MAX_APP_NAME_LENGTH
  ) {
    throw new Error(
      `Invalid ${field} ${JSON.stringify(
        value,
      )}: expected lower-case kebab-case ` +
        `(letters, digits and single hyphens, starting with a letter, at most ${MAX_APP_NAME_LENGTH} characters), e.g. "macro-ai"`,
    );
  }
  return value;
}

/**
 * Checks a preview id: the pull request number, as a number or a string of digits.
 *
 * @returns the id as a string without leading zeros, e.g. `"42"`
 * @throws Error naming the bad value
 * @public
 */
export function parsePreviewId(value: unknown, field = 'previewId'): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^[1-9][0-9]{0,9}$/.test(text)) {
    throw new Error(
      `Invalid ${field} ${JSON.stringify(
        value,
      )}: expected a pull request number (a positive integer), e.g. 42`,
    );
  }
  return text;
}

/** `macro-ai` → `MacroAi`. */
function pascalCase(kebab: string): string {
  return kebab
    .split('-')
    .map(part => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * The short key that tells one environment of an application from another: the stage, or
 * `pr-{n}` for a preview. It is the second level of the Parameter Store and Secrets Manager
 * hierarchies (`/{app}/{key}/...`).
 *
 * @param stage - the stage
 * @param previewId - the pull request number; required for `preview`, refused otherwise
 * @public
 */
export function environmentKey(
  stage: Stage,
  previewId?: string | number,
): string {
  parseStage(stage);
  if (stage === 'preview') {
    if (previewId === undefined) {
      throw new Error(
        'Missing previewId: a preview environment needs the pull request number, e.g. previewId: 42',
      );
    }
    return `pr-${parsePreviewId(previewId)}`;
  }
  if (previewId !== undefined) {
    throw new Error(
      `Unexpected previewId ${JSON.stringify(
        previewId,
      )} for stage "${stage}": only "preview" environments take one`,
    );
  }
  return stage;
}

/**
 * The CloudFormation stack name of an environment: `{App}{Stage}Stack` in PascalCase.
 *
 * @example
 * ```ts
 * stackNameFor('macro-ai', 'staging'); // 'MacroAiStagingStack'
 * stackNameFor('macro-ai', 'preview', 42); // 'MacroAiPr42Stack'
 * ```
 * @param appName - kebab-case application name
 * @param stage - the stage
 * @param previewId - the pull request number; required for `preview`
 * @throws Error naming the bad value
 * @public
 */
export function stackNameFor(
  appName: string,
  stage: Stage,
  previewId?: string | number,
): string {
  return `${pascalCase(parseAppName(appName))}${pascalCase(
    environmentKey(stage, previewId),
  )}Stack`;
}

/**
 * The two tiers of the Parameter Store hierarchy: `critical` holds SecureString values set
 * out of band (API keys, database URLs); `standard` holds plain configuration.
 *
 * @public
 */
export type ParameterTier = 'critical' | 'standard';

/**
 * A Parameter Store path in the environment hierarchy: `/{app}/{key}/{tier}/{name}`.
 *
 * @example
 * ```ts
 * parameterPath('macro-ai', 'staging', 'critical', 'neon-database-url');
 * // '/macro-ai/staging/critical/neon-database-url'
 * ```
 * @param appName - kebab-case application name
 * @param key - the environment key ({@link environmentKey})
 * @param tier - `critical` or `standard`
 * @param name - the parameter name, kebab-case
 * @public
 */
export function parameterPath(
  appName: string,
  key: string,
  tier: ParameterTier,
  name: string,
): string {
  return `${parameterPrefix(appName, key)}/${tier}/${name}`;
}

/**
 * The root of an environment's Parameter Store hierarchy: `/{app}/{key}`.
 *
 * @public
 */
export function parameterPrefix(appName: string, key: string): string {
  return `/${parseAppName(appName)}/${key}`;
}

/**
 * The Secrets Manager secrets of an environment (enterprise scale), named as in seed 004.
 *
 * @public
 */
export type SecretKind =
  | 'api-keys'
  | 'database-credentials'
  | 'external-services';

/**
 * A Secrets Manager secret name: `/{app}/{key}/{kind}`, e.g. `/macro-ai/production/api-keys`.
 *
 * @public
 */
export function secretName(
  appName: string,
  key: string,
  kind: SecretKind,
): string {
  return `${parameterPrefix(appName, key)}/${kind}`;
}
