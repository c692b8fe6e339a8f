import type { StackEvent } from '@aws-sdk/client-cloudformation';
import type { IIoHost, IoMessage, IoRequest } from '@aws-cdk/toolkit-lib';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { redactSecrets } from '../providers/sections';
import { formatStackEvent } from '../aws/StackEventStream';

/** Toolkit messages about stack events (`StackActivity`). */
const STACK_ACTIVITY = 'CDK_TOOLKIT_I5502';
/** The question the toolkit asks before it executes a change set. */
const CONFIRM_DEPLOY = 'CDK_TOOLKIT_I5060';
/** The result of a stack deploy (`SuccessfulDeployStackResult`). */
const DEPLOY_RESULT = 'CDK_TOOLKIT_I5900';
/** The question the toolkit asks before it destroys stacks. */
const CONFIRM_DESTROY = 'CDK_TOOLKIT_I7010';

const LOGGED_LEVELS = new Set(['error', 'warn', 'info', 'result']);
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * The CDK toolkit library's IO host for one task: its messages go to the task log (without
 * debug and trace, secrets redacted), each stack event as one line
 * (`UPDATE_IN_PROGRESS AWS::Lambda::Function ApiFunction: reason`), and its questions are
 * answered for the task: the deploy confirmation by `confirmDeploy` (after it has shown the
 * change set), a destroy confirmation yes, anything else the toolkit's default.
 *
 * @public
 */
export class TaskIoHost implements IIoHost {
  /** Stack events of the operation, oldest first. */
  readonly events: StackEvent[] = [];
  /** Whether the toolkit found nothing to change. */
  noChanges = false;
  #detached = false;

  /** Whether the task stopped waiting for the toolkit. */
  get detached(): boolean {
    return this.#detached;
  }

  constructor(
    private readonly logger: LoggerService,
    private readonly confirmDeploy: (
      message: string,
    ) => Promise<boolean> = async () => true,
  ) {}

  /** Drops every later message: the task stopped waiting for the toolkit. */
  detach(): void {
    this.#detached = true;
  }

  async notify(message: IoMessage<unknown>): Promise<void> {
    if (this.#detached) return;
    if (message.code === STACK_ACTIVITY) {
      const { event } = message.data as { event: StackEvent };
      this.events.push(event);
      this.logger.info(formatStackEvent(event));
      return;
    }
    if (message.code === DEPLOY_RESULT) {
      this.noChanges = (message.data as { noOp?: boolean }).noOp === true;
    }
    if (!LOGGED_LEVELS.has(message.level)) return;
    const text = redactSecrets(message.message.replace(ANSI, '')).trim();
    if (!text) return;
    if (message.level === 'error') this.logger.error(text);
    else if (message.level === 'warn') this.logger.warn(text);
    else this.logger.info(text);
  }

  async requestResponse<T>(request: IoRequest<unknown, T>): Promise<T> {
    if (request.code === CONFIRM_DEPLOY) {
      return (await this.confirmDeploy(
        redactSecrets(request.message.replace(ANSI, '')),
      )) as T;
    }
    if (request.code === CONFIRM_DESTROY) return true as T;
    return request.defaultResponse;
  }
}
