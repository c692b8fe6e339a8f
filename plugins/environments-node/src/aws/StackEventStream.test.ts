import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { setupServer } from 'msw/node';
import { AwsStandIn, DEPLOYER_KEYS, REGION } from '@stageline/aws-stand-in';
import { firstFailedResource, StackEventStream } from './StackEventStream';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const STACK = 'MacroAiStagingStack';
const client = () =>
  new CloudFormationClient({ region: REGION, credentials: DEPLOYER_KEYS });
const topics = (...names: string[]) =>
  JSON.stringify({
    Resources: Object.fromEntries(
      names.map(name => [
        name,
        { Type: 'AWS::SNS::Topic', Properties: { DisplayName: name } },
      ]),
    ),
  });

/**
 * Against the CloudFormation stand-in, whose DescribeStackEvents answers newest first, a page
 * at a time with NextToken, as the API Reference says.
 */
describe('StackEventStream', () => {
  let aws: AwsStandIn;
  beforeEach(() => {
    aws = new AwsStandIn(server);
    const fake = aws.cloudFormation();
    fake.seedStack(STACK, topics('A'));
    fake.looksWhileCreating = 0;
    fake.eventsPageSize = 2;
    fake.stepsPerLook = 2;
  });

  async function update(failing?: string) {
    if (failing) {
      aws.cloudFormation().failNext(STACK, {
        logicalId: failing,
        reason: 'Invalid parameter: DisplayName',
      });
    }
    const { Id } = await client().send(
      new CreateChangeSetCommand({
        StackName: STACK,
        ChangeSetName: 'update',
        TemplateBody: topics('A', 'B', 'C'),
      }),
    );
    await client().send(new ExecuteChangeSetCommand({ ChangeSetName: Id }));
  }

  const look = () =>
    client().send(new DescribeStacksCommand({ StackName: STACK }));

  it('pages back to the last event seen before the operation and returns the new ones oldest first, each once', async () => {
    const stackId = aws.cloudFormation().stack(STACK)!.stackId;
    const before = await StackEventStream.latestEventId(client(), stackId);
    const stream = new StackEventStream({
      cloudFormation: client(),
      stackId,
      afterEventId: before,
    });
    await update();

    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      await look();
      seen.push(
        ...(await stream.poll()).map(
          e => `${e.LogicalResourceId} ${e.ResourceStatus}`,
        ),
      );
    }

    expect(seen).toEqual([
      `${STACK} UPDATE_IN_PROGRESS`,
      'B CREATE_IN_PROGRESS',
      'B CREATE_IN_PROGRESS',
      'B CREATE_COMPLETE',
      'C CREATE_IN_PROGRESS',
      'C CREATE_IN_PROGRESS',
      'C CREATE_COMPLETE',
      `${STACK} UPDATE_COMPLETE_CLEANUP_IN_PROGRESS`,
      `${STACK} UPDATE_COMPLETE`,
    ]);
  });

  it('finds the failed resource and its reason among the events of a rolled-back update', async () => {
    const stackId = aws.cloudFormation().stack(STACK)!.stackId;
    const stream = new StackEventStream({
      cloudFormation: client(),
      stackId,
      afterEventId: await StackEventStream.latestEventId(client(), stackId),
    });
    await update('C');
    aws.cloudFormation().stepsPerLook = 100;
    await look();

    const failed = firstFailedResource(await stream.poll());

    expect(failed).toMatchObject({
      LogicalResourceId: 'C',
      ResourceStatus: 'CREATE_FAILED',
      ResourceStatusReason: 'Invalid parameter: DisplayName',
    });
  });
});

describe('firstFailedResource', () => {
  const event = (
    logicalId: string,
    type: string,
    status: string,
    reason: string,
  ) => ({
    StackId:
      'arn:aws:cloudformation:eu-west-2:123456789012:stack/MacroAiStagingStack/1',
    StackName: STACK,
    EventId: `${logicalId}-${status}`,
    Timestamp: new Date('2025-01-07T10:00:00Z'),
    LogicalResourceId: logicalId,
    ResourceType: type,
    ResourceStatus: status as 'CREATE_FAILED',
    ResourceStatusReason: reason,
  });

  it('skips the stack itself and resources CloudFormation cancelled because of the failure', () => {
    const events = [
      event(
        'Queue',
        'AWS::SQS::Queue',
        'CREATE_FAILED',
        'Resource creation cancelled',
      ),
      event(
        'Api',
        'AWS::Lambda::Function',
        'UPDATE_FAILED',
        'Memory size 20480 is not within the range of 128 to 10240',
      ),
      event(
        STACK,
        'AWS::CloudFormation::Stack',
        'UPDATE_ROLLBACK_IN_PROGRESS',
        'The following resource(s) failed to update: [Api].',
      ),
    ];

    expect(firstFailedResource(events)?.LogicalResourceId).toBe('Api');
  });
});
