import {
  CloudFormationClient,
  DescribeChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { setupServer } from 'msw/node';
import { AwsStandIn, DEPLOYER_KEYS, REGION } from '@stageline/aws-stand-in';
import { registerNetworkEdge } from '../../__testUtils__/networkEdge';
import { previewChanges } from '../plan/previewChanges';
import {
  createChangeSet,
  removeChangeSet,
  waitForChangeSet,
} from './changeSets';

const server = setupServer();
registerNetworkEdge(server);

const STACK = 'MacroAiStagingStack';
const NAME = 'stageline-deploy-task-1';
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
const timing = (timeoutMs: number) => ({ pollIntervalMs: 0, timeoutMs });

/**
 * Change sets against the CloudFormation stand-in, which behaves as the API Reference says:
 * DescribeChangeSet pages `Changes` with NextToken; CreateChangeSet refuses a name already in
 * use (AlreadyExistsException); DeleteChangeSet refuses a change set that is CREATE_IN_PROGRESS
 * (InvalidChangeSetStatus).
 */
describe('change sets', () => {
  let aws: AwsStandIn;
  beforeEach(() => {
    aws = new AwsStandIn(server);
    aws.cloudFormation().seedStack(STACK, topics('A'));
  });

  const create = () =>
    createChangeSet({
      cloudFormation: client(),
      stackName: STACK,
      changeSetName: NAME,
      changeSetType: 'UPDATE',
      templateBody: topics('A', 'B', 'C'),
      description: 'test',
    });

  it('reads every page of a change set once CloudFormation has worked it out', async () => {
    aws.cloudFormation().changesPageSize = 1;
    const { changeSetId } = await create();

    const result = await waitForChangeSet({
      cloudFormation: client(),
      changeSetId,
      stackName: STACK,
      timing: timing(1000),
    });

    expect(result).toEqual({
      status: 'ready',
      changes: [
        { action: 'Add', logicalId: 'B', type: 'AWS::SNS::Topic' },
        { action: 'Add', logicalId: 'C', type: 'AWS::SNS::Topic' },
      ],
    });
    expect(
      aws.calls('cloudformation').filter(c => c.endsWith('DescribeChangeSet')),
    ).toHaveLength(3);
  });

  it('picks up the change set an interrupted attempt already created', async () => {
    const first = await create();
    const again = await create();

    expect(again).toEqual(first);
    expect(aws.calls()).toEqual([
      'cloudformation:CreateChangeSet',
      'cloudformation:CreateChangeSet',
      'cloudformation:DescribeChangeSet',
    ]);
  });

  it('gives up after the timeout, saying what the change set is still doing', async () => {
    aws.cloudFormation().looksWhileCreating = 1000;
    const { changeSetId } = await create();

    await expect(
      waitForChangeSet({
        cloudFormation: client(),
        changeSetId,
        stackName: STACK,
        timing: { pollIntervalMs: 1, timeoutMs: 5 },
      }),
    ).rejects.toThrow(
      'Timed out waiting for the change set of stack MacroAiStagingStack (still CREATE_IN_PROGRESS)',
    );
  });

  it('removes a change set CloudFormation is still creating by waiting for it to settle, as DeleteChangeSet refuses it before', async () => {
    aws.cloudFormation().looksWhileCreating = 3;
    const { changeSetId } = await create();

    expect(
      await removeChangeSet({
        cloudFormation: client(),
        changeSetId,
        timing: timing(5000),
      }),
    ).toEqual({ removed: true });

    expect(aws.cloudFormation().changeSets).toEqual([]);
    expect(
      aws.calls().filter(c => c.endsWith('DeleteChangeSet')).length,
    ).toBeGreaterThan(1);
    await expect(
      client().send(
        new DescribeChangeSetCommand({ ChangeSetName: changeSetId }),
      ),
    ).rejects.toMatchObject({ name: 'ChangeSetNotFoundException' });
  });

  it('names the change set it could not remove instead of throwing', async () => {
    aws.cloudFormation().looksWhileCreating = 1000;
    const { changeSetId } = await create();

    expect(
      await removeChangeSet({
        cloudFormation: client(),
        changeSetId,
        timing: timing(5),
      }),
    ).toEqual({
      removed: false,
      problem: `change set ${changeSetId} was left behind (InvalidChangeSetStatusException: Cannot delete ChangeSet in status CREATE_IN_PROGRESS); delete it in the CloudFormation console`,
    });
  });
});

describe('previewChanges', () => {
  let aws: AwsStandIn;
  beforeEach(() => {
    aws = new AwsStandIn(server);
    aws.cloudFormation().seedStack(STACK, topics('A'));
  });

  const preview = (waitMs: number, cleanupMs: number) =>
    previewChanges({
      cloudFormation: client(),
      stackName: STACK,
      synthesized: {
        template: JSON.parse(topics('A', 'B')),
        templateBody: topics('A', 'B'),
        assetResources: [],
      },
      changeSetName: 'stageline-plan-hobby-task-1',
      timing: timing(waitMs),
      cleanupTiming: timing(cleanupMs),
    });

  it('reports a timed-out wait, not the refused delete, and leaves no change set behind', async () => {
    aws.cloudFormation().looksWhileCreating = 50;

    await expect(preview(0, 10_000)).rejects.toThrow(
      /^Timed out waiting for the change set of stack MacroAiStagingStack \(still CREATE_IN_PROGRESS\)$/,
    );
    expect(aws.cloudFormation().changeSets).toEqual([]);
  });

  it('says which change set was left behind when it cannot be removed, after the real error', async () => {
    aws.cloudFormation().looksWhileCreating = 1_000_000;

    await expect(preview(0, 0)).rejects.toThrow(
      /^Timed out waiting for the change set of stack MacroAiStagingStack \(still CREATE_IN_PROGRESS\); change set arn:aws:cloudformation:eu-west-2:123456789012:changeSet\/stageline-plan-hobby-task-1\/[0-9a-f-]+ was left behind \(InvalidChangeSetStatusException: Cannot delete ChangeSet in status CREATE_IN_PROGRESS\); delete it in the CloudFormation console$/,
    );
  });

  it('reads the changes and deletes the change set', async () => {
    const result = await preview(1000, 1000);

    expect(result.summary).toMatchObject({ added: 1, modified: 0, removed: 0 });
    expect(aws.cloudFormation().changeSets).toEqual([]);
  });
});
