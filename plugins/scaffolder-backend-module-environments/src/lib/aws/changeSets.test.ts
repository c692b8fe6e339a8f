import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import {
  awsError,
  changeSetArn,
  stackId,
} from '../../__testUtils__/cloudFormationStandIn';
import { createChangeSet, waitForChangeSet } from './changeSets';

const cfn = mockClient(CloudFormationClient);
const STACK = 'MacroAiStagingStack';
const NAME = 'stageline-deploy-task-1';
const client = () => new CloudFormationClient({ region: 'eu-west-2' });
const change = (logicalId: string) => ({
  Type: 'Resource' as const,
  ResourceChange: {
    Action: 'Add' as const,
    LogicalResourceId: logicalId,
    ResourceType: 'AWS::SNS::Topic',
  },
});

describe('change sets', () => {
  beforeEach(() => cfn.reset());

  it('reads every page of a change set', async () => {
    cfn
      .on(DescribeChangeSetCommand, {
        ChangeSetName: changeSetArn(NAME),
        NextToken: undefined,
      })
      .resolves({
        Status: 'CREATE_COMPLETE',
        Changes: [change('A')],
        NextToken: 'next',
      })
      .on(DescribeChangeSetCommand, {
        ChangeSetName: changeSetArn(NAME),
        NextToken: 'next',
      })
      .resolves({ Status: 'CREATE_COMPLETE', Changes: [change('B')] });

    const result = await waitForChangeSet({
      cloudFormation: client(),
      changeSetId: changeSetArn(NAME),
      stackName: STACK,
      timing: { pollIntervalMs: 0, timeoutMs: 1000 },
    });

    expect(result).toEqual({
      status: 'ready',
      changes: [
        { action: 'Add', logicalId: 'A', type: 'AWS::SNS::Topic' },
        { action: 'Add', logicalId: 'B', type: 'AWS::SNS::Topic' },
      ],
    });
  });

  it('picks up the change set an interrupted attempt already created', async () => {
    cfn
      .on(CreateChangeSetCommand)
      .rejects(
        awsError('AlreadyExistsException', `ChangeSet ${NAME} already exists`),
      );
    cfn
      .on(DescribeChangeSetCommand, { StackName: STACK, ChangeSetName: NAME })
      .resolves({
        ChangeSetId: changeSetArn(NAME),
        StackId: stackId(STACK),
        Status: 'CREATE_COMPLETE',
      });

    const ids = await createChangeSet({
      cloudFormation: client(),
      stackName: STACK,
      changeSetName: NAME,
      changeSetType: 'UPDATE',
      templateBody: '{"Resources":{}}',
      description: 'test',
    });

    expect(ids).toEqual({
      changeSetId: changeSetArn(NAME),
      stackId: stackId(STACK),
    });
  });

  it('gives up after the timeout, saying what the change set is still doing', async () => {
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'CREATE_IN_PROGRESS' });

    await expect(
      waitForChangeSet({
        cloudFormation: client(),
        changeSetId: changeSetArn(NAME),
        stackName: STACK,
        timing: { pollIntervalMs: 1, timeoutMs: 5 },
      }),
    ).rejects.toThrow(
      'Timed out waiting for the change set of stack MacroAiStagingStack (still CREATE_IN_PROGRESS)',
    );
  });
});
