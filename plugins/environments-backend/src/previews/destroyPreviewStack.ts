import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import type { JsonValue } from '@backstage/types';
import {
  AwsAccess,
  Checkpoint,
  cloudFormationClientFor,
  destroyEnvironmentStack,
  EnvironmentDestroyOutcome,
  environmentTargetOf,
  GithubRepositoryClients,
  parseRepositorySlug,
  RunSearch,
  withAwsErrors,
} from '@stageline/plugin-environments-node';
import { assertPreviewStack } from './assertPreviewStack';
import type { PreviewRecord } from './PreviewStore';

/** The step results of an attempt, kept in the store so a resumed attempt repeats none. */
function storedCheckpoint(
  record: PreviewRecord,
  save: (key: string, value: unknown) => Promise<void>,
): Checkpoint {
  return (async ({ key, fn }: { key: string; fn: () => unknown }) => {
    if (key in record.checkpoints) return record.checkpoints[key];
    const value = ((await fn()) ?? null) as JsonValue;
    await save(key, value);
    record.checkpoints[key] = value;
    return value;
  }) as Checkpoint;
}

/**
 * The branch a pipeline preview's destroy is dispatched on: its head branch, as
 * `environment:destroy` does, while it exists; once it is deleted (merged pull requests often
 * are), the branch of the Environment previews are modelled on.
 */
async function dispatchBranch(
  github: Pick<GithubRepositoryClients, 'forRepository'>,
  repository: { owner: string; repo: string },
  record: PreviewRecord,
  headBranch: string | undefined,
): Promise<string> {
  if (headBranch) {
    const octokit = await github.forRepository({
      host: 'github.com',
      ...repository,
    });
    try {
      await octokit.rest.git.getRef({
        ...repository,
        ref: `heads/${headBranch}`,
      });
      return headBranch;
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }
  if (!record.fallbackBranch) {
    throw new InputError(
      `The branch ${headBranch ?? '(none)'} of ${
        record.entityRef
      } is gone and no Environment it is modelled on names a branch to dispatch its destroy on`,
    );
  }
  return record.fallbackBranch;
}

/**
 * One attempt at destroying a preview's stack, through the same code as `environment:destroy`
 * (`destroyEnvironmentStack`: its workflow's destroy, or the CDK toolkit). Where AWS can read the
 * stack, it must carry the preview's own tags first ({@link assertPreviewStack}); a stack that
 * does not exist is `NOT_FOUND` and nothing is dispatched. Steps are checkpointed in the store
 * under the attempt's number.
 */
export async function destroyPreviewStack(options: {
  record: PreviewRecord;
  aws: AwsAccess;
  github?: Pick<GithubRepositoryClients, 'forRepository'>;
  saveCheckpoint: (key: string, value: unknown) => Promise<void>;
  timeoutMs: number;
  pollIntervalMs: number;
  runSearch: RunSearch;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<EnvironmentDestroyOutcome> {
  const { record, aws, logger } = options;
  const target = environmentTargetOf(record.environment);
  if (target.stage !== 'preview') {
    throw new NotAllowedError(
      `${record.entityRef} is a ${target.stage} Environment: the cleanup only destroys previews`,
    );
  }
  if (aws.getConfiguration().configured) {
    const cloudFormation = await cloudFormationClientFor(aws, target);
    const exists = await withAwsErrors(
      `reading stack ${target.stackName}`,
      target,
      () =>
        assertPreviewStack(
          cloudFormation,
          target,
          record.pullRequest,
          options.signal,
        ),
    );
    if (!exists) {
      logger.info(
        `${target.stackName} of ${record.entityRef} does not exist in ${target.region}; nothing to destroy`,
      );
      return { status: 'NOT_FOUND', deleted: false };
    }
  }
  const repository = parseRepositorySlug(record.repository);
  const pipeline =
    target.deployment.mode === 'pipeline' && repository && options.github
      ? {
          github: options.github,
          workflow: {
            ...repository,
            workflow: target.deployment.pipeline.workflow,
            branch: await dispatchBranch(
              options.github,
              repository,
              record,
              target.branch,
            ),
          },
          runSearch: options.runSearch,
        }
      : undefined;
  return destroyEnvironmentStack({
    target,
    aws,
    pipeline,
    checkpoint: storedCheckpoint(record, options.saveCheckpoint),
    key: `preview.attempt${record.attempts + 1}.destroy`,
    timing: {
      pollIntervalMs: options.pollIntervalMs,
      timeoutMs: options.timeoutMs,
    },
    logger,
    signal: options.signal,
  });
}
