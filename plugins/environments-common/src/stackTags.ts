/**
 * The tags Stageline puts on an environment's CloudFormation stack (the CDK stack of
 * `@stageline/cdk-environments` and the deploy action write them), one vocabulary everywhere.
 *
 * @public
 */
export const STACK_TAGS = {
  app: 'stageline.dev/app',
  stage: 'stageline.dev/stage',
  scale: 'stageline.dev/scale',
  /** A preview's key, `pr-{n}`. */
  preview: 'stageline.dev/preview',
  /** The Environment's name. */
  environment: 'stageline.dev/environment',
  /** The owner (entity ref) of a stack no Environment declares, for discovery. */
  owner: 'stageline.dev/owner',
  /** The component (entity ref) the stack is an environment of, for discovery. */
  component: 'stageline.dev/component',
  /** The commit the stack runs (its deployed version): the deploy action's and the pipeline's. */
  commit: 'stageline.dev/commit',
  /** The version the stack runs, where its deploy names one (`environment:deploy`'s `tags`). */
  version: 'stageline.dev/version',
} as const;

/** A tag of {@link STACK_TAGS}. @public */
export type StackTagName = keyof typeof STACK_TAGS;

/**
 * The keys of the CDK stack's tags before {@link STACK_TAGS} (`stageline:stage`, …): still read
 * for one release, so stacks deployed before keep being recognized.
 *
 * @public
 */
export const LEGACY_STACK_TAGS: Partial<Record<StackTagName, string>> = {
  app: 'stageline:app',
  stage: 'stageline:stage',
  scale: 'stageline:scale',
  preview: 'stageline:preview',
  commit: 'stageline:commit',
  version: 'stageline:version',
};

/**
 * A Stageline tag of a stack, under its key or its legacy key; `tags` as CloudFormation lists
 * them (`[{ Key, Value }]`) or as a record.
 *
 * @public
 */
export function stackTag(
  tags:
    | ReadonlyArray<{ Key?: string; Value?: string }>
    | Readonly<Record<string, string>>
    | undefined,
  name: StackTagName,
): string | undefined {
  const record: Record<string, string | undefined> = Array.isArray(tags)
    ? Object.fromEntries(
        (tags as ReadonlyArray<{ Key?: string; Value?: string }>).map(t => [
          t.Key ?? '',
          t.Value,
        ]),
      )
    : { ...(tags as Record<string, string> | undefined) };
  const legacy = LEGACY_STACK_TAGS[name];
  return record[STACK_TAGS[name]] ?? (legacy ? record[legacy] : undefined);
}

/** The preview tag's value of pull request `n`: `pr-{n}`. @public */
export function previewTagValue(pullRequest: number | string): string {
  return `pr-${pullRequest}`;
}
