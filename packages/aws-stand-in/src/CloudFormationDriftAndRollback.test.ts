import {
  CloudFormationClient,
  ContinueUpdateRollbackCommand,
  CreateChangeSetCommand,
  DescribeStackDriftDetectionStatusCommand,
  DescribeStackEventsCommand,
  DescribeStackResourceDriftsCommand,
  DescribeStacksCommand,
  DetectStackDriftCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import { setupServer } from 'msw/node';
import { AwsStandIn, DEPLOYER_KEYS, REGION } from './AwsStandIn';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const STACK = 'MacroAiStagingStack';
const cfn = () =>
  new CloudFormationClient({ region: REGION, credentials: DEPLOYER_KEYS });
const fn = (memory: number) => ({
  Type: 'AWS::Lambda::Function',
  Properties: { MemorySize: memory, Runtime: 'nodejs22.x' },
});
const topic = (name: string) => ({
  Type: 'AWS::SNS::Topic',
  Properties: { DisplayName: name },
});
const template = (resources: Record<string, unknown>) =>
  JSON.stringify({ Resources: resources });

async function statusOf() {
  const { Stacks } = await cfn().send(
    new DescribeStacksCommand({ StackName: STACK }),
  );
  return Stacks![0];
}

/**
 * The stand-in against the real AWS SDK client, as the AWS CloudFormation API Reference
 * describes GetTemplate (TemplateStage), DetectStackDrift, DescribeStackDriftDetectionStatus,
 * DescribeStackResourceDrifts (StackResourceDrift, PropertyDifference) and
 * ContinueUpdateRollback (ResourcesToSkip).
 */
describe('AwsStandIn: templates, drift detection, continued rollbacks', () => {
  let aws: AwsStandIn;
  beforeEach(() => {
    aws = new AwsStandIn(server);
  });

  it('returns the template as submitted (Original) and after its transforms (Processed, the default)', async () => {
    const original = [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Api:',
      '    Type: AWS::Serverless::Function',
      '    Properties: { Runtime: nodejs22.x, MemorySize: 512 }',
    ].join('\n');
    const processed = template({ Api: fn(512) });
    aws
      .cloudFormation()
      .seedStack(STACK, original, { processedTemplateBody: processed });

    const asSubmitted = await cfn().send(
      new GetTemplateCommand({ StackName: STACK, TemplateStage: 'Original' }),
    );
    const byDefault = await cfn().send(
      new GetTemplateCommand({ StackName: STACK }),
    );

    expect(asSubmitted.TemplateBody).toBe(original);
    expect(byDefault.TemplateBody).toBe(processed);
    expect(byDefault.StagesAvailable).toEqual(['Original', 'Processed']);
  });

  it('returns the same template for both stages when it has no transforms', async () => {
    aws.cloudFormation().seedStack(STACK, template({ A: topic('a') }));

    const processed = await cfn().send(
      new GetTemplateCommand({ StackName: STACK, TemplateStage: 'Processed' }),
    );

    expect(processed.TemplateBody).toBe(template({ A: topic('a') }));
  });

  it('detects drift in the background, then reports the drifted resources with their property differences', async () => {
    const fake = aws.cloudFormation();
    fake.seedStack(
      STACK,
      JSON.stringify({
        Resources: {
          Api: fn(512),
          Alerts: topic('alerts'),
          Gone: topic('gone'),
          CDKMetadata: {
            Type: 'AWS::CDK::Metadata',
            Properties: { Analytics: 'v2' },
          },
        },
      }),
    );
    fake.driftResource(STACK, 'Api', {
      status: 'MODIFIED',
      actual: { '/Properties/MemorySize': 1024 },
    });
    fake.driftResource(STACK, 'Gone', { status: 'DELETED' });
    expect((await statusOf()).DriftInformation).toEqual({
      StackDriftStatus: 'NOT_CHECKED',
    });

    const { StackDriftDetectionId } = await cfn().send(
      new DetectStackDriftCommand({ StackName: STACK }),
    );
    const first = await cfn().send(
      new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId }),
    );
    const done = await cfn().send(
      new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId }),
    );

    expect(first.DetectionStatus).toBe('DETECTION_IN_PROGRESS');
    expect(first.DriftedStackResourceCount).toBeUndefined();
    expect(done).toMatchObject({
      DetectionStatus: 'DETECTION_COMPLETE',
      StackDriftStatus: 'DRIFTED',
      DriftedStackResourceCount: 2,
    });
    expect((await statusOf()).DriftInformation).toMatchObject({
      StackDriftStatus: 'DRIFTED',
      LastCheckTimestamp: done.Timestamp,
    });
    const drifted = await cfn().send(
      new DescribeStackResourceDriftsCommand({
        StackName: STACK,
        StackResourceDriftStatusFilters: ['MODIFIED', 'DELETED'],
      }),
    );
    expect(drifted.StackResourceDrifts).toEqual([
      expect.objectContaining({
        LogicalResourceId: 'Api',
        ResourceType: 'AWS::Lambda::Function',
        StackResourceDriftStatus: 'MODIFIED',
        ExpectedProperties: JSON.stringify(fn(512).Properties),
        ActualProperties: JSON.stringify({
          MemorySize: 1024,
          Runtime: 'nodejs22.x',
        }),
        PropertyDifferences: [
          {
            PropertyPath: '/Properties/MemorySize',
            ExpectedValue: '512',
            ActualValue: '1024',
            DifferenceType: 'NOT_EQUAL',
          },
        ],
      }),
      expect.objectContaining({
        LogicalResourceId: 'Gone',
        StackResourceDriftStatus: 'DELETED',
      }),
    ]);
    const all = await cfn().send(
      new DescribeStackResourceDriftsCommand({ StackName: STACK }),
    );
    expect(
      all.StackResourceDrifts!.map(
        d => `${d.LogicalResourceId} ${d.StackResourceDriftStatus}`,
      ),
    ).toEqual([
      'Api MODIFIED',
      'Alerts IN_SYNC',
      'Gone DELETED',
      'CDKMetadata NOT_CHECKED',
    ]);
  });

  it('pages resource drifts with MaxResults and NextToken, and reports a stack in sync', async () => {
    aws
      .cloudFormation()
      .seedStack(
        STACK,
        template({ A: topic('a'), B: topic('b'), C: topic('c') }),
      );
    const { StackDriftDetectionId } = await cfn().send(
      new DetectStackDriftCommand({ StackName: STACK }),
    );
    await cfn().send(
      new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId }),
    );
    const done = await cfn().send(
      new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId }),
    );
    const first = await cfn().send(
      new DescribeStackResourceDriftsCommand({
        StackName: STACK,
        MaxResults: 2,
      }),
    );
    const second = await cfn().send(
      new DescribeStackResourceDriftsCommand({
        StackName: STACK,
        MaxResults: 2,
        NextToken: first.NextToken,
      }),
    );

    expect(done).toMatchObject({
      StackDriftStatus: 'IN_SYNC',
      DriftedStackResourceCount: 0,
    });
    expect(first.StackResourceDrifts!.map(d => d.LogicalResourceId)).toEqual([
      'A',
      'B',
    ]);
    expect(second.StackResourceDrifts!.map(d => d.LogicalResourceId)).toEqual([
      'C',
    ]);
    expect(second.NextToken).toBeUndefined();
  });

  async function failedRollback() {
    const fake = aws.cloudFormation();
    fake.seedStack(STACK, template({ A: topic('a'), B: topic('b') }));
    fake.looksWhileCreating = 0;
    fake.stepsPerLook = 100;
    fake.failNext(STACK, {
      logicalId: 'B',
      reason: 'Invalid parameter: DisplayName',
      rollbackReason: 'Topic A was deleted outside CloudFormation',
    });
    const { Id } = await cfn().send(
      new CreateChangeSetCommand({
        StackName: STACK,
        ChangeSetName: 'mine',
        TemplateBody: template({ A: topic('a2'), B: topic('b2') }),
      }),
    );
    await cfn().send(new ExecuteChangeSetCommand({ ChangeSetName: Id }));
    expect((await statusOf()).StackStatus).toBe('UPDATE_ROLLBACK_FAILED');
    return fake;
  }

  it('refuses ContinueUpdateRollback on a stack that is not UPDATE_ROLLBACK_FAILED', async () => {
    aws.cloudFormation().seedStack(STACK, template({ A: topic('a') }));

    await expect(
      cfn().send(new ContinueUpdateRollbackCommand({ StackName: STACK })),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining(
        'is in CREATE_COMPLETE state and can not continue update rollback',
      ),
    });
  });

  it('continues a failed rollback to UPDATE_ROLLBACK_COMPLETE, as an operation of its own', async () => {
    await failedRollback();

    await cfn().send(
      new ContinueUpdateRollbackCommand({
        StackName: STACK,
        ClientRequestToken: 'stageline-rollback-task-1',
      }),
    );

    expect((await statusOf()).StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    const { StackEvents } = await cfn().send(
      new DescribeStackEventsCommand({ StackName: STACK }),
    );
    const continued = StackEvents!.slice(0, 5).reverse();
    expect(
      continued.map(e => `${e.LogicalResourceId} ${e.ResourceStatus}`),
    ).toEqual([
      `${STACK} UPDATE_ROLLBACK_IN_PROGRESS`,
      'A UPDATE_IN_PROGRESS',
      'A UPDATE_COMPLETE',
      `${STACK} UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS`,
      `${STACK} UPDATE_ROLLBACK_COMPLETE`,
    ]);
    expect(new Set(continued.map(e => e.OperationId)).size).toBe(1);
    expect(continued[0].OperationId).not.toBe(StackEvents![5].OperationId);
    expect(continued[0].ClientRequestToken).toBe('stageline-rollback-task-1');
  });

  it('skips only resources whose rollback failed (ResourcesToSkip), setting them UPDATE_COMPLETE', async () => {
    await failedRollback();

    await expect(
      cfn().send(
        new ContinueUpdateRollbackCommand({
          StackName: STACK,
          ResourcesToSkip: ['B'],
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    await cfn().send(
      new ContinueUpdateRollbackCommand({
        StackName: STACK,
        ResourcesToSkip: ['A'],
      }),
    );

    expect((await statusOf()).StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    const { StackEvents } = await cfn().send(
      new DescribeStackEventsCommand({ StackName: STACK }),
    );
    expect(
      StackEvents!
        .slice(0, 4)
        .reverse()
        .map(e => `${e.LogicalResourceId} ${e.ResourceStatus}`),
    ).toEqual([
      `${STACK} UPDATE_ROLLBACK_IN_PROGRESS`,
      'A UPDATE_COMPLETE',
      `${STACK} UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS`,
      `${STACK} UPDATE_ROLLBACK_COMPLETE`,
    ]);
  });

  it('fails the continued rollback again when the resource still cannot be rolled back', async () => {
    const fake = await failedRollback();
    fake.failNext(STACK, { logicalId: 'A', reason: 'Topic A does not exist' });

    await cfn().send(new ContinueUpdateRollbackCommand({ StackName: STACK }));

    const after = await statusOf();
    expect(after.StackStatus).toBe('UPDATE_ROLLBACK_FAILED');
    const { StackEvents } = await cfn().send(
      new DescribeStackEventsCommand({ StackName: STACK }),
    );
    expect(StackEvents![1]).toMatchObject({
      LogicalResourceId: 'A',
      ResourceStatus: 'UPDATE_FAILED',
      ResourceStatusReason: 'Topic A does not exist',
    });
  });
});
