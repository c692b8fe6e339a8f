/**
 * The keys of the tags an environment's stack and its resources carry, in Stageline's one tag
 * vocabulary (`STACK_TAGS` of `@stageline/plugin-environments-common`: this package goes into
 * service repositories without the Backstage plugins, so it keeps its own copy, which a test in
 * that package checks against `STACK_TAGS`). The release before wrote `stageline:app`,
 * `stageline:stage`, `stageline:scale` and `stageline:preview`; Stageline still reads those for
 * a release.
 *
 * @public
 */
export const STACK_TAG_KEYS = {
  app: 'stageline.dev/app',
  stage: 'stageline.dev/stage',
  scale: 'stageline.dev/scale',
  preview: 'stageline.dev/preview',
} as const;
