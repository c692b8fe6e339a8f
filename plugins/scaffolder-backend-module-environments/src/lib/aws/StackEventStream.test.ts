import {
  CloudFormationClient,
  DescribeStackEventsCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { stackEvent, stackId } from '../../__testUtils__/cloudFormationStandIn';
import { firstFailedResource, StackEventStream } from './StackEventStream';

const cfn = mockClient(CloudFormationClient);
const STACK = 'MacroAiStagingStack';
const event = (logicalId: string, status: string, reason?: string) =>
  stackEvent(STACK, logicalId, 'AWS::Lambda::Function', status, reason);

describe('StackEventStream', () => {
  beforeEach(() => cfn.reset());

  it('pages back to the last event seen before the operation and returns the new ones oldest first', async () => {
    const before = event('Old', 'UPDATE_COMPLETE');
    const [a, b, c] = [
      event('A', 'UPDATE_IN_PROGRESS'),
      event('B', 'UPDATE_IN_PROGRESS'),
      event('C', 'UPDATE_COMPLETE'),
    ];
    cfn
      .on(DescribeStackEventsCommand, {
        StackName: stackId(STACK),
        NextToken: undefined,
      })
      .resolves({ StackEvents: [c, b], NextToken: 'page-2' })
      .on(DescribeStackEventsCommand, {
        StackName: stackId(STACK),
        NextToken: 'page-2',
      })
      .resolves({ StackEvents: [a, before], NextToken: 'page-3' });
    const stream = new StackEventStream({
      cloudFormation: new CloudFormationClient({ region: 'eu-west-2' }),
      stackId: stackId(STACK),
      afterEventId: before.EventId,
    });

    const events = await stream.poll();

    expect(events.map(e => e.LogicalResourceId)).toEqual(['A', 'B', 'C']);
    expect(cfn.calls()).toHaveLength(2);
  });

  it('returns only events it has not returned before', async () => {
    const [a, b] = [
      event('A', 'UPDATE_IN_PROGRESS'),
      event('B', 'UPDATE_COMPLETE'),
    ];
    cfn
      .on(DescribeStackEventsCommand)
      .resolvesOnce({ StackEvents: [a] })
      .resolves({ StackEvents: [b, a] });
    const stream = new StackEventStream({
      cloudFormation: new CloudFormationClient({ region: 'eu-west-2' }),
      stackId: stackId(STACK),
    });

    expect((await stream.poll()).map(e => e.LogicalResourceId)).toEqual(['A']);
    expect((await stream.poll()).map(e => e.LogicalResourceId)).toEqual(['B']);
    expect(await stream.poll()).toEqual([]);
  });
});

describe('firstFailedResource', () => {
  it('skips the stack itself and resources CloudFormation cancelled because of the failure', () => {
    const events = [
      event('Queue', 'CREATE_FAILED', 'Resource creation cancelled'),
      event(
        'Api',
        'UPDATE_FAILED',
        'Memory size 20480 is not within the range of 128 to 10240',
      ),
      stackEvent(
        STACK,
        STACK,
        'AWS::CloudFormation::Stack',
        'UPDATE_ROLLBACK_IN_PROGRESS',
        'The following resource(s) failed to update: [Api].',
      ),
    ];

    expect(firstFailedResource(events)?.LogicalResourceId).toBe('Api');
  });
});
