import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  StackEvent,
} from '@aws-sdk/client-cloudformation';

/**
 * Reads a stack's events a page at a time and hands back only the ones not seen before, oldest
 * first. It starts after `afterEventId` (the newest event before the operation began) or at
 * `since` (when the operation began), so a retried task that re-attaches to the same operation
 * replays its events from the beginning.
 *
 * @public
 */
export class StackEventStream {
  readonly #cloudFormation: CloudFormationClient;
  readonly #stackId: string;
  readonly #seen = new Set<string>();
  readonly #afterEventId?: string;
  readonly #since?: Date;

  constructor(options: {
    cloudFormation: CloudFormationClient;
    stackId: string;
    afterEventId?: string;
    since?: Date;
  }) {
    this.#cloudFormation = options.cloudFormation;
    this.#stackId = options.stackId;
    this.#afterEventId = options.afterEventId;
    this.#since = options.since;
  }

  /** The id of the newest event of the stack right now; undefined for a stack without events. */
  static async latestEventId(
    cloudFormation: CloudFormationClient,
    stackId: string,
    abortSignal?: AbortSignal,
  ): Promise<string | undefined> {
    const page = await cloudFormation.send(
      new DescribeStackEventsCommand({ StackName: stackId }),
      { abortSignal },
    );
    return page.StackEvents?.[0]?.EventId;
  }

  /** Events that happened since the last call, oldest first. */
  async poll(abortSignal?: AbortSignal): Promise<StackEvent[]> {
    const fresh: StackEvent[] = [];
    let nextToken: string | undefined;
    let reachedSeen = false;
    do {
      const page = await this.#cloudFormation.send(
        new DescribeStackEventsCommand({
          StackName: this.#stackId,
          NextToken: nextToken,
        }),
        { abortSignal },
      );
      const events = page.StackEvents ?? [];
      const seenAt = events.findIndex(
        event =>
          event.EventId === this.#afterEventId ||
          this.#seen.has(event.EventId ?? '') ||
          (this.#since !== undefined &&
            (event.Timestamp?.getTime() ?? 0) < this.#since.getTime()),
      );
      reachedSeen = seenAt >= 0;
      fresh.push(...(reachedSeen ? events.slice(0, seenAt) : events));
      nextToken = page.NextToken;
    } while (nextToken && !reachedSeen);
    for (const event of fresh) {
      this.#seen.add(event.EventId ?? '');
    }
    return fresh.reverse();
  }
}

/**
 * One log line for a stack event: `UPDATE_FAILED AWS::Lambda::Function Api: reason`.
 *
 * @public
 */
export function formatStackEvent(event: StackEvent): string {
  const reason = event.ResourceStatusReason
    ? `: ${event.ResourceStatusReason}`
    : '';
  return `${event.ResourceStatus} ${event.ResourceType} ${event.LogicalResourceId}${reason}`;
}

/**
 * The first resource that failed among `events` (oldest first), ignoring the stack itself and
 * the "cancelled" failures CloudFormation reports for resources it stopped because of it.
 *
 * @public
 */
export function firstFailedResource(
  events: StackEvent[],
): StackEvent | undefined {
  return events.find(
    event =>
      event.ResourceStatus?.endsWith('_FAILED') &&
      event.ResourceType !== 'AWS::CloudFormation::Stack' &&
      !/cancell?ed/i.test(event.ResourceStatusReason ?? ''),
  );
}
