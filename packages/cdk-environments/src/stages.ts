/**
 * The purposes an environment can serve, in promotion order. The same as `ENVIRONMENT_STAGES`
 * (and {@link SCALES} as `ENVIRONMENT_SCALES`) of `@stageline/plugin-environments-common`: this
 * package goes into service repositories without the Backstage plugins, so it keeps its own
 * copy, which a test in that package checks.
 *
 * @public
 */
export const STAGES = [
  'development',
  'preview',
  'staging',
  'production',
] as const;

/**
 * The purpose of an environment (`spec.type` of an Environment entity).
 *
 * @public
 */
export type Stage = (typeof STAGES)[number];

/**
 * The infrastructure scales a stage can run at, cheapest first.
 *
 * @public
 */
export const SCALES = ['hobby', 'enhanced-hobby', 'enterprise'] as const;

/**
 * How much infrastructure an environment gets (`spec.scale` of an Environment entity).
 * Scale is not an environment: production can move from `hobby` to `enterprise`.
 *
 * @public
 */
export type Scale = (typeof SCALES)[number];

function oneOf<T extends string>(
  allowed: readonly T[],
  field: string,
  value: unknown,
): T {
  if (
    typeof value === 'string' &&
    (allowed as readonly string[]).includes(value)
  ) {
    return value as T;
  }
  throw new Error(
    `Invalid ${field} ${JSON.stringify(value)}: expected one of ${allowed.join(
      ', ',
    )}`,
  );
}

/**
 * Checks that `value` is a {@link Stage}.
 *
 * @param value - the candidate, e.g. the `CDK_DEPLOY_ENV` variable
 * @param field - the name used in the error message
 * @returns the value, typed
 * @throws Error naming the bad value and the allowed stages
 * @public
 */
export function parseStage(value: unknown, field = 'stage'): Stage {
  return oneOf(STAGES, field, value);
}

/**
 * Checks that `value` is a {@link Scale}.
 *
 * @param value - the candidate, e.g. the `CDK_DEPLOY_SCALE` variable
 * @param field - the name used in the error message
 * @returns the value, typed
 * @throws Error naming the bad value and the allowed scales
 * @public
 */
export function parseScale(value: unknown, field = 'scale'): Scale {
  return oneOf(SCALES, field, value);
}
