import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject, JsonValue } from '@backstage/types';

/**
 * Checkpoint storage that behaves like the scaffolder's: a checkpoint that succeeded is replayed
 * from its stored JSON, one that threw runs again.
 */
export class CheckpointStore {
  readonly values = new Map<string, JsonValue>();

  readonly checkpoint = async <T extends JsonValue | void>(opts: {
    key: string;
    fn: () => Promise<T> | T;
  }): Promise<T> => {
    if (this.values.has(opts.key)) {
      return this.values.get(opts.key) as T;
    }
    const value = await opts.fn();
    this.values.set(opts.key, JSON.parse(JSON.stringify(value ?? {})));
    return value;
  };
}

/**
 * A mock action context of a task started by user:default/guest (its `user` and its initiator
 * credentials) that records outputs in `outputs` and log lines in `logs`.
 */
export function actionContext(
  input: JsonObject,
  options: {
    isDryRun?: boolean;
    checkpoints?: CheckpointStore;
    taskId?: string;
    /** The task workspace, e.g. a fixture repository; default: the mock context's. */
    workspacePath?: string;
  } = {},
) {
  const logger = mockServices.logger.mock();
  const outputs: Record<string, unknown> = {};
  const checkpoints = options.checkpoints ?? new CheckpointStore();
  // createMockActionContext takes input, logger, task and user; the rest is set on top.
  // Typed loosely so one helper serves every action's input type.
  const ctx: ActionContext<any, any> = {
    ...createMockActionContext({
      input,
      logger,
      task: { id: options.taskId ?? 'a1b2c3d4-task' },
      user: { ref: 'user:default/guest' },
    }),
    isDryRun: options.isDryRun,
    ...(options.workspacePath ? { workspacePath: options.workspacePath } : {}),
    getInitiatorCredentials: async () =>
      mockCredentials.user('user:default/guest'),
    checkpoint:
      checkpoints.checkpoint as ActionContext<JsonObject>['checkpoint'],
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
  };
  /** Every log line so far, in order, as `level: message`. */
  const logs = () =>
    (['info', 'warn', 'error', 'debug'] as const)
      .flatMap(level =>
        logger[level].mock.calls.map((call, index) => ({
          order: logger[level].mock.invocationCallOrder[index],
          line: `${level}: ${String(call[0])}`,
        })),
      )
      .sort((a, b) => a.order - b.order)
      .map(entry => entry.line);
  return { ctx, outputs, logs, logger, checkpoints };
}
