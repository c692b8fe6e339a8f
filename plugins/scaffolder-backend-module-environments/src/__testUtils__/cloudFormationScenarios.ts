import {
  CreateChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import type { AwsStub } from 'aws-sdk-client-mock';
import {
  changeSetArn,
  stack,
  stackEvent,
  stackId,
} from './cloudFormationStandIn';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CloudFormationStub = AwsStub<any, any, any>;

export const STACK_OUTPUTS = [
  {
    OutputKey: 'ApiUrl',
    OutputValue: 'https://abc123.execute-api.eu-west-2.amazonaws.com/',
    Description: 'API URL',
  },
];

/** A change set for `stackName` that CloudFormation works out on the second look. */
export function changeSetReady(
  cfn: CloudFormationStub,
  stackName: string,
  changeSetName: string,
) {
  cfn
    .on(CreateChangeSetCommand)
    .resolves({ Id: changeSetArn(changeSetName), StackId: stackId(stackName) });
  cfn
    .on(DescribeChangeSetCommand)
    .resolvesOnce({
      ChangeSetName: changeSetName,
      Status: 'CREATE_IN_PROGRESS',
      ExecutionStatus: 'UNAVAILABLE',
    })
    .resolves({
      ChangeSetName: changeSetName,
      ChangeSetId: changeSetArn(changeSetName),
      StackId: stackId(stackName),
      StackName: stackName,
      Status: 'CREATE_COMPLETE',
      ExecutionStatus: 'AVAILABLE',
      Changes: [
        {
          Type: 'Resource',
          ResourceChange: {
            Action: 'Modify',
            LogicalResourceId: 'ApiFunction',
            PhysicalResourceId: 'macro-ai-staging-api',
            ResourceType: 'AWS::Lambda::Function',
            Replacement: 'False',
            Scope: ['Properties'],
            Details: [],
          },
        },
        {
          Type: 'Resource',
          ResourceChange: {
            Action: 'Add',
            LogicalResourceId: 'ErrorsAlarm',
            ResourceType: 'AWS::CloudWatch::Alarm',
            Scope: [],
            Details: [],
          },
        },
      ],
    });
  cfn.on(ExecuteChangeSetCommand).resolves({});
}

/** An existing stack that a change set updates in one poll, ending UPDATE_COMPLETE with outputs. */
export function stackUpdatesCleanly(
  cfn: CloudFormationStub,
  stackName: string,
  changeSetName: string,
) {
  const before = stackEvent(
    stackName,
    stackName,
    'AWS::CloudFormation::Stack',
    'UPDATE_COMPLETE',
  );
  const started = stackEvent(
    stackName,
    stackName,
    'AWS::CloudFormation::Stack',
    'UPDATE_IN_PROGRESS',
    'User Initiated',
  );
  const alarm = stackEvent(
    stackName,
    'ErrorsAlarm',
    'AWS::CloudWatch::Alarm',
    'CREATE_COMPLETE',
  );
  const done = stackEvent(
    stackName,
    stackName,
    'AWS::CloudFormation::Stack',
    'UPDATE_COMPLETE',
  );
  cfn
    .on(DescribeStacksCommand, { StackName: stackName })
    .resolves({ Stacks: [stack(stackName, 'UPDATE_COMPLETE')] });
  changeSetReady(cfn, stackName, changeSetName);
  cfn
    .on(DescribeStacksCommand, { StackName: stackId(stackName) })
    .resolvesOnce({ Stacks: [stack(stackName, 'UPDATE_IN_PROGRESS')] })
    .resolves({
      Stacks: [stack(stackName, 'UPDATE_COMPLETE', { Outputs: STACK_OUTPUTS })],
    });
  cfn
    .on(DescribeStackEventsCommand)
    .resolvesOnce({ StackEvents: [before] })
    .resolvesOnce({ StackEvents: [started, before] })
    .resolves({ StackEvents: [done, alarm, started, before] });
  return { before };
}

/** An existing stack that deletes in one poll. */
export function stackDeletesCleanly(
  cfn: CloudFormationStub,
  stackName: string,
) {
  const before = stackEvent(
    stackName,
    stackName,
    'AWS::CloudFormation::Stack',
    'UPDATE_COMPLETE',
  );
  const deleting = stackEvent(
    stackName,
    stackName,
    'AWS::CloudFormation::Stack',
    'DELETE_IN_PROGRESS',
    'User Initiated',
  );
  const apiGone = stackEvent(
    stackName,
    'ApiFunction',
    'AWS::Lambda::Function',
    'DELETE_COMPLETE',
  );
  const done = stackEvent(
    stackName,
    stackName,
    'AWS::CloudFormation::Stack',
    'DELETE_COMPLETE',
  );
  cfn
    .on(DescribeStacksCommand, { StackName: stackName })
    .resolves({ Stacks: [stack(stackName, 'UPDATE_COMPLETE')] });
  cfn
    .on(DescribeStacksCommand, { StackName: stackId(stackName) })
    .resolvesOnce({ Stacks: [stack(stackName, 'DELETE_IN_PROGRESS')] })
    .resolves({ Stacks: [stack(stackName, 'DELETE_COMPLETE')] });
  cfn
    .on(DescribeStackEventsCommand)
    .resolvesOnce({ StackEvents: [before] })
    .resolvesOnce({ StackEvents: [deleting, before] })
    .resolves({ StackEvents: [done, apiGone, deleting, before] });
  cfn.on(DeleteStackCommand).resolves({ $metadata: { httpStatusCode: 200 } });
}
